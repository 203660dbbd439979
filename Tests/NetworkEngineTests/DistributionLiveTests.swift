import Testing
@testable import NetworkEngine

/// What the live view reads of a file distribution (`DistributionSnapshot`, each shown node's progress, the chunks in
/// flight), the CSV's `complete_share`, and a switch of architecture mid-distribution, which keeps every chunk.
@Suite("File distribution, live")
struct DistributionLiveTests {
    /// 30 nodes and a 50 MB file (196 chunks): the swarm's bound is N·F/(u_s + N·u) = 30·400/(100 + 150) = 48 s.
    static func scenario(_ architecture: Architecture, nodes: Int = 30) -> Scenario {
        DistributionFidelityTests.scenario(architecture, nodes: nodes)
    }

    @Test("a snapshot shows the shown nodes' progress, the chunks on their way, the server's upload and the curve")
    func snapshotFigures() {
        let engine = Engine(scenario: Self.scenario(.peerMesh))
        engine.advance(to: .seconds(20), maxEvents: .max)
        var request = SnapshotRequest(nodes: 1..<11)
        request.curvePoints = 60
        let shot = engine.snapshot(request)
        let d = try! #require(shot.distribution)
        #expect(d.nodes == 30 && d.chunks == 196)
        #expect(abs(d.boundSeconds - 48) < 1e-9)
        #expect(d.elapsedSeconds == 20)
        // The curve spans 1.2 × the bound (48 s is later than now): 57.6 s, 60 points, drawn up to now.
        #expect(abs(d.curveSpanSeconds - 57.6) < 1e-9 && d.curvePoints == 60)
        #expect(d.curve.count == Int((20 / 57.6 * 60).rounded(.up)))
        // The window's ten nodes each say how much they hold; the mean over all agrees with the model's count.
        let peers = shot.nodes.filter { $0.role != .server }
        #expect(peers.count == 10 && peers.allSatisfy { ($0.progress ?? -1) > 0 && ($0.progress ?? 2) < 1 })
        let model = try! #require(engine.distribution)
        #expect(d.heldTotal == model.held.reduce(0) { $0 + Int($1) })
        // Chunks are on their way to the window's nodes, each flight ending at one of them.
        #expect(!shot.flights.isEmpty)
        #expect(shot.flights.allSatisfy { (1...10).contains($0.to) && $0.progress >= 0 && $0.progress <= 1 })
        // Under way, the server keeps every slot busy: 100% of u_s.
        #expect(d.serverUploadShare == 1)
    }

    @Test("progress and the completion curve only grow, and reach every node; the curve never beats the bound")
    func progressGrows() {
        let s = Self.scenario(.peerMesh)
        let engine = Engine(scenario: s)
        var last = 0
        var request = SnapshotRequest(nodes: 0..<0)
        request.curvePoints = 40
        for t in stride(from: 5.0, through: 100, by: 5) {
            engine.advance(to: .seconds(t), maxEvents: .max)
            let d = try! #require(engine.snapshot(request).distribution)
            #expect(d.heldTotal >= last)
            last = d.heldTotal
            #expect(zip(d.curve, d.curve.dropFirst()).allSatisfy { $0 <= $1 })
            // No node completes before F/d = 20 s (it must download the file), and not every node before the
            // bound (the bound is on the last completion): the curve is 0 before the first, under 1 before the second.
            for (k, share) in d.curve.enumerated() {
                let t = d.curveSpanSeconds * Double(k + 1) / 40
                if t < 20 { #expect(share == 0) }
                if t < d.boundSeconds { #expect(share < 1) }
            }
        }
        let d = try! #require(engine.snapshot(request).distribution)
        #expect(d.completed == 30 && d.finishedSeconds != nil && d.curve.last == 1)
        #expect(d.finishedSeconds! >= d.boundSeconds)
    }

    @Test("the CSV of a distribution gains complete_share; a request run's CSV keeps its columns")
    func csvColumn() {
        let engine = Engine(scenario: Self.scenario(.peerMesh))
        engine.keepsSeries = true
        engine.run(until: .seconds(1000))
        let csv = engine.report().csv.split(separator: "\n")
        #expect(csv[0].hasSuffix(",denied,complete_share"))
        let shares = csv.dropFirst().map { Double($0.split(separator: ",").last!)! }
        #expect(shares.first == 0 && zip(shares, shares.dropFirst()).allSatisfy { $0 <= $1 })
        // The run stops at the last completion, within the second after the last closed one.
        #expect(shares.count == Int(engine.now.inSeconds))
        #expect(shares.last! > 0)
        let plain = Engine(scenario: Scenario(name: "requests"))
        plain.keepsSeries = true
        plain.run(until: .seconds(3))
        #expect(plain.report().csv.hasPrefix(RunReport.csvHeader) && !plain.report().csv.contains("complete_share"))
        #expect(RunReport.csvHeader(Self.scenario(.clientServer)) == RunReport.distributionCSVHeader)
    }

    /// Switching mid-distribution keeps the chunks: at the switch every node holds what it held, and afterwards the
    /// server sends, of the N·F bytes, at most those no node held at the switch (it sends each node only the chunks
    /// it lacks); the peers start no upload after the switch (their transfers under way, 1.6 s a chunk plus 20 ms,
    /// end within 2 s). In all, N·F bytes arrive: no chunk is sent twice.
    @Test("t mid-distribution: to client-server the nodes keep their chunks and the server sends only what they lack")
    func switchKeepsChunks() {
        let s = Self.scenario(.peerMesh)
        let engine = Engine(scenario: s)
        engine.advance(to: .seconds(20), maxEvents: .max)
        let before = engine.distribution!
        let serverBytesBefore = engine.distributionView!.serverBytes
        let heldBefore = before.held
        // Bytes held: 256 kB a chunk, the last (chunk 195) 50 MB − 195 × 256 kB = 80 kB.
        let lastWord = 195 >> 6, lastBit = UInt64(1) << UInt64(195 & 63)
        var heldBytes: Int64 = 0
        for i in 0..<30 {
            let hasLast = before.have[i * before.words + lastWord] & lastBit != 0
            heldBytes += Int64(before.held[i]) * 256_000 - (hasLast ? 176_000 : 0)
        }
        #expect(engine.apply(.toggleArchitecture).accepted)
        #expect(engine.architecture == .clientServer)
        #expect(engine.distribution!.held == heldBefore)
        engine.advance(to: .seconds(22), maxEvents: .max)
        let peerBytesAfterDrain = engine.distributionView!.peerBytes
        engine.run(until: .seconds(s.duration))
        let after = engine.distributionView!
        let fileBytes: Int64 = 50_000_000
        #expect(after.completed == 30)
        #expect(after.serverBytes + after.peerBytes == 30 * fileBytes)
        #expect(after.peerBytes == peerBytesAfterDrain)
        #expect(after.serverBytes - serverBytesBefore <= 30 * fileBytes - heldBytes)
        // Held chunks were something to keep.
        #expect(heldBytes > 30 * 256_000)
    }

    @Test("to the mesh mid-distribution the peers start trading what the server sent them; the timeline does the same")
    func switchToMesh() {
        var s = Self.scenario(.clientServer)
        let live = Engine(scenario: s)
        live.advance(to: .seconds(10), maxEvents: .max)
        #expect(live.distributionView!.peerBytes == 0)
        let heldAtSwitch = live.distribution!.held
        live.apply(.switchArchitecture(to: .peerMesh))
        #expect(live.distribution!.held == heldAtSwitch)
        live.run(until: .seconds(s.duration))
        #expect(live.distributionView!.peerBytes > 0)
        #expect(live.distribution!.completed == 30)
        // Client-server alone needs N·F/u_s = 120 s; the swarm from 10 s on finishes far sooner.
        #expect(live.now.inSeconds < 100)
        // `--toggle-at 10` is a timeline switch at 10 s: the same run, to the nanosecond.
        s.timeline = [.init(at: 10, kind: .switchArchitecture(to: .peerMesh))]
        let timed = Engine(scenario: s)
        timed.run(until: .seconds(s.duration))
        #expect(timed.now == live.now && timed.distributionView!.peerBytes == live.distributionView!.peerBytes)
    }
}

/// Churn, crashes and disk failures during a distribution (README, 'File distribution'): a node that leaves keeps
/// its chunks and takes no part while away; a failed disk loses its chunks; a crashed server starts no transfer.
@Suite("File distribution, failures")
struct DistributionFailureTests {
    static func scenario(_ architecture: Architecture) -> Scenario { DistributionLiveTests.scenario(architecture) }

    @Test("a peer that leaves keeps its chunks, gets nothing while away, and completes after it rejoins")
    func leaveKeepsChunks() {
        let s = Self.scenario(.peerMesh)
        let engine = Engine(scenario: s)
        engine.advance(to: .seconds(10), maxEvents: .max)
        let held = engine.distribution!.held[4]
        #expect(held > 0)
        #expect(engine.apply(.crash(.node(5))).accepted)
        // Transfers to it under way finish within a chunk-time (1.6 s at a peer's slot) and a latency; then nothing.
        engine.advance(to: .seconds(12), maxEvents: .max)
        let away = engine.distribution!.held[4]
        #expect(away >= held)
        engine.advance(to: .seconds(200), maxEvents: .max)
        #expect(engine.distribution!.held[4] == away)
        // The others finish without it; the run waits for it.
        #expect(engine.distribution!.completed == 29 && !engine.distributionFinished)
        #expect(engine.apply(.restart(.node(5))).accepted)
        engine.run(until: .seconds(s.duration))
        let d = engine.distribution!
        #expect(d.completed == 30)
        // It kept what it had: no chunk went to it twice, so N·F bytes were sent in all.
        #expect(engine.distributionView!.serverBytes + engine.distributionView!.peerBytes == 30 * 50_000_000)
    }

    @Test("a failed disk loses the node's chunks, and the file if it had it; they are sent again")
    func diskLosesChunks() {
        let s = Self.scenario(.peerMesh)
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(s.duration))
        let first = engine.now
        #expect(engine.distribution!.completed == 30)
        // After the end, node 3's disk fails: it loses the whole file and counts as incomplete again.
        #expect(engine.apply(.failDisk(.node(3))).accepted)
        let d = engine.distribution!
        #expect(d.held[2] == 0 && d.completed == 29 && d.completedAt[2] == -1)
        #expect(d.heldTotal == 29 * 196)
        // Each chunk's holders lost one; the server has already started sending node 3 some again (claimed).
        #expect(d.holders.reduce(0) { $0 + Int($1) } == 29 * 196 + Int(d.claimedCount[2]))
        #expect(d.claimedCount[2] > 0 && d.held[2] == 0)
        engine.run(until: .seconds(s.duration))
        let again = engine.distribution!
        #expect(again.completed == 30 && engine.now > first)
        // The 196 chunks went to it a second time: N·F + F bytes in all.
        #expect(engine.distributionView!.serverBytes + engine.distributionView!.peerBytes == 31 * 50_000_000)
    }

    @Test("a crashed server starts no transfer until it restarts (client-server)")
    func serverCrash() {
        let s = Self.scenario(.clientServer)
        let engine = Engine(scenario: s)
        engine.advance(to: .seconds(10), maxEvents: .max)
        #expect(engine.apply(.crash(.server)).accepted)
        // Its transfers under way end within a chunk-time (0.1 s at a 20 Mbps slot) and a latency.
        engine.advance(to: .seconds(11), maxEvents: .max)
        let sent = engine.distributionView!.serverBytes
        engine.advance(to: .seconds(60), maxEvents: .max)
        #expect(engine.distributionView!.serverBytes == sent)
        #expect(engine.apply(.restart(.server)).accepted)
        engine.run(until: .seconds(s.duration))
        // N·F/u_s = 120 s of sending, 50 s later than without the crash.
        #expect(engine.distribution!.completed == 30)
        #expect(engine.now.inSeconds > 120 + 49 && engine.now.inSeconds < 120 + 52)
    }

    @Test("churn during a distribution: peers come and go, and every one still gets the file")
    func churn() {
        var s = Self.scenario(.peerMesh)
        s.mesh.churn = Scenario.Churn(meanUptime: 30, meanDowntime: 5)
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(s.duration))
        let d = engine.distribution!
        #expect(d.completed == 30)
        #expect(engine.distributionView!.serverBytes + engine.distributionView!.peerBytes == 30 * 50_000_000)
        // Leaving costs time: the run takes longer than without churn (48 s bound, about 52 s measured).
        #expect(engine.now.inSeconds > DistributionFidelityTests.run(Self.scenario(.peerMesh)).timeSeconds)
    }
}
