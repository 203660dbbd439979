import Foundation
import NetExplorerAssets
import NetworkEngine
import Testing

/// The `churn` scenario against theory, and the counting behind the stability figures.
@Suite("Stability under churn")
struct ChurnStabilityTests {
    /// The `churn` scenario's availability against 1 − pʳ, p = D/(U + D) = 60/180 = 1/3, r = 3: 26/27 = 0.96296.
    ///
    /// Variance of the measured time average: resource i is unavailable when its r holders are all down, an indicator
    /// Iᵢ(t); each holder is a two-state Markov chain whose down indicator has autocovariance p(1−p)e^(−λ|τ|),
    /// λ = 1/U + 1/D = 0.025/s. Two resources sharing k holders have E[Iᵢ(t)Iⱼ(t+τ)] = p^(2(r−k))·(p² + p(1−p)x)^k,
    /// x = e^(−λτ), so ∫Cov dτ over all τ is C(k) = (2/λ)·p^(2(r−k))·Σₘ₌₁..ₖ binom(k,m)·p^(2(k−m))·(p(1−p))^m/m:
    /// C(3) = 0.04024/λ, C(2) = 0.01646/λ, C(1) = 0.00549/λ. On a DHT of N peers the replicas of a key are its r
    /// successors, and two random keys have owners k = 3, 2, 1 ranks apart... sharing 3, 2, 1 holders, each with
    /// probability about 2/N. With R resources the time average over T has variance
    /// [R·C(3) + R(R−1)(2/N)(C(3) + C(2) + C(1))]/(R²T) = 1312/(R²T) for R = N = 200, i.e. 0.0328/T. Over
    /// T = 50,000 s (no workload: availability does not depend on it) the standard error is 8.1·10⁻⁴, and the bound,
    /// 4 of them, is 0.0032 around 0.96296 (a twelfth of the 3.7% unavailability; 1 − p, one copy, would be 0.667).
    @Test("availability under the churn scenario is within 4 standard errors (0.0032) of 1 - p^3")
    func availabilityAgainstTheory() throws {
        var s = try ScenarioCatalog.load("churn")
        s.workload.rate = 0
        let p = s.mesh.churn.map { $0.meanDowntime / ($0.meanUptime + $0.meanDowntime) } ?? 0
        #expect(abs(p - 1.0 / 3) < 1e-12 && s.mesh.replicas == 3 && s.nodes == 200 && s.workload.resources == 200)
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(50_000))
        let measured = engine.report().mesh?.availability ?? 0
        let expected = 1 - pow(p, 3)
        #expect(abs(measured - expected) < 0.0032, "availability \(measured), theory \(expected)")
    }

    /// Every lookup ends once: it resolves, fails or times out. With no churn and no crash nothing else can end one,
    /// so once the workload stops (a timeline `set rate 0`) and every timeout has run, the lookups started are exactly
    /// those ended. The mesh's own count of lookups that reached an end (`lookupsResolved`: a DHT lookup reaching the
    /// key's owner, whether or not it holds a copy; a flood's first hit) is independent of these counts. Lost messages
    /// (5%) make DHT lookups time out; a flood whose hits are lost, or whose TTL (2) reaches no copy, fails. The same
    /// counts appear in the JSON's mesh object and, summed, in its periods.
    @Test("every lookup started ends once: as the mesh counts its ends, in the report and its periods",
          arguments: [Scenario.Discovery.dht, .flooding])
    func lookupsAddUp(discovery: Scenario.Discovery) throws {
        var s = Scenario(name: "counting")
        s.seed = 9
        s.architecture = .peerMesh
        s.nodes = 300
        s.workload.rate = 1
        s.workload.resources = 300
        s.workload.timeout = 1
        s.workload.retries = 1
        s.network.loss = 0.05
        s.mesh.discovery = discovery
        s.mesh.replicas = 1
        s.mesh.ttl = 2
        s.timeline = [.init(at: 30, kind: .set(.rate, 0))]
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(40))
        let r = engine.report()
        let l = r.lookups
        let reached = engine.snapshot().mesh?.lookupsResolved ?? -1
        if discovery == .dht {
            #expect(l.timedOut > 0, "\(l)")
            #expect(l.started == reached + l.timedOut, "\(l), reached the owner \(reached)")
        } else {
            #expect(l.failed > 0 && l.timedOut == 0, "\(l)")
            #expect(l.started == reached + l.failed, "\(l), answered \(reached)")
        }
        #expect(r.segments.map(\.lookups.started).reduce(0, +) == l.started)
        let json = r.json.serialized()
        #expect(json.contains("\"lookups\":\(l.started),\"lookups_failed\":\(l.failed),\"lookups_timed_out\":\(l.timedOut)"))
    }
}
