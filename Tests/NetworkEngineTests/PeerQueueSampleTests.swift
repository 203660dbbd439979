import NetworkEngine
import Testing

/// The per-second sample's `peerQueue`: what waits at the mesh's peers, the mesh's queue chart.
@Suite("Peer queue sample")
struct PeerQueueSampleTests {
    @Test("an overloaded mesh's seconds count what waits at its peers, within their room; the server queue reads 0")
    func overloadedMeshQueues() {
        // 20 peers of one worker at 2 s a request serve 10 req/s in all, against 20 req/s offered: the peers' rooms
        // (8 each, 160 in all) fill within seconds and stay nearly full.
        var s = Scenario(name: "queueing mesh")
        s.architecture = .peerMesh
        s.nodes = 20
        s.mesh.workers = 1
        s.mesh.serviceMs = 2000
        s.mesh.queue = 8
        let engine = Engine(scenario: s)
        engine.keepsSeries = true
        engine.run(until: .seconds(30))
        let series = engine.report().series
        #expect(series.allSatisfy { $0.queue == 0 && $0.peerQueue <= 160 })
        let last = series.last?.peerQueue ?? 0
        #expect(last > 40, "\(last) waiting at the peers")
    }

    @Test("a fold averages the peer queue over its seconds, as it does the server's queue")
    func foldAveragesPeerQueue() {
        var fold = SampleAccumulator()
        for (i, waiting) in [2.0, 4.0, 9.0].enumerated() {
            var sample = SecondSample(second: i + 1, architecture: .peerMesh, nodes: 10)
            sample.peerQueue = waiting
            fold.add(sample)
        }
        #expect(fold.sample()?.peerQueue == 5)
    }
}
