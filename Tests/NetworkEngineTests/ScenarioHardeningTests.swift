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
        for _ in 0..<10_000 { #expect(r.exponential(mean: 1_000_000_000_000_000_000) <= SimTime.never) }
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

    /// The crashers found by hand and by `Scripts/fuzz-scenarios`: each is refused with problems, or runs in a
    /// moment. A trap here ends the test process, which fails the suite.
    @Test("every file that once crashed is refused or runs")
    func crashers() throws {
        let folder = try #require(Bundle.module.url(forResource: "Crashers", withExtension: nil))
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
        #expect(files.count >= 16)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard let scenario = try? ScenarioDecoder.decode(yaml: text, source: file.lastPathComponent) else {
                #expect(!problems(text).isEmpty)
                continue
            }
            let engine = Engine(scenario: scenario)
            engine.advance(to: .seconds(min(scenario.duration, 5)), maxEvents: 200_000)
            let report = engine.report()
            #expect(!report.table.isEmpty && !report.csv.isEmpty && !report.json.serialized().isEmpty)
        }
    }
}
