import Testing
@testable import NetworkEngine

/// The mesh keeps each DHT lookup's owner and predecessor from its first hop; these tests check that a kept pair is
/// never used after routing changed under it, nor for another resource in a reused request slot.
@Suite("Lookup ends cache")
struct LookupEndsCacheTests {
    static func mesh(peers: Int) -> MeshState {
        var s = Scenario(name: "ends")
        s.seed = 3
        s.architecture = .peerMesh
        s.nodes = peers
        s.workload.resources = 200
        return MeshState(scenario: s, peers: peers, now: 0, seeded: true, isUp: { _ in true })
    }

    static func fresh(_ mesh: MeshState, _ resource: Int) -> ChordRing.LookupEnds? {
        mesh.ring.endpoints(of: ChordRing.key(forResource: resource))
    }

    /// The ends the engine would steer by (cached or found anew).
    static func cached(_ mesh: MeshState, _ slot: Int, _ resource: Int) -> ChordRing.LookupEnds? {
        mesh.endpoints(slot: slot, resource: resource)
    }

    @Test("a cached pair follows departures and returns, through the ring's fix-up too")
    func followsRoutingChanges() throws {
        let mesh = Self.mesh(peers: 300)
        for resource in [0, 7, 123] {
            let first = try #require(Self.cached(mesh, 5, resource))
            #expect(first == Self.fresh(mesh, resource)!)
            // The owner leaves and routing learns of it at once: the next hop must steer to the new owner.
            let owner = mesh.ring.peer(atRank: first.owner)
            mesh.peerChanged(owner, up: false, at: 0, repairNow: true)
            let afterLeave = try #require(Self.cached(mesh, 5, resource))
            #expect(afterLeave == Self.fresh(mesh, resource)!)
            #expect(afterLeave.owner != first.owner)
            // It comes back: the old pair again.
            mesh.peerChanged(owner, up: true, at: 0)
            #expect(Self.cached(mesh, 5, resource)! == first)
            // A departure routing hears of only at the periodic fix-up.
            let predecessor = mesh.ring.peer(atRank: first.predecessor)
            mesh.peerChanged(predecessor, up: false, at: 0, repairNow: false)
            #expect(Self.cached(mesh, 5, resource)! == first)
            mesh.repairRing(predecessor)
            let afterRepair = try #require(Self.cached(mesh, 5, resource))
            #expect(afterRepair == Self.fresh(mesh, resource)!)
            #expect(afterRepair.predecessor != first.predecessor)
            mesh.peerChanged(predecessor, up: true, at: 0)
        }
    }

    @Test("a reused request slot asking for another resource gets that resource's pair")
    func slotReuse() throws {
        let mesh = Self.mesh(peers: 300)
        for resource in 0..<200 {
            let ends = try #require(Self.cached(mesh, 9, resource))
            #expect(ends == Self.fresh(mesh, resource)!, "resource \(resource)")
        }
    }
}
