import Testing
import NetworkEngine

/// Whatever the checker accepts runs: random scenarios with every key, each value drawn from the ends of its
/// documented range (`ScenarioLimits`), just inside them, or a typical value, written as YAML, decoded, then run with
/// live commands mixed in, and reported in every format.
///
/// A value within the limits must never be refused by the range checks (the generator and the checker read the same
/// table), and a scenario the budget accepts must run without a trap. The runs are short (a simulated second or two,
/// and at most `eventCap` events each) so the suite stays fast; `Scripts/fuzz-scenarios` runs the real binary on
/// mutated files for longer.
@Suite("Any scenario the checker accepts runs")
struct ScenarioPropertyTests {
    /// Scenarios per run of the suite, each drawn from its own seed.
    static let count = 400
    /// Events each run may take, so an extreme but accepted scenario (10⁸ events a simulated second) stays quick.
    static let eventCap = 20_000
    /// The most memory (the program's own 32 MB included) and set-up work of a scenario this suite runs in a debug
    /// build (see the test).
    static let debugBytes = 48.0 * 1024 * 1024
    static let debugSetup = 1e7

    /// One key of a scenario file with the values to draw from: the range's ends, values just inside, a typical one.
    struct Key {
        var path: String
        var values: [String]
    }

    static let seconds = ["0.001", "1", "30", "\(Int(ScenarioLimits.maxSeconds))", "1e8"]
    static let millis = ["0.001", "0", "5", "20", "1e6", "\(Int(ScenarioLimits.maxMillis))"]
    static let shares = ["0", "0.01", "0.5", "0.99", "1"]

    /// Every key the scenario format has, and where it lives.
    static let keys: [Key] = [
        Key(path: "seed", values: ["0", "1", "18446744073709551615"]),
        Key(path: "duration", values: ["0.001", "1", "2"]),
        Key(path: "architecture", values: ["client-server", "peer-mesh"]),
        Key(path: "nodes", values: ["0", "1", "2", "3", "20", "200", "\(ScenarioLimits.maxCount)"]),
        Key(path: "workload.rate", values: ["0", "1e-10", "0.5", "3", "100", "\(Int(ScenarioLimits.maxRate))"]),
        Key(path: "workload.resources", values: ["1", "2", "200", "\(ScenarioLimits.maxCount)"]),
        Key(path: "workload.popularity", values: ["uniform", "zipf"]),
        Key(path: "workload.timeout", values: ["0", "1e-9", "0.05", "5", "\(Int(ScenarioLimits.maxSeconds))"]),
        Key(path: "workload.retries", values: ["0", "1", "3", "\(ScenarioLimits.maxRetries)"]),
        Key(path: "network.latency_ms", values: millis),
        Key(path: "network.jitter_ms", values: millis),
        Key(path: "network.loss", values: shares),
        Key(path: "server.workers", values: ["1", "4", "1000", "\(ScenarioLimits.maxCount)"]),
        Key(path: "server.service_ms", values: ["\(ScenarioLimits.minServiceMillis)", "40", "1e9"]),
        Key(path: "server.service", values: ["exponential", "constant"]),
        Key(path: "server.queue", values: ["0", "1", "64", "\(ScenarioLimits.maxCount)"]),
        Key(path: "server.cost_per_hour", values: ["0", "1.2", "\(Int(ScenarioLimits.maxDollarsPerHour))"]),
        Key(path: "mesh.discovery", values: ["dht", "flooding"]),
        Key(path: "mesh.degree", values: ["1", "2", "4", "7", "1000", "\(ScenarioLimits.maxCount)"]),
        Key(path: "mesh.ttl", values: ["1", "3", "7", "\(ScenarioLimits.maxTTL)"]),
        Key(path: "mesh.replicas", values: ["1", "3", "50", "1000", "\(ScenarioLimits.maxCount)"]),
        Key(path: "mesh.workers", values: ["1", "2", "100", "\(ScenarioLimits.maxCount)"]),
        Key(path: "mesh.service_ms", values: ["\(ScenarioLimits.minServiceMillis)", "40", "1e9"]),
        Key(path: "mesh.queue", values: ["0", "1", "8", "\(ScenarioLimits.maxCount)"]),
        Key(path: "mesh.stabilize", values: ["0", "0.5", "5", "\(Int(ScenarioLimits.maxSeconds))"]),
        Key(path: "mesh.churn", values: ["{ mean_uptime: \(ScenarioLimits.minChurnSeconds), mean_downtime: 1 }",
                                         "{ mean_uptime: 10, mean_downtime: 2 }",
                                         "{ mean_uptime: 1e9, mean_downtime: 1e9 }", "null"]),
        Key(path: "security.accounts", values: ["0", "1", "50", "\(ScenarioLimits.maxCount)"]),
        Key(path: "security.lockout_after", values: ["1", "5", "\(ScenarioLimits.maxCount)"]),
        Key(path: "security.lockout_seconds", values: ["0", "20", "\(Int(ScenarioLimits.maxSeconds))"]),
        Key(path: "security.share_passwords", values: shares),
        Key(path: "security.weak_passwords", values: shares),
        Key(path: "security.attackers", values: ["0", "1", "3", "1000", "\(ScenarioLimits.maxCount)"]),
        Key(path: "security.attack_rate", values: ["0", "1e-10", "2", "\(Int(ScenarioLimits.maxRate))"]),
        Key(path: "security.login_ms", values: ["\(ScenarioLimits.minServiceMillis)", "10", "1e9"]),
        Key(path: "security.read_access", values: shares),
        Key(path: "security.dictionary", values: ["1", "20", "\(ScenarioLimits.maxDictionary)"]),
    ]

    /// Timeline actions at times from the start to past the end, aimed at nodes that may or may not exist.
    static let actions = [
        "add_nodes: 1", "add_nodes: 50", "add_nodes: \(ScenarioLimits.maxCount)", "remove_nodes: 1",
        "remove_nodes: 1000", "toggle: peer-mesh", "toggle: client-server", "crash: server", "restart: server",
        "crash: 1", "restart: 1", "crash: 0", "crash: 999999",
    ]

    /// A scenario file drawing each key's value from `random`.
    static func yaml(_ random: inout SeededRandom) -> String {
        var sections: [String: [String]] = [:]
        var top = ["name: property \(random.below(1000))"]
        for key in keys where random.below(4) != 0 {
            let value = key.values[random.below(key.values.count)]
            let parts = key.path.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 1 { top.append("\(key.path): \(value)") } else { sections[parts[0], default: []].append("  \(parts[1]): \(value)") }
        }
        var text = top.joined(separator: "\n") + "\n"
        for (section, lines) in sections.sorted(by: { $0.key < $1.key }) {
            text += "\(section):\n" + lines.joined(separator: "\n") + "\n"
        }
        let count = random.below(4)
        if count > 0 {
            text += "timeline:\n"
            for _ in 0..<count {
                let at = ["0", "0.5", "1", "3", "\(Int(ScenarioLimits.maxSeconds))"][random.below(5)]
                text += "  - { at: \(at), \(actions[random.below(actions.count)]) }\n"
            }
        }
        return text
    }

    @Test("random scenarios within the limits are accepted or refused as a whole, and those accepted run in every format")
    func acceptedScenariosRun() throws {
        var accepted = 0, ran = 0
        for seed in 0..<UInt64(Self.count) {
            var random = SeededRandom(seed: seed, stream: .workload)
            let text = Self.yaml(&random)
            let scenario: Scenario
            do {
                scenario = try ScenarioDecoder.decode(yaml: text, source: "generated")
            } catch let error as ScenarioError {
                // Every value is within its limits, so only the budget may refuse, and only as a whole.
                let budget = error.problems.allSatisfy { p in
                    ["memory", "events per simulated second", "steps to build", "copies"].contains { p.message.contains($0) }
                }
                #expect(budget, "seed \(seed): a value within the limits was refused:\n\(error)\n\(text)")
                continue
            }
            accepted += 1
            // A debug build runs the engine 25-45 times slower than release: scenarios that are costly to build
            // (a million resources placed on peers, say) are left to the fuzz script's release runs.
            let bytes = ScenarioBudget.memoryTerms(scenario).reduce(0) { $0 + $1.amount }
            let setup = ScenarioBudget.setupTerms(scenario).reduce(0) { $0 + $1.amount }
            guard bytes <= Self.debugBytes, setup <= Self.debugSetup else { continue }
            ran += 1
            let engine = Engine(scenario: scenario)
            let end = SimTime.seconds(min(scenario.duration, 2))
            var budget = Self.eventCap
            // Commands mid-run, as the live view sends them.
            for (i, command) in [EngineCommand.toggleArchitecture, .addNodes(3), .toggleNode(1), .flashCrowd(requests: 20),
                                 .toggleAttack, .removeNodes(2), .toggleArchitecture].enumerated() {
                let before = engine.eventsProcessed
                engine.advance(to: end * SimTime(i + 1) / 8, maxEvents: budget / 8)
                budget -= engine.eventsProcessed - before
                _ = engine.apply(command)
                _ = engine.snapshot()
            }
            engine.advance(to: end, maxEvents: max(0, budget))
            let report = engine.report()
            #expect(!report.json.serialized().isEmpty)
            #expect(report.csv.hasPrefix("t_s,"))
            #expect(report.table.contains("scenario"))
            // Every request accounted for, against the table and the clients (not the counters alone).
            #expect(engine.requestAudit.isConserved, "seed \(seed): \(engine.requestAudit)")
        }
        // The generator must mostly produce scenarios that run, or the test checks little.
        #expect(accepted >= Self.count / 2, "only \(accepted) of \(Self.count) generated scenarios were accepted")
        #expect(ran >= Self.count / 8, "only \(ran) of \(Self.count) generated scenarios were run")
    }
}
