import ArgumentParser
import NetExplorerAssets
import NetworkEngine

/// `netexplorer check FILE`: validate a scenario file and report every problem with its line.
///
/// A file that passes runs: every value is within `ScenarioLimits` and the whole within `ScenarioBudget`. Values that
/// are valid but would do nothing (an action after the end) are reported as warnings, and the file still passes.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a scenario file; report every problem with its line.")

    @Argument(help: "A scenario .yaml file (or a built-in name).")
    var file: String

    func run() throws {
        do {
            let s = try ScenarioCatalog.load(file)
            ScenarioOptions.printWarnings(s, source: file)
            print(TerminalText.escaped("\(file): ok (\(s.name): \(s.architecture.rawValue), \(s.nodes) nodes, "
                + "\(s.timeline.count) timeline actions)"))
        } catch let e as ScenarioError {
            for p in e.problems { printError("\(e.source): \(p)") }
            throw ExitCode(1)
        }
    }
}
