import Foundation
import Testing
import NetworkEngine

/// Each figure of the report's `theory` object against the engine's measurement of it on a small run.
///
/// Tolerances come from the figure's standard error, derived per test (4 standard errors, as in
/// `QueueingFidelityTests`, whose `MMc` variance model and scenario builder these tests reuse).
@Suite("Theory beside measurement: fidelity")
struct TheoryFidelityTests {
    typealias Q = QueueingFidelityTests

    /// M/M/1, λ = 0.5/s, μ = 1/s, over 10⁵ s, behind a network of 10 ms ± 30 ms a hop: theory is
    /// W = 2 s plus two clamped hops of (10 + 30)²/(4·30) = 13.33 ms, 2,026.7 ms. The sojourn's mean over n ≈ 5·10⁴
    /// requests has variance 36 s²/n (`MMc.variances(of:)`, f(n) = n): a standard error of 26.8 ms (pinned below);
    /// the hops add (L+J)³/(6J) − 13.33² = 177.8 ms² each, 0.08 ms to the standard error. Bound: 4 standard errors,
    /// 107 ms (5.3%).
    @Test("mean_latency_ms of M/M/1 behind a jittery network is within 4 standard errors of the measured mean")
    func meanLatencyMM1() throws {
        let seconds = 1e5, model = MMc(lambda: 0.5, mu: 1, servers: 1)
        var s = Q.queue(nodes: 5, rate: 0.1, workers: 1, serviceMs: 1000, queue: 1_000_000, seconds: seconds)
        s.network.latencyMs = 10
        s.network.jitterMs = 30
        let r = Q.run(s)
        let theory = try #require(r.theory)
        let w = try #require(theory.meanLatencyMs)
        #expect(abs(w - (2000 + 3200.0 / 120)) < 1e-6, "theory \(w) ms")
        let se = 1000 * model.customerAverageError(model.variances(of: { Double($0) }), seconds: seconds)
        #expect(abs(se - 26.83) < 0.01, "standard error \(se) ms")
        Q.expectWithinBound("mean latency (ms)", r.latency.mean, w, standardError: se)
        #expect(theory.assumptionsBroken.isEmpty, "\(theory.assumptionsBroken)")
    }

    /// The network terms on their own: constant 1 ms service at ρ = 0.01 (M/D/1: W = 1 + 0.01/(2·0.99) = 1.005 ms),
    /// 10 ms ± 30 ms a hop, 20,000 requests. A request's time is two hops (variance 2 × 177.8 ms²) plus a wait that
    /// is almost always 0: standard error √(355.6/20,000) = 0.133 ms, bound 0.53 ms. Reading the hop as its
    /// latency (20 ms for two) would be 6.7 ms off.
    @Test("mean_latency_ms includes two clamped network hops (M/D/1 at a light load)")
    func networkTerms() throws {
        var s = Q.queue(nodes: 10, rate: 1, workers: 1, serviceMs: 1, queue: 1_000_000, seconds: 2000)
        s.server.service = .constant
        s.network.latencyMs = 10
        s.network.jitterMs = 30
        let r = Q.run(s)
        let w = try #require(r.theory?.meanLatencyMs)
        let se = (2 * 177.78 / Double(r.requests.completed)).squareRoot()
        Q.expectWithinBound("mean latency (ms)", r.latency.mean, w, standardError: se)
    }

    /// M/M/1/K, K = 5, ρ = 0.9 over 10⁵ s (the `mm1k` scenario's queue): ~90,000 arrivals. `QueueingFidelityTests`
    /// puts the blocking share's standard error near 1.5% of its 12.6% at 180,000 arrivals; half as many make it
    /// 1.5%·√2 = 2.1%, so 4 standard errors are 8.5%.
    @Test("blocking of M/M/1/K is within 8.5% (4 standard errors) of the measured rejected share")
    func blocking() throws {
        let r = Q.run(Q.queue(nodes: 9, rate: 0.1, workers: 1, serviceMs: 1000, queue: 4, seconds: 1e5))
        let b = try #require(r.theory?.blocking)
        let measured = Double(r.requests.rejected) / Double(r.requests.issued - r.requests.inFlight)
        #expect(abs(measured - b) / b < 0.085, "blocking \(measured) vs theory \(b)")
    }

    /// Greedy routing on the engine's own ring (`ChordRing.route`) from a random peer to a random key, 20,000
    /// lookups at N = 500 and 2,000: hops have a standard deviation under 1.5, so the mean's standard error is under
    /// 0.011 (0.2%); the expectation's own error at small N is about 1.3% (`ChordHops`), so the bound is 2%.
    @Test("mean_hops is within 2% of greedy routing on the engine's ring")
    func hops() throws {
        for n in [500, 2_000] {
            var rng = SeededRandom(seed: 7, stream: .topology)
            let ring = ChordRing(peerCount: n, rng: &rng)
            var total = 0
            let lookups = 20_000
            for _ in 0..<lookups { total += ring.route(from: rng.below(n), toward: rng.next()) }
            let measured = Double(total) / Double(lookups)
            let h = try #require(ChordHops.expected(peers: n))
            #expect(abs(measured - h) / h < 0.02, "N = \(n): measured \(measured) vs theory \(h)")
        }
    }

    /// With 3 replicas a requester that holds one (the owner's two successors, 2 of 60 peers) takes 0 hops instead of
    /// nearly the longest route. Over 20 rings × 5,000 lookups the drop from 1 to 3 replicas is measured on the same
    /// lookups: it is the mean of X = hops when the requester is one of the two (p = 1/30, about 5.2 hops) else 0,
    /// Var X ≈ p·E[h²] ≈ 0.9, so over 100,000 lookups its standard error is 0.003; the formula reads f at those two
    /// distances off the continuum, whose error at 60 peers is about 3% of the drop (0.005). Bound: 0.015.
    @Test("with replicas, requesters holding one take 0 hops: the expectation drops as the rings' means do")
    func hopsWithReplicas() throws {
        let n = 60
        var drop = 0, lookups = 0
        for seed in 1...20 {
            var rng = SeededRandom(seed: UInt64(seed), stream: .topology)
            let ring = ChordRing(peerCount: n, rng: &rng)
            for _ in 0..<5_000 {
                let from = rng.below(n), key = rng.next()
                let owner = try #require(ring.owner(of: key))
                let behind = (ring.rank(of: from) - ring.rank(of: owner) + n) % n
                if behind == 1 || behind == 2 { drop += ring.route(from: from, toward: key) }
                lookups += 1
            }
        }
        let measured = Double(drop) / Double(lookups)
        let one = try #require(ChordHops.expected(peers: n)), three = try #require(ChordHops.expected(peers: n, replicas: 3))
        #expect(abs((one - three) - measured) < 0.015, "drop: theory \(one - three), measured \(measured)")
        #expect(ChordHops.expected(peers: 3, replicas: 3) == 0)
    }

    /// M/M/1 at ρ = 0.9 with a 5 s timeout and a retry: P(response > 5 s) = e^{−0.5} = 61%, so the latency theory
    /// does not apply and says why; the queue figures are broken by the retries.
    @Test("a timeout that many responses outlast nulls the latency theory and says why")
    func timeoutBreaksLatency() throws {
        var s = Q.queue(nodes: 9, rate: 0.1, workers: 1, serviceMs: 1000, queue: 1_000_000, seconds: 200)
        s.workload.timeout = 5
        s.workload.retries = 1
        let t = try #require(Q.run(s).theory)
        #expect(t.meanLatencyMs == nil && t.pWait == nil)
        #expect(t.assumptionsBroken.contains { $0.hasPrefix("mean_latency_ms: timeout 5 s") })
        #expect(t.assumptionsBroken.contains { $0.hasSuffix("retries add load") })
        #expect(t.saturationNodes != nil)
    }

    /// A timeout far in the tail (M/M/1 at ρ = 0.1, 60 s: P = e^{−54}) is not worth a word.
    @Test("a timeout no response reaches leaves the latency theory standing")
    func farTimeout() throws {
        var s = Q.queue(nodes: 1, rate: 0.1, workers: 1, serviceMs: 1000, queue: 1_000_000, seconds: 200)
        s.workload.timeout = 60
        s.workload.retries = 1
        let t = try #require(Q.run(s).theory)
        #expect(t.meanLatencyMs != nil && t.assumptionsBroken.isEmpty, "\(t.assumptionsBroken)")
    }
}
