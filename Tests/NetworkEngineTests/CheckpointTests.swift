import NetExplorerAssets
import Testing
@testable import NetworkEngine

/// A checkpoint is the whole run: resuming it must give exactly what the original gives, and the two must not share
/// anything a later step could change. The figures compared are the full JSON report and every event logged, which
/// cover every role (clients, server, mesh, attack, churn).
@Suite("Checkpoints")
struct CheckpointTests {
    /// A run that uses every role: a DHT with churn and losses, nodes joining, leaving and crashing, both switches,
    /// and an attack in both regimes.
    static let everything = """
        name: everything
        seed: 11
        nodes: 60
        architecture: peer-mesh
        mesh:
          churn: { mean_uptime: 30, mean_downtime: 10 }
          stabilize: 5
        network: { loss: 0.02 }
        security: { attack_rate: 5, attackers: 2 }
        timeline:
          - { at: 3, add_nodes: 40 }
          - { at: 5, remove_nodes: 30 }
          - { at: 7, crash: 7 }
          - { at: 9, toggle: client-server }
          - { at: 14, toggle: peer-mesh }
        """

    static let flooding = """
        name: flooding
        seed: 5
        nodes: 60
        architecture: peer-mesh
        mesh:
          discovery: flooding
          churn: { mean_uptime: 20, mean_downtime: 5 }
        workload: { timeout: 0 }
        network: { loss: 0.05 }
        timeline:
          - { at: 4, add_nodes: 60 }
          - { at: 13, toggle: client-server }
        """

    /// The peers' caches (`mesh.cache`) with churn, a switch away and back, and peers joining (the mesh rebuilt
    /// larger keeps the copies cached).
    static let cached = """
        name: cached
        seed: 8
        nodes: 50
        architecture: peer-mesh
        workload: { rate: 2, resources: 30 }
        mesh:
          cache: true
          cache_items: 4
          churn: { mean_uptime: 25, mean_downtime: 5 }
        timeline:
          - { at: 4, add_nodes: 30 }
          - { at: 8, toggle: client-server }
          - { at: 11, toggle: peer-mesh }
        """

    static func scenarios() throws -> [Scenario] {
        [try ScenarioDecoder.decode(yaml: everything, source: "everything"),
         try ScenarioDecoder.decode(yaml: flooding, source: "flooding"),
         try ScenarioCatalog.load("password-attack"), try ScenarioCatalog.load("classroom"),
         try ScenarioDecoder.decode(yaml: cached, source: "cached")]
    }

    /// What a run has shown so far, byte for byte.
    static func record(_ engine: Engine) -> String {
        engine.report().json.serialized(pretty: false) + engine.allEvents.map(\.jsonLine).joined(separator: "\n")
    }

    @Test("a checkpoint resumed gives exactly what the original run gives from there", arguments: [0, 1, 2, 3, 4])
    func resumesExactly(index: Int) throws {
        let scenario = try Self.scenarios()[index]
        let original = Engine(scenario: scenario, keepAllEvents: true)
        original.apply(.toggleAttack)
        original.run(until: .seconds(11))
        let copy = original.checkpoint()
        original.run(until: .seconds(20))
        copy.run(until: .seconds(20))
        let straight = Engine(scenario: scenario, keepAllEvents: true)
        straight.apply(.toggleAttack)
        straight.run(until: .seconds(20))
        #expect(Self.record(copy) == Self.record(straight))
        #expect(Self.record(original) == Self.record(straight))
        #expect(copy.eventsProcessed == straight.eventsProcessed && copy.eventsProcessed > 2_000)
    }

    @Test("what happens to the original after a checkpoint does not reach the copy", arguments: [0, 1, 2, 3, 4])
    func independent(index: Int) throws {
        let scenario = try Self.scenarios()[index]
        let original = Engine(scenario: scenario, keepAllEvents: true)
        original.run(until: .seconds(11))
        let copy = original.checkpoint()
        // The original is pushed somewhere else: a crash, a crowd, more nodes, a switch, an attack.
        original.apply(.crash(.server))
        original.apply(.flashCrowd(requests: 200))
        original.apply(.addNodes(25))
        original.apply(.toggleArchitecture)
        original.apply(.toggleAttack)
        original.run(until: .seconds(20))
        copy.run(until: .seconds(20))
        let straight = Engine(scenario: scenario, keepAllEvents: true)
        straight.run(until: .seconds(20))
        #expect(Self.record(copy) == Self.record(straight))
        #expect(Self.record(original) != Self.record(straight))
        #expect(copy.requestAudit.isConserved && original.requestAudit.isConserved)
    }

    /// A sink that counts what reaches it.
    final class Counter: RunOutputSink {
        var events = 0, samples = 0
        func record(_ event: NetworkEvent) { events += 1 }
        func record(_ sample: SecondSample) { samples += 1 }
    }

    @Test("a checkpoint writes nothing into the original's output")
    func noSink() throws {
        let original = Engine(scenario: try ScenarioCatalog.load("classroom"))
        let sink = Counter()
        original.outputSink = sink
        original.run(until: .seconds(10))
        let samples = sink.samples
        let copy = original.checkpoint()
        copy.run(until: .seconds(20))
        #expect(sink.samples == samples)
        #expect(copy.outputSink == nil)
    }
}
