import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The composed frame: layout at 80×24 and larger, the size guard, wide characters, NO_COLOR and ASCII.
@Suite("Screen")
struct ScreenTests {
    @Test("the full 80×24 layout shows every pane with real figures")
    func fullLayout() {
        let snapshot = Fixtures.snapshot(flights: PaneRenderTests.flights)
        let lines = Fixtures.lines(width: 80, height: 24) { _, b in
            Screen.render(snapshot: snapshot, state: Fixtures.state { $0.selectedNode = 3 }, into: &b)
        }
        #expect(lines == [
            " classroom │ client-server │ t=0:01:23.4 │ 1× │ ▶ running │ 8 clients           ",
            "┏ topology · 8 clients ━━━━━━━━━━━━━━━━━━━━┓┌ server · util, mean: last 1 s ───┐",
            "┃                                          ┃│UP  workers ■■■□ 3/4  util 50%    │",
            "┃                     ○                    ┃│queue ██░░░░░░░░░░┃ 12/64 mean 8.0│",
            "┃          ○                     ○         ┃│capacity 100.0 req/s              │",
            "┃            · ·      ·      · ·           ┃│offered  12.0 req/s               │",
            "┃                ·         •               ┃│rejected 30  timed out 5  failed 2│",
            "┃                  ·  ·  ·                 ┃└──────────────────────────────────┘",
            "┃      ○ · · · · ◦ · [S] · · · · · · ● 3   ┃┌ security ────────────────────────┐",
            "┃                  queueing                ┃│no security model in this run     │",
            "┃                ·         ·               ┃│                                  │",
            "┃            · ·      ·      · ·           ┃└──────────────────────────────────┘",
            "┃          ●                     ○         ┃┌ inspector · client 3 ────────────┐",
            "┃                     ✗                    ┃│client 3  ● busy · 1 outstanding  │",
            "┃○ idle  ● busy  ✗ down  • request  ◦ reply┃│sent 103  completed 101           │",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────┘",
            "┌ metrics · last 20 s · 1 s/col ───────────┐┌ events · all ────────────────────┐",
            "│thruput ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁  16/100 req/s││70.0s ↑ client 5 back up          │",
            "│latency █▇▇▇██▇▇▇██▇▇▇██▇▇▇█    51.0 ms   ││60.1s ? wrong password at client 4│",
            "│p95     ▇█▅▆▆▇▇█▅▆▆▇▇█▅▆▆▇▇█   140.0 ms   ││55.0s ✓ server recovered          │",
            "│queue   ▁▁▂▂▃▃▄▄ ▁▁▂▂▃▃▄▄ ▁▁     8.0 req  ││41.2s ✗ client 5 down             │",
            "│lost                     ▃▅█     3.0 /s   ││30.0s ▲ server overloaded: queue …│",
            "└──────────────────────────────────────────┘└──────────────────────────────────┘",
            " q quit  ? help  space pause  <> speed  t to mesh  +- clients  x crash  f flash ",
        ])
    }

    @Test("below 80×24 the screen asks plainly for a larger window")
    func tooSmall() {
        let lines = Fixtures.lines(width: 70, height: 20) { _, b in
            Screen.render(snapshot: Fixtures.snapshot(), state: Fixtures.state(), into: &b)
        }
        #expect(lines == [
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "        NetExplorer needs at least 80×24; this window is 70×20        ",
            "                              (q quits)                               ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
            "                                                                      ",
        ])
    }

    @Test("a very narrow window still gets the whole message, wrapped")
    func tooSmallNarrow() {
        let lines = Fixtures.lines(width: 30, height: 6) { _, b in
            Screen.render(snapshot: Fixtures.snapshot(), state: Fixtures.state(), into: &b)
        }
        #expect(lines == [
            "                              ",
            "  NetExplorer needs at least  ",
            "  80×24; this window is 30×6  ",
            "          (q quits)           ",
            "                              ",
            "                              ",
        ])
    }

    @Test("a CJK scenario name takes two cells a character and is cut before the figures when space runs out")
    func wideCharacters() {
        let name = "教室ネットワーク"
        let snapshot = Fixtures.snapshot(name: name)
        let state = Fixtures.state { $0.scenarioName = name }
        let wide = Fixtures.buffer(width: 80, height: 1) {
            StatusBar.render(snapshot: snapshot, state: state, area: $0, buffer: &$1)
        }
        #expect(wide.lines() == [
            " 教室ネットワーク │ client-server │ t=0:01:23.4 │ 1× │ ▶ running │ 8 clients    ",
        ])
        #expect(wide[1, 0].grapheme == "教" && wide[2, 0].isContinuation)
        let narrow = Fixtures.lines(width: 72, height: 1) {
            StatusBar.render(snapshot: snapshot, state: state, area: $0, buffer: &$1)
        }
        #expect(narrow == [
            " 教室ネット… │ client-server │ t=0:01:23.4 │ 1× │ ▶ running │ 8 clients ",
        ])
        for line in narrow { #expect(line.displayWidth == 72) }
    }

    @Test("NO_COLOR: no cell has a colour, and OVERLOAD is still there in bold reverse")
    func noColor() {
        let snapshot = Fixtures.snapshot(server: Fixtures.server(overloaded: true, queue: 64, offered: 130))
        let state = Fixtures.state { $0.colorSupport = .none }
        let buffer = Fixtures.buffer(width: 120, height: 40) { _, b in
            Screen.render(snapshot: snapshot, state: state, into: &b)
        }
        #expect(buffer.lines() == [
            " classroom │ client-server │ t=0:01:23.4 │ 1× │ ▶ running │ 8 clients                                                   ",
            "┏ topology · 8 clients ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓┌ server · util, mean: last 1 s ───────────────┐",
            "┃                                                                      ┃│UP  workers ■■■□ 3/4  util 50%                │",
            "┃                                   ○                                  ┃│queue ████████████████████████┃ 64/64 mean 8.0│",
            "┃                                                                      ┃│capacity 100.0 req/s                          │",
            "┃                                   ·                                  ┃│offered  130.0 req/s ⚠ > capacity             │",
            "┃                ○                                     ○               ┃│       OVERLOAD · queue full, rejecting       │",
            "┃                  · ·              ·              · ·                 ┃│cost $0.03 at $1.20/h                         │",
            "┃                      ·                         ·                     ┃└──────────────────────────────────────────────┘",
            "┃                        · ·        ·        · ·                       ┃┌ security ────────────────────────────────────┐",
            "┃                            · ·         · ·                           ┃│no security model in this run                 │",
            "┃                                ·  ·  ·                               ┃│                                              │",
            "┃        ○ · · · · · · · · · · · · [S] · · · · · · · · · · · · ●       ┃│                                              │",
            "┃                                queueing                              ┃│                                              │",
            "┃                            · ·         · ·                           ┃│                                              │",
            "┃                        · ·        ·        · ·                       ┃│                                              │",
            "┃                      ·                         ·                     ┃│                                              │",
            "┃                  · ·              ·              · ·                 ┃└──────────────────────────────────────────────┘",
            "┃                ●                                     ○               ┃┌ inspector · server ──────────────────────────┐",
            "┃                                   ·                                  ┃│server  UP  queueing                          │",
            "┃                                                                      ┃│queue 64/64  workers 3/4                      │",
            "┃                                   ✗                                  ┃│served 940  util 50%                          │",
            "┃○ idle  ● busy  ✗ down  • request  ◦ reply                            ┃│← → select  x crash/revive                    │",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛└──────────────────────────────────────────────┘",
            "┌ metrics · last 48 s · 1 s/col ───────────────────────────────────────┐┌ cost · who pays ─────────────────────────────┐",
            "│thruput ────────────────────────────────────────────────    16.0 req/s││no bill from this model                       │",
            "│max 100 ▂▂▂▂▂▃▂▂▂▂▂▂▃▂▂▂▂▂▂▃▂▂▂▂▂▂▃▂▂▂▂▂▂▃▂▂▂▂▂▂▃▂▂▂▂▂▂▃─ cap 100     ││                                              │",
            "│latency ▆▇▇█▆▆▇▇█▆▆▇▇█▆▆▇▇█▆▆▇▇█▆▆▇▇█▆▆▇▇█▆▆▇▇█▆▆▇▇█▆▆▇▇    51.0 ms   ││                                              │",
            "│        ████████████████████████████████████████████████              ││                                              │",
            "│p95     ▂▃▅▆▇█▂▃▅▆▇█▂▃▅▆▇█▂▃▅▆▇█▂▃▅▆▇█▂▃▅▆▇█▂▃▅▆▇█▂▃▅▆▇█   140.0 ms   │└──────────────────────────────────────────────┘",
            "│        ████████████████████████████████████████████████              │┌ events · all ────────────────────────────────┐",
            "│queue                                                        8.0 req  ││70.0s ↑ client 5 back up                      │",
            "│         ▁▂▃▄▅▆▇█ ▁▂▃▄▅▆▇█ ▁▂▃▄▅▆▇█ ▁▂▃▄▅▆▇█ ▁▂▃▄▅▆▇█ ▁▂              ││60.1s ? wrong password at client 4            │",
            "│lost                                                  ▃█     3.0 /s   ││55.0s ✓ server recovered                      │",
            "│                                                     ▅██              ││41.2s ✗ client 5 down                         │",
            "│                                                                      ││30.0s ▲ server overloaded: queue full         │",
            "│                                                                      ││12.5s + 5 clients joined (now 13)             │",
            "│since t=0: 3.1% rejected · 0.7% failed · p95 131.0 ms                 ││                                              │",
            "└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘",
            " q quit  ? help  space pause  <> speed  t to mesh  +- clients  x crash  f flash  a attack  tab pane  e filter           ",
        ])
        var coloured = 0
        for y in 0..<40 {
            for x in 0..<120 where buffer[x, y].style.fg != .default || buffer[x, y].style.bg != .default {
                coloured += 1
            }
        }
        #expect(coloured == 0)
        let row = buffer.lines()[6]
        let start = row.distance(from: row.startIndex, to: row.range(of: "OVERLOAD")!.lowerBound)
        for x in start..<(start + 8) {
            #expect(buffer[x, 6].style.bold && buffer[x, 6].style.reverse)
        }
        // Paused, selected and focused things keep their attributes too.
        #expect(buffer[0, 1].style.bold)
    }

    @Test("with 256 colours the same screen does use colour")
    func colourWhenAllowed() {
        let snapshot = Fixtures.snapshot(server: Fixtures.server(overloaded: true, queue: 64, offered: 130))
        let buffer = Fixtures.buffer(width: 80, height: 24) { _, b in
            Screen.render(snapshot: snapshot, state: Fixtures.state(), into: &b)
        }
        #expect(buffer.cells.contains { $0.style.fg != .default })
    }

    @Test("8-colour terminals get palette colours folded to the basic eight")
    func basicColours() {
        let buffer = Fixtures.buffer(width: 80, height: 24) { _, b in
            Screen.render(snapshot: Fixtures.snapshot(), state: Fixtures.state { $0.colorSupport = .basic8 }, into: &b)
        }
        #expect(!buffer.cells.contains { if case .indexed = $0.style.fg { true } else { false } })
        #expect(buffer.cells.contains { $0.style.fg != .default })
    }

    @Test("--ascii: every cell of every screen is ASCII, the help overlay and a CJK name included")
    func asciiEverywhere() {
        let many = Fixtures.snapshot(name: "教室", nodes: Fixtures.manyNodes(300), flights: PaneRenderTests.flights)
        for (size, snapshot) in [(Size(width: 80, height: 24), Fixtures.snapshot(flights: PaneRenderTests.flights)),
                                 (Size(width: 120, height: 40), many), (Size(width: 70, height: 20), many)] {
            for help in [false, true] {
                let state = Fixtures.state { $0.unicode = false; $0.showsHelp = help; $0.selectedNode = 2 }
                var buffer = Buffer(size: size)
                Screen.render(snapshot: snapshot, state: state, into: &buffer)
                let nonASCII = buffer.cells.filter { !$0.grapheme.isASCII }.count
                #expect(nonASCII == 0, "\(size) help=\(help)")
            }
        }
    }

    @Test("larger screens give the topology, sparklines and log more room")
    func richerOnLargerScreens() {
        let small = Screen.regions(for: Size(width: 80, height: 24))
        let large = Screen.regions(for: Size(width: 200, height: 60))
        // At 80×24 the top band takes a row from the bottom one so the side column holds three panes.
        #expect(small.topology == Rect(x: 0, y: 1, width: 44, height: 15))
        #expect(small.server == Rect(x: 44, y: 1, width: 36, height: 7))
        #expect(small.security == Rect(x: 44, y: 8, width: 36, height: 4))
        #expect(small.inspector == Rect(x: 44, y: 12, width: 36, height: 4))
        #expect(small.metrics == Rect(x: 0, y: 16, width: 44, height: 7))
        #expect(small.events == Rect(x: 44, y: 16, width: 36, height: 7))
        #expect(large.topology.area > 4 * small.topology.area)
        #expect(large.metrics.height > small.metrics.height && large.events.width > small.events.width)
    }

    @Test("the focused pane's border is thick, the others thin")
    func focusedBorder() {
        for pane in Pane.allCases {
            let buffer = Fixtures.buffer(width: 80, height: 24) { _, b in
                Screen.render(snapshot: Fixtures.snapshot(), state: Fixtures.state { $0.focus = pane }, into: &b)
            }
            let r = Screen.regions(for: Size(width: 80, height: 24))
            let corners: [(Pane, Rect)] = [(.topology, r.topology), (.server, r.server), (.security, r.security),
                                           (.metrics, r.metrics), (.events, r.events), (.inspector, r.inspector)]
            for (p, rect) in corners {
                #expect((buffer[rect.x, rect.y].grapheme == "┏") == (p == pane), "\(p) when \(pane) has focus")
            }
        }
    }

    @Test("rendering is pure: the same snapshot and state give the same buffer")
    func pure() {
        let snapshot = Fixtures.snapshot(flights: PaneRenderTests.flights)
        let state = Fixtures.state { $0.selectedNode = 4; $0.showsHelp = true }
        var a = Buffer(size: Size(width: 100, height: 30)), b = Buffer(size: Size(width: 100, height: 30))
        Screen.render(snapshot: snapshot, state: state, into: &a)
        Screen.render(snapshot: snapshot, state: state, into: &b)
        #expect(a == b)
    }
}
