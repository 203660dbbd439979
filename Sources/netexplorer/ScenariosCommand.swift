import ArgumentParser
import NetExplorerAssets
import NetworkEngine

/// `netexplorer scenarios`: the built-in scenarios, one line each; with `--keys`, every key a scenario file accepts.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios", abstract: "List the built-in scenarios, one line each (or, with --keys, every key).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

    @Flag(name: .long, help: "List every key a scenario file accepts: its default, its range and what it means.")
    var keys = false

    @Option(name: .long, help: "With --keys: markdown (the README's table) or json.")
    var format: Format?

    func validate() throws {
        if format != nil, !keys { throw ValidationError("--format goes with --keys") }
    }

    func run() throws {
        if keys {
            // The markdown ends in a newline already: the README's table is these bytes.
            switch format ?? .markdown {
            case .markdown: print(ScenarioKeyTable.markdown, terminator: "")
            // An object, as every JSON output is: `schema_version` first, then the keys in the table's order.
            case .json:
                print(JSONValue.object([("schema_version", .int(RunReport.schemaVersion)),
                                        ("keys", ScenarioKeyTable.json)]).serialized(pretty: true))
            }
            return
        }
        let all = ScenarioCatalog.builtinSummaries()
        let width = all.map(\.name.count).max() ?? 0
        for s in all {
            print(s.name + String(repeating: " ", count: width - s.name.count) + "  " + s.description)
        }
    }
}
