import Foundation
import Testing
@testable import NetworkEngine

/// How the mesh's capacity follows its peers: reads spread over a key's live replicas, and with `mesh.cache` over
/// the peers that fetched it, so the capacity for a hot resource grows with the population.
@Suite("Mesh reads and scaling")
struct MeshScalingTests {
    /// The `bottleneck` workload as a DHT mesh: 1.5 reads a second per peer over 200 Zipf resources (exponent 1),
    /// peers of one worker at 40 ms with 8 places, 3 replicas.
    static func bottleneck(peers: Int, cache: Bool) -> Scenario {
        var s = Scenario(name: "mesh scaling")
        s.seed = 7
        s.architecture = .peerMesh
        s.nodes = peers
        s.workload.rate = 1.5
        s.workload.resources = 200
        s.workload.popularity = .zipf
        s.mesh.cache = cache
        return s
    }

    /// One resource on r = 3 holders, read by 57 other peers at 0.2 a second for 60 s: about n = 680 reads cross the
    /// ring. Each must reach one of the 3 holders drawn uniformly, so a holder's share of them is binomial with
    /// p = 1/3 and standard error √(p(1 − p)/n) ≈ 0.018; the bound is 4 standard errors computed from the run's own
    /// n. Each holder also serves its own 12 ± 3.5 reads at home, the same for all three: a shift of at most
    /// 3.5/680 = 0.005 in a share, inside the bound. The holders' load is 680/60/3 ≈ 3.8 reads a second against the
    /// 25 each serves, so no read is refused for lack of room. Under first-holder serving one holder had them all.
    @Test("a DHT read goes to any live replica: each of r holders serves an equal share")
    func readsSpreadOverReplicas() throws {
        var s = Scenario(name: "one resource")
        s.seed = 5
        s.architecture = .peerMesh
        s.nodes = 60
        s.workload.rate = 0.2
        s.workload.resources = 1
        s.mesh.replicas = 3
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(60))
        let state = try #require(engine.mesh?.state)
        let holders = (0..<3).map { Int(state.holders[$0]) }
        let served = holders.map { state.served[$0] }
        let n = Double(served.reduce(0, +))
        #expect(n > 500)
        let bound = 4 * (1.0 / 3 * 2 / 3 / n).squareRoot()
        for (holder, count) in zip(holders, served) {
            #expect(abs(Double(count) / n - 1.0 / 3) < bound, "holder \(holder + 1) served \(count) of \(Int(n))")
        }
        #expect(engine.report().requests.rejected == 0)
    }

    /// With the cache on, 100 and then 400 peers (30 s each, seed 7): a peer's repeat reads are served from its own
    /// cache, and the holders of a resource hand the rest to the peers that cached it, so each resource's capacity
    /// grows with the peers that read it. Expected: throughput 4 times as large, rejected share not larger.
    ///
    /// Tolerances. The completions C₁₀₀ ≈ 4,500 and C₄₀₀ ≈ 18,000 are counts of a Poisson workload, so the ratio
    /// C₄₀₀/C₁₀₀ has a relative standard error √(1/C₁₀₀ + 1/C₄₀₀) ≈ 1.7%; the throughput ratio must be within 4 of
    /// them of 4. The rejected shares are binomial: the share at 400 may exceed the share at 100 by at most 3
    /// standard errors of their difference, √(p(1 − p)(1/n₁₀₀ + 1/n₄₀₀)) with p the pooled share, taken at least
    /// 1/n₁₀₀ (a share of 0 at 100 peers still has the uncertainty of one request in n₁₀₀).
    @Test("with the cache on, throughput grows in proportion to the peers and the rejected share does not rise")
    func cacheScalesWithPeers() {
        let small = Engine(scenario: Self.bottleneck(peers: 100, cache: true))
        small.run(until: .seconds(30))
        let large = Engine(scenario: Self.bottleneck(peers: 400, cache: true))
        large.run(until: .seconds(30))
        let a = small.report(), b = large.report()
        let c100 = Double(a.requests.completed), c400 = Double(b.requests.completed)
        let ratio = b.throughputRPS / a.throughputRPS
        let relative = (1 / c100 + 1 / c400).squareRoot()
        #expect(abs(ratio / 4 - 1) < 4 * relative, "throughput \(a.throughputRPS) → \(b.throughputRPS) req/s")
        let n100 = Double(a.requests.issued), n400 = Double(b.requests.issued)
        let r100 = Double(a.requests.rejected) / n100, r400 = Double(b.requests.rejected) / n400
        let pooled = max((Double(a.requests.rejected) + Double(b.requests.rejected)) / (n100 + n400), 1 / n100)
        let slack = 3 * (pooled * (1 - pooled) * (1 / n100 + 1 / n400)).squareRoot()
        #expect(r400 <= r100 + slack, "rejected \(r100) → \(r400), allowed +\(slack)")
        #expect((b.mesh?.cache?.hits ?? 0) > Int(c400 / 2), "most reads are served from a cached copy")
    }

    /// Without the cache, 400 peers for 30 s: the most popular resource draws p₁ = 1/H₂₀₀ = 0.170 of the reads
    /// (Zipf, exponent 1, 200 resources), about R₀ = 0.170 · 18,000 ≈ 3,060, and only its 3 holders can serve them:
    /// together they complete at most 3 · 30 s / 40 ms = 2,250 services (every resource they hold included), with a
    /// standard deviation of about √2,250 ≈ 47. So at least R₀ − 2,250 of the run's reads are not completed. The bound
    /// takes R₀ three of its standard deviations (√(n·p₁(1 − p₁))) low and the holders' services three of theirs
    /// high. The same 400 peers with the cache on stay under a tenth of that bound.
    @Test("without the cache, the hot resource's holders saturate: at least its excess over their capacity fails")
    func hotHoldersSaturateWithoutCache() {
        let plain = Engine(scenario: Self.bottleneck(peers: 400, cache: false))
        plain.run(until: .seconds(30))
        let r = plain.report().requests
        let n = Double(r.issued)
        var harmonic = 0.0
        for k in 1...200 { harmonic += 1 / Double(k) }
        let p1 = 1 / harmonic
        let capacity = 3 * 30 / 0.040
        let bound = p1 * n - 3 * (n * p1 * (1 - p1)).squareRoot() - capacity - 3 * capacity.squareRoot()
        let notCompleted = Double(r.rejected + r.timedOut + r.failed)
        #expect(bound > 300, "the test is not trivial: \(bound)")
        #expect(notCompleted >= bound, "\(Int(notCompleted)) not completed, at least \(Int(bound)) expected")
        let cached = Engine(scenario: Self.bottleneck(peers: 400, cache: true))
        cached.run(until: .seconds(30))
        let c = cached.report().requests
        #expect(Double(c.rejected + c.timedOut + c.failed) < bound / 10)
    }

    /// Flooding, 100 peers reading 5 resources uniformly at 1 a second, each resource on 1 peer, each peer caching
    /// 1 item (its last read), timeout 2 s and no retry. At 10 s resource 0's only holder crashes: from then on only
    /// a cacher can answer a query for it. A peer caches resource 0 when its last read was of it, probability 1/5, so
    /// of the ≈ 99 · 0.2 · 30 ≈ 600 reads of resource 0 in the next 30 s about 4/5, ≈ 480, are asked of the mesh; if
    /// cachers did not answer floods every one of them would time out. They do, and with about 20 cachers among 99
    /// peers within TTL 7 of degree 4 (which reaches thousands) a flood finds one: no more than a tenth of those 480
    /// may fail or time out (the crashed peer's own in-flight reads, a handful, among them).
    @Test("under flooding, a peer with a cached copy answers a query like a replica holder")
    func cachersAnswerFloods() throws {
        var s = Scenario(name: "flood cache")
        s.seed = 9
        s.architecture = .peerMesh
        s.nodes = 100
        s.workload.rate = 1
        s.workload.resources = 5
        s.workload.popularity = .uniform
        s.workload.timeout = 2
        s.workload.retries = 0
        s.mesh.discovery = .flooding
        s.mesh.replicas = 1
        s.mesh.cache = true
        s.mesh.cacheItems = 1
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(10))
        let holder = try #require(engine.mesh?.state.holders[0])
        #expect(engine.apply(.crash(.node(Int(holder) + 1))).accepted)
        let before = engine.report().requests
        engine.run(until: .seconds(40))
        let after = engine.report().requests
        let lost = (after.timedOut + after.failed) - (before.timedOut + before.failed)
        #expect(lost < 48, "\(lost) reads failed or timed out after resource 0's holder crashed")
        #expect((engine.report().mesh?.cache?.hits ?? 0) > 1000)
    }
}
