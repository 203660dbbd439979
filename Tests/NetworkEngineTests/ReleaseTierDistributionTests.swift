import Testing
import NetworkEngine

/// The release tier's swarm: 1,000 equal peers, too many chunk events for a debug build's few seconds.
///
/// Same scenario and tolerance as `DistributionFidelityTests.swarmApproachesItsBound` (a 50 MB file in 196 chunks,
/// u_s = 100 Mbps, d = 20 Mbps, u = 5 Mbps): the bound N·F/(u_s + N·u) = 78.4 s is a theorem about any schedule, so
/// the run must not beat it; the 15% is the issue's, and the reasons the swarm stays above it are that test's.
@Suite("Release tier: a swarm of 1,000 peers against Kurose-Ross", .releaseTier)
struct ReleaseTierDistributionTests {
    @Test("A swarm of 1,000 equal peers is never faster than its bound and within 15% of it")
    func thousandPeers() {
        var s = Scenario(name: "distribution, 1,000 peers")
        s.seed = 7
        s.architecture = .peerMesh
        s.nodes = 1_000
        s.duration = 100_000
        s.workload.kind = .distribution
        s.distribution.fileMb = 50
        s.network.latencyMs = 20
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(s.duration))
        let v = engine.distributionView!
        #expect(v.completed == 1_000)
        #expect(v.timeSeconds >= v.boundSeconds, "\(v.timeSeconds) s below the bound \(v.boundSeconds) s")
        #expect(v.timeSeconds <= 1.15 * v.boundSeconds, "\(v.timeSeconds) s vs bound \(v.boundSeconds) s")
    }
}
