import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// Golden text of the mesh views: the DHT ring, the flooding graph, the large-mesh strip, the mesh panel, the
/// draining server, the switch marker and flash, and a whole 80×24 screen under peer-mesh.
@Suite("Mesh rendering")
struct MeshRenderTests {
    /// A lookup hop from peer 5 to peer 2 half-way, and one from 10 to 4 a third of the way.
    static let lookups = [FlightView(from: 5, to: 2, progress: 0.5), FlightView(from: 10, to: 4, progress: 0.3)]

    static var flooding: Snapshot {
        MeshFixtures.snapshot(nodes: MeshFixtures.peers(10),
                              mesh: MeshFixtures.mesh(.flooding, ringOrder: [], links: MeshFixtures.floodLinks))
    }

    // MARK: - Topology

    @Test("the DHT draws peers on a ring in ring order, a lookup mid-hop, and an overloaded peer by shape and id")
    func dhtRing() {
        let state = Fixtures.state { $0.selectedNode = 11 }
        let buffer = Fixtures.buffer(width: 44, height: 14) {
            TopologyPane.render(snapshot: MeshFixtures.snapshot(flights: Self.lookups), state: state, area: $0,
                                buffer: &$1)
        }
        #expect(buffer.lines() == [
            "┏ topology · peer-mesh (dht) · 12 peers ━━━┓",
            "┃▲ 1 overloaded    · ·○· ·                 ┃",
            "┃           · ○· ·         · ○·            ┃",
            "┃        ○·                     · ·◆       ┃",
            "┃                                •  ·      ┃",
            "┃       ·                                  ┃",
            "┃      ○                             ●     ┃",
            "┃       ·                           ·      ┃",
            "┃       ·                         ·○       ┃",
            "┃     11 ○···         •         ·          ┃",
            "┃            7·▲ ·        · ·○·            ┃",
            "┃                  · ·✗ ·                  ┃",
            "┃○ idle ● busy ◆ queue ▲ full ✗ down • msg ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
        // Ring order 1, 5, 9, 2, …: peer 1 at the top, peer 5 next clockwise, peer 9 (queueing, ◆) after it.
        #expect(buffer[22, 1].grapheme == "○" && buffer[29, 2].grapheme == "○" && buffer[35, 3].grapheme == "◆")
        // The lookup from 5 to 2 is half-way along their chord.
        #expect(buffer[33, 4].grapheme == "•" && buffer[33, 4].style.fg == .cyan)
        // Peer 7 is overloaded: ▲ in bold reverse (readable without colour), its id beside it, the count in words.
        #expect(buffer[15, 10].grapheme == "▲" && buffer[15, 10].style.bold && buffer[15, 10].style.reverse)
        #expect(buffer[13, 10].grapheme == "7" && buffer.lines()[1].contains("▲ 1 overloaded"))
        // The selected peer 11 is reversed and labelled.
        #expect(buffer[9, 9].grapheme == "○" && buffer[9, 9].style.reverse && buffer[6, 9].grapheme == "1")
    }

    @Test("a lookup moves along its chord as its progress grows, hop by hop")
    func lookupMoves() {
        var marks: [Int] = []
        for progress in [0.2, 0.5, 0.8] {
            let snapshot = MeshFixtures.snapshot(flights: [FlightView(from: 5, to: 2, progress: progress)])
            let buffer = Fixtures.buffer(width: 44, height: 14) {
                TopologyPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
            }
            let row = buffer.lines().firstIndex { $0.contains("•") && !$0.contains("msg") } ?? -1
            marks.append(row)
        }
        // Peer 5 is on row 2, peer 2 on row 6: the mark goes down the rows between them.
        #expect(marks == [3, 4, 5])
    }

    @Test("flooding draws the overlay's links, the selected peer's solid, every state by its own glyph")
    func floodingGraph() {
        let buffer = Fixtures.buffer(width: 44, height: 14) {
            TopologyPane.render(snapshot: Self.flooding, state: Fixtures.state { $0.selectedNode = 1 }, area: $0,
                                buffer: &$1)
        }
        #expect(buffer.lines() == [
            "┏ topology · mesh (flooding) · 10 peers ━━━┓",
            "┃▲ 1 overloaded       ○·  ·                ┃",
            "┃           ·○            ·  · ○           ┃",
            "┃           ·                   ·          ┃",
            "┃       ◆· ·                       ·✗      ┃",
            "┃         · ·                      ·       ┃",
            "┃         · ·  ·                · ·        ┃",
            "┃        ·     ·  ·  ·                     ┃",
            "┃     1 ○···························○      ┃",
            "┃             ·············· ·  ·          ┃",
            "┃          7 ▲·  ·   ·    ·····●           ┃",
            "┃                   · ○·                   ┃",
            "┃○ idle ● busy ◆ queue ▲ full ✗ down • msg ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
    }

    @Test("a mesh too large to draw one by one becomes bins shaded by served load, overloaded and down bins marked")
    func largeMesh() {
        let snapshot = MeshFixtures.snapshot(nodes: MeshFixtures.manyPeers(1000), mesh: MeshFixtures.mesh(ringOrder: []))
        let buffer = Fixtures.buffer(width: 44, height: 14) {
            TopologyPane.render(snapshot: snapshot, state: Fixtures.state { $0.selectedNode = 130 }, area: $0,
                                buffer: &$1)
        }
        #expect(buffer.lines() == [
            "┏ topology · peer-mesh (dht) · 1000 peers ━┓",
            "┃peers 1–1000 · 40 a cell · shade: served  ┃",
            "┃▲ 2 overloaded                            ┃",
            "┃               ░  ░  ░  ░  ░              ┃",
            "┃             ░               ▲ 130        ┃",
            "┃           ░                   ░          ┃",
            "┃          ░                     ░         ┃",
            "┃         ░                       ░        ┃",
            "┃         ░                       ░        ┃",
            "┃          ░                     ░         ┃",
            "┃            ░ ✗             ░ ░           ┃",
            "┃                 ░ ░   ░ ░                ┃",
            "┃░▒▓█ served more  ▲ full  ✗ most down     ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
        // Peer 130 is in the fourth bin clockwise from the top (peers 121–160), shown ▲, reversed and labelled.
        #expect(buffer[30, 4].grapheme == "▲" && buffer[30, 4].style.reverse)
    }

    @Test("under peer-mesh, nodes that are not peers (the draining server) are not counted in the bins")
    func largeMeshWithServer() {
        var snapshot = MeshFixtures.snapshot(nodes: MeshFixtures.manyPeers(200), draining: 40)
        snapshot.mesh = MeshFixtures.mesh(ringOrder: [])
        let lines = Fixtures.lines(width: 44, height: 14) {
            TopologyPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        // The old server drains in the centre of the bins; only peers are binned (2 of them overloaded).
        #expect(lines.contains { $0.contains("[S]") } && lines.contains { $0.contains("draining") }, "\(lines)")
        #expect(lines.contains { $0.contains("▲ 2 overloaded") }, "\(lines)")
        #expect(lines.contains { $0.contains("peers 1–200") }, "\(lines)")
    }

    @Test("while the old server drains after the switch it sits dimmed in the ring's centre with its queue")
    func drainingServerInTopology() {
        let snapshot = MeshFixtures.snapshot(flights: [FlightView(client: 4, direction: .toClient, progress: 0.5)],
                                             draining: 23)
        let buffer = Fixtures.buffer(width: 44, height: 14) {
            TopologyPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(buffer.lines() == [
            "┏ topology · peer-mesh (dht) · 12 peers ━━━┓",
            "┃▲ 1 overloaded    · ·○· ·                 ┃",
            "┃           · ○· ·         · ○·            ┃",
            "┃        ○·                     · ·◆       ┃",
            "┃                                   ·      ┃",
            "┃       ·          draining                ┃",
            "┃      ○      ◦      [S]             ●     ┃",
            "┃                  queue 23         ·      ┃",
            "┃       ·                         ·○       ┃",
            "┃        ○· ·                   ·          ┃",
            "┃            7·▲ ·        · ·○·            ┃",
            "┃                  · ·✗ ·                  ┃",
            "┃○ idle ● busy ◆ queue ▲ full ✗ down • msg ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
        #expect(buffer[22, 6].grapheme == "S" && buffer[22, 6].style.dim)
    }

    // MARK: - Mesh panel

    @Test("the mesh panel shows replicas, hops and messages per lookup, load spread, availability and overloads")
    func meshPanel() {
        let buffer = Fixtures.buffer(width: 36, height: 8) {
            MeshPanel.render(snapshot: MeshFixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(buffer.lines() == [
            "┌ mesh · dht ring ─────────────────┐",
            "│replicas 3 × 200 resources        │",
            "│hops/lookup 2.61  msgs/lookup 2.71│",
            "│load max/mean 2.40 █████████░░░░░░│",
            "│available 98.5% now, 99.6% avg    │",
            "│peer overloads 4 · ▲ 1 full now   │",
            "│rejected 30  timed out 5  failed 2│",
            "└──────────────────────────────────┘",
        ])
        // 1 − 1/2.4 of 15 cells: 9 filled; the spread is over 2, so the bar is drawn as a warning (bold).
        #expect(buffer[20, 3].style.bold && buffer[20, 3].grapheme == "█")
    }

    @Test("before the first lookup resolves, the per-lookup figures say '-' rather than a misleading 0")
    func meshPanelBeforeFirstLookup() {
        var mesh = MeshFixtures.mesh()
        mesh.lookupsResolved = 0
        let lines = Fixtures.lines(width: 36, height: 8) {
            MeshPanel.render(snapshot: MeshFixtures.snapshot(mesh: mesh), state: Fixtures.state(), area: $0,
                             buffer: &$1)
        }
        #expect(lines[2] == "│hops/lookup -  msgs/lookup -      │")
    }

    @Test("under flooding the panel gives the peers a flood reached and messages per lookup, not hops (no single path)")
    func meshPanelFlooding() {
        let lines = Fixtures.lines(width: 36, height: 8) {
            MeshPanel.render(snapshot: Self.flooding, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines == [
            "┌ mesh · flooding ─────────────────┐",
            "│replicas 3 × 200 resources        │",
            "│reach 85.8  msgs/lookup 38.3      │",
            "│load max/mean 2.40 █████████░░░░░░│",
            "│available 98.5% now, 99.6% avg    │",
            "│peer overloads 4 · ▲ 1 full now   │",
            "│rejected 30  timed out 5  failed 2│",
            "└──────────────────────────────────┘",
        ])
    }

    @Test("with the old server still draining, the panel is the mesh's with a one-line note of the server's queue")
    func meshPanelDraining() {
        let lines = Fixtures.lines(width: 36, height: 8) {
            MeshPanel.render(snapshot: MeshFixtures.snapshot(draining: 23), state: Fixtures.state(), area: $0,
                             buffer: &$1)
        }
        #expect(lines == [
            "┌ mesh · dht ring ─────────────────┐",
            "│replicas 3 × 200 resources        │",
            "│hops/lookup 2.61  msgs/lookup 2.71│",
            "│load max/mean 2.40 █████████░░░░░░│",
            "│available 98.5% now, 99.6% avg    │",
            "│peer overloads 4 · ▲ 1 full now   │",
            "│old server draining: queue 23     │",
            "└──────────────────────────────────┘",
        ])
        // On the screen the server's slot holds the mesh panel, not the server's.
        let screen = Fixtures.lines(width: 80, height: 24) { _, b in
            Screen.render(snapshot: MeshFixtures.snapshot(draining: 23), state: Fixtures.state(), into: &b)
        }
        #expect(screen[1].hasSuffix("┌ mesh · dht ring ─────────────────┐"))
        // At 80×24 the panel is a row short under the security panel: the replica count gives way, not the note.
        #expect(screen[6] == "┃" + String(screen[6].dropFirst().prefix(42)) + "┃" + "│old server draining: queue 23     │")
        #expect(screen[2].hasSuffix("│hops/lookup 2.61  msgs/lookup 2.71│"))
    }

    // MARK: - Metrics, status bar, inspector

    @Test("a switch inside the sparklines' window is marked in its column; the values go on across it")
    func sparklineSwitchMarker() {
        let buffer = Fixtures.buffer(width: 44, height: 8) {
            MetricsPane.render(snapshot: MeshFixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(buffer.lines() == [
            "┌ metrics · last 20 s · 1 s/col · △ switch ┐",
            "│thruput ▆▆▇▇██▅▆▆▇▇██▅▆▆▇▇██    16.0 req/s│",
            "│latency █▇▇▇██▇▇▇██▇▇▇██▇▇▇█    51.0 ms   │",
            "│p95     ▇█▅▆▆▇▇█▅▆▆▇▇█▅▆▆▇▇█   140.0 ms   │",
            "│peer q         │                 0.0 req  │",
            "│lost           │                 0.0 /s   │",
            "│since t=0: 3.1% rejected · 0.7% failed    │",
            "└───────────────△──────────────────────────┘",
        ])
        // 20 columns of 1 s (the snapshot's samples are seconds) show seconds 64…83, right-aligned: column i holds
        // second 64+i. The switch at t=70.4 s falls in second 71, so in column 7 (x = 1 + 8 + 7). Under the mesh the
        // queue row charts the peers' queues (empty here), not the server's bars before the switch; its blank cells
        // show the mark, as the rejects' row below does.
        #expect(buffer[16, 7].grapheme == "△" && buffer[16, 7].style.bold)
        #expect(buffer[15, 4].grapheme == " ")
        #expect(buffer[16, 4].grapheme == "│" && buffer[16, 5].grapheme == "│" && buffer[16, 5].style.fg == .cyan)
    }

    @Test("a switch older than the window leaves no marker")
    func switchOutsideWindow() {
        var snapshot = MeshFixtures.snapshot()
        // 20 columns of 1 s show seconds 64…83; a switch at t=62.5 s falls in second 63, just before the window.
        snapshot.switches = [.seconds(62.5)]
        let lines = Fixtures.lines(width: 44, height: 8) {
            MetricsPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines[0] == "┌ metrics · last 20 s · 1 s/col ───────────┐")
        #expect(!lines.joined().contains("△"))
        // A second later (second 64) it is inside, in the oldest column: the window's edge, not the marker, decided.
        snapshot.switches = [.seconds(63.5)]
        let inside = Fixtures.lines(width: 44, height: 8) {
            MetricsPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(inside[0] == "┌ metrics · last 20 s · 1 s/col · △ switch ┐")
        #expect(inside[7] == "└────────△─────────────────────────────────┘")
    }

    @Test("a switch exactly on a whole second belongs to the second it closes, not the next")
    func switchOnWholeSecond() {
        var snapshot = MeshFixtures.snapshot()
        // Sample 63 covers (62 s, 63 s]: a switch at exactly 63.0 s is in it, just before the window (64…83).
        snapshot.switches = [.seconds(63)]
        let lines = Fixtures.lines(width: 44, height: 8) {
            MetricsPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines[0] == "┌ metrics · last 20 s · 1 s/col ───────────┐")
        #expect(!lines.joined().contains("△"))
    }

    @Test("during the flash the architecture stands out of the status bar: ⇄, bold, not reversed")
    func statusBarFlash() {
        let flashing = Fixtures.state { $0.switchFlash = SwitchFlash(text: "peer-mesh", expiresAtNanos: 5) }
        let buffer = Fixtures.buffer(width: 80, height: 1) {
            StatusBar.render(snapshot: MeshFixtures.snapshot(), state: flashing, area: $0, buffer: &$1)
        }
        #expect(buffer.lines() == [
            " classroom │ ⇄ peer-mesh │ t=0:01:23.4 │ 1× │ ▶ running │ 12 peers              ",
        ])
        #expect(buffer[15, 0].grapheme == "p" && buffer[15, 0].style.bold && !buffer[15, 0].style.reverse)
        #expect(buffer[3, 0].style.reverse)

        let calm = Fixtures.lines(width: 80, height: 1) {
            StatusBar.render(snapshot: MeshFixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(calm == [" classroom │ peer-mesh │ t=0:01:23.4 │ 1× │ ▶ running │ 12 peers                "])
        let ascii = Fixtures.lines(width: 80, height: 1, ascii: true) {
            StatusBar.render(snapshot: MeshFixtures.snapshot(), state: Fixtures.state { $0 = flashing; $0.unicode = false },
                             area: $0, buffer: &$1)
        }
        #expect(ascii == [" classroom | / peer-mesh | t=0:01:23.4 | 1x | > running | 12 peers              "])
    }

    @Test("the inspector shows a peer's state, requests sent, completed and outstanding, latency and served")
    func inspectorPeer() {
        let lines = Fixtures.lines(width: 36, height: 7) {
            InspectorPane.render(snapshot: MeshFixtures.snapshot(), state: Fixtures.state { $0.selectedNode = 7 },
                                 area: $0, buffer: &$1)
        }
        #expect(lines == [
            "┌ inspector · peer 7 ──────────────┐",
            "│peer 7  ▲ OVERLOADED              │",
            "│sent 47  completed 45  out 0      │",
            "│mean latency 61.8 ms              │",
            "│served 30 for others              │",
            "│← → select  x crash/revive        │",
            "└──────────────────────────────────┘",
        ])
        let server = Fixtures.lines(width: 36, height: 4) {
            InspectorPane.render(snapshot: MeshFixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(server == [
            "┌ inspector · server ──────────────┐",
            "│no central server in a peer mesh  │",
            "│← → select a peer                 │",
            "└──────────────────────────────────┘",
        ])
    }

    @Test("the help bar's t says where it goes and +- what it adds")
    func helpBarUnderMesh() {
        let lines = Fixtures.lines(width: 80, height: 1) {
            HelpBar.render(snapshot: MeshFixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines == [" q quit  ? help  space pause  <> speed  t to server  +- peers  x crash  f flash "])
    }

    // MARK: - Whole screen

    @Test("the full 80×24 screen under peer-mesh: ring, mesh panel, peer inspector, marked sparklines, flash")
    func fullScreenMesh() {
        let state = Fixtures.state {
            $0.selectedNode = 7
            $0.switchFlash = SwitchFlash(text: "peer-mesh", expiresAtNanos: 5)
        }
        let lines = Fixtures.lines(width: 80, height: 24) { _, b in
            Screen.render(snapshot: MeshFixtures.snapshot(flights: Self.lookups), state: state, into: &b)
        }
        #expect(lines == [
            " classroom │ ⇄ peer-mesh │ t=0:01:23.4 │ 1× │ ▶ running │ 12 peers              ",
            "┏ topology · peer-mesh (dht) · 12 peers ━━━┓┌ mesh · dht ring ─────────────────┐",
            "┃▲ 1 overloaded                            ┃│hops/lookup 2.61  msgs/lookup 2.71│",
            "┃                  · ·○· ·                 ┃│load max/mean 2.40 █████████░░░░░░│",
            "┃           · ○· ·         · ○·            ┃│available 98.5% now, 99.6% avg    │",
            "┃        ○·                     · ·◆       ┃│peer overloads 4 · ▲ 1 full now   │",
            "┃                                •  ·      ┃│rejected 30  timed out 5  failed 2│",
            "┃       ·                                  ┃└──────────────────────────────────┘",
            "┃      ○                             ●     ┃┌ security ────────────────────────┐",
            "┃                                   ·      ┃│no security model in this run     │",
            "┃       ·                         ·○       ┃│                                  │",
            "┃        ○···         •         ·          ┃└──────────────────────────────────┘",
            "┃            7·▲···       · ·○·            ┃┌ inspector · peer 7 ──────────────┐",
            "┃                  ···✗ ·                  ┃│peer 7  ▲ OVERLOADED              │",
            "┃○ idle ● busy ◆ queue ▲ full ✗ down • msg ┃│sent 47  completed 45  out 0      │",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────┘",
            "┌ metrics · last 20 s · 1 s/col · △ switch ┐┌ events · all ────────────────────┐",
            "│thruput ▆▆▇▇██▅▆▆▇▇██▅▆▆▇▇██    16.0 req/s││70.0s ↑ client 5 back up          │",
            "│latency █▇▇▇██▇▇▇██▇▇▇██▇▇▇█    51.0 ms   ││60.1s ? wrong password at client 4│",
            "│p95     ▇█▅▆▆▇▇█▅▆▆▇▇█▅▆▆▇▇█   140.0 ms   ││55.0s ✓ server recovered          │",
            "│peer q         │                 0.0 req  ││41.2s ✗ client 5 down             │",
            "│lost           │                 0.0 /s   ││30.0s ▲ server overloaded: queue …│",
            "└───────────────△──────────────────────────┘└──────────────────────────────────┘",
            " q quit  ? help  space pause  <> speed  t to server  +- peers  x crash  f flash ",
        ])
    }

    @Test("--ascii and NO_COLOR under peer-mesh: ASCII only, no colour, the overloaded peer still in bold reverse")
    func asciiAndNoColour() {
        let state = Fixtures.state {
            $0.selectedNode = 7; $0.unicode = false; $0.colorSupport = .none
            $0.switchFlash = SwitchFlash(text: "peer-mesh", expiresAtNanos: 5)
        }
        let buffer = Fixtures.buffer(width: 80, height: 24) { _, b in
            Screen.render(snapshot: MeshFixtures.snapshot(flights: Self.lookups), state: state, into: &b)
        }
        #expect(buffer.lines() == [
            " classroom | / peer-mesh | t=0:01:23.4 | 1x | > running | 12 peers              ",
            "+ topology . peer-mesh (dht) . 12 peers ===++ mesh . dht ring -----------------+",
            "|! 1 overloaded                            ||hops/lookup 2.61  msgs/lookup 2.71|",
            "|                  . .o. .                 ||load max/mean 2.40 #########------|",
            "|           . o. .         . o.            ||available 98.5% now, 99.6% avg    |",
            "|        o.                     . .@       ||peer overloads 4 . ! 1 full now   |",
            "|                                +  .      ||rejected 30  timed out 5  failed 2|",
            "|       .                                  |+----------------------------------+",
            "|      o                             *     |+ security ------------------------+",
            "|                                   .      ||no security model in this run     |",
            "|       .                         .o       ||                                  |",
            "|        o...         +         .          |+----------------------------------+",
            "|            7.!...       . .o.            |+ inspector . peer 7 --------------+",
            "|                  ...x .                  ||peer 7  ! OVERLOADED              |",
            "|o idle * busy @ queue ! full x down + msg ||sent 47  completed 45  out 0      |",
            "+==========================================++----------------------------------+",
            "+ metrics . last 20 s . 1 s/col . ^ switch ++ events . all --------------------+",
            "|thruput ++**##=++**##=++**##    16.0 req/s||70.0s ^ client 5 back up          |",
            "|latency #***##***##***##***#    51.0 ms   ||60.1s ? wrong password at client 4|",
            "|p95     *#=++**#=++**#=++**#   140.0 ms   ||55.0s v server recovered          |",
            "|peer q         |                 0.0 req  ||41.2s x client 5 down             |",
            "|lost           |                 0.0 /s   ||30.0s ! server overloaded: queue .|",
            "+---------------^--------------------------++----------------------------------+",
            " q quit  ? help  space pause  <> speed  t to server  +- peers  x crash  f flash ",
        ])
        #expect(!buffer.cells.contains { $0.style.fg != .default || $0.style.bg != .default })
        #expect(buffer[15, 12].grapheme == "!" && buffer[15, 12].style.bold && buffer[15, 12].style.reverse)
        for snapshot in [Self.flooding, MeshFixtures.snapshot(draining: 23),
                         MeshFixtures.snapshot(nodes: MeshFixtures.manyPeers(1000), draining: 9)] {
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                var b = Buffer(size: size)
                Screen.render(snapshot: snapshot, state: state, into: &b)
                #expect(b.cells.allSatisfy { $0.grapheme.isASCII }, "\(size)")
            }
        }
    }
}
