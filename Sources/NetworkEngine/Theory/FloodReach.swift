import Foundation

/// The expected reach and query messages of a flood with hop limit TTL on the flooding overlay (`FloodingOverlay`),
/// worked out from N, the overlay's construction and the TTL alone: no graph is built or searched.
///
/// **The overlay's own degrees.** Each peer opens k = ⌈degree/2⌉ links to distinct peers drawn uniformly and accepts
/// those others open to it, m of them, m ~ Binomial(N − 1, k/(N − 1)): degree k + m, mean 2k, variance below
/// G(n, p)'s. Who opened a link matters, not only the degrees: a neighbour reached over a link it accepted has k + m − 1
/// more links with m size-biased, one reached over a link it opened has k − 1 + m, so a flood branches k + √(k(k − 1))
/// ways a hop where the configuration model with the same degrees says E[D(D − 1)]/E[D] (3.41 against 3.5 at degree
/// 4: 2.5% a hop, 10% by TTL 4, the error of a plain branching estimate).
///
/// **The recursion.** Follow the flood layer by layer. A peer not reached yet has opened no link into the earlier
/// layers (it would have been reached), so its k links go to distinct peers uniform over the F + U − 1 others of
/// the current layer (F peers) and the unreached (U); a peer of the layer has c links of its own left that are not
/// into earlier layers, uniform over the same set. A link is opened by one side only, so a peer of the layer and an
/// unreached peer are linked with probability (k + c)/(F + U − 1). An unreached peer is reached next with
///
///     1 − HG₀ · ∏ over the layer (1 − c/(F + U − 1 − k)),   HG₀ = C(U − 1, k)/C(F + U − 1, k),
///
/// and one that opened j links into the layer (hypergeometric) joins the next layer with c = k − j. The layer is
/// tracked as expected counts by c (0…k); its first step is exact (the source's k chosen peers with c = k, its m
/// choosers with c = k − 1) and the result is averaged over the source's m. The ball never exceeds N (saturation),
/// cycles and duplicate arrivals are the unreached share shrinking. Replacing the layer by its expected counts
/// (mean field) is the one approximation: it overestimates late in saturation by Jensen's inequality (≤ 1.1% against
/// breadth-first counts on built overlays, N = 100…10,000, TTL 1…7, degree 4 and 8; the table is in the README).
///
/// **Messages.** The source sends to every neighbour, a reached peer with hops left to every neighbour but the one it
/// heard from first: its degree − 1. An unreached peer's degree when it joins the next layer is k plus the expected
/// number of peers that opened links to it: those of the layer (B ≥ 1 unless it reached out itself, E[B | joined]) and
/// each other unreached peer with probability k/(F + U − 1).
public enum FloodReach {
    /// What a flood is expected to do.
    public struct Figures: Sendable, Equatable {
        /// Expected peers first reached at hop 1, 2, …, TTL (the source not counted).
        public var perHop: [Double]
        /// Expected query messages a flood sends, duplicates included (hits travelling back not included).
        public var queryMessages: Double
        /// Expected peers reached, the source not counted.
        public var reached: Double { perHop.reduce(0, +) }
        /// Expected hops summed over the peers reached (what a hit from a random reached peer travels back, times
        /// the peers).
        public var hopSum: Double { perHop.enumerated().reduce(0) { $0 + Double($1.offset + 1) * $1.element } }
    }

    /// The fewest peers the model is trusted for at `degree`: 4·k. Below that a peer's k links take so large a share
    /// of the others that many peers cannot open theirs (a peer linked to every other opens fewer) and the degrees
    /// are no longer k + Binomial: messages come out 5% high at N = 6, degree 4 (reach, saturated, stays exact).
    public static func minimumPeers(degree: Int) -> Int { 4 * links(degree) }

    /// How far the expectation may be from one overlay's mean reach, relative: replacing each layer by its mean
    /// reads at most 1.1% high against breadth-first counts on built overlays, and the overlays' own spread adds
    /// about as much (README, flooding reach), so the live view marks a miss only beyond 2%.
    public static let accuracy = 0.02

    /// Whether the model covers `degree`: at least two links a peer (degree ≥ 3). With one (degree 1 or 2) the
    /// overlay is a forest whose floods branch critically (mean 1 a hop): a flood's size varies as much as its mean,
    /// and replacing a layer by its mean overestimates by Jensen's inequality, 5% at N = 100, TTL 10, and growing.
    public static func covers(degree: Int) -> Bool { links(degree) >= 2 }

    /// Links each peer opens, as `FloodingOverlay` rounds: ⌈degree/2⌉.
    static func links(_ degree: Int) -> Int { (max(0, degree) + 1) / 2 }

    /// Expected reach and query messages of a flood with hop limit `ttl` from a uniformly chosen peer, all `peers`
    /// up; nil below `minimumPeers(degree:)` or for a degree the model does not cover (`covers(degree:)`).
    public static func expected(peers n: Int, degree: Int, ttl: Int) -> Figures? {
        let k = links(degree)
        guard covers(degree: degree), n >= minimumPeers(degree: degree), ttl >= 0 else { return nil }
        var perHop = [Double](repeating: 0, count: ttl)
        var messages = 0.0
        for (m, weight) in inDegreeDistribution(peers: n, links: k) {
            let one = fromSource(acceptedLinks: m, peers: n, links: k, ttl: ttl)
            for i in 0..<ttl { perHop[i] += weight * one.perHop[i] }
            messages += weight * one.queryMessages
        }
        return Figures(perHop: perHop, queryMessages: messages)
    }

    /// The flood from a source that accepted `m` links, each layer replaced by its expected counts.
    static func fromSource(acceptedLinks m: Int, peers n: Int, links k: Int, ttl: Int) -> Figures {
        var perHop = [Double](repeating: 0, count: ttl)
        guard ttl > 0 else { return Figures(perHop: perHop, queryMessages: 0) }
        let others = Double(n - 1)
        // Layer 1, exactly: the k peers the source chose (they could not choose it back, so all k of their links
        // are still open) and the m that chose it (one of their k links spent on it).
        var layer = [Double](repeating: 0, count: k + 1)
        layer[k] += Double(k)
        layer[k - 1] += Double(m)
        var f = Double(k + m)
        var u = others - f
        // Links others opened to a layer-1 peer, besides the source's: each of the other N − 2 chose it with
        // probability k/(N − 1).
        let acceptedElsewhere = (others - 1) * Double(k) / others
        var degreeSum = Double(k) * (Double(k) + 1 + acceptedElsewhere) + Double(m) * (Double(k) + acceptedElsewhere)
        var messages = Double(k + m)
        perHop[0] = f
        for hop in 1..<ttl {
            // The layer at `hop` forwards: each of its peers to all its neighbours but one.
            messages += degreeSum - f
            guard f > 1e-12, u > 1e-12 else { break }
            let pool = f + u - 1
            // Π over the layer of (1 − c/(pool − k)): no peer of the layer opened a link to a given unreached peer,
            // given that peer opened none to them.
            let rest = pool - Double(k)
            var logNone = 0.0
            var opened = 0.0
            for c in 1...k where layer[c] > 0 {
                logNone += rest > Double(c) ? layer[c] * log(1 - Double(c) / rest) : -.infinity
                opened += layer[c] * Double(c)
            }
            let noneOpenedTo = exp(logNone)
            let reachedOut = hypergeometric(draws: k, successes: f, population: pool)
            var next = [Double](repeating: 0, count: k + 1)
            for (j, p) in reachedOut.enumerated() {
                next[k - j] += u * (j == 0 ? p * (1 - noneOpenedTo) : p)
            }
            let joined = next.reduce(0, +)
            let share = joined / u
            // Links opened to a joining peer: by the layer (at least one when it did not reach out itself), and by
            // each other unreached peer with probability k/pool.
            let fromLayer = share > 0 ? (opened / pool) / share : 0
            let accepted = fromLayer + (u - 1) * Double(k) / pool
            degreeSum = joined * (Double(k) + accepted)
            layer = next
            f = joined
            u -= joined
            perHop[hop] = joined
        }
        return Figures(perHop: perHop, queryMessages: messages)
    }

    /// P(J = j), j = 0…draws, for `draws` distinct picks from `population` of which `successes` are marked, with
    /// real-valued counts (the mean field's); renormalised after clamping what the continuation makes negative.
    static func hypergeometric(draws k: Int, successes f: Double, population total: Double) -> [Double] {
        // log C(f, j) upward and log C(total − f, k − j) downward, each from the one before: O(k), no overflow at a
        // large degree, and the common 1/C(total, k) cancels in the normalisation. A coefficient whose factors reach
        // 0 (more picks than marked peers) is 0 from there on.
        func logChoose(_ x: Double) -> [Double] {
            var out = [Double](repeating: 0, count: k + 1)
            for j in stride(from: 1, through: k, by: 1) {
                let factor = (x - Double(j - 1)) / Double(j)
                out[j] = factor > 0 ? out[j - 1] + log(factor) : -.infinity
            }
            return out
        }
        let marked = logChoose(f), unmarked = logChoose(total - f)
        let logs = (0...k).map { j in marked[j] + unmarked[k - j] }
        guard let top = logs.max(), top > -.infinity else { return [1] + [Double](repeating: 0, count: k) }
        var p = logs.map { exp($0 - top) }
        let sum = p.reduce(0, +)
        for j in p.indices { p[j] /= sum }
        return p
    }

    /// The links a peer accepts: Binomial(N − 1, k/(N − 1)), as (m, probability) for the m of probability above
    /// 10⁻¹⁵, from the mode outward in logs (no overflow at large N), renormalised.
    static func inDegreeDistribution(peers n: Int, links k: Int) -> [(Int, Double)] {
        let trials = n - 1
        let p = min(1, Double(k) / Double(trials))
        guard p < 1 else { return [(trials, 1)] }
        func logPMF(_ m: Int) -> Double {
            lgamma(Double(trials + 1)) - lgamma(Double(m + 1)) - lgamma(Double(trials - m + 1))
                + Double(m) * log(p) + Double(trials - m) * log1p(-p)
        }
        let mode = min(trials, Int(Double(trials + 1) * p))
        var terms: [(Int, Double)] = [(mode, exp(logPMF(mode)))]
        var low = mode - 1, high = mode + 1
        var covered = terms[0].1
        // The tails fall off faster than geometrically: stop at the first term on each side below 10⁻¹⁵ (rounding
        // keeps the sum from ever reaching 1 exactly, so a test on the covered mass could run to N terms).
        while low >= 0 || high <= trials {
            let lowP = low >= 0 ? exp(logPMF(low)) : -1
            let highP = high <= trials ? exp(logPMF(high)) : -1
            guard max(lowP, highP) > 1e-15 else { break }
            if lowP >= highP { terms.append((low, lowP)); covered += lowP; low -= 1 } else {
                terms.append((high, highP)); covered += highP; high += 1
            }
        }
        return terms.map { ($0.0, $0.1 / covered) }
    }
}
