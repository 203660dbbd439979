import ArgumentParser
import NetExplorerAssets
import NetworkEngine

/// `netexplorer check FILE`: validate a scenario or lesson file and report every problem with its line.
///
/// A file whose top level has a `steps` key is a lesson (its scenarios, overrides, actions and figures are checked
/// as well); any other file is a scenario.
///
/// A file that passes runs: every value is within `ScenarioLimits` and the whole within `ScenarioBudget`. Values that
/// are valid but would do nothing (an action after the end) are reported as warnings, and the file still passes.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a scenario or lesson file; report every problem with its line.")

    @Argument(help: "A scenario or lesson .yaml file (or a built-in name).")
    var file: String

    func run() throws {
        // A lesson file is told by its top-level `steps` key (`LessonDecoder.isLesson`); every other file is a scenario.
        if LessonCatalog.isLessonFile(file) { return try checkLesson() }
        do {
            let s = try ScenarioCatalog.load(file)
            ScenarioOptions.printWarnings(s, source: file)
            let bytes = ScenarioBudget.memoryTerms(s).reduce(0) { $0 + $1.amount }
            let events = ScenarioBudget.eventTerms(s).reduce(0) { $0 + $1.amount }
            print(TerminalText.escaped("\(file): ok (\(s.name): \(s.architecture.rawValue), \(s.nodes) nodes, "
                + "\(s.timeline.count) timeline actions; expected at most \(ScenarioBudget.bytes(bytes)) of memory, "
                + "\(ScenarioBudget.compact(events)) events per simulated second)"))
        } catch let e as ScenarioError {
            for p in e.problems { printError("\(e.source): \(p)") }
            throw ExitCode(1)
        }
    }

    private func checkLesson() throws {
        do {
            let lesson = try LessonCatalog.load(file)
            let checks = lesson.steps.filter { if case .check = $0.kind { true } else { false } }.count
            print(TerminalText.escaped("\(file): ok (lesson '\(lesson.title)': \(lesson.steps.count) steps, "
                + "\(lesson.asks.count) asks, \(checks) checks, \(RunReport.fixed(lesson.minutes, 0)) min)"))
        } catch let e as ScenarioError {
            for p in e.problems { printError("\(e.source): \(p)") }
            throw ExitCode(1)
        }
    }
}
