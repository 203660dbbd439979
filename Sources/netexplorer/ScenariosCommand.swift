import ArgumentParser
import NetExplorerAssets

/// `netexplorer scenarios`: the built-in scenarios, one line each.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios", abstract: "List the built-in scenarios, one line each.")

    func run() throws {
        let all = ScenarioCatalog.builtinSummaries()
        let width = all.map(\.name.count).max() ?? 0
        for s in all {
            print(s.name + String(repeating: " ", count: width - s.name.count) + "  " + s.description)
        }
    }
}
