import Testing
@testable import NetworkEngine

/// The multi-resolution history behind the live view's charts: its columns must equal a brute-force fold of the
/// per-second samples, at every seconds-per-column the charts use, and its memory must not grow with the run.
@Suite("Sample history")
struct SampleHistoryTests {
    /// A deterministic generator for the synthetic runs (an LCG: the test needs variety, not quality).
    struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// `count` seconds of random figures, as `MetricsRecorder.closeSecond` would make them; the architecture and
    /// population change now and then, so a fold's "newest" is checked too.
    static func randomSeconds(_ count: Int, seed: UInt64) -> [SecondSample] {
        var rng = LCG(state: seed)
        var nodes = 20
        return (1...count).map { second in
            if rng.next(500) == 0 { nodes = 1 + rng.next(200) }
            var s = SecondSample(second: second, architecture: rng.next(3000) == 0 ? .peerMesh : .clientServer,
                                 nodes: nodes)
            s.issued = rng.next(200); s.completed = rng.next(150); s.rejected = rng.next(20) > 15 ? rng.next(30) : 0
            s.timedOut = rng.next(5); s.failed = rng.next(40) == 0 ? rng.next(100) : 0; s.denied = rng.next(3)
            if s.completed > 0 {
                s.latencyMeanMs = Double(rng.next(100_000)) / 100
                s.latencyP95Ms = s.latencyMeanMs * (1 + Double(rng.next(300)) / 100)
            }
            s.queue = Double(rng.next(64_000)) / 1000
            s.utilization = Double(rng.next(1001)) / 1000
            s.messages = rng.next(1000); s.securityEvents = rng.next(4)
            return s
        }
    }

    /// The columns `columns(secondsPerColumn:count:)` must give, computed the slow way from every second: complete
    /// columns only (ending by the newest whole multiple of `c`), the newest `count`, none older than what a ring of
    /// `capacity` buckets at level width `b` still holds.
    static func bruteForce(_ all: [SecondSample], c: Int, count: Int, capacity: Int) -> [SecondSample] {
        guard let last = all.last?.second else { return [] }
        let b = SampleHistory.levelSeconds[SampleHistory.level(forSecondsPerColumn: c)]
        let newestColumn = last / c
        let oldestHeldStart = max(0, (last / b - capacity) * b)
        var result: [SecondSample] = []
        for k in max(0, newestColumn - count)..<newestColumn where k * c >= oldestHeldStart {
            // `all[i]` is second i + 1 (the seconds are consecutive from 1).
            guard (k + 1) * c <= all.count else { continue }
            let part = all[(k * c)..<((k + 1) * c)]
            guard let newest = part.last else { continue }
            var s = SecondSample(second: (k + 1) * c, architecture: newest.architecture, nodes: newest.nodes)
            s.seconds = c
            var done = 0.0, queue = 0.0, utilization = 0.0, p95 = 0.0
            for x in part {
                s.issued += x.issued; s.completed += x.completed; s.rejected += x.rejected
                s.timedOut += x.timedOut; s.failed += x.failed; s.denied += x.denied
                s.messages += x.messages; s.securityEvents += x.securityEvents
                done += x.latencyMeanMs * Double(x.completed)
                if x.completed > 0 { p95 = max(p95, x.latencyP95Ms) }
                queue += x.queue; utilization += x.utilization
            }
            s.latencyMeanMs = s.completed > 0 ? done / Double(s.completed) : 0
            s.latencyP95Ms = s.completed > 0 ? p95 : 0
            s.queue = queue / Double(c)
            s.utilization = utilization / Double(c)
            result.append(s)
        }
        return result
    }

    /// Equal counts and seconds exactly; the means to 1e-9 relative (the history adds in another grouping).
    static func agree(_ a: [SecondSample], _ b: [SecondSample]) -> Bool {
        guard a.count == b.count else { return false }
        func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-9 * max(1, abs(x), abs(y)) }
        return zip(a, b).allSatisfy { x, y in
            x.second == y.second && x.seconds == y.seconds && x.architecture == y.architecture && x.nodes == y.nodes
                && x.issued == y.issued && x.completed == y.completed && x.rejected == y.rejected
                && x.timedOut == y.timedOut && x.failed == y.failed && x.denied == y.denied
                && x.messages == y.messages && x.securityEvents == y.securityEvents
                && close(x.latencyMeanMs, y.latencyMeanMs) && x.latencyP95Ms == y.latencyP95Ms
                && close(x.queue, y.queue) && close(x.utilization, y.utilization)
        }
    }

    @Test("over a long random run, every chart resolution equals a brute-force fold of the seconds")
    func differentialAgainstBruteForce() {
        let all = Self.randomSeconds(70_000, seed: 42)
        var history = SampleHistory()
        var checked = 0
        // Read at several moments, so the column still filling is at every phase of its width.
        let readAt: Set<Int> = [7, 61, 1_000, 1_001, 12_345, 69_999, 70_000]
        for s in all {
            history.append(s)
            guard readAt.contains(s.second) else { continue }
            let seen = Array(all[..<s.second])
            for c in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] {
                for count in [1, 20, 96, 120] {
                    let got = history.columns(secondsPerColumn: c, count: count)
                    let want = Self.bruteForce(seen, c: c, count: count, capacity: history.capacity)
                    #expect(Self.agree(got, want), "c=\(c) count=\(count) at second \(s.second)")
                    checked += got.count
                }
            }
        }
        #expect(checked > 5_000)
    }

    @Test("a run's snapshot at 1000 s a column equals the brute-force fold of the engine's own seconds")
    func engineSnapshotMatchesItsSeries() {
        var s = Scenario(name: "two clients")
        s.seed = 9
        s.nodes = 2
        s.workload.rate = 2
        s.timeline = [.init(at: 5_000, kind: .crash(.server)), .init(at: 5_300, kind: .restart(.server))]
        let engine = Engine(scenario: s)
        engine.keepsSeries = true
        engine.run(until: .seconds(22_500))
        let all = engine.report().series
        #expect(all.count == 22_500)
        for (c, count) in [(1000, 20), (500, 48), (200, 96), (5, 20)] {
            let shot = engine.snapshot(SnapshotRequest(seriesLimit: count, secondsPerColumn: c))
            #expect(shot.secondsPerColumn == c)
            #expect(Self.agree(shot.series, Self.bruteForce(all, c: c, count: count, capacity: 600)), "c=\(c)")
        }
        // 22 complete columns of 1000 s exist; 20 were asked for: seconds 2,001…22,000.
        let wide = engine.snapshot(SnapshotRequest(seriesLimit: 20, secondsPerColumn: 1000)).series
        #expect(wide.map(\.second) == Array(stride(from: 3_000, through: 22_000, by: 1_000)))
        #expect(wide.contains { $0.failed > 0 })
        // The default request is today's: the last 120 seconds one by one.
        #expect(engine.snapshot(SnapshotRequest()).series == Array(all.suffix(120)))
    }

    @Test("memory is fixed: each level's ring stops at its capacity however long the run")
    func memoryIsBounded() {
        var history = SampleHistory(capacity: 600)
        let reserved = (0..<SampleHistory.levelSeconds.count).map { history.storageCapacity(level: $0) }
        var rng = LCG(state: 7)
        // 702,000 seconds: the 1000 s level wraps too (600 × 1000 s).
        for second in 1...702_000 {
            var s = SecondSample(second: second, architecture: .clientServer, nodes: 3)
            s.completed = rng.next(10)
            history.append(s)
        }
        for level in 0..<SampleHistory.levelSeconds.count {
            #expect(history.count(level: level) == 600)
            #expect(history.storageCapacity(level: level) == reserved[level])
        }
        // The top level holds seconds 102,001…702,000: at 5000 s a column, 100,001…105,000 is only partly held
        // and left out, so 119 of the 120 asked for; at 1000 s a column, all 120.
        #expect(history.columns(secondsPerColumn: 5000, count: 120).count == 119)
        #expect(history.columns(secondsPerColumn: 1000, count: 120).count == 120)
    }
}
