import Foundation

/// The exact figures the storage model must agree with (the README's "Storage and backup"), for the engine's rules:
/// exponential disk failures, a backup clock that restarts when the server comes back, and each lost copy repaired
/// on its own after a fixed delay. `TheoryView.durability` reads them; the tests check the engine against them.
public enum StorageTheory {
    /// One copy, no repair: the probability a file is lost by `t`, with mean time to failure `m`.
    public static func lostBy(_ t: Double, mttf m: Double) -> Double { 1 - exp(-t / m) }

    /// The uptime U between restores is exponential with mean M; a failure loses the writes of its last U mod B.
    /// U = K·B + X with K geometric and X truncated exponential on [0, B), independent of each other.
    struct BackupCycle {
        let m: Double, b: Double
        var q: Double { exp(-b / m) }
        /// E[X] = M − B·q/(1 − q).
        var meanLostTime: Double { m - b * q / (1 - q) }
        /// The share of accepted writes lost: E[U mod B] / E[U].
        var lostShare: Double { meanLostTime / m }
        /// Var X, from E[X²] = [2M² − q(B² + 2BM + 2M²)] / (1 − q).
        var lostTimeVariance: Double {
            let second = (2 * m * m - q * (b * b + 2 * b * m + 2 * m * m)) / (1 - q)
            return second - meanLostTime * meanLostTime
        }
        /// Var K = q / (1 − q)².
        var backupsVariance: Double { q / ((1 - q) * (1 - q)) }

        /// The standard error of the measured share (lost ÷ accepted writes) over `cycles` failures with writes
        /// accepted at `w` per unit time, by the ratio estimator's delta method: per cycle, lost − share × accepted
        /// = (1 − ρ)·L − ρ·N (L the writes of the last X, N those of the K·B before) has variance
        /// w²[(1 − ρ)²Var X + ρ²B²Var K] (the cycle) + w[(1 − ρ)²E X + ρ²(M − E X)] (Poisson writes given U).
        func standardError(cycles: Int, writeRate w: Double) -> Double {
            let rho = lostShare
            let perCycle = w * w * ((1 - rho) * (1 - rho) * lostTimeVariance + rho * rho * b * b * backupsVariance)
                + w * ((1 - rho) * (1 - rho) * meanLostTime + rho * rho * (m - meanLostTime))
            return (perCycle / Double(cycles)).squareRoot() / (w * m)
        }
    }

    /// Two copies: from both up, the first fails after a mean M/2; the other then fails within R with probability
    /// 1 − e^{−R/M} (loss), else the copy is back: MTTDL = (M/2 + M(1 − e^{−R/M})) / (1 − e^{−R/M}).
    public static func meanTimeToLossOfTwo(mttf m: Double, repair r: Double) -> Double {
        let p = 1 - exp(-r / m)
        return (m / 2 + m * p) / p
    }

    /// Three copies, each up for an exponential time of mean `m`, then down for exactly `r`, on its own, until all
    /// three are down at once: the mean time to that from three up.
    ///
    /// From three up the first failure comes after a mean M/3, leaving one copy down with residual repair R. Let f(x)
    /// be the mean time to loss with one copy down, residual x, two up (λ = 1/M): within x one of the two fails at
    /// rate 2λ, leaving the first with residual y; then the last fails within y (loss) or the first comes back and
    /// the second has R − y left:
    ///
    ///     f(x) = (1 − e^{−2λx})/(2λ) + e^{−2λx}·T₀
    ///            + ∫₀ˣ 2λ e^{−2λ(x−y)} [ (1 − e^{−λy})/λ + e^{−λy} f(R − y) ] dy,   T₀ = 1/(3λ) + f(R).
    ///
    /// f = g + h·T₀, with g and h the solutions without and with only the T₀ term; both are contractions (the kernel
    /// integrates to less than 1), solved by iteration on a grid with the trapezoid rule; T₀ = (1/(3λ) + g(R)) /
    /// (1 − h(R)). With `steps` = 400 the grid's error is below 10⁻⁴ relative (checked against `steps` = 800 and a
    /// Monte Carlo of the same process in the test).
    public static func meanTimeToLossOfThree(mttf m: Double, repair r: Double, steps n: Int = 400) -> Double {
        let lambda = 1 / m, h = r / Double(n)
        let xs = (0...n).map { Double($0) * h }
        let e2 = xs.map { exp(-2 * lambda * $0) }, e1 = xs.map { exp(-lambda * $0) }
        func solve(_ free: (Double) -> Double, _ extra: (Double) -> Double) -> [Double] {
            let extras = xs.map(extra), frees = xs.map(free)
            var f = [Double](repeating: 0, count: n + 1)
            for _ in 0..<500 {
                var next = f
                var change = 0.0
                for i in 0...n {
                    var integral = 0.0
                    if i > 0 {
                        // The trapezoid rule over y in [0, x_i], with 2λe^{−2λ(x−y)} = 2λ·e2[i]/e2[j].
                        for j in 0...i {
                            let w = (j == 0 || j == i) ? 0.5 : 1.0
                            integral += w / e2[j] * (extras[j] + e1[j] * f[n - j])
                        }
                        integral *= h * 2 * lambda * e2[i]
                    }
                    next[i] = frees[i] + integral
                    change = max(change, abs(next[i] - f[i]))
                }
                f = next
                if change < 1e-13 * max(1, f[n]) { break }
            }
            return f
        }
        let g = solve({ (1 - exp(-2 * lambda * $0)) / (2 * lambda) }, { (1 - exp(-lambda * $0)) / lambda })
        let hh = solve({ exp(-2 * lambda * $0) }, { _ in 0 })
        return (1 / (3 * lambda) + g[n]) / (1 - hh[n])
    }

    /// Expected durability (1 − files lost / files) at time `t` of files with `copies` copies, disks failing with
    /// mean `m` and each lost copy repaired after `r` (0: never). Without repair a file survives while one of its
    /// copies' disks has not failed: 1 − (1 − e^{−t/m})^copies. With repair, one or two copies are lost at rate
    /// 1/MTTDL once the chain has mixed: e^{−t/MTTDL}, which holds when the repair time is short against the MTTDL
    /// (it is the time to loss's exponential approximation). Nil for more than three copies with repair (no chain
    /// worked out here).
    public static func durability(at t: Double, copies: Int, mttf m: Double, repair r: Double) -> Double? {
        guard m > 0, copies >= 1, t >= 0 else { return nil }
        if r <= 0 || copies == 1 { return 1 - pow(lostBy(t, mttf: m), Double(copies)) }
        switch copies {
        case 2: return exp(-t / meanTimeToLossOfTwo(mttf: m, repair: r))
        case 3: return exp(-t / meanTimeToLossOfThree(mttf: m, repair: r))
        default: return nil
        }
    }
}
