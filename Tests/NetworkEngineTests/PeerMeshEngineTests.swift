import Testing
import NetworkEngine

/// The peer mesh as the engine runs it: lookups, floods, churn and the live toggle.
@Suite("Peer mesh in the engine")
struct PeerMeshEngineTests {
    static func mesh(nodes: Int, discovery: Scenario.Discovery, seed: UInt64 = 11) -> Scenario {
        var s = Scenario(name: "mesh")
        s.seed = seed
        s.architecture = .peerMesh
        s.nodes = nodes
        s.workload.rate = 1
        s.workload.resources = 200
        s.workload.popularity = .uniform
        s.mesh.discovery = discovery
        s.mesh.replicas = 3
        return s
    }

    @Test("DHT lookups through the engine take the Chord number of hops (N = 1,000: within 5% of 5.85)")
    func dhtHopsInEngine() {
        var s = Self.mesh(nodes: 1000, discovery: .dht)
        s.workload.resources = 5000  // many keys, so owners are spread like random keys
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(30))
        let m = engine.report().mesh
        // ~30,000 lookups; hop counts have a standard deviation near 1.2, so the standard error is ~0.007 (0.1%).
        #expect(abs((m?.meanHops ?? 0) - 5.85) / 5.85 < 0.05, "mean hops \(m?.meanHops ?? -1)")
        #expect(engine.report().requests.completed > 25_000)
        #expect(engine.requestAudit.isConserved, "\(engine.requestAudit)")
    }

    @Test("a flood reaches and costs exactly what a breadth-first count on the same graph predicts")
    func floodMatchesBreadthFirstCount() {
        var s = Self.mesh(nodes: 10_000, discovery: .flooding)
        s.mesh.degree = 4
        s.mesh.ttl = 7
        s.mesh.replicas = 1
        s.network.jitterMs = 0   // equal hop times: first receptions follow breadth-first order
        s.network.loss = 0
        s.workload.rate = 0
        let engine = Engine(scenario: s)
        engine.apply(.flashCrowd(requests: 1))
        engine.run(until: .seconds(10))
        let totals = engine.floodTotals
        let origin = engine.requesterIDs
        #expect(origin.count == 1 && totals?.floods == 1)
        guard let o = origin.first, let predicted = engine.floodPrediction(fromNode: o), let totals else { return }
        #expect(totals.reached == predicted.reached)
        #expect(totals.queryMessages == predicted.messages)
        #expect(predicted.reached > 1000)  // TTL 7 at degree 4 reaches thousands: the test is not trivial
    }

    @Test("availability under churn with r replicas is within 3% of 1 - p^r")
    func availabilityUnderChurn() {
        for replicas in [1, 2, 3] {
            var s = Self.mesh(nodes: 1000, discovery: .dht)
            s.workload.rate = 0
            s.mesh.replicas = replicas
            s.mesh.churn = .init(meanUptime: 60, meanDowntime: 60)  // p = 0.5
            let engine = Engine(scenario: s)
            engine.run(until: .seconds(3000))
            let measured = engine.report().mesh?.availability ?? 0
            let expected = 1 - pow(0.5, Double(replicas))
            #expect(abs(measured - expected) / expected < 0.03, "r=\(replicas): \(measured) vs \(expected)")
        }
    }

    @Test("until the overlay's fix-up notices a departed peer, lookups routed to it are lost and time out")
    func staleRoutingUnderChurn() {
        func run(stabilize: Double) -> RunReport {
            var s = Self.mesh(nodes: 300, discovery: .dht)
            s.workload.timeout = 1
            s.workload.retries = 0
            s.mesh.stabilize = stabilize
            s.mesh.churn = .init(meanUptime: 60, meanDowntime: 60)
            let engine = Engine(scenario: s)
            engine.run(until: .seconds(120))
            #expect(engine.requestAudit.isConserved, "\(engine.requestAudit)")
            return engine.report()
        }
        let instant = run(stabilize: 0), slow = run(stabilize: 30)
        // With instant repair only lookups in flight at the moment of a departure are lost; with a 30 s fix-up
        // period, every lookup routed into a departed peer during the gap is.
        #expect(slow.requests.timedOut > 3 * max(1, instant.requests.timedOut),
                "timed out: \(slow.requests.timedOut) with a 30 s fix-up vs \(instant.requests.timedOut) instant")
        #expect(slow.requests.completed < instant.requests.completed)
    }

    @Test("switching a saturated server to the mesh stops the rejects and lowers latency; conservation holds")
    func toggleToMeshRelievesTheServer() {
        var s = Scenario(name: "toggle")
        s.seed = 5
        s.nodes = 150          // 225 req/s offered
        s.workload.rate = 1.5
        s.workload.popularity = .uniform
        s.server.workers = 4   // 100 req/s capacity
        s.server.serviceMs = 40
        s.timeline = [.init(at: 60, kind: .switchArchitecture(to: .peerMesh))]
        let engine = Engine(scenario: s)
        while engine.now < .seconds(120), engine.step() {
            #expect(engine.requestAudit.isConserved, "\(engine.requestAudit)")
        }
        let r = engine.report()
        #expect(r.segments.count == 2)
        let (cs, mesh) = (r.segments[0], r.segments[1])
        #expect(cs.architecture == .clientServer && mesh.architecture == .peerMesh)
        // The server turned away a third of the work; a peer's own small queue (8 places) may still fill for a
        // moment, so the mesh's reject rate must collapse rather than be exactly zero.
        let csRejectRate = Double(cs.requests.rejected) / Double(cs.requests.issued)
        let meshRejectRate = Double(mesh.requests.rejected) / Double(mesh.requests.issued)
        #expect(csRejectRate > 0.3)
        #expect(meshRejectRate < 0.001, "mesh reject rate \(meshRejectRate)")
        #expect(mesh.latency.mean < cs.latency.mean / 2)
        #expect(cs.requests.issued + mesh.requests.issued == r.requests.issued)
        #expect(r.mesh != nil)
        // Per second: before the switch rejects every second, after it (once the server's backlog drained) almost none.
        let before = r.series.filter { $0.second > 10 && $0.second <= 60 }
        let after = r.series.filter { $0.second > 65 }
        #expect(before.allSatisfy { $0.rejected > 0 })
        #expect(after.reduce(0) { $0 + $1.rejected } <= after.reduce(0) { $0 + $1.issued } / 1000)
    }

    @Test("switching a mesh back to a server that cannot keep up brings the rejects back")
    func toggleBackToServer() {
        var s = Self.mesh(nodes: 150, discovery: .dht)
        s.workload.rate = 1.5
        s.server.workers = 4
        s.server.serviceMs = 40
        s.timeline = [.init(at: 60, kind: .switchArchitecture(to: .clientServer))]
        let engine = Engine(scenario: s)
        while engine.now < .seconds(120), engine.step() {
            #expect(engine.requestAudit.isConserved, "\(engine.requestAudit)")
        }
        let r = engine.report()
        #expect(r.segments.map(\.architecture) == [.peerMesh, .clientServer])
        #expect(r.segments[0].requests.rejected == 0)
        #expect(r.segments[1].requests.rejected > 1000)
        #expect(r.segments[1].latency.mean > r.segments[0].latency.mean)
    }

    @Test("the same mesh scenario and seed give identical JSON")
    func meshDeterminism() {
        func json() -> String {
            var s = Self.mesh(nodes: 60, discovery: .flooding)
            s.workload.rate = 0.5
            s.mesh.churn = .init(meanUptime: 30, meanDowntime: 10)
            s.timeline = [.init(at: 20, kind: .switchArchitecture(to: .clientServer)), .init(at: 40, kind: .switchArchitecture(to: .peerMesh))]
            let engine = Engine(scenario: s)
            engine.run(until: .seconds(60))
            return engine.report().json.serialized()
        }
        #expect(json() == json())
    }
}
