import NetworkEngine
import Testing

/// `Engine` as a `NetworkModel`: a snapshot asked for a window of nodes carries only those nodes and every aggregate.
@Suite("Snapshot window")
struct SnapshotWindowTests {
    /// 20 clients busy enough to have dozens of messages on the wire at any moment.
    static func engine(_ architecture: Architecture) -> Engine {
        var s = Scenario(name: "window")
        s.nodes = 20
        s.workload.rate = 10
        s.network.latencyMs = 100
        s.seed = 5
        s.architecture = architecture
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(10))
        return engine
    }

    @Test("nodes 3..<6 gives exactly clients (or peers) 3, 4, 5, the server's node, and the full snapshot's aggregates",
          arguments: [Architecture.clientServer, .peerMesh])
    func windowKeepsAggregates(_ architecture: Architecture) {
        let engine = Self.engine(architecture)
        let full = engine.snapshot(SnapshotRequest())
        let window = engine.snapshot(SnapshotRequest(nodes: 3..<6))
        #expect(window.nodes.filter { $0.role != .server }.map(\.id) == [3, 4, 5])
        #expect(window.nodes.filter { $0.role != .server } == full.nodes.filter { (3..<6).contains($0.id) })
        #expect(window.nodes.filter { $0.role == .server } == full.nodes.filter { $0.role == .server })
        #expect(window.nodes.contains { $0.role == .server } == (architecture == .clientServer))
        #expect(window.activeNodeCount == 20 && full.activeNodeCount == 20)
        #expect(window.requests == full.requests && window.requests.issued > 0)
        #expect(window.latency == full.latency && window.series == full.series && window.server == full.server)
        // The mesh's figures are whole; its picture follows the window (the ring places of peers 3, 4, 5).
        var windowMesh = window.mesh, fullMesh = full.mesh
        windowMesh?.picture = MeshPicture(); fullMesh?.picture = MeshPicture()
        #expect(windowMesh == fullMesh && window.security == full.security)
        if architecture == .peerMesh { #expect(Set(window.mesh?.picture.ring.map(\.id) ?? []) == [3, 4, 5]) }
        #expect(window.recentEvents == full.recentEvents)
        #expect(window.now == full.now && window.architecture == full.architecture)
        // Flights follow the window: those with an end among nodes 3, 4, 5, and only those.
        let touching = full.flights.filter { (3..<6).contains($0.from) || (3..<6).contains($0.to) }
        #expect(window.flights == touching && !touching.isEmpty, "\(touching.count) of \(full.flights.count)")
        #expect(full.flights.count > touching.count)
    }

    @Test("no window is the snapshot the live view always had; a window reaching 0 or past N is clipped to 1...N")
    func edges() {
        let engine = Self.engine(.clientServer)
        let all = engine.snapshot(SnapshotRequest(seriesLimit: 7))
        let before = engine.snapshot(seriesLimit: 7)
        #expect(all.nodes == before.nodes && all.flights == before.flights && all.series == before.series)
        #expect(all.series.count == 7)
        let low = engine.snapshot(SnapshotRequest(nodes: -5..<3))
        #expect(low.nodes.map(\.id) == [0, 1, 2])
        #expect(low.flights.allSatisfy { (1..<3).contains($0.from) || (1..<3).contains($0.to) })
        let high = engine.snapshot(SnapshotRequest(nodes: 19..<1_000))
        #expect(high.nodes.map(\.id) == [0, 19, 20])
        #expect(engine.snapshot(SnapshotRequest(nodes: 5..<5)).nodes.map(\.id) == [0])
    }

    @Test("restarted() is the same scenario again from t=0, and the original is left where it was")
    func restarted() throws {
        let engine = Self.engine(.clientServer)
        let fresh = try #require(engine.restarted() as? Engine)
        #expect(fresh !== engine && fresh.now == 0 && engine.now == .seconds(10))
        #expect(fresh.scenario.seed == engine.scenario.seed && fresh.scenario.nodes == engine.scenario.nodes)
        fresh.run(until: .seconds(10))
        #expect(fresh.report().requests == engine.report().requests)
    }
}
