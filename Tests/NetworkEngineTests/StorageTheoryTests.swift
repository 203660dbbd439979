import Foundation
@testable import NetworkEngine
import Testing

/// The storage model against its theory (the README's "Storage and backup"), with fixed seeds and tolerances of three
/// standard errors, each derived in its test's comment. These runs are short enough for a debug build (their three
/// standard errors are 6–40%); `ReleaseTierStorageTests` runs them long enough that three standard errors are at most
/// 5%.
@Suite("Storage theory")
struct StorageTheoryTests {
    // MARK: - Runs

    /// A mesh of `peers` peers holding `files` files with `replicas` copies each and no requests, disks failing with
    /// mean `mttfHours`, repair after `repairMinutes`.
    static func mesh(peers: Int, files: Int, replicas: Int, mttfHours: Double, repairMinutes: Double = 0,
                     seed: UInt64) -> Scenario {
        var s = Scenario(name: "storage theory")
        s.seed = seed
        s.architecture = .peerMesh
        s.nodes = peers
        s.workload.rate = 0
        s.workload.resources = files
        s.mesh.replicas = replicas
        s.storage.diskMttfHours = mttfHours
        s.storage.repairMinutes = repairMinutes
        return s
    }

    /// (a) One copy, no repair: the share of files lost by T.
    ///
    /// Files lost = Σ_p n_p·1{peer p's disk failed by T}, the indicators independent Bernoulli(p = 1 − e^{−T/M}), n_p
    /// the files peer p holds; so its variance is p(1 − p)·Σ n_p², read from the run's own placement. The share's
    /// standard error is that root over the files.
    static func oneCopy(peers: Int, seed: UInt64) -> (measured: Double, expected: Double, se: Double) {
        let m = 0.01, t = m * 3600 * log(2.0)  // M = 36 s, T = M·ln 2: half the disks fail
        let engine = Engine(scenario: mesh(peers: peers, files: peers, replicas: 1, mttfHours: m, seed: seed))
        let held = engine.mesh!.state.heldBy.map { Double($0.count) }
        engine.run(until: .seconds(t))
        let p = StorageTheory.lostBy(t, mttf: m * 3600)
        let files = Double(peers)
        let se = (p * (1 - p) * held.reduce(0) { $0 + $1 * $1 }).squareRoot() / files
        return (Double(engine.ctx.files.filesLost) / files, p, se)
    }

    /// The report's own theory is the formula the runs here are checked against: 1 − (1 − e^(−T/M))^r without repair
    /// (independent disks), and its measured durability lies within three standard errors of it (one copy: the
    /// `oneCopy` derivation, over the run's placement).
    @Test("the report's theory.durability is 1 − (1 − e^(−T/M))^r, and the measured durability lies within 3 SE of it")
    func reportDurability() throws {
        let m = 0.01, t = m * 3600 * log(2.0)
        for replicas in [1, 2, 3] {
            let engine = Engine(scenario: Self.mesh(peers: 2_000, files: 2_000, replicas: replicas, mttfHours: m, seed: 11))
            engine.run(until: .seconds(t))
            let report = engine.report()
            let theory = try #require(report.theory?.durability)
            // (1e-9: the run's end is T rounded to whole nanoseconds.)
            #expect(abs(theory - (1 - pow(StorageTheory.lostBy(t, mttf: m * 3600), Double(replicas)))) < 1e-9)
            #expect(report.json.serialized().contains("\"durability\":"))
        }
        let r = Self.oneCopy(peers: 2_000, seed: 11)
        let engine = Engine(scenario: Self.mesh(peers: 2_000, files: 2_000, replicas: 1, mttfHours: m, seed: 11))
        engine.run(until: .seconds(t))
        let measured = try #require(engine.report().storage?.durability)
        let theory = try #require(engine.report().theory?.durability)
        #expect(abs(measured - theory) <= 3 * r.se, "\(measured) vs \(theory) ± \(r.se)")
    }

    @Test("one copy, no repair: the share of files lost by T is 1 − e^(−T/M) within three standard errors")
    func oneCopyQuick() {
        let r = Self.oneCopy(peers: 2_000, seed: 11)
        #expect(abs(r.measured - r.expected) <= 3 * r.se, "\(r.measured) vs \(r.expected) ± \(r.se)")
    }

    /// (b) Backups every B: the share of accepted writes lost. Client-server, every request a write, M = 36 s, B = 3.6 s
    /// (B/M = 0.1, as M = 10 h, B = 1 h), restores of 0.36 s. The standard error is
    /// `StorageTheory.BackupCycle.standardError` over the run's disk failures, at the rate writes are accepted.
    static func backups(seconds: Double, clients: Int, seed: UInt64)
        -> (measured: Double, expected: Double, se: Double, failures: Int) {
        var s = Scenario(name: "backup theory")
        s.seed = seed
        s.nodes = clients
        s.workload.rate = 1
        s.workload.writeShare = 1
        s.security.accounts = 0
        s.storage.diskMttfHours = 0.01
        s.storage.backupEveryHours = 0.001
        s.storage.restoreHours = 0.0001
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(seconds))
        let files = engine.ctx.files, failures = engine.storage.diskFailures
        let cycle = StorageTheory.BackupCycle(m: 36, b: 3.6)
        return (Double(files.writesLost) / Double(files.writes), cycle.lostShare,
                cycle.standardError(cycles: max(1, failures), writeRate: Double(clients)), failures)
    }

    @Test("backups every B: the share of writes lost is [M − B·e^(−B/M)/(1 − e^(−B/M))]/M within three standard errors")
    func backupsQuick() {
        let r = Self.backups(seconds: 4_000, clients: 5, seed: 5)
        #expect(r.failures > 50)
        #expect(abs(r.measured - r.expected) <= 3 * r.se, "\(r.measured) vs \(r.expected) ± \(r.se)")
    }

    /// (c) Three copies, repair after a fixed R: the mean time to data loss. Each run is one file on three peers (no
    /// other file shares their disks), run until the file is lost; the runs are independent (their own seeds), so
    /// the standard error is the sample standard deviation over √runs. M = 3.6 s, R = M/2 (MTTDL ≈ 4.95 M: short
    /// runs).
    static func threeCopies(runs: Int) -> (measured: Double, expected: Double, se: Double) {
        let m = 0.001, repairMinutes = m * 60 / 2
        var times: [Double] = []
        for seed in 1...runs {
            let engine = Engine(scenario: mesh(peers: 3, files: 1, replicas: 3, mttfHours: m,
                                               repairMinutes: repairMinutes, seed: UInt64(seed)))
            while engine.ctx.files.filesLost == 0, engine.step() {}
            times.append(engine.now.inSeconds)
        }
        let mean = times.reduce(0, +) / Double(runs)
        let variance = times.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(runs - 1)
        let expected = StorageTheory.meanTimeToLossOfThree(mttf: m * 3600, repair: m * 3600 / 2)
        return (mean, expected, (variance / Double(runs)).squareRoot())
    }

    @Test("three copies repaired after a fixed R: the mean time to data loss matches the renewal solution")
    func threeCopiesQuick() {
        let r = Self.threeCopies(runs: 300)
        #expect(abs(r.measured - r.expected) <= 3 * r.se, "\(r.measured) s vs \(r.expected) s ± \(r.se)")
    }

    /// The renewal solution for three copies is checked against a plain simulation of the same process (independent
    /// of the engine), and its grid against a finer one; and at two copies the same reasoning's closed form is
    /// reproduced by a simulation too. 200,000 samples: a standard error of 0.22% of the mean (τ's coefficient of
    /// variation is about 1).
    @Test("the renewal solution agrees with a direct simulation of independent copies")
    func renewalSolution() {
        let m = 1.0, r = 0.5
        let exact = StorageTheory.meanTimeToLossOfThree(mttf: m, repair: r)
        let finer = StorageTheory.meanTimeToLossOfThree(mttf: m, repair: r, steps: 800)
        #expect(abs(exact - finer) / finer < 1e-4)
        for copies in [2, 3] {
            var rng = SeededRandom(seed: 3, stream: .disks)
            let n = 200_000
            var sum = 0.0, sumSquares = 0.0
            for _ in 0..<n {
                let t = Self.directLoss(copies: copies, mttf: m, repair: r, rng: &rng)
                sum += t; sumSquares += t * t
            }
            let mean = sum / Double(n), se = ((sumSquares / Double(n) - mean * mean) / Double(n)).squareRoot()
            let theory = copies == 2 ? StorageTheory.meanTimeToLossOfTwo(mttf: m, repair: r) : exact
            #expect(abs(mean - theory) <= 3 * se, "\(copies) copies: \(mean) vs \(theory) ± \(se)")
        }
    }

    /// Copies up for Exp(m), down for exactly `repair`, until all are down at once.
    static func directLoss(copies: Int, mttf m: Double, repair: Double, rng: inout SeededRandom) -> Double {
        var t = 0.0, up = copies
        var back: [Double] = []
        while true {
            let failure = t - m / Double(up) * log(rng.unit())
            if let next = back.min(), next < failure {
                t = next
                back.remove(at: back.firstIndex(of: next)!)
                up += 1
            } else {
                t = failure
                up -= 1
                if up == 0 { return t }
                back.append(t + repair)
            }
        }
    }
}

/// The storage theory over long runs, in an optimized build: each run's three standard errors are at most 5% of the
/// figure (checked, not assumed).
@Suite("Release tier: storage theory", .releaseTier)
struct ReleaseTierStorageTests {
    /// 20,000 peers: p = 1/2 and Σn² ≈ 2 × 20,000 give a standard error of about 0.5% of the files, 1% of p.
    @Test("one copy, no repair, over 20,000 disks")
    func oneCopy() {
        let r = StorageTheoryTests.oneCopy(peers: 20_000, seed: 21)
        #expect(3 * r.se <= 0.05 * r.expected)
        #expect(abs(r.measured - r.expected) <= 3 * r.se, "\(r.measured) vs \(r.expected) ± \(r.se)")
    }

    /// 240,000 s at 10 writes a second: about 6,600 failures; the standard error is about 1.5% of the share.
    @Test("backups every B, over about 6,600 disk failures")
    func backups() {
        let r = StorageTheoryTests.backups(seconds: 240_000, clients: 10, seed: 7)
        #expect(3 * r.se <= 0.05 * r.expected)
        #expect(abs(r.measured - r.expected) <= 3 * r.se, "\(r.measured) vs \(r.expected) ± \(r.se)")
    }

    /// 4,000 independent files: τ's coefficient of variation is about 1, so a standard error of about 1.6%.
    @Test("three copies with fixed-delay repair, over 4,000 files lost")
    func threeCopies() {
        let r = StorageTheoryTests.threeCopies(runs: 4_000)
        #expect(3 * r.se <= 0.05 * r.expected)
        #expect(abs(r.measured - r.expected) <= 3 * r.se, "\(r.measured) s vs \(r.expected) s ± \(r.se)")
    }
}
