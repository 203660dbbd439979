import Testing
import NetworkEngine

/// The client-server model's behaviour: accounting, failures, overload, determinism.
@Suite("Client-server behaviour")
struct ClientServerBehaviourTests {
    /// A small network with real latency and a modest server, like the classroom scenario.
    static func classroom(nodes: Int = 20, seed: UInt64 = 7) -> Scenario {
        var s = Scenario(name: "test")
        s.seed = seed
        s.nodes = nodes
        s.duration = 60
        s.workload.rate = 1.5
        s.server.workers = 4
        s.server.serviceMs = 40
        s.server.queue = 16
        return s
    }

    @Test("every issued request is accounted for at every instant")
    func conservationAtEveryInstant() {
        var s = Self.classroom(nodes: 80)
        s.network.loss = 0.05
        s.workload.timeout = 0.5
        s.workload.retries = 2
        s.timeline = [
            .init(at: 10, kind: .crash(.server)), .init(at: 14, kind: .restart(.server)),
            .init(at: 20, kind: .addNodes(40)), .init(at: 30, kind: .crash(.node(3))),
            .init(at: 40, kind: .removeNodes(70)),
        ]
        let engine = Engine(scenario: s)
        var checked = 0
        while engine.now < .seconds(60), engine.step() {
            #expect(engine.requestAudit.isConserved, "\(engine.requestAudit)")
            checked += 1
        }
        let c = engine.requestCounts
        #expect(checked > 10_000)
        #expect(c.completed > 0 && c.rejected > 0 && c.timedOut > 0 && c.failed > 0, "\(c)")
    }

    @Test("the same scenario and seed give byte-identical JSON; another seed differs")
    func determinism() {
        func json(_ seed: UInt64) -> String {
            let engine = Engine(scenario: Self.classroom(seed: seed))
            engine.run(until: .seconds(60))
            return engine.report().json.serialized(pretty: true)
        }
        let a = json(7), b = json(7), c = json(8)
        #expect(a == b)
        #expect(a != c)
    }

    @Test("while the server is down every request fails, and it serves again after a restart")
    func serverCrashAndRestart() {
        var s = Self.classroom()
        s.timeline = [.init(at: 20, kind: .crash(.server)), .init(at: 40, kind: .restart(.server))]
        let engine = Engine(scenario: s)
        engine.keepsSeries = true
        engine.run(until: .seconds(60))
        let series = engine.report().series
        // Seconds 22…40 lie wholly inside the outage (allowing one network hop either side).
        let outage = series.filter { $0.second > 21 && $0.second <= 40 }
        #expect(outage.allSatisfy { $0.completed == 0 })
        #expect(outage.reduce(0) { $0 + $1.failed } > 0)
        let after = series.filter { $0.second > 42 }
        #expect(after.reduce(0) { $0 + $1.completed } > 0)
        let kinds = engine.snapshot().recentEvents.map(\.kind)
        #expect(kinds.contains(.nodeDown) && kinds.contains(.nodeUp))
    }

    @Test("an overloaded server logs overload when its queue fills and recovered when it drains below half")
    func overloadEvents() {
        var s = Self.classroom(nodes: 200)  // 300 req/s offered, 100 req/s capacity
        s.timeline = [.init(at: 20, kind: .removeNodes(190))]
        let engine = Engine(scenario: s, keepAllEvents: true)
        engine.run(until: .seconds(40))
        let events = engine.allEvents.filter { $0.kind == .overload || $0.kind == .recovered }
        #expect(events.first?.kind == .overload)
        #expect(events.last?.kind == .recovered)
        let report = engine.report()
        #expect(report.requests.rejected > 0)
        #expect(report.maxQueue == 16)
        #expect(report.overloadSeconds > 1 && report.overloadSeconds < 21)
    }

    @Test("lost messages time out and are retried as configured")
    func timeoutsAndRetries() {
        var s = Self.classroom(nodes: 10)
        s.network.loss = 1  // nothing ever arrives
        s.workload.timeout = 1
        s.workload.retries = 2
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(30))
        let r = engine.report()
        #expect(r.requests.completed == 0)
        #expect(r.requests.timedOut > 0)
        // Each timed-out request was sent 1 + 2 times; the ones still in flight at most that many.
        let sends = r.messages
        #expect(sends >= 3 * r.requests.timedOut && sends <= 3 * r.requests.issued)
    }

    @Test("latency and rejects grow as offered load passes the server's capacity")
    func bottleneckSweep() {
        func run(_ nodes: Int) -> RunReport {
            let engine = Engine(scenario: Self.classroom(nodes: nodes))
            engine.run(until: .seconds(60))
            return engine.report()
        }
        let light = run(20), near = run(60), over = run(120)
        #expect(light.latency.mean < near.latency.mean && near.latency.mean < over.latency.mean)
        #expect(light.requests.rejected == 0)
        #expect(over.requests.rejected > near.requests.rejected)
        #expect(over.utilization > 0.95)
    }

    @Test("the per-second series has one sample a second and adds up to the totals")
    func seriesAddsUp() {
        let engine = Engine(scenario: Self.classroom())
        engine.keepsSeries = true
        engine.run(until: .seconds(60))
        let r = engine.report()
        #expect(r.series.count == 60)
        #expect(r.series.map(\.second) == Array(1...60))
        #expect(r.series.reduce(0) { $0 + $1.issued } == r.requests.issued)
        #expect(r.series.reduce(0) { $0 + $1.completed } == r.requests.completed)
    }

    @Test("a flash crowd issues a burst of simultaneous requests")
    func flashCrowd() {
        let engine = Engine(scenario: Self.classroom())
        engine.run(until: .seconds(5))
        let before = engine.requestCounts.issued
        let outcome = engine.apply(.flashCrowd(requests: 200))
        #expect(outcome.accepted)
        #expect(engine.requestCounts.issued == before + 200)
        engine.run(until: .seconds(10))
        #expect(engine.requestCounts.rejected > 0)  // 200 at once against 4 workers + 16 places
    }

    @Test("crashing a client fails its outstanding requests and stops it issuing")
    func clientCrash() {
        let engine = Engine(scenario: Self.classroom())
        engine.run(until: .seconds(5))
        #expect(engine.apply(.toggleNode(3)).accepted)
        let sentAtCrash = engine.snapshot().nodes[3].sent
        engine.run(until: .seconds(20))
        let node = engine.snapshot().nodes[3]
        #expect(node.activity == .down && node.sent == sentAtCrash && node.outstanding == 0)
        #expect(engine.apply(.toggleNode(3)).accepted)
        engine.run(until: .seconds(30))
        #expect(engine.snapshot().nodes[3].sent > sentAtCrash)
        #expect(engine.requestAudit.isConserved, "\(engine.requestAudit)")
    }

    /// The record's field order is chosen for size (see `RequestRecord`); a new field should keep it compact.
    @Test("a request record packs into 56 bytes")
    func requestRecordSize() {
        #expect(MemoryLayout<RequestRecord>.stride == 56)
    }
}
