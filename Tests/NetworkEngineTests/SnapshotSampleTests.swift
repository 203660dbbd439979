import NetworkEngine
import Testing

/// A sampled snapshot (`SnapshotRequest.stride`) builds views of the sampled nodes only, whatever the population:
/// what keeps a frame of a million clients as cheap as one of a few thousand. Counted, not timed.
@Suite("Snapshot sample")
struct SnapshotSampleTests {
    static func engine(_ nodes: Int, architecture: Architecture = .clientServer) -> Engine {
        var s = Scenario(name: "sample")
        s.nodes = nodes
        s.architecture = architecture
        s.workload.rate = 0.5
        s.network.latencyMs = 200
        s.seed = 3
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(3))
        return engine
    }

    @Test("every 50th of 100,000 clients: 2,000 views (and the server's), the flights only theirs, the aggregates whole")
    func sampleCostsTheSample() {
        let engine = Self.engine(100_000)
        let sample = engine.snapshot(SnapshotRequest(nodes: 7..<100_001)
            .with(stride: 50))
        let clients = sample.nodes.filter { $0.role == .client }
        #expect(clients.count == 2_000)
        #expect(clients.map(\.id) == Array(stride(from: 7, to: 100_001, by: 50)))
        #expect(sample.nodes.count == 2_001)
        let sampled = Set(clients.map(\.id))
        #expect(sample.flights.count <= 2_000 && !sample.flights.isEmpty)
        #expect(sample.flights.allSatisfy { sampled.contains($0.client) })
        // The same flights as the full scan finds for those clients' newest requests.
        let full = engine.snapshot(SnapshotRequest())
        #expect(full.nodes.count == 100_001)
        for f in sample.flights { #expect(full.flights.contains(f)) }
        #expect(sample.requests == full.requests && sample.activeNodeCount == 100_000 && sample.server == full.server)
        // A window of ten builds ten views, wherever it sits in the population.
        #expect(engine.snapshot(SnapshotRequest(nodes: 50_000..<50_010)).nodes.count == 11)
    }

    @Test("a mesh sample's picture lists only the sampled peers on the ring, and the focus's fingers")
    func meshPictureFollowsTheSample() throws {
        let engine = Self.engine(20_000, architecture: .peerMesh)
        var request = SnapshotRequest(nodes: 1..<20_001).with(stride: 100)
        request.focus = 5
        let picture = try #require(engine.snapshot(request).mesh?.picture)
        #expect(picture.ring.count == 200 && picture.ringSize == 20_000)
        #expect(picture.ring.allSatisfy { ($0.id - 1) % 100 == 0 })
        // Chord's fingers of one peer among 20,000: about log2(20,000) ≈ 14 distinct ones, never 64.
        #expect(picture.fingers.count >= 8 && picture.fingers.count <= 24, "\(picture.fingers.count)")
        #expect(!picture.lookupPath.isEmpty)
    }
}

extension SnapshotRequest {
    func with(stride: Int) -> SnapshotRequest {
        var r = self
        r.stride = stride
        return r
    }
}
