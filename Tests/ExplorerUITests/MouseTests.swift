@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// Clicks and the wheel through `update`, the chart readout as drawn, and a click through the run loop.
@Suite("Mouse")
struct MouseTests {
    static let size = Size(width: 120, height: 40)

    static func context(_ snapshot: Snapshot = Fixtures.snapshot(), size: Size = size) -> UpdateContext {
        UpdateContext(wallNanos: 0, snapshot: snapshot, screenSize: size)
    }

    static func press(_ x: Int, _ y: Int, _ state: inout AppState, snapshot: Snapshot = Fixtures.snapshot(),
                      size: Size = size, button: MouseEvent.Button = .left) -> [Effect] {
        update(&state, .mouse(MouseEvent(.press(button), x: x, y: y)), context: context(snapshot, size: size))
    }

    static func centre(_ r: Rect) -> (x: Int, y: Int) { (r.x + r.width / 2, r.y + r.height / 2) }

    @Test("a click anywhere in a pane, border included, focuses it; the status and help bars focus nothing")
    func clickFocuses() {
        let r = Screen.regions(for: Self.size)
        let panes: [(Rect, Pane)] = [(r.topology, .topology), (r.server, .server), (r.security, .security),
                                     (r.inspector, .inspector), (r.metrics, .metrics), (r.events, .events)]
        for (rect, pane) in panes {
            var state = Fixtures.state { $0.focus = pane == .events ? .topology : .events }
            let c = Self.centre(rect)
            #expect(Self.press(c.x, c.y, &state).isEmpty)
            #expect(state.focus == pane, "\(pane)")
            state.focus = pane == .events ? .topology : .events
            _ = Self.press(rect.x, rect.y, &state)
            #expect(state.focus == pane, "\(pane)'s corner")
        }
        var state = Fixtures.state { $0.focus = .server }
        _ = Self.press(5, r.status.y, &state)
        _ = Self.press(5, r.help.y, &state)
        #expect(state.focus == .server)
    }

    @Test("a click on a node selects it and focuses the topology; on empty space the selection stays")
    func clickSelects() throws {
        let snapshot = Fixtures.snapshot()
        for id in [5, 0, 8] {
            let cell = try #require(TopologyHitTestTests.drawnCell(of: id, snapshot: snapshot, size: Self.size))
            var state = Fixtures.state { $0.selectedNode = 2; $0.focus = .events }
            _ = Self.press(cell.x, cell.y, &state, snapshot: snapshot)
            #expect(state.selectedNode == id && state.focus == .topology)
        }
        let inner = Block().inner(Screen.regions(for: Self.size).topology)
        var state = Fixtures.state { $0.selectedNode = 2 }
        _ = Self.press(inner.x, inner.y, &state, snapshot: snapshot)
        #expect(state.selectedNode == 2)
    }

    @Test("right and middle presses, releases and clicks on a screen below 80×24 change nothing")
    func ignored() throws {
        let cell = try #require(TopologyHitTestTests.drawnCell(of: 5, snapshot: Fixtures.snapshot(), size: Self.size))
        let before = Fixtures.state { $0.focus = .events }
        var state = before
        _ = Self.press(cell.x, cell.y, &state, button: .right)
        _ = Self.press(cell.x, cell.y, &state, button: .middle)
        _ = update(&state, .mouse(MouseEvent(.release(.left), x: cell.x, y: cell.y)), context: Self.context())
        _ = Self.press(2, 2, &state, size: Size(width: 79, height: 24))
        _ = update(&state, .mouse(MouseEvent(.press(.left), x: 2, y: 2)),
                   context: UpdateContext(wallNanos: 0, activeNodes: 8))
        #expect(state == before)
    }

    @Test("with the help open a click closes it and does nothing else")
    func clickClosesHelp() throws {
        let cell = try #require(TopologyHitTestTests.drawnCell(of: 5, snapshot: Fixtures.snapshot(), size: Self.size))
        var state = Fixtures.state { $0.showsHelp = true; $0.focus = .events }
        _ = Self.press(cell.x, cell.y, &state)
        #expect(!state.showsHelp && state.focus == .events && state.selectedNode == 0)
    }

    @Test("the wheel over the event log moves its selection three lines a notch and focuses it; elsewhere it does nothing")
    func wheel() {
        // Joins never group, so each event is a line of its own; the newest (t=39) is line 0.
        let many = (0..<40).map { NetworkEvent(time: .seconds(Double($0)), kind: .nodesAdded, node: $0 + 1,
                                               detail: "e\($0)") }
        let snapshot = Fixtures.snapshot(events: many)
        let r = Screen.regions(for: Self.size)
        let log = Self.centre(r.events)
        var state = Fixtures.state()
        func wheel(_ kind: MouseEvent.Kind, at p: (x: Int, y: Int)) {
            _ = update(&state, .mouse(MouseEvent(kind, x: p.x, y: p.y)), context: Self.context(snapshot))
        }
        func line(_ n: Int) -> EventLogAnchor { EventLogAnchor(time: .seconds(Double(39 - n)), kind: .nodesAdded) }
        wheel(.wheelDown, at: log)
        #expect(state.eventSelection == line(3) && state.focus == .events)
        wheel(.wheelDown, at: log)
        wheel(.wheelUp, at: log)
        #expect(state.eventSelection == line(3))
        for _ in 0..<30 { wheel(.wheelDown, at: log) }
        #expect(state.eventSelection == line(39), "stops at the oldest event")
        state.focus = .topology
        let selected = state.selectedNode
        wheel(.wheelUp, at: Self.centre(r.topology))
        wheel(.wheelDown, at: Self.centre(r.metrics))
        #expect(state.eventSelection == line(39) && state.focus == .topology && state.selectedNode == selected)
    }

    // MARK: - The chart readout

    /// The whole screen rendered with the readout on second `second`.
    static func readout(second: Int, snapshot: Snapshot, size: Size) -> Buffer {
        var buffer = Buffer(size: size)
        let state = Fixtures.state { $0.chartCursor = ChartCursor(second: second); $0.status = nil }
        Screen.render(snapshot: snapshot, state: state, into: &buffer)
        return buffer
    }

    @Test("a click on a chart column opens the readout of that moment; a click elsewhere or Esc closes it")
    func chartClick() throws {
        let size = Size(width: 200, height: 60)
        let snapshot = Fixtures.snapshot()
        let metrics = Screen.regions(for: size).metrics
        let chart = try #require(MetricsPane.chartColumns(snapshot: snapshot, area: metrics))
        let column = try #require(chart.column(ofSecond: 70))
        var state = Fixtures.state()
        _ = Self.press(column.x, chart.blocks[1].y, &state, size: size)
        #expect(state.chartCursor == ChartCursor(second: 70) && state.focus == .metrics)
        // On a label, off the chart: closed.
        _ = Self.press(metrics.x + 2, chart.blocks[1].y, &state, size: size)
        #expect(state.chartCursor == nil && state.focus == .metrics)
        _ = Self.press(column.x, chart.blocks[0].y, &state, size: size)
        _ = Self.press(1, 3, &state, size: size)
        #expect(state.chartCursor == nil && state.focus == .topology)
        _ = Self.press(column.x, chart.blocks[4].y, &state, size: size)
        #expect(state.chartCursor == ChartCursor(second: 70))
        // Esc closes the help first, the readout next.
        state.showsHelp = true
        UpdateTests.press([.escape], &state)
        #expect(!state.showsHelp && state.chartCursor != nil)
        UpdateTests.press([.escape], &state)
        #expect(state.chartCursor == nil)
    }

    @Test("the readout marks the clicked column in reverse video, shows every metric then, and names its seconds",
          arguments: [Size(width: 200, height: 60), Size(width: 120, height: 40), Size(width: 100, height: 30),
                      Size(width: 80, height: 24)])
    func readoutDrawn(size: Size) throws {
        let snapshot = Fixtures.snapshot()
        let metrics = Screen.regions(for: size).metrics
        let chart = try #require(MetricsPane.chartColumns(snapshot: snapshot, area: metrics))
        let (x, bucket) = try #require(chart.column(ofSecond: 70))
        let buffer = Self.readout(second: 70, snapshot: snapshot, size: size)
        let plain = Self.readout(second: -5, snapshot: snapshot, size: size)  // a moment not on the chart
        for block in chart.blocks {
            for y in block.rows { #expect(buffer[x, y].style.reverse, "column \(x) row \(y) at \(size)") }
            #expect(!buffer[x - 1, block.y].style.reverse && !plain[x, block.y].style.reverse)
        }
        let rows = buffer.lines()
        let latency = try #require(MetricsPane.metrics.first { $0.label == "latency" })
        let shown = MetricsPane.figure(latency.value(bucket.sample)) + " ms"
        #expect(rows[chart.blocks[1].y].contains(shown), "\(rows[chart.blocks[1].y])")
        let label = "t=\(bucket.first - 1)–\(bucket.last) s"
        #expect(rows[metrics.bottom - 1].contains(label), "\(rows[metrics.bottom - 1])")
        #expect(!plain.lines()[metrics.bottom - 1].contains("t="))
        // Without colour the readout still reads: reverse video is an attribute.
        var mono = buffer
        Screen.adapt(&mono, to: .none)
        #expect(mono[x, chart.blocks[0].y].style.reverse)
    }

    @Test("at one second a column, the readout shows that second's figures; the label says which second")
    func readoutValues() throws {
        let size = Size(width: 200, height: 60)
        let snapshot = Fixtures.snapshot()
        let chart = try #require(MetricsPane.chartColumns(snapshot: snapshot, area: Screen.regions(for: size).metrics))
        let (_, bucket) = try #require(chart.column(ofSecond: 64))
        #expect(bucket.first == 64 && bucket.last == 64, "one second a column at 200×60")
        let sample = try #require(snapshot.series.first { $0.second == 64 })
        let rows = Self.readout(second: 64, snapshot: snapshot, size: size).lines()
        #expect(rows[chart.blocks[1].y].contains(MetricsPane.figure(sample.latencyMeanMs) + " ms"))
        #expect(rows[chart.blocks[2].y].contains(MetricsPane.figure(sample.latencyP95Ms) + " ms"))
        #expect(rows[chart.blocks[3].y].contains(MetricsPane.figure(sample.queue) + " req"))
        #expect(rows.contains { $0.contains("t=63–64 s · Esc closes") })
    }

    @Test("the readout closes once its moment has scrolled off the chart, and on r")
    func readoutExpires() {
        var state = Fixtures.state { $0.chartCursor = ChartCursor(second: 70) }
        _ = update(&state, .frame(FrameInfo(wallNanos: 1)), context: Self.context())
        #expect(state.chartCursor == ChartCursor(second: 70))
        _ = update(&state, .frame(FrameInfo(wallNanos: 2)),
                   context: Self.context(Fixtures.snapshot(series: Array(Fixtures.series(count: 300).suffix(60)))))
        #expect(state.chartCursor == nil)
        state.chartCursor = ChartCursor(second: 70)
        _ = update(&state, .restart, context: Self.context())
        #expect(state.chartCursor == nil)
    }

    @Test("a click on a client through the run loop shows it in the inspector")
    func clickThroughLoop() throws {
        let (app, terminal, clock) = LiveAppTests.make(size: Self.size, paused: true)
        app.renderFrame()
        let cell = try #require(TopologyHitTestTests.drawnCell(of: 7, snapshot: app.snapshot, size: Self.size))
        terminal.click(x: cell.x, y: cell.y)
        _ = LiveAppTests.frames(1, app, clock)
        #expect(app.state.selectedNode == 7)
        #expect(terminal.screenLines().contains { $0.contains("inspector · client 7") })
        terminal.wheel(-2, x: Self.centre(Screen.regions(for: Self.size).events).x,
                       y: Self.centre(Screen.regions(for: Self.size).events).y)
        _ = LiveAppTests.frames(1, app, clock)
        #expect(app.state.focus == .events)
    }
}

/// The readout tests' view of the charts: each metric's rows, and the screen column and span that show a second,
/// read through the pane's own mapping (`MetricsPane.chart(snapshot:area:)`).
private struct ChartUnderTest {
    struct Shown { let first: Int; let last: Int; let sample: SecondSample }
    let blocks: [Rect]
    let snapshot: Snapshot
    let area: Rect

    func column(ofSecond second: Int) -> (x: Int, bucket: Shown)? {
        guard let (x, column) = MetricsPane.chartColumn(ofSecond: second, snapshot: snapshot, area: area) else {
            return nil
        }
        let from = Int(column.from / SimTime.nanosPerSecond), to = Int(column.to / SimTime.nanosPerSecond)
        return (x, Shown(first: from + 1, last: to, sample: column.sample))
    }
}

extension MetricsPane {
    fileprivate static func chartColumns(snapshot: Snapshot, area: Rect) -> ChartUnderTest? {
        let blocks = chartBlocks(chart(snapshot: snapshot, area: area), area: area)
        return blocks.isEmpty ? nil : ChartUnderTest(blocks: blocks, snapshot: snapshot, area: area)
    }
}
