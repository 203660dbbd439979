@testable import ExplorerUI
import NetExplorerAssets
import NetworkEngine
import TerminalCanvas
import Testing

/// The topology at every size a lesson uses: clients on rings around the server, bins of clients past the rings'
/// capacity, requests moving toward the server, and the mesh's ring, fingers, lookup path and flood wave. Each picture
/// is rendered from a real engine the way the live view asks for it (`TopologyPane.snapshotRequest`).
@Suite("Topology rings")
struct TopologyRingTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    /// An engine of `nodes` clients (or peers) run to `seconds`.
    static func engine(_ nodes: Int, architecture: Architecture = .clientServer,
                       discovery: Scenario.Discovery = .dht, rate: Double = 1, seconds: Double = 6,
                       latencyMs: Double = 50) -> Engine {
        var s = Scenario(name: "rings")
        s.nodes = nodes
        s.architecture = architecture
        s.mesh.discovery = discovery
        s.workload.rate = rate
        s.network.latencyMs = latencyMs
        s.seed = 11
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(seconds))
        return engine
    }

    /// The snapshot the live view would take for a screen of `size`, and the topology pane's area.
    static func frame(_ engine: Engine, size: Size, state: AppState) -> (Snapshot, Rect) {
        let first = engine.snapshot(SnapshotRequest(nodes: 1..<2))
        let request = TopologyPane.snapshotRequest(base: SnapshotRequest(), previous: first, state: state, screen: size)
        return (engine.snapshot(request), Screen.regions(for: size).topology)
    }

    static func render(_ snapshot: Snapshot, state: AppState, area: Rect, size: Size) -> Buffer {
        var buffer = Buffer(size: size)
        TopologyPane.render(snapshot: snapshot, state: state, area: area, buffer: &buffer)
        return buffer
    }

    static func text(_ buffer: Buffer, _ area: Rect) -> String {
        area.rows.map { y in String(area.columns.map { buffer[$0, y].grapheme }) }.joined(separator: "\n")
    }

    static let clientGlyphs: Set<Character> = [Glyphs.idle.character, Glyphs.busy.character, Glyphs.down.character,
                                               Glyphs.waiting.character, Glyphs.failing.character,
                                               Glyphs.attacker.character, Glyphs.target.character,
                                               Glyphs.breached.character]

    @Test("10, 80, 300 and 5,000 clients: the server in the middle, every slot drawn (a client or a bin), and one node a slot while they fit",
          arguments: [10, 80, 300, 5_000])
    func clientRings(_ clients: Int) throws {
        let engine = Self.engine(clients, rate: 0.5, seconds: 3)
        for size in Self.sizes {
            let state = AppState(scenarioName: "rings")
            let (snapshot, area) = Self.frame(engine, size: size, state: state)
            let plan = try #require(TopologyPane.plan(snapshot: snapshot, area: area), "\(size)")
            let buffer = Self.render(snapshot, state: state, area: area, size: size)
            let c = plan.layout.center
            #expect(buffer[c.x - 1, c.y].grapheme == "[" && buffer[c.x, c.y].grapheme == "S", "\(size)")
            for p in plan.layout.slots {
                let g = buffer[p.x, p.y].grapheme
                #expect(g != " ", "slot \(p) blank at \(size)")
            }
            if plan.mode == .nodes {
                #expect(plan.layout.slots.count == clients)
                let drawn = plan.layout.slots.filter { Self.clientGlyphs.contains(buffer[$0.x, $0.y].grapheme) }
                #expect(drawn.count == clients, "\(size)")
            } else {
                #expect(plan.perSlot * plan.layout.slots.count >= clients)
                #expect(Self.text(buffer, area).contains("\(plan.perSlot) a cell"))
            }
        }
    }

    @Test("the rings hold the bottleneck's 80 clients one by one at 120×40 and 200×60, and 300 at 200×60")
    func capacity() throws {
        for (size, clients) in [(Size(width: 120, height: 40), 80), (Size(width: 200, height: 60), 80),
                                (Size(width: 200, height: 60), 300)] {
            let engine = Self.engine(clients, rate: 0.1, seconds: 1)
            let (snapshot, area) = Self.frame(engine, size: size, state: AppState(scenarioName: "rings"))
            let plan = try #require(TopologyPane.plan(snapshot: snapshot, area: area))
            #expect(plan.mode == .nodes, "\(clients) at \(size)")
            #expect(snapshot.nodes.filter { $0.role == .client }.count == clients)
        }
    }

    /// The `bottleneck` scenario at 80 clients (past its saturation at ~67) after 30 s: its queue is full, yet every
    /// request still crosses the network to the server. 80 clients at 1.5 req/s offer 120 req/s, each taking about
    /// 20 ms to arrive, so by Little's law about 120 × 0.02 = 2.4 are on their way in at any instant; as a Poisson
    /// count, none at all in a frame has probability e^-2.4 ≈ 0.09, so about 27 of 30 frames show one. At least 10 is
    /// far inside that (a mark that falls on a client's or the server's cell is hidden, which costs a few).
    @Test("bottleneck at 80 clients: requests are drawn on their way to the server across frames, one by one on the rings")
    func bottleneckFlights() throws {
        let s = try ScenarioCatalog.load("bottleneck")
        var scenario = s
        scenario.nodes = 80
        let engine = Engine(scenario: scenario)
        engine.run(until: .seconds(30))
        let size = Size(width: 120, height: 40)
        let state = AppState(scenarioName: scenario.name)
        var framesWithRequests = 0
        for f in 0..<30 {
            engine.advance(to: .seconds(30) + SimTime(f + 1) * .millis(33))
            let (snapshot, area) = Self.frame(engine, size: size, state: state)
            let plan = try #require(TopologyPane.plan(snapshot: snapshot, area: area))
            #expect(plan.mode == .nodes)
            let buffer = Self.render(snapshot, state: state, area: area, size: size)
            let toServer = snapshot.flights.filter { $0.to == 0 }
            let marks = plan.layout.area.rows.flatMap { y in plan.layout.area.columns.map { (x: $0, y: y) } }
                .filter { buffer[$0.x, $0.y].grapheme == Glyphs.request.character }
            if !toServer.isEmpty && !marks.isEmpty { framesWithRequests += 1 }
            // No request glyph without a request on the wire: the marks are the flights.
            if snapshot.flights.isEmpty { #expect(marks.isEmpty) }
        }
        #expect(framesWithRequests >= 10, "\(framesWithRequests) of 30 frames")
    }

    @Test("every drawn node's cell maps back to its id, the server's box to 0, and an empty cell to nil",
          arguments: [(10, Architecture.clientServer), (300, .clientServer), (5_000, .clientServer),
                      (20, .peerMesh), (200, .peerMesh), (5_000, .peerMesh)])
    func hitTestRoundTrip(_ nodes: Int, _ architecture: Architecture) throws {
        for discovery in architecture == .peerMesh ? [Scenario.Discovery.dht, .flooding] : [.dht] {
            let engine = Self.engine(nodes, architecture: architecture, discovery: discovery,
                                     rate: min(0.5, 20 / Double(nodes)), seconds: 2)
            for size in Self.sizes {
                let state = AppState(scenarioName: "rings")
                let (snapshot, area) = Self.frame(engine, size: size, state: state)
                guard let plan = TopologyPane.plan(snapshot: snapshot, area: area) else { continue }
                let mesh = architecture == .peerMesh ? MeshLayout(plan: plan, snapshot: snapshot) : nil
                for (s, p) in plan.layout.slots.enumerated() {
                    let expected = mesh.map { $0.id(atSlot: s) } ?? plan.firstNode(ofSlot: s)
                    let hit = TopologyPane.node(atX: p.x, y: p.y, snapshot: snapshot, state: state, area: area)
                    #expect(hit == expected, "slot \(s) at \(p), \(size), \(discovery)")
                    if let hit, plan.mode == .nodes { #expect(mesh?.slot(of: hit) ?? plan.slot(ofNode: hit) == s) }
                }
                let c = plan.layout.center
                let server = TopologyPane.node(atX: c.x, y: c.y, snapshot: snapshot, state: state, area: area)
                #expect(server == (architecture == .clientServer ? 0 : nil))
                #expect(TopologyPane.node(atX: area.x, y: area.y, snapshot: snapshot, state: state, area: area) == nil)
                #expect(TopologyPane.node(atX: -1, y: -1, snapshot: snapshot, state: state, area: area) == nil)
            }
        }
    }
}

/// The mesh pictures: flooding's overlay and a query's wave hop by hop, the DHT's ring with the selected peer's
/// fingers and a lookup's path, at 20, 200 and 5,000 peers.
@Suite("Topology mesh picture")
struct TopologyMeshPictureTests {
    static let hopDigits = Set("0123456789")

    @Test("flooding: the followed flood's wave lights the peers it reached, each keeping its own glyph; the legend says how far it went",
          arguments: [20, 200, 5_000])
    func floodWave(_ peers: Int) throws {
        // About 30 to 60 floods in 3 s whatever the size (each reaches most of the overlay: thousands of messages).
        let engine = TopologyRingTests.engine(peers, architecture: .peerMesh, discovery: .flooding,
                                              rate: min(0.5, 20 / Double(peers)), seconds: 3)
        for size in TopologyRingTests.sizes {
            let state = AppState(scenarioName: "rings")
            let (snapshot, area) = TopologyRingTests.frame(engine, size: size, state: state)
            let picture = try #require(snapshot.mesh?.picture)
            #expect(!picture.wave.isEmpty && picture.wave.first?.hop == 0, "\(size)")
            #expect(picture.wave.count == min(picture.waveReached, 4096))
            let plan = try #require(TopologyPane.plan(snapshot: snapshot, area: area))
            let buffer = TopologyRingTests.render(snapshot, state: state, area: area, size: size)
            // No digit hides a peer: every slot shows a peer's (or a bin's) glyph, the reached ones lit.
            #expect(!plan.layout.slots.contains { Self.hopDigits.contains(buffer[$0.x, $0.y].grapheme) }, "\(size)")
            let lit = plan.layout.slots.filter { buffer[$0.x, $0.y].style.underline && buffer[$0.x, $0.y].style.fg == .cyan }
            #expect(!lit.isEmpty, "\(size)")
            // The peer that asked is lit (unless it is full or down, which keep their alarm).
            let layout = MeshLayout(plan: plan, snapshot: snapshot)
            if let origin = picture.wave.first, let p = layout.position(of: origin.id),
               let node = TopologyPane.node(origin.id, in: snapshot), node.activity != .overloaded, node.activity != .down {
                #expect(buffer[p.x, p.y].style.underline && !Self.hopDigits.contains(buffer[p.x, p.y].grapheme),
                        "\(size)")
            }
            // The legend names the wave whole from 120×40 up (not cut with …).
            let hops = picture.waveDepth == 1 ? "1 hop" : "\(picture.waveDepth) hops"
            let legend = buffer.lines()[area.bottom - 2]
            #expect(legend.contains("flood: \(picture.waveReached) peers in " + hops) || size.width < 120,
                    "\(size): \(legend)")
            // One peer a slot: the overlay's links between shown peers are drawn.
            let text = TopologyRingTests.text(buffer, Block(title: "").inner(area))
            if plan.mode == .nodes { #expect(!picture.links.isEmpty && text.contains(Glyphs.link.description)) }
        }
    }

    @Test("DHT: the selected peer's fingers and the latest lookup's path are drawn on the ring",
          arguments: [20, 200, 5_000])
    func fingersAndPath(_ peers: Int) throws {
        let engine = TopologyRingTests.engine(peers, architecture: .peerMesh, discovery: .dht, rate: 0.2, seconds: 3)
        for size in TopologyRingTests.sizes {
            var state = AppState(scenarioName: "rings")
            state.selectedNode = 2
            let (snapshot, area) = TopologyRingTests.frame(engine, size: size, state: state)
            let picture = try #require(snapshot.mesh?.picture)
            // Chord: the distinct fingers of one peer number about log2(N), never more than N - 1.
            #expect(!picture.fingers.isEmpty && picture.fingers.count <= min(64, peers - 1))
            #expect(picture.lookupPath.count >= 1)
            #expect(picture.ring.count == snapshot.nodes.filter { $0.role == .peer }.count)
            #expect(picture.ring.map(\.rank) == picture.ring.map(\.rank).sorted())
            let buffer = TopologyRingTests.render(snapshot, state: state, area: area, size: size)
            let plan = try #require(TopologyPane.plan(snapshot: snapshot, area: area))
            // The picture only: the legend names both glyphs too.
            let text = TopologyRingTests.text(buffer, plan.picture)
            #expect(plan.layout.slots.count >= 3)
            // Fingers reach across the ring: at least one finger line cell, unless every finger sits beside it.
            let layout = MeshLayout(plan: plan, snapshot: snapshot)
            let selected = try #require(layout.position(of: 2), "\(size)")
            let far = picture.fingers.compactMap { layout.position(of: $0.id, rank: $0.rank) }
                .contains { max(abs($0.x - selected.x), abs($0.y - selected.y)) > 2 }
            if far { #expect(text.contains(Glyphs.finger.description), "\(size)") }
            let hops = picture.lookupPath.compactMap { layout.position(of: $0.id, rank: $0.rank) }
            let moves = zip(hops, hops.dropFirst()).contains { max(abs($0.x - $1.x), abs($0.y - $1.y)) > 2 }
            if moves { #expect(text.contains(Glyphs.path.description), "\(size)") }
        }
    }
}
