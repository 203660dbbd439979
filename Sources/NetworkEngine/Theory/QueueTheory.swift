import Foundation

/// Textbook queueing formulas for the server's queue: Poisson arrivals at rate λ, `c` workers each serving at rate μ
/// (mean service 1/μ), and a waiting room. Times are in the unit of 1/λ and 1/μ (the caller picks seconds).
///
/// Every function is pure and returns nil where its formula does not hold (an unstable queue, a bad parameter), so
/// a caller shows "does not apply" rather than a wrong number.
public enum QueueTheory {
    /// Erlang B, the blocking probability of M/M/c/c with offered load `a` = λ/μ, by the recursion
    /// B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)): no factorials or powers, so it stays exact for thousands of workers.
    public static func erlangB(offeredLoad a: Double, servers c: Int) -> Double? {
        guard c >= 1, a >= 0, a.isFinite else { return nil }
        var b = 1.0
        for k in 1...c { b = a * b / (Double(k) + a * b) }
        return b
    }

    /// Erlang C: the probability that an arrival to M/M/c waits, from Erlang B as C = B / (1 − ρ(1 − B)), ρ = a/c.
    /// Nil when ρ ≥ 1 (the queue grows without bound).
    public static func erlangC(offeredLoad a: Double, servers c: Int) -> Double? {
        let rho = a / Double(c)
        guard rho < 1, let b = erlangB(offeredLoad: a, servers: c) else { return nil }
        return b / (1 - rho * (1 - b))
    }

    /// M/M/c mean response time (wait plus service): W = C/(cμ − λ) + 1/μ. Nil when λ ≥ cμ.
    public static func mmcMeanResponse(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) -> Double? {
        guard mu > 0, lambda >= 0, let p = erlangC(offeredLoad: lambda / mu, servers: c) else { return nil }
        return p / (Double(c) * mu - lambda) + 1 / mu
    }

    /// P(response time > t) in M/M/c (FIFO): the response is the service Exp(μ) plus, with probability C, a wait
    /// Exp(θ), θ = cμ − λ. So P(T > t) = (1 − C)e^{−μt} + C·(μe^{−θt} − θe^{−μt})/(μ − θ) (or C·(1 + μt)e^{−μt}
    /// when θ = μ). Nil when λ ≥ cμ.
    public static func mmcResponseTail(_ t: Double, arrivalRate lambda: Double, serviceRate mu: Double,
                                       servers c: Int) -> Double? {
        guard mu > 0, let p = erlangC(offeredLoad: lambda / mu, servers: c) else { return nil }
        guard t > 0 else { return 1 }
        let theta = Double(c) * mu - lambda
        let both: Double = abs(theta - mu) < 1e-12 * mu
            ? (1 + mu * t) * exp(-mu * t)
            : (mu * exp(-theta * t) - theta * exp(-mu * t)) / (mu - theta)
        return (1 - p) * exp(-mu * t) + p * both
    }

    /// M/D/1 mean response time by Pollaczek–Khinchine for a constant service time 1/μ:
    /// W = 1/μ + ρ/(2μ(1 − ρ)). Nil when ρ ≥ 1. (M/D/c for c > 1 has no closed form.)
    public static func md1MeanResponse(arrivalRate lambda: Double, serviceRate mu: Double) -> Double? {
        let rho = lambda / mu
        guard mu > 0, lambda >= 0, rho < 1 else { return nil }
        return 1 / mu + rho / (2 * mu * (1 - rho))
    }

    /// The stationary figures of M/M/c/K (K = c + waiting places): blocking p_K, the probability that an accepted
    /// arrival waits, and the mean response time of accepted requests W = L/λ_eff (Little's law).
    public struct FiniteQueue: Equatable, Sendable {
        public var blocking: Double
        public var waitProbability: Double
        public var meanResponse: Double
    }

    /// M/M/c/K: pₙ ∝ aⁿ/n! for n ≤ c and aᶜ/c!·ρ^{n−c} for c < n ≤ K, normalised in log space so that large c and
    /// K neither overflow nor underflow. Holds at any load (the waiting room bounds the queue). Nil for K < c.
    public static func mmck(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int,
                            capacity k: Int) -> FiniteQueue? {
        guard c >= 1, k >= c, mu > 0, lambda > 0, lambda.isFinite else { return nil }
        let a = lambda / mu, rho = a / Double(c)
        var logTerm = [Double](repeating: 0, count: k + 1)
        for n in stride(from: 1, through: k, by: 1) {
            logTerm[n] = logTerm[n - 1] + (n <= c ? log(a / Double(n)) : log(rho))
        }
        let top = logTerm.max() ?? 0
        var sum = 0.0, weighted = 0.0, waiting = 0.0
        for n in 0...k {
            let p = exp(logTerm[n] - top)
            sum += p; weighted += Double(n) * p
            if n >= c && n < k { waiting += p }
        }
        let blocking = exp(logTerm[k] - top) / sum
        let accepted = 1 - blocking
        let meanInSystem = weighted / sum
        return FiniteQueue(blocking: blocking, waitProbability: waiting / sum / accepted,
                           meanResponse: meanInSystem / (lambda * accepted))
    }

    /// The number of clients at which the server's load reaches 1: N* = c·μ/r with r requests per second per
    /// client and a mean service of `serviceMs`.
    public static func saturationClients(workers c: Int, serviceMs: Double, ratePerClient r: Double) -> Double? {
        guard c >= 1, serviceMs > 0, r > 0 else { return nil }
        return Double(c) * (1000 / serviceMs) / r
    }
}
