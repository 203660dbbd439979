@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// Issue 15, item 2: after `t` each pane shows the architecture period in force, and the one before it beside,
/// rather than the two mixed; before any switch nothing changes.
@Suite("Architecture periods on screen")
struct PhaseRenderTests {
    static let size80 = Size(width: 80, height: 24)
    static let size120 = Size(width: 120, height: 40)

    static func regions(_ size: Size) -> Screen.Regions { Screen.regions(for: size) }

    @Test("before any switch the footer counts since t=0 and the server panel and inspector are unchanged")
    func beforeSwitch() {
        let screen = PhaseFixtures.screen(PhaseFixtures.beforeSwitch(), width: 120, height: 40)
        let r = Self.regions(Self.size120)
        let metrics = PhaseFixtures.region(screen, r.metrics)
        #expect(metrics[metrics.count - 2].hasPrefix("│since t=0: 3.1% rejected · 0.7% failed · p95 131.0 ms  "),
                "\(metrics)")
        #expect(!screen.contains { $0.contains("before:") })
        let server = PhaseFixtures.region(screen, r.server)
        #expect(server[5] == "│rejected 30  timed out 5  failed 2            │", "\(server)")
        let inspector = PhaseFixtures.region(screen, r.inspector)
        #expect(inspector == [
            "┌ inspector · client 2 ────────────────────────┐",
            "│client 2  ○ idle · 0 outstanding              │",
            "│sent 102  completed 100                       │",
            "│mean latency 40.5 ms                          │",
            "│← → select  x crash/revive                    │",
            "└──────────────────────────────────────────────┘",
        ])
    }

    @Test("after a switch at 120×40: the mesh panel's outcomes since the switch with the server's period under them")
    func meshPanelAfterSwitch120() {
        let screen = PhaseFixtures.screen(PhaseFixtures.afterSwitch(), width: 120, height: 40)
        #expect(PhaseFixtures.region(screen, Self.regions(Self.size120).server) == [
            "┌ mesh · dht ring ─────────────────────────────┐",
            "│hops/lookup 2.61  msgs/lookup 2.71            │",
            "│load max/mean 2.40 █████████░░░░░░░           │",
            "│available 98.5% now, 99.6% avg                │",
            "│peer overloads 4 · ▲ 1 full now               │",
            "│since t=70.4 s: 0.7% rejected · 0.0% failed   │",
            "│before: client-server · 25.0% rej · 1.7% fail │",
            "└──────────────────────────────────────────────┘",
        ])
    }

    @Test("after a switch at 120×40: the footer compares the server's period with the mesh's, one line each")
    func footerAfterSwitch120() {
        let screen = PhaseFixtures.screen(PhaseFixtures.afterSwitch(), width: 120, height: 40)
        let metrics = PhaseFixtures.region(screen, Self.regions(Self.size120).metrics)
        #expect(Array(metrics.suffix(3)) == [
            "│before: client-server: 25.0% rejected · 1.7% failed · p95 2140 ms     │",
            "│peer-mesh since t=70.4 s: 0.7% rejected · 0.0% failed · p95 131.0 ms  │",
            "└───────────────────────────────────────────△──────────────────────────┘",
        ])
    }

    @Test("after a switch at 120×40: the inspector gives the peer's figures since the switch and says so")
    func inspectorAfterSwitch120() {
        let screen = PhaseFixtures.screen(PhaseFixtures.afterSwitch(), width: 120, height: 40)
        #expect(PhaseFixtures.region(screen, Self.regions(Self.size120).inspector) == [
            "┌ inspector · peer 2 · since t=70.4 s ─────────┐",
            "│peer 2  ● busy                                │",
            "│sent 5  completed 4  out 1                    │",
            "│mean latency 32.0 ms                          │",
            "│served 2 for others                           │",
            "└──────────────────────────────────────────────┘",
        ])
    }

    @Test("after a switch at 80×24: the mesh panel keeps its outcomes since the switch, the before-line gives way")
    func afterSwitch80() {
        let screen = PhaseFixtures.screen(PhaseFixtures.afterSwitch(), width: 80, height: 24)
        let r = Self.regions(Self.size80)
        #expect(PhaseFixtures.region(screen, r.server) == [
            "┌ mesh · dht ring ─────────────────┐",
            "│hops/lookup 2.61  msgs/lookup 2.71│",
            "│load max/mean 2.40 █████████░░░░░░│",
            "│available 98.5% now, 99.6% avg    │",
            "│peer overloads 4 · ▲ 1 full now   │",
            "│since 70.4 s: 0.7% rejected       │",
            "└──────────────────────────────────┘",
        ])
        // Two rows: the title names the period, the inspector's own name giving way.
        #expect(PhaseFixtures.region(screen, r.inspector) == [
            "┌ peer 2 · since t=70.4 s ─────────┐",
            "│peer 2  ● busy                    │",
            "│sent 5  completed 4  out 1        │",
            "└──────────────────────────────────┘",
        ])
        #expect(!screen.contains { $0.contains("301") }, "the whole run's rejections are nowhere")
    }

    @Test("switched back to client-server: the server panel counts since the switch, the footer's before is the mesh")
    func switchedBack() {
        let screen = PhaseFixtures.screen(PhaseFixtures.switchedBack(), width: 120, height: 40, selected: 0)
        let r = Self.regions(Self.size120)
        #expect(PhaseFixtures.region(screen, r.server)[5] == "│since t=80.0 s: 5.3% rejected                 │",
                "\(PhaseFixtures.region(screen, r.server))")
        #expect(Array(PhaseFixtures.region(screen, r.metrics).suffix(3)) == [
            "│before: peer-mesh t=70.4–80.0 s: 0.7% rejected · p95 131.0 ms         │",
            "│client-server since t=80.0 s: 5.3% rejected · p95 95.5 ms             │",
            "└───────────────────────────────────────────△────────△─────────────────┘",
        ])
        #expect(PhaseFixtures.region(screen, r.inspector) == [
            "┌ inspector · server · since t=80.0 s ─────────┐",
            "│server  UP  queueing                          │",
            "│queue 12/64  workers 3/4                      │",
            "│served 36  util 50%                           │",
            "│← → select  x crash/revive                    │",
            "└──────────────────────────────────────────────┘",
        ])
    }

    @Test("a tall inspector adds the node's totals since t=0 under its figures since the switch")
    func inspectorTotals() {
        let lines = Fixtures.lines(width: 48, height: 9) {
            InspectorPane.render(snapshot: PhaseFixtures.afterSwitch(), state: Fixtures.state { $0.selectedNode = 2 },
                                 area: $0, buffer: &$1)
        }
        #expect(lines == [
            "┌ inspector · peer 2 · since t=70.4 s ─────────┐",
            "│peer 2  ● busy                                │",
            "│sent 5  completed 4  out 1                    │",
            "│mean latency 32.0 ms                          │",
            "│served 2 for others                           │",
            "│← → select  x crash/revive                    │",
            "│since t=0: sent 42  completed 40  served 6    │",
            "│                                              │",
            "└──────────────────────────────────────────────┘",
        ])
    }

    @Test("the footer's two lines shorten together rather than being cut: labels first, then the p95 from both")
    func footerForms() {
        var forms: [[String]] = []
        for width in [80, 70, 58, 40] {
            forms.append(PhaseLines.footer(PhaseFixtures.afterSwitch(), width: width, rows: 2)
                .map { $0.spans.map(\.text).joined() })
        }
        #expect(forms == [
            ["before: client-server t=0–70.4 s: 25.0% rejected · 1.7% failed · p95 2140 ms",
             "peer-mesh since t=70.4 s: 0.7% rejected · 0.0% failed · p95 131.0 ms"],
            ["before: client-server: 25.0% rejected · 1.7% failed · p95 2140 ms",
             "peer-mesh since t=70.4 s: 0.7% rejected · 0.0% failed · p95 131.0 ms"],
            ["before: 25.0% rejected · 1.7% failed · p95 2140 ms",
             "since t=70.4 s: 0.7% rejected · 0.0% failed · p95 131.0 ms"],
            ["before: 25.0% rejected · 1.7% failed",
             "since t=70.4 s: 0.7% rejected · 0.0% failed"],
        ])
        // One row: the period in force alone, with only its own figures.
        let alone = PhaseLines.footer(PhaseFixtures.afterSwitch(), width: 40, rows: 1).map { $0.spans.map(\.text).joined() }
        #expect(alone == ["peer-mesh since t=70.4 s: 0.7% rejected"])
    }

    @Test("in ASCII the period's span has a plain hyphen")
    func asciiSpan() {
        let screen = PhaseFixtures.screen(PhaseFixtures.switchedBack(), width: 120, height: 40, ascii: true)
        #expect(screen.contains { $0.contains("before: peer-mesh t=70.4-80.0 s: 0.7% rejected") && $0.contains(" p95 131.0 ms") }, "\(screen)")
        #expect(screen.allSatisfy { $0.allSatisfy(\.isASCII) })
    }
}
