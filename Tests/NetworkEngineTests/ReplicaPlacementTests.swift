import Testing
import NetworkEngine

@Suite("Replica placement")
struct ReplicaPlacementTests {
    @Test("random placement puts each resource on distinct peers, resource-major, the same for the same seed")
    func randomPlacement() {
        func place(_ seed: UInt64) -> [Int32] {
            var rng = SeededRandom(seed: seed, stream: .topology)
            return placeReplicas(resources: 2_000, replicas: 3, peers: 500, rng: &rng)
        }
        let holders = place(6)
        #expect(holders.count == 6_000)
        for r in 0..<2_000 {
            let mine = holders[r * 3..<(r + 1) * 3]
            #expect(Set(mine).count == 3 && mine.allSatisfy { (0..<500).contains($0) })
        }
        // Uniform over peers: each holds 12 replicas on average; a Poisson-like spread stays well inside 0...40.
        var load = [Int](repeating: 0, count: 500)
        for p in holders { load[Int(p)] += 1 }
        #expect(load.max()! < 40 && load.filter { $0 == 0 }.count < 5)
        #expect(place(6) == holders && place(7) != holders)
        var rng = SeededRandom(seed: 1, stream: .topology)
        #expect(placeReplicas(resources: 10, replicas: 4, peers: 4, rng: &rng).count == 40)
        #expect(placeReplicas(resources: 10, replicas: 1, peers: 0, rng: &rng).isEmpty)
    }

    /// With each peer down independently with probability p, a resource on r distinct peers is unavailable with
    /// probability p^r. 20,000 resources put the standard error of the measured share near 0.001, far inside 3%.
    @Test("availability with r replicas and independent down-probability p is within 3% of 1 − p^r, for both placements",
          arguments: [(0.3, 1), (0.3, 3), (0.5, 2), (0.5, 4)])
    func availability(down p: Double, replicas r: Int) {
        let peers = 20_000, resources = 40_000
        var topology = SeededRandom(seed: 31, stream: .topology)
        var ring = ChordRing(peerCount: peers, rng: &topology)
        let random = placeReplicas(resources: resources, replicas: r, peers: peers, rng: &topology)
        var churn = SeededRandom(seed: 31, stream: .churn)
        for peer in 0..<peers where churn.chance(p) { ring.setAlive(peer, false) }
        var dhtAvailable = 0, randomAvailable = 0
        var holders: [Int] = []
        for resource in 0..<resources {
            ring.replicaHolders(of: ChordRing.key(forResource: resource), count: r, into: &holders)
            if holders.contains(where: { ring.isAlive($0) }) { dhtAvailable += 1 }
            if random[resource * r..<(resource + 1) * r].contains(where: { ring.isAlive(Int($0)) }) {
                randomAvailable += 1
            }
        }
        let expected = 1 - power(p, r)
        for measured in [Double(dhtAvailable), Double(randomAvailable)].map({ $0 / Double(resources) }) {
            #expect(abs(measured - expected) <= 0.03 * expected, "measured \(measured), expected \(expected)")
        }
    }

    private func power(_ x: Double, _ n: Int) -> Double { (0..<n).reduce(1) { acc, _ in acc * x } }
}
