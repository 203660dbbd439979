import Foundation

/// The expected hops of a DHT lookup on the engine's ring (`ChordRing`): N peers with uniform random identifiers,
/// greedy routing with full finger tables, counting the last hop from the key's predecessor to a holder and 0 when
/// the requester owns the key.
///
/// The ring's routing step jumps from a peer at distance d before the key's predecessor p to finger
/// j = ⌊log₂ d⌋, the first peer at or after id + 2ʲ; that peer is p itself when no peer lies in [id + 2ʲ, p). With
/// identifiers a Poisson process (density λ = N/2⁶⁴, distances measured in mean gaps x = λ·d), the peers between the
/// new peer and p are again Poisson, so the expected hops to reach p satisfy
///
///     f(0) = 0,  f(x) = 1 + ∫₀ʳ e^{−g} f(r − g) dg,  r = x − λ·2ʲ,
///
/// where r < x: f is computed upward on a grid, F(r) = ∫₀ʳ e^{−(r−y)} f(y) dy by its ODE F′ = f − F. A requester
/// other than the owner starts at a distance uniform over the ring, so the mean is (1 − 1/N)·(1 + (1/N)∫₀ᴺ f).
/// With r replicas on the key's owner and its r − 1 successors, a requester that holds one takes 0 hops: those are
/// the requesters 1 … r − 1 places past the owner, the farthest from the key's predecessor (about N − 1 − j mean gaps
/// before it), so the mean drops by (1/N)·Σⱼ (1 + f(N − 1 − j)), j = 1 … r − 1 (at 60 peers and 3 replicas from 3.84
/// to 3.66; the engine's rings measure 3.53–3.66).
/// Against the engine's measured means (5.28, 6.99 and 8.67 hops at N = 500, 5,000, 50,000) this gives 5.35, 7.01
/// and 8.67: within 1.3%, the error of the Poisson continuum at small N. (½·log₂N + 1 reads 5.48, 7.14, 8.80.)
public enum ChordHops {
    /// How far the expectation may be from one ring's mean, relative: the Poisson continuum's own error (it reads high
    /// at small N) plus two standard deviations of the mean between rings (each ring's identifiers are one draw).
    /// Measured over 20 rings × 5,000 lookups each (`ChordRing.route`, 1 and 3 replicas): the continuum reads 7.1%,
    /// 3.2%, 1.9% and 0.6% high at 20, 60, 100 and 500 peers, and the rings' means spread by 3.8%, 1.1%, 1.4% and
    /// 0.6% (one sd), so the bounds below hold those sums (14.7%, 5.4%, 4.7%, 1.8%); past 500 peers the 1.3% of the
    /// figures quoted above, plus the rings' spread. Interpolated in log N between the rows.
    public static func accuracy(peers n: Int) -> Double {
        let rows: [(peers: Double, share: Double)] = [(20, 0.15), (60, 0.055), (100, 0.05), (500, 0.02), (5_000, 0.015)]
        let x = Double(max(2, n))
        guard x > rows[0].peers else { return rows[0].share }
        for (a, b) in zip(rows, rows.dropFirst()) where x <= b.peers {
            let t = log(x / a.peers) / log(b.peers / a.peers)
            return a.share + t * (b.share - a.share)
        }
        return rows[rows.count - 1].share
    }

    /// Expected hops per lookup with `peers` peers all alive and `replicas` copies of each key (0 when every peer holds
    /// one); nil below 2 peers or above 10 million (the grid would take too long).
    public static func expected(peers n: Int, replicas: Int = 1) -> Double? {
        guard n >= 2, n <= 10_000_000 else { return nil }
        guard replicas < n else { return 0 }
        let count = Double(n)
        let lambda = count / 0x1p64
        // Step in mean gaps: fine enough that the result has converged (0.005 changes it by < 0.01%), and at most
        // two million steps.
        let h = max(0.02, count / 2e6)
        let steps = Int(count / h)
        var big = [Double](repeating: 0, count: steps + 2)
        let decay = exp(-h)
        var previous = 1.0   // f just above 0: the first hop is always taken
        var sum = 0.0
        for k in 1...(steps + 1) {
            let x = Double(k) * h
            let threshold = lambda * exp2(floor(log2(x / lambda)))
            let r = x - threshold
            let at = r / h
            let i = min(Int(at), k - 1)
            let t = at - Double(i)
            let fx = 1 + big[i] * (1 - t) + big[min(i + 1, k - 1)] * t
            big[k] = decay * big[k - 1] + (1 - decay) * (previous + fx) / 2
            previous = fx
            if k < steps { sum += fx }
        }
        let meanToPredecessor = sum * h / count
        // f at x mean gaps from the predecessor, read off the grid as the loop computes it.
        func f(_ x: Double) -> Double {
            let threshold = lambda * exp2(floor(log2(x / lambda)))
            let at = (x - threshold) / h
            let i = min(Int(at), steps), t = at - Double(i)
            return 1 + big[i] * (1 - t) + big[min(i + 1, steps + 1)] * t
        }
        var holders = 0.0
        for j in stride(from: 1, to: max(1, replicas), by: 1) { holders += 1 + f(max(h, count - 1 - Double(j))) }
        return (1 - 1 / count) * (1 + meanToPredecessor) - holders / count
    }
}
