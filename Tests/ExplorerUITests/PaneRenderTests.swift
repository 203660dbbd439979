import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// Golden-text tests: each pane rendered from a hand-built snapshot into a fixed-size buffer, compared line by line.
@Suite("Pane rendering")
struct PaneRenderTests {
    static let flights = [FlightView(client: 2, direction: .toServer, progress: 0.5),
                          FlightView(client: 7, direction: .toClient, progress: 0.3)]

    // MARK: - Status bar

    @Test("the status bar shows name, architecture, time, speed with the actual speed, state, clients and message")
    func statusBar() {
        let state = Fixtures.state {
            $0.speed = 5; $0.actualSpeed = 3.2
            $0.status = StatusMessage(text: "+5 clients: 13 now", expiresAtNanos: 1)
        }
        let lines = Fixtures.lines(width: 110, height: 1) {
            StatusBar.render(snapshot: Fixtures.snapshot(), state: state, area: $0, buffer: &$1)
        }
        #expect(lines == [
            " classroom │ client-server │ t=0:01:23.4 │ 5× (actual 3.2×) │ ▶ running │ 8 clients │ +5 clients: 13 now      ",
        ])
    }

    @Test("a paused status bar in ASCII says PAUSED with ASCII glyphs and a fractional speed")
    func statusBarPausedASCII() {
        let state = Fixtures.state { $0.paused = true; $0.unicode = false; $0.speed = 0.25 }
        let buffer = Fixtures.buffer(width: 80, height: 1, ascii: true) {
            StatusBar.render(snapshot: Fixtures.snapshot(), state: state, area: $0, buffer: &$1)
        }
        #expect(buffer.lines() == [
            " classroom | client-server | t=0:01:23.4 | 0.25x | = PAUSED | 8 clients         ",
        ])
        // The paused marker stands out by attribute too, so a monochrome screen shows it.
        let x = Array(buffer.lines()[0]).firstIndex(of: "P") ?? 0
        #expect(buffer[x, 0].style.bold && buffer[x, 0].style.reverse)
    }

    // MARK: - Topology

    @Test("the star puts the server in the centre, clients around it by state, flights on the links, the selection labelled")
    func topologyStar() {
        let state = Fixtures.state { $0.selectedNode = 3 }
        let buffer = Fixtures.buffer(width: 44, height: 14) {
            TopologyPane.render(snapshot: Fixtures.snapshot(flights: Self.flights), state: state, area: $0, buffer: &$1)
        }
        #expect(buffer.lines() == [
            "┏ topology · 8 clients ━━━━━━━━━━━━━━━━━━━━┓",
            "┃                     ○                    ┃",
            "┃          ○                     ○         ┃",
            "┃            · ·      ·      · ·           ┃",
            "┃                ·         •               ┃",
            "┃                  ·  ·  ·                 ┃",
            "┃      ○ · · · · ◦ · [S] · · · · · · ● 3   ┃",
            "┃                  queueing                ┃",
            "┃                ·         ·               ┃",
            "┃            · ·      ·      · ·           ┃",
            "┃          ●                     ○         ┃",
            "┃                     ✗                    ┃",
            "┃○ idle  ● busy  ✗ down  • request  ◦ reply┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
        // Node 3 is busy (●) at row 6, column 37, highlighted in reverse; node 1 at the top is not.
        #expect(buffer[37, 6].grapheme == "●")
        #expect(buffer[37, 6].style.reverse)
        #expect(buffer[22, 1].grapheme == "○" && !buffer[22, 1].style.reverse)
    }

    @Test("with 1000 clients the rings hold bins of clients shaded by their busy share, the server in the middle")
    func topologyAggregate() {
        let snapshot = Fixtures.snapshot(nodes: Fixtures.manyNodes(1000),
                                         server: Fixtures.server(overloaded: true, queue: 64, offered: 1500))
        let state = Fixtures.state { $0.selectedNode = 650; $0.focus = .server }
        let buffer = Fixtures.buffer(width: 44, height: 14) {
            TopologyPane.render(snapshot: snapshot, state: state, area: $0, buffer: &$1)
        }
        #expect(buffer.lines() == [
            "┌ topology · 1000 clients ─────────────────┐",
            "│clients 1–1000 · 29 a cell  queue 64/64   │",
            "│                                          │",
            "│               █  ░  ░  ░  ░              │",
            "│         650 █               ░            │",
            "│           █     ░   ░   ░     ░          │",
            "│          ▒    ░           ░    ░         │",
            "│         ░          [S]          ░        │",
            "│         ░     ░  OVERLOAD ░     ░        │",
            "│          ░      ░   ░   ░      ░         │",
            "│            ░ ░             ░ ░           │",
            "│                 ░ ░   ░ ░                │",
            "│░▒▓█ busier ✗ down                        │",
            "└──────────────────────────────────────────┘",
        ])
        // Node 650 is in bin 22 (clients 639–667), on the outer ring's upper left: reversed and labelled.
        #expect(buffer[14, 4].grapheme == "█" && buffer[14, 4].style.reverse)
        #expect(!buffer[12, 5].style.reverse && !buffer[16, 3].style.reverse)
    }

    @Test("the bins in ASCII use .-=*# and x")
    func topologyAggregateASCII() {
        let snapshot = Fixtures.snapshot(nodes: Fixtures.manyNodes(1000),
                                         server: Fixtures.server(overloaded: true, queue: 64, offered: 1500))
        let state = Fixtures.state { $0.selectedNode = 650; $0.focus = .server; $0.unicode = false }
        let lines = Fixtures.lines(width: 44, height: 14, ascii: true) {
            TopologyPane.render(snapshot: snapshot, state: state, area: $0, buffer: &$1)
        }
        #expect(lines == [
            "+ topology . 1000 clients -----------------+",
            "|clients 1-1000 . 29 a cell  queue 64/64   |",
            "|                                          |",
            "|               #  -  -  -  -              |",
            "|         650 #               -            |",
            "|           #     -   -   -     -          |",
            "|          =    -           -    -         |",
            "|         -          [S]          -        |",
            "|         -     -  OVERLOAD -     -        |",
            "|          -      -   -   -      -         |",
            "|            - -             - -           |",
            "|                 - -   - -                |",
            "|-=*# busier x down                        |",
            "+------------------------------------------+",
        ])
    }

    // MARK: - Server panel

    @Test("the server panel shows workers, the queue gauge with its capacity mark, capacity, offered load and cost")
    func serverPanel() {
        let lines = Fixtures.lines(width: 36, height: 8) {
            ServerPanel.render(snapshot: Fixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines == [
            "┌ server · util, mean: last 1 s ───┐",
            "│UP  workers ■■■□ 3/4  util 50%    │",
            "│queue ██░░░░░░░░░░┃ 12/64 mean 8.0│",
            "│capacity 100.0 req/s              │",
            "│offered  12.0 req/s               │",
            "│rejected 30  timed out 5  failed 2│",
            "│cost $0.03 at $1.20/h             │",
            "└──────────────────────────────────┘",
        ])
    }

    @Test("an overloaded server shows a full gauge, the offered > capacity warning and a bold reverse OVERLOAD band")
    func serverPanelOverload() {
        let snapshot = Fixtures.snapshot(server: Fixtures.server(overloaded: true, queue: 64, offered: 130))
        let buffer = Fixtures.buffer(width: 36, height: 8) {
            ServerPanel.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(buffer.lines() == [
            "┌ server · util, mean: last 1 s ───┐",
            "│UP  workers ■■■□ 3/4  util 50%    │",
            "│queue ████████████┃ 64/64 mean 8.0│",
            "│capacity 100.0 req/s              │",
            "│offered  130.0 req/s ⚠ > capacity │",
            "│ OVERLOAD · queue full, rejecting │",
            "│cost $0.03 at $1.20/h             │",
            "└──────────────────────────────────┘",
        ])
        for x in 1...34 {
            #expect(buffer[x, 5].style.bold && buffer[x, 5].style.reverse)
        }
    }

    // MARK: - Metrics

    @Test("the metrics pane draws five sparklines with label, current value and unit")
    func metrics() {
        let lines = Fixtures.lines(width: 44, height: 8) {
            MetricsPane.render(snapshot: Fixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines == [
            "┌ metrics · last 20 s · 1 s/col ───────────┐",
            "│thruput ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁  16/100 req/s│",
            "│latency █▇▇▇██▇▇▇██▇▇▇██▇▇▇█    51.0 ms   │",
            "│p95     ▇█▅▆▆▇▇█▅▆▆▇▇█▅▆▆▇▇█   140.0 ms   │",
            "│queue   ▁▁▂▂▃▃▄▄ ▁▁▂▂▃▃▄▄ ▁▁     8.0 req  │",
            "│lost                     ▃▅█     3.0 /s   │",
            "│since t=0: 3.1% rejected · 0.7% failed    │",
            "└──────────────────────────────────────────┘",
        ])
    }

    @Test("columns of several seconds are folded exactly and aligned on whole multiples of their width")
    func metricsFoldedColumns() {
        // 90 seconds, flat except where a column's figures are to be read off, folded as the engine's history folds
        // them into 2 s columns (54 wide gives 30 columns: seconds 31…90, the newest column holding 89–90 and the
        // oldest 31–32).
        let series = (1...90).map { s in
            var sample = SecondSample(second: s, architecture: .clientServer, nodes: 8)
            sample.completed = s == 90 ? 30 : s == 30 ? 1000 : 10
            sample.latencyMeanMs = s == 76 ? 80 : 40
            sample.latencyP95Ms = s == 61 ? 200 : 100
            sample.queue = s == 31 ? 48 : s == 32 ? 16 : s == 30 ? 64 : 0
            sample.rejected = s == 89 ? 2 : s == 90 ? 4 : 0
            return sample
        }
        var snapshot = Fixtures.snapshot(series: SampleAccumulator.columns(of: series, secondsPerColumn: 2))
        snapshot.secondsPerColumn = 2
        let lines = Fixtures.lines(width: 54, height: 8) {
            MetricsPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        // thruput (against the server's 100 req/s): 89–90 folds (10 + 30) / 2 = 20 req/s, ▂; every other column 10, ▁.
        //   Second 30's 1000 is outside the window. The figure is the newest column's rate over the chart's top.
        // latency: 75–76 is weighted by completions, (40 + 80) / 2 = 60 ms, the tallest; 40 / 60 of 8 eighths, ▅.
        // p95: the column 61–62 keeps its worse second, 200 ms, not the mean 150; the rest 100 of 200, ▄.
        // queue (against the capacity, 64): the oldest column 31–32 averages (48 + 16) / 2 = 32, ▄; were the columns
        //   aligned on odd seconds (30–31: 56) it would read ▇.
        // lost: 89–90 is (2 + 4) / 2 = 3 a second, the only bar. The figures on the right are the newest column's.
        #expect(lines == [
            "┌ metrics · last 60 s · 2 s/col ─────────────────────┐",
            "│thruput ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▂  20/100 req/s│",
            "│latency ▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅█▅▅▅▅▅▅▅    40.0 ms   │",
            "│p95     ▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄█▄▄▄▄▄▄▄▄▄▄▄▄▄▄   100.0 ms   │",
            "│queue   ▄                                  0.0 req  │",
            "│lost                                 █     3.0 /s   │",
            "│since t=0: 3.1% rejected · 0.7% failed              │",
            "└────────────────────────────────────────────────────┘",
        ])
    }

    // MARK: - Event log

    @Test("the event log lists every kind newest first in words: its time, glyph, node and what happened")
    func eventLogAll() {
        let lines = Fixtures.lines(width: 60, height: 9) {
            EventLogPane.render(snapshot: Fixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines == [
            "┌ events · all ────────────────────────────────────────────┐",
            "│70.0s ↑ client 5 back up                                  │",
            "│60.1s ? wrong password at client 4                        │",
            "│55.0s ✓ server recovered                                  │",
            "│41.2s ✗ client 5 down                                     │",
            "│30.0s ▲ server overloaded: queue full                     │",
            "│12.5s + 5 clients joined (now 13)                         │",
            "│                                                          │",
            "└──────────────────────────────────────────────────────────┘",
        ])
    }

    @Test("the failures filter keeps nodes down and back up, and its name is in the focused title")
    func eventLogFiltered() {
        let state = Fixtures.state { $0.eventFilter = .failures; $0.focus = .events }
        let lines = Fixtures.lines(width: 44, height: 6) {
            EventLogPane.render(snapshot: Fixtures.snapshot(), state: state, area: $0, buffer: &$1)
        }
        #expect(lines == [
            "┏ events · failures ━━━━━━━━━━━━━━━━━━━━━━━┓",
            "┃70.0s ↑ client 5 back up                  ┃",
            "┃41.2s ✗ client 5 down                     ┃",
            "┃                                          ┃",
            "┃                                          ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
    }

    @Test("scrolling the event log skips the newest events and says how far it scrolled")
    func eventLogScrolled() {
        let state = Fixtures.state { $0.eventScroll = 2 }
        let lines = Fixtures.lines(width: 44, height: 5) {
            EventLogPane.render(snapshot: Fixtures.snapshot(), state: state, area: $0, buffer: &$1)
        }
        #expect(lines == [
            "┌ events · all · ↓2 ───────────────────────┐",
            "│55.0s ✓ server recovered                  │",
            "│41.2s ✗ client 5 down                     │",
            "│30.0s ▲ server overloaded: queue full     │",
            "└──────────────────────────────────────────┘",
        ])
    }

    @Test("an event's glyph is coloured by its kind: overload red and bold, recovered green, security magenta")
    func eventColours() {
        let buffer = Fixtures.buffer(width: 60, height: 9) {
            EventLogPane.render(snapshot: Fixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(buffer[7, 5].grapheme == "▲" && buffer[7, 5].style.fg == .indexed(196) && buffer[7, 5].style.bold)
        #expect(buffer[7, 3].grapheme == "✓" && buffer[7, 3].style.fg == .indexed(71))
        #expect(buffer[7, 2].grapheme == "?" && buffer[7, 2].style.fg == .indexed(170))
    }

    // MARK: - Inspector

    @Test("a crashed server's inspector line says DOWN once, not 'DOWN down'")
    func inspectorServerDown() {
        let snapshot = Fixtures.snapshot(nodes: Fixtures.smallNodes(serverActivity: .down),
                                         server: Fixtures.server(up: false, queue: 0))
        let lines = Fixtures.lines(width: 36, height: 6) {
            InspectorPane.render(snapshot: snapshot, state: Fixtures.state { $0.selectedNode = 0 }, area: $0, buffer: &$1)
        }
        #expect(lines[1].hasPrefix("│server  DOWN "))
        #expect(!lines[1].lowercased().contains("down down") && !lines[1].contains("DOWN  DOWN"), "\(lines[1])")
    }

    @Test("the inspector shows a client's state, requests sent, completed, outstanding and mean latency")
    func inspectorClient() {
        let lines = Fixtures.lines(width: 36, height: 6) {
            InspectorPane.render(snapshot: Fixtures.snapshot(), state: Fixtures.state { $0.selectedNode = 3 },
                                 area: $0, buffer: &$1)
        }
        #expect(lines == [
            "┌ inspector · client 3 ────────────┐",
            "│client 3  ● busy · 1 outstanding  │",
            "│sent 103  completed 101           │",
            "│mean latency 40.8 ms              │",
            "│← → select  x crash/revive        │",
            "└──────────────────────────────────┘",
        ])
    }

    @Test("the inspector shows the server's state, queue, workers, served and utilization")
    func inspectorServer() {
        let lines = Fixtures.lines(width: 36, height: 6) {
            InspectorPane.render(snapshot: Fixtures.snapshot(), state: Fixtures.state { $0.focus = .inspector },
                                 area: $0, buffer: &$1)
        }
        #expect(lines == [
            "┏ inspector · server ━━━━━━━━━━━━━━┓",
            "┃server  UP  queueing              ┃",
            "┃queue 12/64  workers 3/4          ┃",
            "┃served 940  util 50%              ┃",
            "┃← → select  x crash/revive        ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
    }

    @Test("the inspector says so when the selected node has left")
    func inspectorGoneNode() {
        let lines = Fixtures.lines(width: 36, height: 3) {
            InspectorPane.render(snapshot: Fixtures.snapshot(), state: Fixtures.state { $0.selectedNode = 12 },
                                 area: $0, buffer: &$1)
        }
        #expect(lines == [
            "┌ inspector · client 12 ───────────┐",
            "│node 12 has left the network      │",
            "└──────────────────────────────────┘",
        ])
    }

    // MARK: - Help

    @Test("the help bar shows the most useful keys that fit, none cut in half")
    func helpBar() {
        let lines = Fixtures.lines(width: 80, height: 1) {
            HelpBar.render(snapshot: Fixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines == [
            " q quit  ? help  space pause  <> speed  t to mesh  +- clients  x crash  f flash ",
        ])
    }

    @Test("a message too long for the status bar takes the help bar after the essential keys; paused says resume")
    func helpBarWithMessage() {
        let state = Fixtures.state {
            $0.paused = true
            $0.status = StatusMessage(text: "the architecture toggle arrives with the peer mesh", isWarning: true,
                                      expiresAtNanos: 1)
        }
        let lines = Fixtures.lines(width: 80, height: 1) {
            HelpBar.render(snapshot: Fixtures.snapshot(), state: state, area: $0, buffer: &$1)
        }
        #expect(lines == [
            " q quit  ? help  │ the architecture toggle arrives with the peer mesh           ",
        ])
        let paused = Fixtures.lines(width: 40, height: 1) {
            HelpBar.render(snapshot: Fixtures.snapshot(), state: Fixtures.state { $0.paused = true }, area: $0,
                           buffer: &$1)
        }
        #expect(paused == [" q quit  ? help  space resume  <> speed "])
    }

    @Test("the help overlay lists every key with a one-line meaning, the glossary below them")
    func helpOverlay() {
        let lines = Fixtures.lines(width: 80, height: 22) {
            HelpOverlay.render(state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines == [
            "╔ help · ? or Esc closes ══════════════════════════════════════════════════════╗",
            "║ keys                                                                         ║",
            "║ q  F10  Ctrl-C  quit                                                         ║",
            "║ ?  F1           show or hide this help                                       ║",
            "║ Esc             close an overlay or readout; fold/unselect log line          ║",
            "║ space  p        pause or resume the simulation                               ║",
            "║ .               one event at a time (pauses first)                           ║",
            "║ <  ,            slower (down to 0.1×)                                        ║",
            "║ >               faster (up to 1000×)                                         ║",
            "║ +  =            add clients or peers (a tenth more, at least 5)              ║",
            "║ -  _            remove clients or peers                                      ║",
            "║ tab  shift-tab  focus the next / previous pane                               ║",
            "║ ←  →            select the previous / next node                              ║",
            "║ ↑  ↓            jump through nodes; select a log line; scroll                ║",
            "║ enter           unfold or fold the selected event-log line                   ║",
            "║ x               crash or revive the selected node (server)                   ║",
            "║ d               fail the selected node's disk (the server's)                 ║",
            "║ f               flash crowd: a burst of requests at once                     ║",
            "║ k               crash 30% of the peers up at once (:crash-share N)           ║",
            "║ e               event filter: all, security, overload, failures              ║",
            "║ a               start or stop an attack                                      ║",
            "╚═════════════════════════════════════════════════════ ↑↓ scroll · more below ═╝",
        ])
        // `k` (issue 16 §4) came after `f`, `d` (§1) after `x`: two more rows; `r` and `t` moved below the fold.
        // `l` (issue 18 §2, lessons) came after `o`; `b`, `n`, `g` (issue 19 §2) last, below the fold.
        #expect(KeyBindings.all.count == 29)
    }
}
