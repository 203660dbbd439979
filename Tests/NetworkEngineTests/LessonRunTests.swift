import Foundation
import Testing
import NetExplorerAssets
import NetworkEngine

/// A lesson carried out headless, as `netexplorer lesson NAME --script FILE` does.
@Suite("Lessons run headless")
struct LessonRunTests {
    /// Runs every step with the given answers by ask id.
    static func run(_ lesson: Lesson, _ answers: [String: LessonAnswer]) -> LessonRun {
        var run = LessonRun(lesson: lesson)
        while let step = run.current {
            if case .ask(let ask) = step.kind { run.answer(answers[ask.id]) }
            run.perform()
        }
        return run
    }

    /// The ranges are the lesson file's own, derived there from theory (M/M/4/68 at 40 and 150 clients; a saturated
    /// server's Poisson completions); this guards that the engine, the figures' reading and the file agree.
    @Test("saturation: each measured figure lands in its range, beside the learner's prediction and the theory")
    func saturation() throws {
        let lesson = try LessonCatalog.load("saturation")
        let run = Self.run(lesson, ["n_star": .number(67)])
        let checks = run.results.filter { $0.inRange != nil }
        #expect(checks.count == 3)
        for c in checks {
            #expect(c.inRange == true, "\(c.text): measured \(c.measured ?? .nan), theory \(c.theory ?? .nan)")
        }
        let nStar = try #require(checks.first { $0.answer != nil })
        #expect(nStar.answer == "67")
        #expect(abs((nStar.theory ?? 0) - 4 * (1000 / 40) / 1.5) < 0.01, "N* = workers·(1000/service_ms)/rate")
        #expect(nStar.verdict?.hasPrefix("close") == true)
    }

    @Test("A prediction far from the measurement is told how far; a missing one is told so")
    func verdicts() throws {
        let lesson = try LessonCatalog.load("saturation")
        let off = Self.run(lesson, ["n_star": .number(20)])
        let verdict = off.results.compactMap(\.verdict).first ?? ""
        #expect(verdict.hasPrefix("off by 4"), "got \(verdict)")
        let none = Self.run(lesson, [:])
        #expect(none.results.compactMap(\.verdict).first == "no prediction")
    }

    @Test("A measurement outside its expect range is reported as such")
    func outOfRange() throws {
        // The same network as the saturation lesson's first check, with a range theory rules out (87 ms expected).
        let lesson = try LessonCatalog.decode(yaml: """
            title: wrong
            claim: c
            minutes: 3
            steps:
              - load: { scenario: bottleneck, nodes: 40, workload: { timeout: 0, retries: 0 }, security: { accounts: 0 } }
              - run: 20
              - check: { label: latency, measured: latency_ms.mean, theory: theory.mean_latency_ms, expect: [40, 60] }
            """, source: "wrong", folder: "")
        let run = Self.run(lesson, [:])
        let check = try #require(run.results.last)
        #expect(check.inRange == false)
        #expect((check.measured ?? 0) > 60)
    }

    @Test("A choice is judged as soon as it is answered; a scripted answer is read as its ask wants")
    func choice() throws {
        let lesson = try LessonCatalog.load("spof")
        let answers = try LessonScript.read(yaml: #"{ "server_down": "C", "mesh_share": 0.97 }"#, source: "s", for: lesson)
        #expect(answers == ["server_down": .choice("c"), "mesh_share": .number(0.97)])
        #expect(throws: ScenarioError.self) {
            try LessonScript.read(yaml: "{ server_down: z, nope: 1 }", source: "s", for: lesson)
        }
        var run = LessonRun(lesson: lesson)
        while let step = run.current, !step.isAsk { run.perform() }
        run.answer(.choice("a"))
        let performed = run.perform()
        let asked = try #require(performed)
        #expect(asked.verdict == "not quite: the answer is c) none at all")
    }
}

extension LessonStep {
    var isAsk: Bool { if case .ask = kind { true } else { false } }
}
