import Foundation
import Testing
import NetworkEngine

/// Bad input never crashes: the limits derived from what the engine represents, the budget that refuses what would
/// exhaust memory or time, the nesting check in front of the YAML parser, and the warnings for actions that would
/// silently do nothing.
@Suite("Hardened scenario input")
struct ScenarioHardeningTests {
    func problems(_ yaml: String) -> [String] {
        do {
            _ = try ScenarioDecoder.decode(yaml: yaml, source: "t")
            return []
        } catch let e as ScenarioError {
            return e.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test("times beyond the end of simulated time saturate instead of trapping")
    func saturatingTime() {
        #expect(SimTime.seconds(1e9) == 1_000_000_000 * SimTime.nanosPerSecond)
        #expect(SimTime.seconds(1e10) == .never)
        #expect(SimTime.seconds(1e30) == .never)
        #expect(SimTime.seconds(-1e30) == .min)
        #expect(SimTime.seconds(.nan) == 0)
        #expect(SimTime.saturating(nanos: 9_223_372_036_854_775_808.0) == .max)
        var r = SeededRandom(seed: 1, stream: .churn)
        // A mean of 10^18 ns times -log u (up to 37) is far past Int64: the draw is capped, never a trap.
        var longest: SimTime = 0
        for _ in 0..<100_000 { longest = max(longest, r.exponential(mean: 1_000_000_000_000_000_000)) }
        // 100,000 draws reach -log u ≈ 11.5 (1.15·10¹⁹ ns uncapped): the cap must have held them.
        #expect(longest == SimTime(SeededRandom.exponentialCap + 0.5))
    }

    @Test("the fixed-point formatter shows a figure beyond Int's range instead of trapping")
    func formatterNeverTraps() {
        #expect(RunReport.fixed(1e300, 4) == "1e+300")
        #expect(RunReport.fixed(-1e19, 0) == "-1e+19")
        #expect(RunReport.fixed(12.5, 1) == "12.5")
    }

    @Test("values past the engine's field widths are refused with the limit", arguments: [
        ("workload: { retries: 65536 }", "'workload.retries' must be between 0 and 65535"),
        ("mesh: { ttl: 256 }", "'mesh.ttl' must be between 1 and 255"),
        ("duration: 1e10", "'duration' must be greater than 0 and at most 1000000000"),
        ("server: { cost_per_hour: 1e300 }", "'server.cost_per_hour' must be between 0 and 1000000000"),
        ("mesh: { churn: { mean_uptime: 1e-9, mean_downtime: 1 } }", "'mesh.churn.mean_uptime' must be between 0.001"),
        ("server: { service_ms: 1e-9 }", "'server.service_ms' must be between 0.001"),
    ])
    func fieldWidths(line: String, expected: String) {
        let found = problems("name: x\n" + line + "\n")
        #expect(found.contains { $0.contains(expected) }, "\(found)")
    }

    @Test("combinations that would exhaust memory or time are refused on one line naming their keys", arguments: [
        ("architecture: peer-mesh\nnodes: 20000\nworkload: { resources: 1000000 }\nmesh: { replicas: 1000000 }",
         "line 5: mesh.replicas × workload.resources = 2e10 copies: at most 1e8"),
        ("nodes: 5000\nmesh: { workers: 1000000 }", "line 3: mesh.workers × nodes = 5e9 peer workers need"),
        ("nodes: 2000\nmesh: { discovery: flooding, degree: 1000000 }", "mesh.degree"),
        ("nodes: 2000\nmesh: { churn: { mean_uptime: 0.001, mean_downtime: 0.001 } }\nworkload: { rate: 10000 }",
         "events per simulated second"),
        ("nodes: 1000000\nworkload: { rate: 10000 }", "line 3: workload.rate × nodes"),
        // Fast churn on peers with many workers: each departure fails and resets every worker slot.
        ("nodes: 100\nmesh: { workers: 100000, churn: { mean_uptime: 0.002, mean_downtime: 0.002 } }",
         "each departure resetting mesh.workers slots"),
    ])
    func budget(yaml: String, expected: String) {
        let found = problems("name: x\n" + yaml + "\n")
        #expect(found.contains { $0.contains(expected) }, "\(found)")
        #expect(found.allSatisfy { !$0.contains("\n") })
    }

    @Test("real work that ends is allowed: a million clients for an hour")
    func millionClients() {
        #expect(problems("name: x\nnodes: 1000000\nduration: 3600\n") == [])
    }

    @Test("adding nodes live is costed too: growth that would exhaust memory is refused, and nothing changes")
    func liveGrowthIsCosted() {
        var s = Scenario(name: "x")
        s.nodes = 10
        s.mesh.workers = 1000
        let engine = Engine(scenario: s)
        let refused = engine.apply(.addNodes(999_990))
        #expect(!refused.accepted)
        #expect(refused.message.contains("mesh.workers × nodes"), "\(refused.message)")
        #expect(engine.activeClients == 10)
        #expect(engine.apply(.addNodes(100)).accepted)
        #expect(engine.activeClients == 110)
    }

    @Test("a flash crowd is costed: one that would pass the memory limit is refused, and no request is issued")
    func flashCrowdIsCosted() {
        var s = Scenario(name: "x")
        s.nodes = 1000
        let engine = Engine(scenario: s)
        let refused = engine.apply(.flashCrowd(requests: 100_000_000))
        #expect(!refused.accepted)
        #expect(refused.message.contains("memory limit"), "\(refused.message)")
        #expect(engine.report().requests.issued == 0)
        #expect(engine.apply(.flashCrowd(requests: 100)).accepted)
    }

    @Test("costs the review found missing: seeding replicas on a switch, flood messages in flight, guesses in flight, rebuilds", arguments: [
        // 2·10⁷ copies seeded at once on a switch to the mesh peaked at 1.6 GB: 3·10⁷ would pass 2 GB.
        ("nodes: 100000\nworkload: { resources: 1000000 }\nmesh: { replicas: 30 }", "copies need"),
        // 10⁴ peers at degree 100, TTL 3 and 1 s hops: 1.1 GB of flood messages pending.
        ("nodes: 10000\narchitecture: peer-mesh\nnetwork: { latency_ms: 1000 }\nmesh: { discovery: flooding, degree: 100, ttl: 3 }",
         "flood"),
        // A million guesses a second, each alive for a 10 s round trip.
        ("nodes: 100\nnetwork: { latency_ms: 5000 }\nsecurity: { attackers: 100, attack_rate: 10000 }", "requests in flight"),
        // A DHT rebuilt for each of 2,000 additions.
        ("nodes: 1000\nworkload: { resources: 1000000 }\ntimeline:\n" + String(repeating: "  - { at: 1, add_nodes: 1 }\n", count: 2000),
         "building the mesh 2001 times"),
    ])
    func reviewFoundCosts(yaml: String, expected: String) {
        let found = problems("name: x\n" + yaml)
        #expect(found.contains { $0.contains(expected) }, "\(found)")
    }

    @Test("nesting deeper than the limit is refused before the YAML parser, whatever the line breaks")
    func nesting() {
        let brackets = "name: x\nworkload: " + String(repeating: "[", count: 4700) + String(repeating: "]", count: 4700)
        #expect(problems(brackets).first?.hasPrefix("line 2: lists and mappings nest 33 deep") == true)
        for newline in ["\n", "\r", "\r\n", "\u{85}", "\u{2028}"] {
            let indented = "name: x" + newline
                + (0..<200).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: newline)
            #expect(problems(indented).first?.contains("nest 33 deep") == true, "line break \(newline.unicodeScalars.first!.value)")
        }
        #expect(problems("name: x\n" + String(repeating: "- ", count: 100) + "x").first?.contains("nest") == true)
        // Every built-in scenario is far inside the limit.
        let nested = "name: x\nmesh:\n  churn: { mean_uptime: 10, mean_downtime: 1 }\ntimeline:\n  - { at: 1, crash: server }\n"
        #expect(problems(nested) == [])
    }

    @Test("actions that would silently do nothing are warnings with their lines")
    func warnings() throws {
        let s = try ScenarioDecoder.decode(yaml: """
            name: x
            duration: 100
            nodes: 20
            security: { attackers: 30 }
            timeline:
              - { at: 10, crash: 21 }
              - { at: 20, add_nodes: 5 }
              - { at: 30, crash: 21 }
              - { at: 200, toggle: peer-mesh }
            """, source: "t")
        let w = ScenarioWarnings.of(s).map(\.description)
        #expect(w.count == 3, "\(w)")
        #expect(w.contains { $0.hasPrefix("line 4: warning: security.attackers is 30") })
        #expect(w.contains { $0.hasPrefix("line 6: warning: crash: node 21 does not exist at 10 s") })
        #expect(w.contains { $0.hasPrefix("line 9: warning: the action at 200 s comes after the run ends") })
    }

    /// The crashers found by hand, by review and by `Scripts/fuzz-scenarios`: each file's first line says whether it
    /// must now be refused (with problems) or run; those that run are run briefly. A trap here ends the test process,
    /// which fails the suite.
    @Test("every file that once crashed is refused or runs")
    func crashers() throws {
        let folder = try #require(Bundle.module.url(forResource: "Crashers", withExtension: nil))
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
        #expect(files.count >= 17)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let mustRun = text.hasPrefix("# expect: runs")
            #expect(mustRun || text.hasPrefix("# expect: refused"), "\(file.lastPathComponent) says neither")
            guard let scenario = try? ScenarioDecoder.decode(yaml: text, source: file.lastPathComponent) else {
                #expect(!mustRun, "\(file.lastPathComponent) was refused: \(problems(text))")
                continue
            }
            #expect(mustRun, "\(file.lastPathComponent) was accepted")
            let engine = Engine(scenario: scenario)
            engine.advance(to: .seconds(min(scenario.duration, 5)), maxEvents: 200_000)
            let report = engine.report()
            #expect(!report.table.isEmpty && !report.csv.isEmpty && !report.json.serialized().isEmpty)
        }
    }
}
