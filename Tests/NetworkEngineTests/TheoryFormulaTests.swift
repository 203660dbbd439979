import Foundation
import Testing
import NetworkEngine

/// The theory module's formulas against textbook numbers. Tolerances are floating-point ones (1e-9 relative) where
/// the reference is exact, and the published table's last digit (±5·10⁻⁵) where it is a printed value.
@Suite("Theory formulas")
struct TheoryFormulaTests {
    @Test("M/M/1 at rho 0.8 with a 1 s service has a mean response of 5 s")
    func mm1() throws {
        let w = try #require(QueueTheory.mmcMeanResponse(arrivalRate: 0.8, serviceRate: 1, servers: 1))
        #expect(abs(w - 5) < 1e-9)
        // One worker: Erlang C is ρ.
        #expect(abs(try #require(QueueTheory.erlangC(offeredLoad: 0.8, servers: 1)) - 0.8) < 1e-12)
        #expect(QueueTheory.mmcMeanResponse(arrivalRate: 1, serviceRate: 1, servers: 1) == nil)
    }

    /// c = 2, a = 1: P_wait = (a²/(2!(1 − ½))) / (1 + a + 1) = 1/3 exactly. c = 4, a = 3.2: Erlang C tables print
    /// 0.5964 and W = 1.7455 s (the `mm4` scenario's). c = 10, a = 8: tables print 0.4092.
    @Test("Erlang C matches exact values and published tables")
    func erlangC() throws {
        #expect(abs(try #require(QueueTheory.erlangC(offeredLoad: 1, servers: 2)) - 1.0 / 3) < 1e-12)
        #expect(abs(try #require(QueueTheory.erlangC(offeredLoad: 3.2, servers: 4)) - 0.5964) < 5e-5)
        #expect(abs(try #require(QueueTheory.mmcMeanResponse(arrivalRate: 3.2, serviceRate: 1, servers: 4)) - 1.7455) < 5e-5)
        #expect(abs(try #require(QueueTheory.erlangC(offeredLoad: 8, servers: 10)) - 0.4092) < 5e-5)
        #expect(QueueTheory.erlangC(offeredLoad: 4, servers: 4) == nil)
    }

    /// At c = 2,000 workers and a = 1,900 the factorial form overflows a Double; the recursion must agree with the
    /// same sum computed in log space (an independent route) to 1e-9.
    @Test("Erlang C stays finite and exact for thousands of workers")
    func erlangCLarge() throws {
        let a = 1900.0, c = 2000
        var logs: [Double] = [0]
        for k in 1...c { logs.append(logs[k - 1] + log(a / Double(k))) }
        let lastLog = logs[c] - log(1 - a / Double(c))
        let top = max(logs.max()!, lastLog)
        let head = logs[0..<c].reduce(0) { $0 + exp($1 - top) }
        let expected = exp(lastLog - top) / (head + exp(lastLog - top))
        let got = try #require(QueueTheory.erlangC(offeredLoad: a, servers: c))
        #expect(got.isFinite && abs(got - expected) / expected < 1e-9, "\(got) vs \(expected)")
    }

    @Test("M/D/1 by Pollaczek-Khinchine: rho 0.8 with a 1 s service waits 2 s, half of M/M/1's wait")
    func md1() throws {
        let w = try #require(QueueTheory.md1MeanResponse(arrivalRate: 0.8, serviceRate: 1))
        #expect(abs(w - 3) < 1e-12)
        #expect(QueueTheory.md1MeanResponse(arrivalRate: 1.2, serviceRate: 1) == nil)
    }

    /// M/M/1/K: p_K = (1 − ρ)ρᴷ/(1 − ρᴷ⁺¹) = 0.12602 at ρ = 0.9, K = 5; L = ρ/(1−ρ) − (K+1)ρᴷ⁺¹/(1−ρᴷ⁺¹).
    /// M/M/c/K with a waiting room of 10⁵ is M/M/c: Erlang C and its W to 1e-9.
    @Test("M/M/c/K blocking, wait and response match the closed forms")
    func mmck() throws {
        let rho = 0.9, k = 5.0
        let f = try #require(QueueTheory.mmck(arrivalRate: rho, serviceRate: 1, servers: 1, capacity: 5))
        let pK = (1 - rho) * pow(rho, k) / (1 - pow(rho, k + 1))
        #expect(abs(f.blocking - pK) < 1e-12 && abs(f.blocking - 0.12602) < 5e-6)
        let l = rho / (1 - rho) - (k + 1) * pow(rho, k + 1) / (1 - pow(rho, k + 1))
        #expect(abs(f.meanResponse - l / (rho * (1 - pK))) < 1e-9)
        let big = try #require(QueueTheory.mmck(arrivalRate: 3.2, serviceRate: 1, servers: 4, capacity: 100_004))
        #expect(big.blocking < 1e-12)
        #expect(abs(big.waitProbability - QueueTheory.erlangC(offeredLoad: 3.2, servers: 4)!) < 1e-9)
        #expect(abs(big.meanResponse - QueueTheory.mmcMeanResponse(arrivalRate: 3.2, serviceRate: 1, servers: 4)!) < 1e-9)
        // Overloaded but finite: still defined, and most arrivals are turned away.
        let over = try #require(QueueTheory.mmck(arrivalRate: 10, serviceRate: 1, servers: 1, capacity: 5))
        #expect(over.blocking > 0.89)
    }

    /// M/M/1 response tail: P(T > t) = e^{−(μ−λ)t}; at c = 1 the general form must reduce to it.
    @Test("the M/M/c response-time tail reduces to M/M/1's exponential")
    func tail() throws {
        let p = try #require(QueueTheory.mmcResponseTail(10, arrivalRate: 0.8, serviceRate: 1, servers: 1))
        #expect(abs(p - exp(-0.2 * 10)) < 1e-12)
    }

    @Test("saturation: 4 workers at 40 ms and 1.5 requests/s per client saturate at 66.7 clients")
    func saturation() throws {
        let n = try #require(QueueTheory.saturationClients(workers: 4, serviceMs: 40, ratePerClient: 1.5))
        #expect(abs(n - 200.0 / 3) < 1e-9)
    }

    /// Hop delay max(0, L + U), U uniform on ±J: the mean is L while J ≤ L, (L+J)²/(4J) beyond (10 ms ± 30 ms:
    /// 1600/120 = 13.33 ms).
    @Test("a hop's mean delay is the latency until jitter exceeds it, then the clamped mean")
    func hopDelay() {
        #expect(NetworkTheory.meanHopDelay(latency: 20, jitter: 5) == 20)
        #expect(abs(NetworkTheory.meanHopDelay(latency: 10, jitter: 30) - 1600.0 / 120) < 1e-12)
        #expect(NetworkTheory.meanHopDelay(latency: 0, jitter: 10) == 2.5)
        #expect(abs(NetworkTheory.roundTrip(latency: 10, jitter: 30) - 3200.0 / 120) < 1e-12)
    }

    @Test("availability is 1 - p^r and exposure (1 - s) + s w")
    func mesh() throws {
        #expect(abs(try #require(MeshTheory.availability(meanUptime: 100, meanDowntime: 100, replicas: 3)) - 0.875) < 1e-12)
        #expect(abs(try #require(MeshTheory.availability(meanUptime: 900, meanDowntime: 100, replicas: 2)) - 0.99) < 1e-12)
        #expect(abs(MeshTheory.exposedShare(protected: 0.6, weak: 0.2) - 0.52) < 1e-12)
    }

    /// The expectation must land within 2% of the engine's ring's measured means quoted on `ChordHops` (5.28, 6.99,
    /// 8.67 at 500, 5,000, 50,000 peers), where ½·log₂N + 1 is 1.6–3.7% high.
    @Test("Chord hops expectation is within 2% of the ring's measured means at 500 to 50,000 peers")
    func chordHops() throws {
        for (n, measured) in [(500, 5.28), (5_000, 6.99), (50_000, 8.67)] {
            let h = try #require(ChordHops.expected(peers: n))
            #expect(abs(h - measured) / measured < 0.02, "N = \(n): \(h) vs \(measured)")
        }
        #expect(ChordHops.expected(peers: 1) == nil)
    }
}
