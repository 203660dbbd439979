@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The glyph table: one ASCII stand-in per character, as wide as it; every character the screens draw has one;
/// every pane is ASCII through and through on a terminal without Unicode.
@Suite("Glyph table")
struct GlyphTableTests {
    /// A screen to draw: a size, a snapshot and a state (drawn in Unicode unless the test says otherwise).
    struct Screenful: CustomTestStringConvertible {
        var name: String
        var size: Size
        var snapshot: Snapshot
        var state: AppState
        var testDescription: String { name }
    }

    /// Screens that between them draw every glyph of the table: every pane, both architectures, the heat strips
    /// (every shade), the security marks, paused and running, the switch, the help overlay, a window too small.
    static let screens: [Screenful] = {
        let wide = Size(width: 120, height: 40), small = Size(width: 80, height: 24)
        var guess = FlightView(client: 3, direction: .toServer, progress: 0.5)
        guess.attack = true
        var meshAttack = SecurityFixtures.meshSnapshot(flights: MeshRenderTests.lookups)
        meshAttack.security?.attackers = 1...3
        let shades = Fixtures.snapshot(nodes: shadedNodes(), server: Fixtures.server(up: false))
        // A DHT with the selected peer's fingers and a lookup's path across the ring.
        var dht = MeshFixtures.snapshot()
        dht.mesh?.picture.fingers = [MeshPicture.Peer(id: 7, rank: 0), MeshPicture.Peer(id: 10, rank: 0)]
        dht.mesh?.picture.lookupPath = [1, 6, 11, 3].map { MeshPicture.Peer(id: $0, rank: 0) }
        // The hops with a narrow interval (±) that misses their theory (≠).
        dht.theory = TheoryView(steadyStateOf: Scenario(name: "glyphs"), nodes: 12, architecture: .peerMesh)
        dht.theory?.meanHops = 3.6
        dht.theory?.meanHopsAccuracy = 0
        dht.confidence = LiveConfidence(since: 0, meanLatencyMs: nil,
                                        meanHops: ConfidenceInterval(mean: 3.39, halfWidth: 0.04, batches: 40,
                                                                     batchSize: 64))
        return [
            Screenful(name: "a DHT's fingers and a lookup's path", size: wide, snapshot: dht,
                      state: Fixtures.state { $0.selectedNode = 1 }),
            Screenful(name: "client-server with flights", size: small,
                      snapshot: Fixtures.snapshot(flights: PaneRenderTests.flights),
                      state: Fixtures.state { $0.selectedNode = 3 }),
            Screenful(name: "overloaded server, paused", size: wide,
                      snapshot: Fixtures.snapshot(server: Fixtures.server(overloaded: true, queue: 64, offered: 130)),
                      state: Fixtures.state { $0.paused = true }),
            // The overlays cover the middle of the screen: each on a screen of its own.
            Screenful(name: "the help with its glossary", size: small, snapshot: Fixtures.snapshot(),
                      state: Fixtures.state { $0.showsHelp = true }),
            Screenful(name: "the scenario picker", size: small, snapshot: Fixtures.snapshot(),
                      state: Fixtures.state { $0.picker = ScenarioPicker(choices: FakeScenarioLibrary.choices) }),
            Screenful(name: "the description", size: small, snapshot: Fixtures.snapshot(),
                      state: Fixtures.state {
                          $0.showsDescription = true
                          $0.scenarioDescription = DescriptionOverlayTests.text
                      }),
            Screenful(name: "every shade of the client strip, server down", size: small, snapshot: shades,
                      state: Fixtures.state { $0.selectedNode = 9 }),
            Screenful(name: "peer mesh just switched", size: small,
                      snapshot: MeshFixtures.snapshot(flights: MeshRenderTests.lookups),
                      state: Fixtures.state {
                          $0.selectedNode = 7
                          $0.switchFlash = SwitchFlash(text: "peer-mesh", expiresAtNanos: 5)
                      }),
            Screenful(name: "the peer strip", size: wide,
                      snapshot: MeshFixtures.snapshot(nodes: MeshFixtures.manyPeers(1000), draining: 9),
                      state: Fixtures.state { $0.selectedNode = 130 }),
            Screenful(name: "an attack on the server", size: wide,
                      snapshot: SecurityFixtures.snapshot(flights: [guess] + PaneRenderTests.flights),
                      state: Fixtures.state { $0.selectedNode = 4 }),
            Screenful(name: "an attack on the mesh, an open share inspected", size: wide, snapshot: meshAttack,
                      state: Fixtures.state { $0.selectedNode = 6; $0.eventScroll = 1 }),
            Screenful(name: "server down: clients waiting and failing", size: small,
                      snapshot: Fixtures.snapshot(nodes: FailureRenderTests.troubledNodes(),
                                                  server: Fixtures.server(up: false)),
                      state: Fixtures.state()),
            Screenful(name: "too small", size: Size(width: 70, height: 20), snapshot: Fixtures.snapshot(),
                      state: Fixtures.state()),
            Screenful(name: "an event log with every kind and a step", size: Size(width: 200, height: 60),
                      snapshot: Fixtures.snapshot(events: everyKind()),
                      state: Fixtures.state { $0.stepLog = [StepLogEntry(time: .seconds(99), text: "tick: a step")] }),
            // The log shows the newest lines that fit: the older half of the kinds on a screen of their own.
            Screenful(name: "an event log with the older half of the kinds", size: Size(width: 200, height: 60),
                      snapshot: Fixtures.snapshot(events: Array(everyKind().prefix(NetworkEvent.Kind.allCases.count / 2))),
                      state: Fixtures.state()),
        ]
    }()

    /// One event of every kind, a second apart, oldest first.
    static func everyKind() -> [NetworkEvent] {
        NetworkEvent.Kind.allCases.enumerated().map { i, kind in
            NetworkEvent(time: .seconds(Double(60 + i)), kind: kind, node: i % 3, account: 1, peer: 2, detail: "words")
        }
    }

    /// 1000 clients, which 80×24 shows in cells of 4: cell k with k % 5 of them busy (so every shade shows), every
    /// 50th cell all down.
    static func shadedNodes() -> [NodeView] {
        var nodes = [NodeView(id: 0, role: .server, activity: .down)]
        for id in 1...1000 {
            let cell = (id - 1) / 4, rank = (id - 1) % 4
            let activity: NodeActivity = cell % 50 == 49 ? .down : rank < cell % 5 ? .busy : .idle
            nodes.append(NodeView(id: id, role: .client, activity: activity))
        }
        return nodes
    }

    /// `screen` drawn by `Screen.render` and shown on an in-memory terminal, as the live view shows it.
    static func shown(_ screen: Screenful, unicode: Bool) -> MemoryTerminal {
        var state = screen.state
        state.unicode = unicode
        var frame = Buffer(size: screen.size)
        Screen.render(snapshot: screen.snapshot, state: state, into: &frame)
        let terminal = MemoryTerminal(size: screen.size, supportsUnicode: unicode)
        terminal.draw(frame.diff(previous: Buffer(size: screen.size)))
        return terminal
    }

    /// Every non-ASCII character the screens draw in Unicode.
    static let drawn: Set<Character> = Set(screens.flatMap { shown($0, unicode: true).screen.cells.map(\.grapheme) }
        .filter { !$0.isASCII })

    @Test("each glyph has one ASCII stand-in as wide as itself, the same in the app's table and the canvas's")
    func oneStandIn() {
        let characters = Glyphs.all.map(\.character)
        #expect(Set(characters).count == characters.count, "a character with two rows")
        var standIns: [Character: Set<Character>] = [:]
        let pairs = Glyphs.all.map { ($0.character, $0.ascii) } + Symbols.asciiFallbacks.map { ($0.unicode, $0.ascii) }
        for (glyph, ascii) in pairs {
            standIns[glyph, default: []].insert(ascii)
            #expect(ascii.isASCII && ascii.displayWidth == glyph.displayWidth, "\(glyph) → \(ascii)")
        }
        for (glyph, set) in standIns { #expect(set.count == 1, "\(glyph) stands as \(set.sorted())") }
        #expect(AsciiFallback.table.count == standIns.count)
    }

    @Test("the shapes that tell nodes, messages and marks apart stay apart in ASCII")
    func distinctShapes() {
        let shapes = [Glyphs.idle, Glyphs.busy, Glyphs.queueing, Glyphs.overloaded, Glyphs.down, Glyphs.waiting,
                      Glyphs.failing, Glyphs.request,
                      Glyphs.reply, Glyphs.guess, Glyphs.attacker, Glyphs.target, Glyphs.breached, Glyphs.link]
        #expect(Set(shapes.map(\.ascii)).count == shapes.count)
        // A strip cell is a shade, overloaded or mostly down, or a security mark.
        let strip = Glyphs.heat + [Glyphs.overloaded, Glyphs.down, Glyphs.attacker, Glyphs.target, Glyphs.breached]
        #expect(Set(strip.map(\.ascii)).count == strip.count)
    }

    @Test("every character the screens draw has a stand-in in the tables, and every row of the app's is drawn")
    func everyDrawnGlyphInTheTable() {
        let missing = Self.drawn.filter { AsciiFallback.table[$0] == nil }
        #expect(missing.isEmpty, "drawn without a stand-in: \(missing.sorted())")
        let unused = Glyphs.all.map(\.character).filter { !$0.isASCII && !Self.drawn.contains($0) }
        #expect(unused.isEmpty, "in the table, on none of the screens: \(unused)")
    }

    @Test("without Unicode every cell of every pane is ASCII, and no character falls back to ?",
          arguments: screens)
    func asciiEverywhere(_ screen: Screenful) {
        let ascii = Self.shown(screen, unicode: false).screen
        let nonASCII = ascii.cells.filter { !$0.grapheme.isASCII }.map(\.grapheme)
        #expect(nonASCII.isEmpty, "\(nonASCII)")
        // `?` is the stand-in for an unknown character: the ASCII frame has no more of them than the Unicode one.
        let unicode = Self.shown(screen, unicode: true).screen
        #expect(ascii.cells.filter { $0.grapheme == "?" }.count == unicode.cells.filter { $0.grapheme == "?" }.count)
    }
}
