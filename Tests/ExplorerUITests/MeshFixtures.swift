import ExplorerUI
import NetworkEngine
import TerminalCanvas

/// Hand-built peer-mesh snapshots: a classroom that switched to the mesh at t=70.4 s, every figure fixed.
enum MeshFixtures {
    /// A ring order that is not the id order, as a real Chord ring's is not.
    static let ring = [1, 5, 9, 2, 6, 10, 3, 7, 11, 4, 8, 12]

    /// `count` peers: 2 busy, 3 down, 7 overloaded, 9 queueing (when they exist), the rest idle; peer `id` served
    /// `id × 3` requests for others (peer 7, 30).
    static func peers(_ count: Int) -> [NodeView] {
        (1...count).map { id in
            let activity: NodeActivity = switch id {
            case 2: .busy
            case 3: .down
            case 7: .overloaded
            case 9: .queueing
            default: .idle
            }
            var v = NodeView(id: id, role: .peer, activity: activity, sent: 40 + id, completed: 38 + id,
                             outstanding: activity == .busy ? 1 : 0, meanLatencyMs: 60 + Double(id) / 4)
            v.served = id == 7 ? 30 : id * 3
            return v
        }
    }

    /// Peers of a large mesh: every 50th down and 601–640 down (a churned patch), ids 120–139 served heavily,
    /// peers 130 and 131 overloaded.
    static func manyPeers(_ count: Int) -> [NodeView] {
        (1...count).map { id in
            let activity: NodeActivity = id % 50 == 0 || (601...640).contains(id) ? .down
                : id == 130 || id == 131 ? .overloaded
                : id % 9 == 0 ? .busy : .idle
            var v = NodeView(id: id, role: .peer, activity: activity)
            v.served = id >= 120 && id < 140 ? 80 : id % 4 == 0 ? 10 : 2
            return v
        }
    }

    /// A flooding overlay over 10 peers: a ring 1–10 with three chords.
    static let floodLinks: [MeshView.Link] = (1...10).map { MeshView.Link(a: $0, b: $0 % 10 + 1) }
        + [MeshView.Link(a: 1, b: 6), MeshView.Link(a: 3, b: 8), MeshView.Link(a: 2, b: 9)]

    static func mesh(_ discovery: Scenario.Discovery = .dht, ringOrder: [Int] = ring, links: [MeshView.Link] = [],
                     peerOverloads: Int = 4, availabilityNow: Double = 0.985) -> MeshView {
        var view = MeshView(discovery: discovery, meanHops: 2.614, messagesPerLookup: discovery == .dht ? 2.71 : 38.25,
                            maxOverMeanLoad: 2.4, availabilityNow: availabilityNow, availability: 0.9962, replicas: 3,
                            resources: 200, peerOverloads: peerOverloads, ringOrder: ringOrder, links: links)
        view.lookupsResolved = 1234
        if discovery == .flooding { view.meanFloodReach = 85.75; view.floodReachSinceChange = 85.75 }
        return view
    }

    /// The classroom at t=83.4 s, 13 s after switching to the mesh: `nodes` peers (the old server first when
    /// `draining` gives its queue).
    static func snapshot(nodes: [NodeView] = peers(12), mesh: MeshView? = MeshFixtures.mesh(),
                         flights: [FlightView] = [], draining: Int? = nil) -> Snapshot {
        var s = Fixtures.snapshot(nodes: nodes, flights: flights, series: series(count: 83))
        s.architecture = .peerMesh
        s.mesh = mesh
        s.switches = [.seconds(70.4)]
        s.activeNodeCount = nodes.count
        if let queue = draining {
            s.server = Fixtures.server(queue: queue)
            s.nodes.insert(NodeView(id: 0, role: .server, activity: .queueing, completed: 900, outstanding: queue + 3),
                           at: 0)
        } else {
            s.server = nil
        }
        return s
    }

    /// The fixture series with the architecture switching at second 71; the queue empties after it.
    static func series(count: Int) -> [SecondSample] {
        Fixtures.series(count: count).map { sample in
            var s = sample
            if s.second >= 71 {
                s.architecture = .peerMesh
                s.queue = 0
                s.rejected = 0
            }
            return s
        }
    }
}
