import ArgumentParser
import Foundation
import NetExplorerAssets
import NetworkEngine

/// `netexplorer lesson NAME --script FILE [--answers FILE.json]`: a lesson run headless with scripted answers.
///
/// Each step is printed as it is carried out (its text, the learner's answer, the measurement, the theory, the
/// verdict); the command exits with status 2 when a measured figure falls outside its check's `expect` range, so a
/// lesson that would teach a wrong number fails CI. Without `--script` it opens the lesson in the live view (and
/// `--answers` saves what was answered there when the view closes).
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson", abstract: "A guided lesson: predict, run, check (headless with --script).")

    @Argument(help: "A built-in lesson (netexplorer lessons lists them) or a lesson .yaml file; none: pick one.")
    var name: String?

    @Option(name: .long, help: "A YAML or JSON file of answers by ask id ({ n_star: 70 }): run headless.")
    var script: String?

    @Option(name: .long, help: "Save the answers and results to this new JSON file (never overwritten).")
    var answers: String?

    /// The status when a measurement falls outside its range (1 is bad input).
    static let outOfRangeStatus: Int32 = 2

    func run() throws {
        guard let name else {
            // The live view on the lessons' picker, as `l` opens it.
            if script != nil || answers != nil {
                throw CLIError(message: "--script and --answers need a lesson's name (netexplorer lessons lists them)",
                               status: 64)
            }
            let live = try RunCommand.parse(["--pick-lesson"])
            return try live.run()
        }
        let lesson: Lesson
        do { lesson = try LessonCatalog.load(name) } catch let e as ScenarioError {
            throw CLIError(messages: e.problems.map { "\(e.source): \($0)" })
        }
        if let answers, FileManager.default.fileExists(atPath: answers) {
            throw CLIError(message: "'\(answers)' exists already; answers are never written over another file")
        }
        guard let script else {
            // The live view: the same as `netexplorer run --lesson NAME [--answers FILE]`.
            let live = try RunCommand.parse(["--lesson", name] + (answers.map { ["--answers", $0] } ?? []))
            return try live.run()
        }
        let given = try Self.readScript(script, for: lesson)
        var run = LessonRun(lesson: lesson)
        print(TerminalText.escaped("\(lesson.title) (\(RunReport.fixed(lesson.minutes, 0)) min)"))
        print(TerminalText.escaped("claim: \(lesson.claim)"))
        while let step = run.current {
            if case .ask(let ask) = step.kind { run.answer(given[ask.id]) }
            guard let result = run.perform() else { break }
            print(TerminalText.escaped(Self.lines(result, lesson: lesson), keepingNewlines: true))
        }
        let checks = run.results.filter { $0.inRange != nil }
        let missed = checks.filter { $0.inRange == false }
        print("\(checks.count - missed.count) of \(checks.count) checks in range")
        if let answers { try Self.save(run, lesson: lesson, to: answers) }
        if !missed.isEmpty { throw ExitCode(Self.outOfRangeStatus) }
    }

    // MARK: - Printing

    /// A step as the headless run prints it: `[6] check: label`, then its figures and explanation, indented.
    static func lines(_ r: LessonStepResult, lesson: Lesson) -> String {
        var out = "[\(r.index + 1)] \(r.step.word): \(r.text)"
        if case .ask(let ask) = r.step.kind {
            if case .choice(let options, _) = ask.answer {
                for o in options { out += "\n    \(o.key)) \(o.text)" }
            }
            out += "\n    answer: \(r.answer ?? "(none)")"
            if let verdict = r.verdict { out += "  · \(verdict)" }
        }
        if case .check(let check) = r.step.kind {
            let unit: String
            if let id = check.prediction, case .number(_, let u)? = lesson.asks[id]?.answer { unit = u } else { unit = "" }
            var figures: [String] = []
            if check.prediction != nil { figures.append("prediction \(r.answer ?? "—")") }
            figures.append("measured \(r.measured.map(LessonRun.shown) ?? "—")")
            if check.theory != nil { figures.append("theory \(r.theory.map(LessonRun.shown) ?? "— (model does not apply)")") }
            out += "\n    " + figures.joined(separator: " · ") + (unit.isEmpty ? "" : " (\(unit))")
            out += "\n    expect \(check.expectText): " + (r.inRange == true ? "in range" : "OUT OF RANGE")
            if let verdict = r.verdict { out += "\n    you: \(verdict)" }
        }
        if !r.explain.isEmpty { out += "\n    " + r.explain }
        return out
    }

    // MARK: - Script and answers

    /// The scripted answers by ask id, each read as its ask wants; every problem at once.
    static func readScript(_ path: String, for lesson: Lesson) throws -> [String: LessonAnswer] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CLIError(message: "cannot read '\(path)'")
        }
        do { return try LessonScript.read(yaml: text, source: path, for: lesson) } catch let e as ScenarioError {
            throw CLIError(messages: e.problems.map { "\(e.source): \($0)" })
        }
    }

    /// Writes the answers and results to a new file (O_EXCL: an existing file is never replaced).
    static func save(_ run: LessonRun, lesson: Lesson, to path: String) throws {
        func number(_ x: Double?) -> JSONValue { x.map { .rounded($0, 4) } ?? .null }
        let steps: [JSONValue] = run.results.compactMap { r in
            switch r.step.kind {
            case .ask(let ask):
                return .object([("step", .int(r.index + 1)), ("kind", .string("ask")), ("id", .string(ask.id)),
                                ("question", .string(ask.question)), ("answer", r.answer.map(JSONValue.string) ?? .null),
                                ("verdict", r.verdict.map(JSONValue.string) ?? .null)])
            case .check(let check):
                return .object([("step", .int(r.index + 1)), ("kind", .string("check")), ("label", .string(check.label)),
                                ("prediction_of", check.prediction.map(JSONValue.string) ?? .null),
                                ("prediction", r.answer.map(JSONValue.string) ?? .null),
                                ("measured", number(r.measured)), ("theory", number(r.theory)),
                                ("expect", .array([.number(check.expect.lowerBound), .number(check.expect.upperBound)])),
                                ("in_range", .bool(r.inRange ?? false)),
                                ("verdict", r.verdict.map(JSONValue.string) ?? .null)])
            default:
                return nil
            }
        }
        let json = JSONValue.object([
            ("schema_version", .int(1)), ("lesson", .string(lesson.id)), ("title", .string(lesson.title)),
            ("answers", .object(run.answers.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.description)) })),
            ("steps", .array(steps)),
        ])
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "it exists already; answers are never written over another file"
                : String(cString: strerror(errno))
            throw CLIError(message: "cannot write answers to '\(path)': \(reason)")
        }
        defer { close(fd) }
        let bytes = Array((json.serialized(pretty: true) + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw CLIError(message: "cannot write answers to '\(path)'") }
    }
}
