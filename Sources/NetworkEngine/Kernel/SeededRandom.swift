/// The purposes that draw random numbers, each from its own independent stream.
///
/// Splitting by purpose means that, say, adding an attacker does not shift the arrival stream: two runs that differ
/// only in one purpose see the same draws everywhere else.
public enum RandomStream: UInt64, Sendable, CaseIterable {
    case arrivals = 1, service, network, churn, attacks, workload, topology, flash
    /// Storage: whether a request writes (drawn only when `workload.write_share` > 0) and which disk fails next.
    case writes = 9, disks = 10
    /// Which live replica (or cached copy) of a resource serves a mesh read (`MeshModel+DHT.swift`).
    case reads = 16
    /// Which members a `crash_share` takes. Its raw value is written out: a stream's value salts its seed, so another
    /// stream added in parallel cannot shift it.
    case crashShare = 17
    /// Which peers a swarm's free upload slot tries, which word of a chunk map it starts from, who leaves when done
    /// (`DistributionModel`).
    case distribution = 18
}

/// A seeded xoshiro256** generator; one instance per `RandomStream`.
///
/// The state is seeded by SplitMix64 from (seed, stream), as its authors recommend, so streams are independent.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator for `stream` of the simulation seeded with `seed`.
    public init(seed: UInt64, stream: RandomStream) {
        var x = seed &+ stream.rawValue &* 0x9E37_79B9_7F4A_7C15
        func splitMix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            return mix64(x)
        }
        s0 = splitMix(&x); s1 = splitMix(&x); s2 = splitMix(&x); s3 = splitMix(&x)
    }

    @inlinable @inline(__always) public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform double in the open interval (0, 1): never 0, so `log` is always finite.
    @inlinable @inline(__always) public mutating func unit() -> Double {
        (Double(next() >> 11) + 0.5) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// An exponentially distributed duration with the given mean, at most `exponentialCap` (about 146 years).
    @inlinable public mutating func exponential(mean: SimTime) -> SimTime {
        // + 0.5 and truncate: the value is never negative, and it avoids a libm call per draw. The cap (a single
        // `min`, no branch) keeps a draw from a huge mean (a churn mean of 10^9 s times -log u, up to 37) inside
        // SimTime: such a draw lies far past the end of any run, and the kernel saturates the time it is due.
        SimTime(Swift.min(-Double(mean) * _log(unit()), Self.exponentialCap) + 0.5)
    }

    /// The longest duration `exponential(mean:)` returns: half of SimTime's range, far beyond any run.
    public static let exponentialCap = 4.6e18

    /// True with probability `p`.
    @inlinable @inline(__always) public mutating func chance(_ p: Double) -> Bool { p > 0 && unit() < p }

    /// A uniform integer in `0..<n` (n > 0), without modulo bias worth mentioning for n < 2^32.
    @inlinable @inline(__always) public mutating func below(_ n: Int) -> Int {
        Int((UInt128(next()) &* UInt128(UInt64(n))) >> 64)
    }

    /// A uniform duration in `-spread...spread`.
    @inlinable @inline(__always) public mutating func jitter(_ spread: SimTime) -> SimTime {
        guard spread != 0 else { return 0 }
        let x = (unit() * 2 - 1) * Double(spread)
        // `x.rounded()` (half away from zero) without its libm call, one per network hop: truncate, then step one away
        // from zero when the dropped fraction is at least a half. That step is `fraction * 2` truncated (-1, 0 or 1),
        // without a branch: half of all draws step, a coin toss the predictor lost (docs/PERFORMANCE.md, 'Design
        // measurements').
        // Exact for |x| < 2^63: `x - Double(t)` and the doubling lose nothing.
        let t = SimTime(x)
        let fraction = x - Double(t)
        return t &+ SimTime(fraction * 2)
    }
}

/// SplitMix64's finalizer: a bijection of 64-bit words that spreads every input bit over the output. Seeds the
/// streams, hashes resources onto the ring and draws per-account passwords.
@inline(__always) func mix64(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

@usableFromInline func _log(_ x: Double) -> Double {
    #if canImport(Glibc)
    return Glibc.log(x)
    #else
    return Foundation.log(x)
    #endif
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
