import ArgumentParser
import NetExplorerAssets
import NetworkEngine

/// The scenario argument and the flags that override its file, shared by `run` and `simulate`.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "A built-in scenario name (see 'netexplorer scenarios') or a path to a .yaml file.")
    var scenario: String = "classroom"

    @Option(name: .long, help: "client-server or peer-mesh.")
    var architecture: String?

    // `.unconditional` so that `--nodes -5` reaches our own check and its clear message.
    @Option(name: .long, parsing: .unconditional, help: "Number of clients (or peers).")
    var nodes: Int?

    @Option(name: .long, parsing: .unconditional, help: "Seed of the random streams.")
    var seed: Int?

    /// Loads the scenario and applies the flags; every problem becomes a `CLIError`.
    func load() throws -> Scenario {
        try Self.load(scenario, architecture: architecture, nodes: nodes, seed: seed)
    }

    /// Loads `scenario` (a built-in name or a path) and applies the overrides given.
    static func load(_ scenario: String, architecture: String? = nil, nodes: Int? = nil, seed: Int? = nil) throws -> Scenario {
        var s: Scenario
        do {
            s = try ScenarioCatalog.load(scenario)
        } catch let e as ScenarioError {
            throw CLIError(message: e.problems.map { "\(e.source): \($0)" }.joined(separator: "\nnetexplorer: "))
        }
        if let a = architecture {
            guard let arch = Architecture(rawValue: a) else {
                throw CLIError(message: "--architecture must be client-server or peer-mesh, got '\(a)'", status: 64)
            }
            s.architecture = arch
        }
        if let n = nodes {
            guard n >= 0, n <= Engine.maxNodes else {
                throw CLIError(message: "--nodes must be between 0 and \(Engine.maxNodes), got \(n)", status: 64)
            }
            s.nodes = n
        }
        if let seed {
            guard seed >= 0 else { throw CLIError(message: "--seed must be 0 or more, got \(seed)", status: 64) }
            s.seed = UInt64(seed)
        }
        return s
    }
}
