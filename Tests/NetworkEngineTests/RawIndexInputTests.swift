import Testing
@testable import NetworkEngine

/// Node ids from live commands and timelines end up as indices into raw memory (a peer's server slots). Bad input must
/// be refused before it gets there, never crash; the check at the raw memory is the last line behind it.
@Suite("Input reaching raw memory")
struct RawIndexInputTests {
    static let badIDs = [-1, -2, -1_000_000, 51, 52, 1_000_000, Int.max, Int.min]

    static func mesh() -> Engine {
        var s = Scenario(name: "bad-input")
        s.nodes = 50
        s.architecture = .peerMesh
        s.workload.rate = 2
        return Engine(scenario: s)
    }

    @Test("commands naming nodes that do not exist are refused, and the run goes on", arguments: [false, true])
    func missingNodesRefused(afterShrinking: Bool) {
        let engine = Self.mesh()
        engine.run(until: .seconds(2))
        if afterShrinking {
            // Ids that were valid a moment ago: the slots are still there, the nodes are not.
            #expect(engine.apply(.removeNodes(10)).accepted)
        }
        let ids = Self.badIDs + (afterShrinking ? [41, 45, 50] : [])
        for id in ids {
            #expect(!engine.apply(.toggleNode(id)).accepted, "toggle \(id)")
            #expect(!engine.apply(.crash(.node(id))).accepted, "crash \(id)")
            #expect(!engine.apply(.restart(.node(id))).accepted, "restart \(id)")
        }
        #expect(!engine.apply(.addNodes(Int.min)).accepted && !engine.apply(.flashCrowd(requests: -5)).accepted)
        engine.run(until: .seconds(6))
        #expect(engine.requestCounts.completed > 0)
    }

    @Test("a timeline naming missing nodes runs to the end")
    func timelineWithMissingNodes() {
        var s = Scenario(name: "bad-timeline")
        s.nodes = 20
        s.architecture = .peerMesh
        s.timeline = [
            .init(at: 1, kind: .crash(.node(21))), .init(at: 1, kind: .crash(.node(-3))),
            .init(at: 2, kind: .removeNodes(Int.max)), .init(at: 3, kind: .restart(.node(5))),
            .init(at: 4, kind: .addNodes(10)), .init(at: 5, kind: .crash(.node(30))),
        ]
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(8))
        #expect(engine.now == .seconds(8) && engine.activeClients == 10)
    }

    @Test("a peer's server outside the population stops the process (checked in every build)",
          arguments: [-1, 3, Int.min])
    func peerServerIndexChecked(peer: Int) async {
        await #expect(processExitsWith: .failure) { [peer] in
            let servers = PeerServers(workers: 2, queueCapacity: 4)
            servers.grow(to: 3)
            _ = servers.server(peer)
        }
    }
}
