import Testing
@testable import NetworkEngine

/// A file distribution whose population changes (`+`/`-` live, `add_nodes`/`remove_nodes` on a timeline), whose
/// server's disk fails (the seed), and whose bytes reach the bill. The scenario is `DistributionFidelityTests`':
/// a 50 MB file (400 Mbit, 196 chunks), u_s = 100 Mbps, d = 20 Mbps, u = 5 Mbps, 20 ms latency.
@Suite("File distribution: members, the seed's disk, the bill")
struct DistributionMembershipTests {
    static let fileBytes: Int64 = 50_000_000

    static func scenario(_ architecture: Architecture, nodes: Int = 30) -> Scenario {
        DistributionFidelityTests.scenario(architecture, nodes: nodes)
    }

    static func sent(_ engine: Engine) -> Int64 {
        engine.distributionView!.serverBytes + engine.distributionView!.peerBytes
    }

    /// Nodes added mid-way want the file too: N grows to 40, the run waits for them, and each got the file once
    /// (40·F bytes in all). Joining late only slows a run, so the bound over the 40 still holds: in the swarm
    /// 40·400/(100 + 40·5) = 53.3 s; under client-server 40·400/100 = 160 s.
    @Test("nodes added with + mid-distribution want the file too: N grows and every one of them gets it",
          arguments: [Architecture.peerMesh, .clientServer])
    func joinersGetTheFile(_ architecture: Architecture) throws {
        let s = Self.scenario(architecture)
        let engine = Engine(scenario: s)
        engine.advance(to: .seconds(10), maxEvents: .max)
        #expect(engine.apply(.addNodes(10)).accepted)
        #expect(engine.distribution!.nodes == 40)
        let shot = try #require(engine.snapshot(SnapshotRequest(nodes: 31..<41)).distribution)
        #expect(shot.nodes == 40 && shot.completed < 40)
        engine.run(until: .seconds(s.duration))
        let v = try #require(engine.distributionView)
        #expect(v.nodes == 40 && v.completed == 40 && engine.distributionFinished)
        #expect(v.completionSeconds.allSatisfy { $0 != nil })
        #expect(Self.sent(engine) == 40 * Self.fileBytes)
        let bound = DistributionBound.seconds(s, architecture: architecture, nodes: 40)
        #expect(v.boundSeconds == bound && v.boundBroken == nil)
        #expect(v.timeSeconds >= bound, "\(v.timeSeconds) s below the bound \(bound) s")
    }

    /// A distribution may start with no nodes at all (the checker accepts `nodes: 0`): nodes added later take their
    /// classes' rates and get the file.
    @Test("a distribution that starts with no nodes gets them with +, and they get the file")
    func startsEmpty() throws {
        var s = Self.scenario(.peerMesh, nodes: 0)
        s.distribution.download = [RateClass(share: 0.5, mbps: 10), RateClass(share: 0.5, mbps: 20)]
        let engine = Engine(scenario: s)
        engine.advance(to: .seconds(1), maxEvents: .max)
        #expect(engine.apply(.addNodes(4)).accepted)
        engine.run(until: .seconds(s.duration))
        #expect(engine.distributionView?.completed == 4)
        #expect(engine.distribution?.downloadOf == [10_000_000, 10_000_000, 20_000_000, 20_000_000])
    }

    /// Nodes that leave no longer count: the run ends when the 25 who stayed have the file. Added back (the same
    /// slots), they bring the chunks they held, so no chunk is sent twice: 30·F bytes in all. No bound over the
    /// members holds once leavers had uploaded, and the theory says so instead of a number.
    @Test("nodes removed mid-distribution stop counting; added back, they bring their chunks")
    func leaversAndReturners() throws {
        let s = Self.scenario(.peerMesh)
        let engine = Engine(scenario: s)
        engine.advance(to: .seconds(10), maxEvents: .max)
        let heldBy30 = engine.distribution!.held[29]
        #expect(heldBy30 > 0 && Int(heldBy30) < engine.distribution!.chunks)
        #expect(engine.apply(.removeNodes(5)).accepted)
        engine.run(until: .seconds(s.duration))
        let stayed = try #require(engine.distributionView)
        #expect(stayed.nodes == 25 && stayed.completed == 25 && engine.distributionFinished)
        #expect(stayed.completionSeconds.count == 25)
        #expect(stayed.boundBroken != nil)
        let report = engine.report()
        let theory = TheoryView(scenario: s, report: report, changedMidRun: true)
        #expect(theory.distributionSeconds == nil)
        #expect(theory.assumptionsBroken.contains { $0.hasPrefix("distribution_s:") })
        // Node 30 kept what it had (and what was still on its way when it left).
        #expect(engine.distribution!.held[29] >= heldBy30)
        #expect(engine.apply(.addNodes(5)).accepted)
        #expect(engine.distribution!.nodes == 30 && !engine.distributionFinished)
        engine.run(until: .seconds(s.duration))
        #expect(engine.distributionView!.completed == 30)
        #expect(Self.sent(engine) == 30 * Self.fileBytes)
    }

    /// With a backup the server's disk failing stops its seeding for the restore (36 s here), then the file comes
    /// back and the swarm finishes; the server sent nothing while it was restored.
    @Test("the server's disk failing in a swarm stops its seeding until the restore; a backup brings the file back")
    func seedDiskWithBackup() throws {
        var s = Self.scenario(.peerMesh)
        s.storage.backupEveryHours = 24
        s.storage.restoreHours = 0.01
        let engine = Engine(scenario: s)
        engine.advance(to: .seconds(2), maxEvents: .max)
        let outcome = engine.apply(.failDisk(.server))
        #expect(outcome.accepted && outcome.message.contains("backup"))
        // Transfers under way end within a chunk-time (0.1 s at a 20 Mbps slot) and a latency.
        engine.advance(to: .seconds(3), maxEvents: .max)
        let before = engine.distributionView!.serverBytes
        engine.advance(to: .seconds(37), maxEvents: .max)
        #expect(engine.distributionView!.serverBytes == before)
        engine.run(until: .seconds(s.duration))
        #expect(engine.distributionView!.completed == 30)
        #expect(engine.distributionView!.serverBytes > before)
        #expect(engine.snapshot(SnapshotRequest(nodes: 1..<2)).distribution?.seedLost == false)
    }

    /// With no backup the seed is gone for good. At 1 s the server has sent 100 Mbps × 1 s = 12.5 MB, a quarter of
    /// the file: some chunks are on no node, and nobody completes. At 20 s it has sent 250 MB, five copies' worth,
    /// rarest first, so the peers hold every chunk between them and the swarm finishes without the server.
    @Test("the seed lost with no backup: a swarm finishes only if the peers hold every chunk between them",
          arguments: [(1, false), (20, true)])
    func seedLost(at: Int, finishes: Bool) throws {
        var s = Self.scenario(.peerMesh)
        s.storage.restoreHours = 0.01
        s.duration = 2_000
        let engine = Engine(scenario: s)
        engine.advance(to: .seconds(Double(at)), maxEvents: .max)
        let outcome = engine.apply(.failDisk(.server))
        #expect(outcome.accepted && outcome.message.contains("seed is lost"))
        let missing = engine.distribution!.chunksHeldByNoMember()
        // Chunks on their way still arrive: count what is missing once they have.
        engine.advance(to: .seconds(Double(at) + 2), maxEvents: .max)
        let sentByServer = engine.distributionView!.serverBytes
        engine.run(until: .seconds(s.duration))
        let v = try #require(engine.distributionView)
        #expect(v.serverBytes == sentByServer)
        #expect(engine.snapshot(SnapshotRequest(nodes: 1..<2)).distribution?.seedLost == true)
        #expect((missing == 0) == finishes)
        #expect((v.completed == 30) == finishes)
        if !finishes {
            #expect(v.completed == 0 && engine.now == .seconds(2_000))
            #expect(outcome.message.contains("on no node"))
        }
    }

    /// Under client-server only the server sends: with its seed lost, nobody completes after. Client-server sends
    /// every node the chunks in order, round the ring, so at 60 s (half of N·F/u_s = 120 s) the file's second half,
    /// 98 of 196 chunks, is on no node. After 20 s of the swarm instead (five copies' worth, rarest first) the nodes
    /// hold every chunk between them, and switched to client-server they still cannot finish: the message says so.
    @Test("the seed lost under client-server: no node completes after it, whatever the nodes hold")
    func seedLostClientServer() throws {
        var s = Self.scenario(.clientServer)
        s.storage.restoreHours = 0.01
        s.duration = 2_000
        let engine = Engine(scenario: s)
        engine.advance(to: .seconds(60), maxEvents: .max)
        let outcome = engine.apply(.failDisk(.server))
        #expect(outcome.accepted && outcome.message.contains("98 chunks are on no node"))
        engine.advance(to: .seconds(62), maxEvents: .max)
        let done = engine.distributionView!.completed
        engine.run(until: .seconds(s.duration))
        #expect(engine.distributionView!.completed == done && done < 30)

        let swarm = Engine(scenario: { var m = s; m.architecture = .peerMesh; return m }())
        swarm.advance(to: .seconds(20), maxEvents: .max)
        #expect(swarm.apply(.toggleArchitecture).accepted)
        swarm.advance(to: .seconds(22), maxEvents: .max)
        let lost = swarm.apply(.failDisk(.server))
        #expect(swarm.distribution!.chunksHeldByNoMember() == 0)
        #expect(lost.message.contains("only the server sends"), "\(lost.message)")
        let before = swarm.distributionView!.completed
        swarm.run(until: .seconds(s.duration))
        #expect(swarm.distributionView!.completed == before && before < 30)
    }

    /// The bill counts a distribution's bytes where they are sent: the server's at the bandwidth price, the peers'
    /// as donated upload. 30 nodes × 50 MB = 1.5 GB in all.
    @Test("a distribution's bytes are on the bill: the server's paid, the peers' donated")
    func billCountsChunks() throws {
        var s = Self.scenario(.peerMesh)
        s.cost.bandwidthPerGb = 0.09
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(s.duration))
        let v = try #require(engine.distributionView)
        let bill = engine.costView
        #expect(v.peerBytes > 0)
        #expect(bill.peerBytes == Double(v.peerBytes) && bill.serverBytes == Double(v.serverBytes))
        #expect(bill.serverBytes + bill.peerBytes == 1.5e9)
        #expect(abs(bill.peerBandwidthDollars - Double(v.peerBytes) * 0.09 / 1e9) < 1e-12)
        #expect(abs(bill.bandwidthDollars - Double(v.serverBytes) * 0.09 / 1e9) < 1e-12)
    }
    /// Nodes joining one at a time take the class furthest below its share, so the counts follow the shares (half
    /// each: 25 and 25 of 50, not the last class for all 49), and the bound is over the members' own rates: the run
    /// (90% of peers uploading nothing, 10% at 20 Mbps) is never faster than it.
    @Test("nodes added one at a time take the classes that keep the shares; the bound is over their own rates")
    func oneAtATime() throws {
        var s = Self.scenario(.peerMesh, nodes: 1)
        s.distribution.peerUpload = [RateClass(share: 0.9, mbps: 0), RateClass(share: 0.1, mbps: 20)]
        s.distribution.download = [RateClass(share: 0.5, mbps: 10), RateClass(share: 0.5, mbps: 20)]
        s.timeline = (1...49).map { Scenario.TimelineAction(at: Double($0) * 0.01, kind: .addNodes(1)) }
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(s.duration))
        let d = try #require(engine.distribution)
        #expect(d.downloadOf.filter { $0 == 10_000_000 }.count == 25)
        #expect(d.uploaders.filter { $0.bps == 20_000_000 }.count == 5)
        let v = try #require(engine.distributionView)
        #expect(v.completed == 50)
        #expect(v.timeSeconds >= v.boundSeconds, "\(v.timeSeconds) s below the bound \(v.boundSeconds) s")
    }

    /// A finished swarm whose seed is lost, then one node's disk fails: the others hold every chunk, so the node gets
    /// the file back from the peers alone (F bytes more from them, none from the server).
    @Test("after the finish with the seed lost, a node that loses its disk gets the file back from the peers alone")
    func seedersWakeAfterFinish() throws {
        var s = Self.scenario(.peerMesh, nodes: 5)
        s.storage.restoreHours = 0.01
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(s.duration))
        #expect(engine.distributionView?.completed == 5)
        #expect(engine.apply(.failDisk(.server)).accepted)
        #expect(engine.apply(.failDisk(.node(1))).accepted)
        let peerBytes = engine.distributionView!.peerBytes
        engine.run(until: .seconds(s.duration))
        #expect(engine.distributionView?.completed == 5)
        #expect(engine.distributionView!.peerBytes == peerBytes + Self.fileBytes)
    }

    /// Peers that leave for good after completing (`leave_after_done: 1`) are out of the distribution: their disks
    /// failing (every hour on average here, `disk_mttf_hours: 0.01` over 20 disks) takes no completion back.
    @Test("a peer gone for good after completing keeps its completion when its disk fails")
    func leaversKeepCompletion() throws {
        var s = Self.scenario(.peerMesh, nodes: 20)
        s.distribution.leaveAfterDone = 1
        s.storage.diskMttfHours = 0.01
        s.duration = 300
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(300))
        #expect(engine.distributionView?.completed == 20)
    }

    /// A headless run does not end at its last completion while its timeline still has entries: 5 nodes have the
    /// file within a minute, 5 more join at 100 s, and the run waits for them too.
    @Test("a headless distribution goes on for a timeline entry after the finish: nodes added at 100 s get the file")
    func timelineAfterFinish() throws {
        var s = Self.scenario(.peerMesh, nodes: 5)
        s.timeline = [Scenario.TimelineAction(at: 100, kind: .addNodes(5))]
        let engine = Engine(scenario: s)
        // Between the finish and 100 s the run goes on, and the peers' retries find nobody and stop; the join wakes
        // every seeder (`resume`), not only the newcomers and the server.
        engine.advance(to: .seconds(100.5), maxEvents: .max)
        let d = try #require(engine.distribution)
        for u in 0..<5 { #expect(d.idle[u] < Int32(d.uploaders[u].slots) || d.retryPending[u], "peer \(u + 1) idle") }
        engine.run(until: .seconds(s.duration))
        let v = try #require(engine.distributionView)
        #expect(v.nodes == 10 && v.completed == 10 && engine.now > .seconds(100))
        // Under client-server alone, nodes that leave never uploaded: the bound over those who stay still holds.
        var cs = Self.scenario(.clientServer, nodes: 10)
        cs.timeline = [Scenario.TimelineAction(at: 1, kind: .removeNodes(2))]
        let csEngine = Engine(scenario: cs)
        csEngine.run(until: .seconds(cs.duration))
        #expect(csEngine.distributionView?.boundBroken == nil && csEngine.distributionView?.completed == 8)
    }
}
