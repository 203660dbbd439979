import ArgumentParser
import NetExplorerAssets
import NetworkEngine

/// `netexplorer check FILE`: validate a scenario file and report every problem with its line.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a scenario file; report every problem with its line.")

    @Argument(help: "A scenario .yaml file (or a built-in name).")
    var file: String

    func run() throws {
        do {
            let s = try ScenarioCatalog.load(file)
            print("\(file): ok (\(s.name): \(s.architecture.rawValue), \(s.nodes) nodes, \(s.timeline.count) timeline actions)")
        } catch let e as ScenarioError {
            for p in e.problems { printError("\(e.source): \(p)") }
            throw ExitCode(1)
        }
    }
}
