import Foundation
import Testing
import NetworkEngine

/// `FloodReach` against values worked out by hand, and `theory.flood_reach` / `theory.messages_per_lookup` against
/// the engine's floods.
@Suite("Flood reach: the formula")
struct FloodReachTests {
    /// One hop: the source's k chosen peers and its m choosers, E[m] = k, so 2k peers and 2k queries, whatever N.
    @Test("a flood with TTL 1 reaches and costs exactly the mean degree 2·⌈degree/2⌉")
    func oneHop() throws {
        for (n, degree) in [(100, 4), (1000, 3), (10_000, 8)] {
            let f = try #require(FloodReach.expected(peers: n, degree: degree, ttl: 1))
            let twoK = Double(2 * ((degree + 1) / 2))
            #expect(abs(f.reached - twoK) < 1e-9, "N \(n), degree \(degree): \(f.reached)")
            #expect(abs(f.queryMessages - twoK) < 1e-9, "N \(n), degree \(degree): \(f.queryMessages)")
        }
    }

    /// Two hops on a huge overlay (no cycles yet): a peer the source chose has its k links and m − 1 more accepted
    /// ones (m size-biased, E[m − 1] = k); a chooser of the source has k − 1 and m (E = k). So 2k + k·2k + k·(2k − 1)
    /// = 4k² + k peers (18 at degree 4, 68 at degree 8); the layer-1 peers send as many queries as they reach, so
    /// messages are the same. Cycles cost O(k³/N), below 10⁻⁵ at N = 10⁷.
    @Test("two hops on a huge overlay reach 4k² + k peers with as many queries")
    func twoHops() throws {
        for degree in [4, 8] {
            let k = Double((degree + 1) / 2)
            let f = try #require(FloodReach.expected(peers: 10_000_000, degree: degree, ttl: 2))
            let expected = 4 * k * k + k
            #expect(abs(f.reached - expected) / expected < 1e-4, "degree \(degree): \(f.reached)")
            #expect(abs(f.queryMessages - expected) / expected < 1e-4, "degree \(degree): \(f.queryMessages)")
        }
    }

    /// Far from saturation a flood grows by the largest eigenvalue of its two-type branching (peers reached over a
    /// link they accepted: k + k children; over a link they opened: k − 1 + k): k + √(k(k − 1)), 2 + √2 ≈ 3.414 at
    /// degree 4, not the configuration model's E[D(D − 1)]/E[D] = 3.5 for the same degrees (which a formula on the
    /// degree distribution alone gives). The second eigenvalue's share decays as (0.586/3.414)^h, under 10⁻⁷ by hop
    /// 9; at N = 10⁹ the ball (~2·10⁵) is far from saturating.
    @Test("the flood grows k + √(k(k − 1)) times a hop before it saturates, not E[D(D − 1)]/E[D]")
    func branchingRatio() throws {
        let f = try #require(FloodReach.expected(peers: 1_000_000_000, degree: 4, ttl: 10))
        let ratio = f.perHop[9] / f.perHop[8]
        #expect(abs(ratio - (2 + 2.0.squareRoot())) < 1e-3, "ratio \(ratio)")
        #expect(abs(ratio - 3.5) > 0.08)
    }

    /// Saturated, every one of the N − 1 others is reached and every peer forwards to all but one neighbour: 2kN
    /// link ends less N − 1, 301 at N = 100, degree 4. The model's degree bookkeeping gives this within its
    /// mean-field error (0.5%).
    @Test("a saturating flood reaches all N − 1 others and sends 2kN − (N − 1) queries")
    func saturation() throws {
        let f = try #require(FloodReach.expected(peers: 100, degree: 4, ttl: 20))
        #expect(abs(f.reached - 99) < 1e-6, "\(f.reached)")
        #expect(abs(f.queryMessages - 301) / 301 < 0.005, "\(f.queryMessages)")
    }

    /// A degree of 1,000 (500 links a peer, ~300 accepted-link counts to average over) is worked out without
    /// overflow or NaN: every one of the 99,999 others is reached by TTL 3. (How quickly is measured by `bench`, not
    /// here: a timed unit test fails on a loaded machine.)
    @Test("a large degree is worked out, and saturates as it must")
    func largeDegree() throws {
        let f = try #require(FloodReach.expected(peers: 100_000, degree: 1000, ttl: 7))
        #expect(abs(f.reached - 99_999) < 1e-6, "\(f.reached)")
    }

    @Test("the model declines one link a peer (degree ≤ 2) and overlays under 4k peers")
    func coverage() {
        #expect(FloodReach.expected(peers: 1000, degree: 2, ttl: 5) == nil)
        #expect(FloodReach.expected(peers: 7, degree: 4, ttl: 5) == nil)
        #expect(FloodReach.expected(peers: 8, degree: 4, ttl: 5) != nil)
        #expect(FloodReach.expected(peers: 15, degree: 8, ttl: 5) == nil)
    }
}

/// Which runs get a flood theory and which say why not (`TheoryView`), without running the engine.
@Suite("Flood reach: where the model applies")
struct FloodReachCoverageTests {
    static func flooding(nodes: Int = 300) -> Scenario {
        var s = Scenario(name: "flood")
        s.architecture = .peerMesh
        s.nodes = nodes
        s.mesh.discovery = .flooding
        s.mesh.degree = 4
        s.mesh.ttl = 4
        return s
    }

    static func theory(_ s: Scenario) -> TheoryView {
        TheoryView(steadyStateOf: s, nodes: s.nodes, architecture: .peerMesh)
    }

    @Test("the default network (20 ms ± 5 ms) gets both figures, with no flood reason")
    func defaultNetwork() {
        let t = Self.theory(Self.flooding())
        #expect(t.floodReach != nil && t.messagesPerLookup != nil)
        #expect(!t.assumptionsBroken.contains { $0.hasPrefix("flood_reach") || $0.hasPrefix("messages_per_lookup") })
    }

    @Test("jitter beyond a quarter of the latency, churn, loss and degree 2 null both figures with a reason",
          arguments: ["jitter", "churn", "loss", "degree"])
    func declines(_ cause: String) {
        var s = Self.flooding()
        switch cause {
        case "jitter": s.network.jitterMs = 15
        case "churn": s.mesh.churn = .init(meanUptime: 60, meanDowntime: 60)
        case "loss": s.network.loss = 0.01
        default: s.mesh.degree = 2
        }
        let t = Self.theory(s)
        #expect(t.floodReach == nil && t.messagesPerLookup == nil)
        #expect(t.assumptionsBroken.contains { $0.hasPrefix("flood_reach, messages_per_lookup: ") },
                "\(t.assumptionsBroken)")
    }

    @Test("in the live view, peers crashed now null both figures with a reason (they neither forward nor count)")
    func crashed() {
        let s = Self.flooding()
        let t = TheoryView(steadyStateOf: s, nodes: s.nodes, architecture: .peerMesh, down: 30)
        #expect(t.floodReach == nil && t.messagesPerLookup == nil)
        #expect(t.assumptionsBroken.contains { $0.hasPrefix("flood_reach, messages_per_lookup: 30 peers down") })
    }

    @Test("with caches the reach stays and the messages go, with a reason")
    func caches() {
        var s = Self.flooding()
        s.mesh.cache = true
        let t = Self.theory(s)
        #expect(t.floodReach != nil && t.messagesPerLookup == nil)
        #expect(t.assumptionsBroken.contains { $0.hasPrefix("messages_per_lookup: ") })
    }
}
