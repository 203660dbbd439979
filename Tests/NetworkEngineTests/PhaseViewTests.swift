import NetworkEngine
import Testing

/// Issue 15, item 2: after a switch the snapshot gives the period in force and the one before it, as the headless
/// `segments` do, and each node's figures since the switch.
@Suite("Architecture periods in the snapshot")
struct PhaseViewTests {
    /// 30 clients at 4 req/s offer 120 req/s to a server that completes 100/s (4 workers, 40 ms): it rejects. From
    /// 20 s the same 30 machines are a mesh (25 req/s each, 4 offered, resources equally popular so no peer is a
    /// hot spot); from 40 s a server again.
    static var twoSwitches: Scenario {
        var s = Scenario(name: "two switches")
        s.seed = 5
        s.nodes = 30
        s.workload.rate = 4
        s.workload.popularity = .uniform
        s.server.workers = 4
        s.server.serviceMs = 40
        s.server.queue = 32
        s.timeline = [Scenario.TimelineAction(at: 20, kind: .switchArchitecture(to: .peerMesh)),
                      Scenario.TimelineAction(at: 40, kind: .switchArchitecture(to: .clientServer))]
        return s
    }

    /// The snapshot's period against the report's segment `i`: every figure the same.
    static func expectSame(_ phase: PhaseFigures?, _ segment: RunReport.Segment, closed: Bool,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        guard let phase else { Issue.record("no period", sourceLocation: sourceLocation); return }
        #expect(phase.architecture == segment.architecture, sourceLocation: sourceLocation)
        #expect(phase.from.inSeconds == segment.fromSeconds, sourceLocation: sourceLocation)
        #expect((phase.to?.inSeconds).map { $0 == segment.toSeconds } ?? !closed, sourceLocation: sourceLocation)
        #expect((phase.to != nil) == closed, sourceLocation: sourceLocation)
        #expect(phase.requests == segment.requests, sourceLocation: sourceLocation)
        #expect(phase.latency == segment.latency, sourceLocation: sourceLocation)
        #expect(phase.messages == segment.messages, sourceLocation: sourceLocation)
    }

    @Test("the current and previous periods are the report's last two segments, after each of two switches")
    func periodsAreTheSegments() {
        let engine = Engine(scenario: Self.twoSwitches)
        engine.run(until: .seconds(10.5))
        var snapshot = engine.snapshot()
        var report = engine.report()
        #expect(snapshot.phases?.previous == nil && snapshot.phases?.switches == 0)
        #expect(report.segments.count == 1)
        if let only = report.segments.first { Self.expectSame(snapshot.phases?.current, only, closed: false) }

        engine.run(until: .seconds(30.5))
        snapshot = engine.snapshot()
        report = engine.report()
        #expect(report.segments.count == 2 && snapshot.phases?.switches == 1)
        guard report.segments.count == 2 else { return }
        Self.expectSame(snapshot.phases?.current, report.segments[1], closed: false)
        Self.expectSame(snapshot.phases?.previous, report.segments[0], closed: true)

        engine.run(until: .seconds(60.5))
        snapshot = engine.snapshot()
        report = engine.report()
        #expect(report.segments.count == 3 && snapshot.phases?.switches == 2)
        guard report.segments.count == 3 else { return }
        Self.expectSame(snapshot.phases?.current, report.segments[2], closed: false)
        Self.expectSame(snapshot.phases?.previous, report.segments[1], closed: true)
        #expect(snapshot.currentPhase.architecture == .clientServer && snapshot.previousPhase?.architecture == .peerMesh)
    }

    @Test("the current period leaves out what the previous one counted: the overloaded server's rejections")
    func currentPeriodIsItsOwn() {
        let engine = Engine(scenario: Self.twoSwitches)
        engine.run(until: .seconds(35.5))
        let snapshot = engine.snapshot()
        let whole = snapshot.requests
        guard let phases = snapshot.phases, let before = phases.previous else {
            Issue.record("no previous period after a switch"); return
        }
        let now = phases.current
        // The overloaded server rejected hundreds in its 20 s; the mesh spreads 120 req/s over 30 peers of 25 each.
        #expect(before.requests.rejected > 300, "\(before.requests)")
        #expect(now.requests.rejected * 10 < before.requests.rejected, "\(now.requests) vs \(before.requests)")
        // Two periods: together they are the whole run, each request counted once.
        #expect(now.requests.issued + before.requests.issued == whole.issued)
        #expect(now.requests.completed + before.requests.completed == whole.completed)
        #expect(now.requests.rejected + before.requests.rejected == whole.rejected)
        #expect(now.requests.inFlight + before.requests.inFlight == whole.inFlight)
        #expect(now.from == .seconds(20) && before.from == 0 && before.to == .seconds(20) && now.to == nil)
        // The mesh's latency is its own: below the full queue's, which the whole-run mean mixes in.
        #expect(now.latency.mean < before.latency.mean, "\(now.latency.mean) vs \(before.latency.mean)")
        #expect(now.latency.mean < engine.report().latency.mean)
        // The snapshot's own latency is the period in force's: no merge of every period's histogram per frame.
        #expect(snapshot.latency == now.latency)
    }

    @Test("each node's figures since the switch are its totals less its totals at the switch; none before it")
    func nodeFiguresSinceTheSwitch() {
        var s = Self.twoSwitches
        s.timeline = []
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(20))
        let atSwitch = engine.snapshot()
        #expect(atSwitch.nodes.allSatisfy { $0.phase == nil })
        engine.apply(.switchArchitecture(to: .peerMesh))
        engine.run(until: .seconds(32))
        let later = engine.snapshot()
        var checked = 0
        for node in later.nodes where node.role == .peer {
            guard let old = atSwitch.nodes.first(where: { $0.id == node.id }), let phase = node.phase else {
                Issue.record("peer \(node.id) has no figures since the switch"); continue
            }
            #expect(phase.sent == node.sent - old.sent)
            #expect(phase.completed == node.completed - old.completed)
            // The peer served nothing before the switch: all it served is since.
            #expect(phase.served == node.served || node.activity == .down)
            let oldSum = old.meanLatencyMs * Double(old.completed)
            let sum = node.meanLatencyMs * Double(node.completed)
            if phase.completed > 0 {
                #expect(abs(phase.meanLatencyMs * Double(phase.completed) - (sum - oldSum)) < 1e-6 * max(1, sum))
            }
            checked += 1
        }
        #expect(checked == 30)
        // Per node, the sums since the switch are the period's: every request sent since was issued in it.
        #expect(later.nodes.reduce(0) { $0 + ($1.phase?.sent ?? 0) } == later.currentPhase.requests.issued)
    }

    @Test("switching to client-server while the server is down brings it up and ends its downtime")
    func switchEndsDowntime() {
        var s = Self.twoSwitches
        s.timeline = []
        s.workload.rate = 1
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(10))
        engine.apply(.crash(.server))
        engine.run(until: .seconds(20))
        engine.apply(.switchArchitecture(to: .peerMesh))
        engine.run(until: .seconds(30))
        engine.apply(.switchArchitecture(to: .clientServer))
        #expect(engine.isUp(node: 0))
        engine.run(until: .seconds(60))
        // Down from 10 s to 30 s, when the switch brought it up: 20 s of 60.
        #expect(abs(engine.serverAvailability - (1 - 20.0 / 60)) < 1e-12, "\(engine.serverAvailability)")
        engine.run(until: .seconds(120))
        #expect(abs(engine.serverAvailability - (1 - 20.0 / 120)) < 1e-12, "\(engine.serverAvailability)")
    }
}
