import Foundation
import Testing
import NetExplorerAssets
@testable import NetworkEngine

/// Lesson files are read as scenario files are: every problem at once, each with its line, unknown keys named with
/// the nearest known one; `load` overrides go through the scenario reader and `do` through the timeline's.
@Suite("Lesson files")
struct LessonDecoderTests {
    /// Scenarios for these tests come from the built-in catalog, as a lesson's `load` does.
    static func decode(_ yaml: String) throws -> Lesson {
        try LessonCatalog.decode(yaml: yaml, source: "test", folder: "")
    }

    static func problems(_ yaml: String) -> [String] {
        do {
            _ = try decode(yaml)
            return []
        } catch let e as ScenarioError {
            return e.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test("Every built-in lesson loads, and the claims of the comparison each have one")
    func builtinsLoad() throws {
        let names = LessonCatalog.builtinNames
        for name in ["saturation", "spof", "scalability", "churn", "security", "overload", "cost", "storage"] {
            #expect(names.contains(name), "no lesson '\(name)'")
        }
        for (name, lesson) in LessonCatalog.builtins() {
            switch lesson {
            case .success(let l):
                #expect(l.id == name)
                #expect((3...8).contains(l.minutes), "\(name) takes \(l.minutes) min at the projector")
                #expect(l.steps.contains { if case .ask = $0.kind { true } else { false } }, "\(name) asks nothing")
            case .failure(let e):
                Issue.record("\(name): \(e)")
            }
        }
    }

    @Test("A lesson is told from a scenario by its top-level steps key")
    func toldApart() {
        #expect(LessonDecoder.isLesson(yaml: "title: x\nsteps:\n  - say: hi\n"))
        #expect(!LessonDecoder.isLesson(yaml: "name: x\nnodes: 3\n"))
        #expect(!LessonDecoder.isLesson(yaml: "- steps\n"))
    }

    @Test("Every mistake is reported at once, with its line and the nearest known key")
    func mistakes() {
        let yaml = """
            title: Bad
            claim: x
            minutes: 5
            stepz: 1
            steps:
              - say: hi
              - lod: bottleneck
              - load: { scenario: bottleneck, nodez: 3, workload: { rat: 2 } }
              - do: [ { add_node: 3 }, { at: 3 }, { crash: banana } ]
              - run: { seconds: 10, sped: 3 }
              - ask: { id: q, question: "?", tolerance: 2, answer: 3 }
              - check: { label: x, measured: latency_ms.mean, expect: [3, 1], prediction: zz }
            """
        #expect(Self.problems(yaml) == [
            "line 4: unknown key 'stepz' at top level; did you mean 'steps'?",
            "line 7: unknown step 'lod'; did you mean 'load'?",
            "line 8: load: unknown key 'nodez' under load; did you mean 'nodes'?",
            "line 8: load: unknown key 'rat' under workload; did you mean 'rate'?",
            "line 9: unknown key 'add_node' under do; did you mean 'add_nodes'?",
            "line 9: 'do' acts when the lesson reaches it; leave out 'at'",
            "line 9: do: 'crash' must be 'server' or a node id (an integer of at least 0), got 'banana'",
            "line 10: unknown key 'sped' under run; did you mean 'speed'?",
            "line 11: a number's answer is the measurement, shown at the check that names this ask; leave out 'answer'",
            "line 12: 'check.prediction' names no earlier ask: 'zz'; earlier asks are: q",
            "line 12: 'check.expect' must be [low, high] with low ≤ high, got 3 above 1",
        ])
    }

    @Test("A check's figure must exist in its scenario's report, with a suggestion when it is a typo")
    func unknownFigure() {
        let yaml = """
            title: t
            claim: c
            minutes: 3
            steps:
              - load: bottleneck
              - check: { label: x, measured: latency_ms.meen, theory: theory.saturation, expect: [0, 1] }
              - check: { label: y, measured: run.requests.completed / scenario.workload.rat, expect: [0, 1] }
            """
        #expect(Self.problems(yaml) == [
            "line 6: 'check.measured': no figure 'latency_ms.meen' in the report; did you mean 'latency_ms.mean'?",
            "line 6: 'check.theory': no figure 'theory.saturation' in the report; theory's figures are: "
                + "theory.mean_latency_ms, theory.p_wait, theory.blocking, theory.saturation_nodes, theory.mean_hops, "
                + "theory.flood_reach, theory.messages_per_lookup, theory.availability, theory.exposed_share, theory.durability, theory.distribution_s",
            "line 7: 'check.measured': 'scenario.workload.rat' is not a numeric scenario key; did you mean "
                + "'scenario.workload.rate'?",
        ])
    }

    @Test("Overrides under load are scenario keys, and do's actions are the timeline's")
    func loadAndDo() throws {
        let lesson = try Self.decode("""
            title: t
            claim: c
            minutes: 3
            steps:
              - load: { scenario: bottleneck, nodes: 150, architecture: peer-mesh, workload: { timeout: 0 } }
              - do: [ { add_nodes: 40 }, { crash: server }, { fail_disk: 3 }, { toggle: client-server }, { set: { rate: 2 } } ]
              - do: [ { flash_crowd: 100 }, toggle, toggle_attack ]
              - run: { seconds: 10, speed: 5 }
              - check: { label: x, measured: run.requests.completed / scenario.workload.rate, expect: [0, 1] }
            """)
        guard case .load(let load) = lesson.steps[0].kind else { Issue.record("not a load"); return }
        #expect(load.scenario.nodes == 150)
        #expect(load.scenario.architecture == .peerMesh)
        #expect(load.scenario.workload.timeout == 0)
        #expect(load.scenario.server.workers == 4, "the file's other values stay")
        #expect(lesson.steps[1].kind == .act([.addNodes(40), .crash(.server), .failDisk(.node(3)),
                                              .switchArchitecture(to: .clientServer), .set(.rate, 2)]))
        #expect(lesson.steps[2].kind == .act([.flashCrowd(requests: 100), .toggleArchitecture, .toggleAttack]))
        #expect(lesson.steps[3].kind == .run(seconds: 10, speed: 5))
        #expect(lesson.steps[3].line == 8)
        guard case .check(let check) = lesson.steps[4].kind else { Issue.record("not a check"); return }
        #expect(check.measured.description == "run.requests.completed / scenario.workload.rate")
    }

    @Test("A scenario's budget refuses an override past what memory allows, naming the lesson's line")
    func budget() {
        let problems = Self.problems("""
            title: t
            claim: c
            minutes: 3
            steps:
              - load: { scenario: bottleneck, nodes: 1000000, workload: { resources: 1000000000 } }
              - check: { label: x, measured: latency_ms.mean, expect: [0, 1] }
            """)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.hasPrefix("line 5: load: ") }, "\(problems)")
    }

    @Test("The README's example lesson is a valid lesson")
    func readmeExample() throws {
        let readme = try String(contentsOf: ScenarioKeyTableTests.packageRoot().appendingPathComponent("README.md"),
                                encoding: .utf8)
        let section = try #require(readme.range(of: "### Writing a lesson\n"))
        let start = try #require(readme.range(of: "```yaml\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        let lesson = try Self.decode(String(readme[start.upperBound..<end.lowerBound]))
        #expect(lesson.title == "Saturation")
    }
}
