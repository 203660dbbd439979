import ArgumentParser
import NetExplorerAssets
import NetworkEngine

extension Architecture: ExpressibleByArgument {}

/// The scenario argument and the flags that override its file, shared by `run` and `simulate`.
///
/// Every flag is checked by argument-parser (its type, then `validate()` for the range), against the same limits
/// as the file checker (`ScenarioLimits`), so a value is accepted or refused the same way wherever it is given.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "A built-in scenario name (see 'netexplorer scenarios') or a path to a .yaml file.")
    var scenario: String = "classroom"

    @Option(name: .long, help: "client-server or peer-mesh.")
    var architecture: Architecture?

    // `.unconditional` so that `--nodes -5` reaches the range check and its clear message.
    @Option(name: .long, parsing: .unconditional, help: "Number of clients (or peers), 0 to \(Engine.maxNodes).")
    var nodes: Int?

    @Option(name: .long, parsing: .unconditional, help: "Seed of the random streams, 0 to \(UInt64.max).")
    var seed: UInt64?

    func validate() throws {
        if let nodes { try Self.validate(nodes: nodes, flag: "--nodes") }
    }

    /// A node count as every command accepts it: 0 to the engine's cap, as a file's `nodes` is.
    static func validate(nodes: Int, flag: String) throws {
        guard (0...Engine.maxNodes).contains(nodes) else {
            throw ValidationError("\(flag) must be between 0 and \(Engine.maxNodes), got \(nodes)")
        }
    }

    /// A span of simulated seconds given on the command line: finite, and within what the engine represents.
    static func validate(seconds: Double, flag: String, allowingZero: Bool) throws {
        let max = ScenarioLimits.maxSeconds
        let low = allowingZero ? seconds >= 0 : seconds > 0
        guard low, seconds <= max else {
            let range = allowingZero ? "from 0 to \(Int(max))" : "more than 0 and at most \(Int(max))"
            throw ValidationError("\(flag) must be \(range) seconds, got \(seconds)")
        }
    }

    /// Loads the scenario and applies the flags; every problem becomes a `CLIError`.
    func load() throws -> Scenario {
        try Self.load(scenario, architecture: architecture, nodes: nodes, seed: seed)
    }

    /// Loads `scenario` (a built-in name or a path), applies the overrides given, and checks what the result would
    /// cost to run (a flag can make a file's scenario too big).
    static func load(_ scenario: String, architecture: Architecture? = nil, nodes: Int? = nil,
                     seed: UInt64? = nil) throws -> Scenario {
        var s: Scenario
        do {
            s = try ScenarioCatalog.load(scenario)
        } catch let e as ScenarioError {
            throw CLIError(messages: e.problems.map { "\(e.source): \($0)" })
        }
        if let architecture { s.architecture = architecture }
        if let nodes { s.nodes = nodes }
        if let seed { s.seed = seed }
        try checkBudget(s, source: scenario)
        return s
    }

    /// Refuses a scenario whose flags made it exhaust memory or time (the file itself was checked when loaded).
    static func checkBudget(_ s: Scenario, source: String) throws {
        let problems = ScenarioBudget.problems(s, lines: s.keyLines.lines)
        guard problems.isEmpty else { throw CLIError(messages: problems.map { "\(source): \($0)" }) }
    }

    /// The scenario's warnings, printed on stderr (they do not stop the run).
    static func printWarnings(_ s: Scenario, source: String) {
        for w in ScenarioWarnings.of(s) { printError("\(source): \(w)") }
    }
}
