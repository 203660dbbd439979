import Testing
import NetworkEngine

/// Whatever the checker accepts runs: random scenarios with every key of `ScenarioKeyTable`, each value drawn from the
/// ends of its documented range (from `ScenarioLimits`), just inside them, or a typical value, written as YAML,
/// decoded, then run with live commands mixed in, and reported in every format.
///
/// A value within the limits must never be refused by the range checks (the generator reads the bounds the table
/// documents, not the checker's verdict), and a scenario the budget accepts must run without a trap. The runs are short (a simulated second or two,
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
    /// The most worker slots a debug run may reset per simulated second: a peer that leaves frees each of its
    /// `mesh.workers`, so fast churn on peers with a million workers each is minutes of work in a debug build.
    static let debugChurnWork = 1e7

    /// One key of a scenario file with the values to draw from.
    struct Key {
        var path: String
        var values: [String]
    }

    /// Every key of `ScenarioKeyTable` but the texts (the name is drawn apart) and the timeline's (drawn as actions).
    /// The keys a mapping must give all of (churn's two means) are drawn together, as one flow mapping, or as null.
    static let keys: [Key] = {
        var keys: [Key] = []
        for key in ScenarioKeyTable.keys where key.kind != .text && key.parent != "timeline" {
            guard key.isRequired, let parent = key.parent else {
                keys.append(Key(path: key.path, values: values(for: key)))
                continue
            }
            guard !keys.contains(where: { $0.path == parent }) else { continue }
            let columns = ScenarioKeyTable.keys.filter { $0.parent == parent }.map { ($0.name, values(for: $0)) }
            let rows = (0..<(columns.map(\.1.count).max() ?? 0)).map { row in
                "{ " + columns.map { "\($0.0): \($0.1[row % $0.1.count])" }.joined(separator: ", ") + " }"
            }
            keys.append(Key(path: parent, values: rows + ["null"]))
        }
        return keys
    }()

    /// Timeline actions from the table's action keys, at times from the start to past the end, aimed at nodes that
    /// may or may not exist.
    static let actions: [String] = ScenarioKeyTable.keys.filter { $0.parent == "timeline" && !$0.isRequired }
        .flatMap { key in values(for: key).map { "\(key.name): \($0)" } }
    static let times = ScenarioKeyTable.key("timeline.at").map(values(for:)) ?? ["0"]

    /// A key's values from its kind and limits: the lowest accepted, one just above it, the default (or one more than
    /// the lowest), ten times that, and the highest.
    static func values(for key: ScenarioKey) -> [String] {
        let numbers: [Double]
        switch key.kind {
        case .text: return ["text"]
        case .seed: return ["0", "1", "\(UInt64.max)"]
        case .choice(let choices): return choices
        case .node: return ["server", "0", "1", "999999"]
        case .setting:
            // Each parameter with its own key's values, as a set entry writes them.
            return ScenarioParameter.allCases.flatMap { parameter in
                parameter.key.map { values(for: $0).map { "{ \(parameter.rawValue): \($0) }" } } ?? []
            }
        case .integer(let range):
            let first = range.lowerIncluded ? range.lower : range.lower.rounded(.down) + 1
            numbers = candidates(first: first, next: first + 1, key: key, range: range)
        case .number(let range):
            let first = range.lowerIncluded ? range.lower : range.lower + 0.001
            numbers = candidates(first: first, next: first == 0 ? 1e-9 : first * 2, key: key, range: range)
        case .rates(let range):
            // A number as the number kind draws it, and classes of the ends of the range with shares adding to 1.
            let first = range.lowerIncluded ? range.lower : range.lower + 0.001
            let single = candidates(first: first, next: first == 0 ? 1e-9 : first * 2, key: key, range: range)
                .map { ScenarioValue.number($0).description }
            let upper = ScenarioValue.number(range.upper ?? 1000).description
            let low = ScenarioValue.number(first).description
            return single + ["[{ share: 0.5, mbps: \(low) }, { share: 0.5, mbps: \(upper) }]",
                             "[{ share: 0.25, mbps: \(low) }, { share: 0.75, mbps: \(single[single.count / 2]) }]"]
        }
        return numbers.map { ScenarioValue.number($0).description }
    }

    private static func candidates(first: Double, next: Double, key: ScenarioKey, range: ScenarioRange) -> [Double] {
        let typical: Double
        switch key.defaultValue {
        case .integer(let n)?: typical = Double(n)
        case .number(let x)?: typical = x
        case .rates(let classes)? where classes.count == 1: typical = classes[0].mbps
        default: typical = first + 1
        }
        // Within the bounds as the README states them (the upper one included), not as the checker computes them:
        // a checker refusing a value the table allows must fail this test.
        let upper = range.upper ?? typical * 1000
        var out: [Double] = []
        for x in [first, next, typical, typical * 10, upper] where x >= first && x <= upper && !out.contains(x) {
            out.append(x)
        }
        return out
    }

    /// A scenario file drawing each key's value from `random`.
    static func yaml(_ random: inout SeededRandom) -> String {
        var sections: [String: [String]] = [:]
        var top = ["name: property \(random.below(1000))"]
        for key in keys where random.below(2) != 0 {
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
                let at = times[random.below(times.count)]
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
            let moves = ScenarioBudget.eventTerms(scenario).filter { $0.keys.contains("mesh.churn.mean_uptime") }
                .reduce(0) { $0 + $1.amount }
            let churnWork = moves * Double(scenario.mesh.workers)
            guard bytes <= Self.debugBytes, setup <= Self.debugSetup, churnWork <= Self.debugChurnWork else { continue }
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
