import Foundation
import Testing
import NetExplorerAssets
@testable import NetworkEngine

/// The mean latency's 95% batch-means interval (`ConfidenceView`) covers queueing theory's mean response time.
///
/// Coverage: for a stationary run whose batches are much longer than the response times' correlation, the interval
/// covers the true mean with probability close to 0.95. At ρ = 0.5 (λ = 0.5/s, μ = 1/s, W = 2 s) the sample mean's
/// asymptotic variance is about 7 times the response time's own (Whitt's formula for M/M/1 waiting times,
/// ρ(2 + 5ρ − 4ρ² + ρ³)/(1 − ρ)⁴ over 1/(μ − λ)²), so correlations span some 7 requests; 20,000 s make about 10,000
/// requests in 39 batches of 256, 35 times that span, and a half-width near 2.02·√(7·4/10,000) s = 5% of W (under
/// the 10% beyond which the interval is withheld). Ten seeds are ten independent runs: the misses are
/// Binomial(10, 0.05), and P(3 or more misses) = 1 − (0.5987 + 0.3151 + 0.0746) = 0.012. The test allows 2.
/// An interval computed as if requests were independent (batch size 1) or with z = 1 instead of t would miss
/// far more often.
@Suite("Confidence coverage")
struct ConfidenceCoverageTests {
    @Test("The 95% interval of M/M/1's mean latency covers 1/(μ − λ) in at least 8 of 10 seeds")
    func coverage() {
        var misses = 0
        for seed in 1...10 {
            var s = QueueingFidelityTests.queue(nodes: 5, rate: 0.1, workers: 1, serviceMs: 1000, queue: 100_000,
                                                seconds: 20_000)
            s.seed = UInt64(seed)
            let r = QueueingFidelityTests.run(s)
            let theory = r.theory?.meanLatencyMs
            #expect(theory.map { abs($0 - 2000) < 1e-6 } == true)
            guard let c = r.confidence?.meanLatencyMs else { Issue.record("seed \(seed): no interval"); continue }
            if !c.covers(2000) { misses += 1 }
        }
        #expect(misses <= 2, "\(misses) of 10 intervals missed W = 2000 ms")
    }

    /// The built-in mm1 scenario (ρ = 0.8, 100,000 s, seed 1): about 80,000 requests, batches of 2,048; the
    /// interval covers W = 5 s (a 95% event for a correct engine: the seed is fixed, so this is checked once).
    @Test("The mm1 scenario's interval covers 5000 ms and its JSON has the confidence object")
    func mm1() throws {
        let s = try ScenarioCatalog.load("mm1")
        let r = QueueingFidelityTests.run(s)
        let c = try #require(r.confidence?.meanLatencyMs)
        #expect(c.covers(5000), "\(c.low)–\(c.high)")
        #expect(c.batches >= 30 && c.batches < 60)
        let json = r.json.serialized()
        #expect(json.contains("\"confidence\":{\"level\":0.95,\"mean_latency_ms\":{\"low\":"))
    }

    /// The built-in mm1k scenario (M/M/1/K, K = 5, ρ = 0.9) over 100,000 s: M/M/1/K turns away
    /// P_K = (1 − ρ)ρ⁵/(1 − ρ⁶) = 12.6% of arrivals. Each of the ~90,000 arrivals is a 0/1 indicator (sd 0.33);
    /// a full queue lasts a few service times, so neighbours are correlated over some ten arrivals, and the
    /// half-width is near 1.96·0.33·√(10/90,000) = 0.007, 5.5% of P_K: narrow enough to be shown. The interval covers
    /// P_K (a 95% event for a correct engine with this fixed seed, checked once).
    @Test("The mm1k scenario's interval of the share rejected covers M/M/1/K's blocking")
    func mm1kBlocking() throws {
        var s = try ScenarioCatalog.load("mm1k")
        s.duration = 100_000
        let r = QueueingFidelityTests.run(s)
        let theory = try #require(r.theory?.blocking)
        #expect(abs(theory - 0.1 * pow(0.9, 5) / (1 - pow(0.9, 6))) < 1e-9)
        let c = try #require(r.confidence?.blocking)
        #expect(c.covers(theory), "\(c.low)–\(c.high) against \(theory)")
        #expect(c.covers(r.rejectedShare) || abs(c.mean - r.rejectedShare) < c.halfWidth)
    }

    @Test("A short run, or one changed mid-way, has no interval: not enough data yet")
    func notEnough() throws {
        var s = try ScenarioCatalog.load("mm1")
        s.duration = 300
        let short = QueueingFidelityTests.run(s)
        #expect(short.confidence != nil && short.confidence?.meanLatencyMs == nil)
        #expect(short.json.serialized().contains("\"confidence\":{\"level\":0.95,\"mean_latency_ms\":null,\"mean_hops\":null,\"flood_reach\":null,\"blocking\":null}"))
        var changed = try ScenarioCatalog.load("classroom")
        changed.duration = 60
        #expect(QueueingFidelityTests.run(changed).confidence?.meanLatencyMs == nil)
    }

    /// Hops of a DHT lookup: the interval is over the complete batches, the measured mean over every lookup; they
    /// differ by the partial batch only, n_p/n of the way to its mean, about 1/(2√k) of a half-width (k batches):
    /// the measured mean lies inside. (Coverage of ChordHops is not asserted: it is the expectation over random
    /// rings, this run's ring has its own mean, within about 1% of it.)
    @Test("A DHT run has an interval of its mean hops around the measured mean; client-server has none")
    func hops() throws {
        var s = try ScenarioCatalog.load("churn")
        s.mesh.churn = nil
        s.duration = 60
        let r = QueueingFidelityTests.run(s)
        let c = try #require(r.confidence?.meanHops)
        let measured = try #require(r.mesh?.meanHops)
        #expect(c.covers(measured), "\(c.low)–\(c.high) against \(measured)")
        #expect(c.batches >= 30 && c.batches < 60)
        s.architecture = .clientServer
        #expect(QueueingFidelityTests.run(s).confidence?.meanHops == nil)
    }
}
