import Testing
@testable import NetworkEngine

/// Memory that must not grow with simulated time or with the number of requests: the per-second series, the
/// timeout FIFO, the request table (stranded requests included), and the segments.
@Suite("Memory bounds")
struct MemoryBoundsTests {
    /// Collects what a sink receives.
    final class Collector: RunOutputSink {
        var events: [NetworkEvent] = []
        var samples: [SecondSample] = []
        func record(_ event: NetworkEvent) { events.append(event) }
        func record(_ sample: SecondSample) { samples.append(sample) }
    }

    static func classroom(seed: UInt64 = 3) -> Scenario {
        var s = Scenario(name: "classroom")
        s.seed = seed
        s.workload.rate = 2
        return s
    }

    @Test("by default no series is kept: the live view's window holds the latest 600 seconds, the snapshot 120")
    func seriesWindowIsBounded() {
        var s = Self.classroom()
        s.nodes = 2
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(2_000))
        #expect(engine.report().series.isEmpty)
        #expect(engine.metrics.recentSeries.items.count == 600)
        let shown = engine.snapshot(seriesLimit: 120).series
        #expect(shown.map(\.second) == Array(1_881...2_000))
        #expect(engine.metrics.secondsClosed == 2_000)
    }

    @Test("the series window returns the newest samples in order, whatever the ring's position")
    func sampleRingSuffix() {
        var ring = SampleRing(capacity: 5)
        let seconds = { (n: Int) in ring.suffix(n).map(\.second) }
        for s in 1...3 { ring.append(SecondSample(second: s, architecture: .clientServer, nodes: 1)) }
        #expect(seconds(2) == [2, 3] && seconds(9) == [1, 2, 3] && seconds(0) == [])
        for s in 4...8 { ring.append(SecondSample(second: s, architecture: .clientServer, nodes: 1)) }
        #expect(seconds(5) == [4, 5, 6, 7, 8])
        #expect(seconds(4) == [5, 6, 7, 8])
        #expect(seconds(2) == [7, 8])
        #expect(ring.last?.second == 8)
    }

    @Test("the sink receives every second and every event, the same as the kept series and event list")
    func sinkStreamsWhatWasKept() {
        var s = Self.classroom()
        s.timeline = [.init(at: 10, kind: .crash(.server)), .init(at: 14, kind: .restart(.server)),
                      .init(at: 20, kind: .switchArchitecture(to: .peerMesh))]
        let engine = Engine(scenario: s, keepAllEvents: true)
        engine.keepsSeries = true
        let collector = Collector()
        engine.outputSink = collector
        engine.run(until: .seconds(40))
        #expect(collector.samples.count == 40)
        #expect(collector.samples == engine.report().series)
        #expect(!collector.events.isEmpty)
        #expect(collector.events == engine.allEvents)
    }

    /// 1,000 clients at 100 requests/s each (100,000 a second), served in well under the 5 s timeout: every armed
    /// timeout but a few hundred is stale within a second. Uncompacted, one simulated second leaves 100,000 entries.
    @Test("finished requests do not wait in the timeout FIFO until their deadline")
    func timeoutFIFOIsCompacted() {
        var s = Self.classroom()
        s.nodes = 1_000
        s.workload.rate = 100
        s.server.workers = 400
        s.server.serviceMs = 1
        s.server.queue = 100_000
        s.network.latencyMs = 1
        s.network.jitterMs = 0
        s.security.accounts = 0
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(1))
        #expect(engine.requestCounts.issued > 90_000)
        #expect(engine.timeoutEntries <= TimeoutQueue.compactFloor, "\(engine.timeoutEntries) timeout entries")
        #expect(engine.requestAudit.isConserved, "\(engine.requestAudit)")
    }

    @Test("the timeout FIFO compacts in place: survivors keep their order across the ring's wrap-around")
    func ringRemoveAllKeepsOrder() {
        var ring = RingBuffer<Int>(initialCapacity: 8)
        for i in 0..<6 { ring.append(i) }
        for _ in 0..<5 { _ = ring.popFirst() }  // head near the end: what follows wraps around
        for i in 6..<13 { ring.append(i) }
        ring.removeAll { $0 % 3 == 0 }
        var left: [Int] = []
        while let x = ring.popFirst() { left.append(x) }
        #expect(left == [5, 7, 8, 10, 11])
    }

    /// Timeout 0 ("never") and 30% loss on every message: about half of all requests are lost and can never end.
    /// They stay in flight, but without slots: the table follows what is really on the wire (a few hundred at
    /// 500 requests/s and 2 × 20 ms round trips plus service), not the tens of thousands lost.
    @Test("requests lost with no timeout stay in flight without holding slots", arguments: [
        Architecture.clientServer, .peerMesh,
    ])
    func strandedRequestsFreeTheirSlots(architecture: Architecture) {
        var s = Self.classroom()
        s.architecture = architecture
        s.nodes = 100
        s.workload.rate = 5
        s.workload.timeout = 0
        s.workload.retries = 0
        s.network.loss = 0.3
        s.server.workers = 64
        s.mesh.workers = 4
        s.mesh.queue = 64
        s.security.accounts = 0
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(60))
        let audit = engine.requestAudit
        #expect(audit.stranded > 5_000, "\(audit)")
        #expect(engine.requestSlotsAllocated < 2_000, "\(engine.requestSlotsAllocated) slots")
        #expect(audit.isConserved, "\(audit)")
        #expect(audit.counts.inFlight >= audit.stranded)
    }

    @Test("flooding with no timeout: a lost query or a flood that finds nobody strands its request, slot freed")
    func strandedFloods() {
        var s = Self.classroom()
        s.architecture = .peerMesh
        s.mesh.discovery = .flooding
        s.nodes = 60
        s.mesh.ttl = 2
        s.mesh.replicas = 1
        s.workload.timeout = 0
        s.workload.retries = 0
        s.network.loss = 0.2
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(60))
        let audit = engine.requestAudit
        #expect(audit.stranded > 100, "\(audit)")
        #expect(engine.requestSlotsAllocated < 500, "\(engine.requestSlotsAllocated) slots")
        #expect(audit.isConserved, "\(audit)")
    }

    /// A toggle every second for 100 s: 101 periods. The last 32 stay exact; the 69 older ones fold into one merged
    /// entry per architecture, and nothing is lost in the folding.
    @Test("segments are bounded: the last 32 exact, older ones folded per architecture into merged entries")
    func segmentsAreBounded() throws {
        var s = Self.classroom()
        s.timeline = (1...100).map { t in .init(at: Double(t), kind: .switchArchitecture(to: t % 2 == 1 ? .peerMesh : .clientServer)) }
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(101))
        let segments = engine.metrics.segments
        #expect(segments.count == MetricsRecorder.exactSegments + 2)
        #expect(segments.prefix(2).allSatisfy { $0.merged })
        #expect(Set(segments.prefix(2).map(\.architecture)) == [.clientServer, .peerMesh])
        #expect(segments.dropFirst(2).allSatisfy { !$0.merged && $0.periods == 1 })
        #expect(segments.reduce(0) { $0 + $1.periods } == 101)
        let r = engine.report()
        #expect(r.segments.reduce(0) { $0 + $1.requests.issued } == r.requests.issued)
        #expect(r.segments.reduce(0) { $0 + $1.requests.completed } == r.requests.completed)
        #expect(r.segments.reduce(0) { $0 + $1.requests.inFlight } == r.requests.inFlight)
        #expect(r.segments.reduce(0) { $0 + $1.messages } == r.messages)
        #expect(segments.reduce(0) { $0 + $1.latency.count } == r.requests.completed)
        // The exact periods are the last 32, back to back up to now.
        #expect(r.segments.last?.toSeconds == 101)
        #expect(r.segments[2].fromSeconds == 69)
        let json = r.json.serialized()
        #expect(json.components(separatedBy: "\"merged\":true").count - 1 == 2)
        #expect(engine.snapshot().switches.count == 100)
        #expect(engine.requestAudit.isConserved, "\(engine.requestAudit)")
    }

    @Test("the audit catches a leaked slot, an uncounted end, and a client that forgot a request")
    func auditCatchesLeaks() {
        let run = { () -> Engine in
            let engine = Engine(scenario: Self.classroom())
            engine.run(until: .seconds(20))
            return engine
        }
        #expect(run().requestAudit.isConserved)
        // A slot taken and never counted (a request issued behind the metrics' back).
        let slotLeak = run()
        _ = slotLeak.ctx.requests.open(client: 0, at: slotLeak.now, segment: 0, resource: 0,
                                   architecture: .clientServer)
        #expect(!slotLeak.requestAudit.isConserved)
        // A request whose slot was freed without counting its end.
        let uncounted = run()
        let live = uncounted.ctx.requests.liveRefs().first { uncounted.ctx.requests[$0].kind == .data }
        if let live { uncounted.ctx.requests.close(live) }
        #expect(live != nil && !uncounted.requestAudit.isConserved)
        // A client that lost track of one of its requests.
        let forgot = run()
        forgot.clients.records[0].outstanding += 1
        #expect(!forgot.requestAudit.isConserved)
    }
}
