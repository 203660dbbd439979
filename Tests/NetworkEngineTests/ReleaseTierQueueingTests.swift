import Testing
import NetworkEngine

/// The release tier: tests too long for a debug build (the engine runs 25–45× slower there), run by CI in an
/// optimized build and skipped, visibly, by a plain `swift test`:
///
///     swift test -c release -Xswiftc -enable-testing --filter ReleaseTier
///
/// (`-enable-testing` because other suites of the same targets use `@testable import`.)
///
/// To add to the tier: name the suite's type `ReleaseTier…` (the filter above and `.ci/run` select by that name, in
/// any test target) and give the suite the `.releaseTier` trait. A target other than this one needs its own copy of
/// this small enum and trait. `.ci/run` fails when a tier test fails, when none ran, or when one was skipped.
enum ReleaseTier {
    /// True in an optimized build: SwiftPM defines `DEBUG` only in debug builds.
    static var isEnabled: Bool {
        #if DEBUG
        return false
        #else
        return true
        #endif
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the suite only in the release tier.
    static var releaseTier: Self {
        .enabled(if: ReleaseTier.isEnabled, """
            release tier: runs only in an optimized build \
            (swift test -c release -Xswiftc -enable-testing --filter ReleaseTier)
            """)
    }
}

/// The client-server engine agrees with queueing theory at ρ = 0.8 (zero network latency, so response time = sojourn
/// time): M/M/1 over 3·10⁶ and M/M/4 over 10⁶ simulated seconds, 2.4 and 3.2 million requests.
///
/// Tolerances come from the theory, not from tuning. For M/M/1 the time-average number in system has asymptotic
/// variance 2ρ(1+ρ)/(μ(1−ρ)⁴) per unit time (Whitt, "Planning queueing simulations", 1989): at ρ = 0.8, μ = 1 that is
/// 1,800, so over T = 3·10⁶ s the standard error of L (mean 4) is √(1800/T) ≈ 0.0245, 0.61% relative; by Little's law
/// the mean response time has the same relative error, so the 2% bound is 3.3 standard errors. M/M/4 at the
/// same ρ mixes faster (four servers), so the same horizon is at least as tight.
@Suite("Release tier: queueing fidelity at rho 0.8", .releaseTier)
struct ReleaseTierQueueingTests {
    typealias Q = QueueingFidelityTests

    @Test("M/M/1 at rho 0.8 has mean response within 2% of 1/(mu - lambda) and utilization within 1% of rho")
    func mm1() {
        // λ = 8 × 0.1 = 0.8/s, μ = 1/s.
        let r = Q.run(Q.queue(nodes: 8, rate: 0.1, workers: 1, serviceMs: 1000, queue: 1_000_000, seconds: 3e6))
        let expectedMs = 1000 / (1.0 - 0.8)
        #expect(abs(r.latency.mean - expectedMs) / expectedMs < 0.02, "mean \(r.latency.mean) ms vs \(expectedMs) ms")
        #expect(abs(r.utilization - 0.8) / 0.8 < 0.01, "utilization \(r.utilization)")
        #expect(r.requests.rejected == 0)
    }

    @Test("M/M/4 at rho 0.8 has mean response within 2% of the Erlang C value")
    func mm4() {
        // λ = 32 × 0.1 = 3.2/s, μ = 1/s per worker, c = 4, ρ = 0.8.
        let r = Q.run(Q.queue(nodes: 32, rate: 0.1, workers: 4, serviceMs: 1000, queue: 1_000_000, seconds: 1e6))
        let expectedMs = 1000 * Theory.erlangCResponse(lambda: 3.2, mu: 1, servers: 4)
        #expect(abs(expectedMs - 1745.54) < 0.5, "Erlang C reference \(expectedMs)")
        #expect(abs(r.latency.mean - expectedMs) / expectedMs < 0.02, "mean \(r.latency.mean) ms vs \(expectedMs) ms")
        #expect(abs(r.utilization - 0.8) / 0.8 < 0.01, "utilization \(r.utilization)")
    }
}
