import NetworkEngine
import TerminalCanvas

/// The whole frame: every pane laid out for the buffer's size, the help overlay on top, styles adapted last.
public enum Screen {
    /// The rectangles of each pane for a screen of `size` (at least the minimum).
    public struct Regions: Equatable, Sendable {
        public var status: Rect
        public var topology: Rect
        public var server: Rect
        /// Under the server (or mesh) panel: who guards what, and the attack.
        public var security: Rect
        public var inspector: Rect
        public var metrics: Rect
        public var events: Rect
        /// Above the event log when the bottom band has room (`CostPanel.height` rows and a log of eight); else the
        /// log's bottom border row, inside its corners, where the cost folds into one line.
        public var cost: Rect
        public var help: Rect
        /// Everything between the status bar and the help bar: where the help overlay goes.
        public var body: Rect
    }

    /// Lays out the panes: useful at 80×24, and on larger screens a bigger topology, taller sparklines, a wider log.
    ///
    /// The side column stacks the server (or mesh) panel, the security panel and the inspector. At 80×24 the top band
    /// takes a row from the bottom band (the metrics pane drops its run summary, the log one event) so that all three
    /// keep something to say: five lines of the server, two of security, two of the inspector.
    public static func regions(for size: Size) -> Regions {
        let screen = Rect(size: size)
        let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(screen)
        let body = rows[1]
        // The bottom band holds five sparklines: one row each at 80×24, up to three on tall screens; the top band
        // keeps at least `minimumTop` rows for the side column.
        let minimumTop = 15
        let bottomHeight = max(7, min(max(8, body.height * 2 / 5), body.height - minimumTop))
        let bands = Layout.vertical([.fill(1), .length(bottomHeight)]).split(body)
        let sideWidth = max(36, min(48, size.width * 2 / 5))
        let top = Layout.horizontal([.fill(1), .length(sideWidth)]).split(bands[0])
        let (serverHeight, securityHeight) = sideColumn(height: top[1].height)
        let side = Layout.vertical([.length(serverHeight), .length(securityHeight), .fill(1)]).split(top[1])
        let logWidth = max(36, size.width * 2 / 5)
        let bottom = Layout.horizontal([.fill(1), .length(logWidth)]).split(bands[1])
        var events = bottom[1], cost: Rect
        if events.height >= CostPanel.height + 8 {
            let split = Layout.vertical([.length(CostPanel.height), .fill(1)]).split(events)
            cost = split[0]
            events = split[1]
        } else {
            cost = Rect(x: events.x + 1, y: events.bottom - 1, width: max(0, events.width - 2), height: 1)
        }
        return Regions(status: rows[0], topology: top[0], server: side[0], security: side[1], inspector: side[2],
                       metrics: bottom[0], events: events, cost: cost, help: rows[2], body: body)
    }

    /// Heights of the server and security panels in a side column `height` rows tall; the inspector gets the rest.
    ///
    /// The server panel needs five lines for its overload banner (seven rows), six for its cost; the security panel
    /// two lines at least (four rows) and seven at most; the inspector grows to six rows before security does.
    static func sideColumn(height: Int) -> (server: Int, security: Int) {
        let server = height >= 17 ? 8 : 7
        let rest = height - server
        let security = max(4, min(9, rest - 6))
        return (server, security)
    }

    /// Renders one frame of `snapshot` as `state` wants it into `buffer`, which it clears first.
    ///
    /// Pure: the same snapshot, state and size always give the same cells; the engine is never touched.
    public static func render(snapshot: Snapshot, state: AppState, into buffer: inout Buffer) {
        render(snapshot: snapshot, state: state, into: &buffer, topologyPlan: nil)
    }

    /// The same, with the topology's plan already made for this snapshot and size (`LiveApp` makes it once a frame
    /// and plans the next frame's request with it); nil plans here.
    static func render(snapshot: Snapshot, state: AppState, into buffer: inout Buffer,
                       topologyPlan: TopologyPlan??) {
        buffer.reset()
        let size = buffer.size
        if size.width < TooSmallMessage.minimum.width || size.height < TooSmallMessage.minimum.height {
            TooSmallMessage.render(state: state, area: buffer.area, buffer: &buffer)
        } else {
            let r = regions(for: size)
            StatusBar.render(snapshot: snapshot, state: state, area: r.status, buffer: &buffer)
            let plan = topologyPlan ?? TopologyPane.plan(snapshot: snapshot, area: r.topology)
            TopologyPane.render(snapshot: snapshot, state: state, area: r.topology, plan: plan, buffer: &buffer)
            if let rewind = state.rewind {
                RewindBanner.render(rewind, snapshot: snapshot, state: state, area: r.topology, buffer: &buffer)
            }
            // The server's slot shows the mesh once the mesh is what serves (a draining server gets a line there).
            if snapshot.distribution != nil {
                // A distribution has no requests: its own panel and chart stand where the request figures would.
                DistributionPanel.render(snapshot: snapshot, state: state, area: r.server, buffer: &buffer)
            } else if snapshot.architecture == .peerMesh || snapshot.server == nil {
                MeshPanel.render(snapshot: snapshot, state: state, area: r.server, buffer: &buffer)
            } else {
                ServerPanel.render(snapshot: snapshot, state: state, area: r.server, buffer: &buffer)
            }
            if StoragePanel.shows(snapshot) {
                StoragePanel.render(snapshot: snapshot, state: state, area: r.security, buffer: &buffer)
            } else {
                SecurityPanel.render(snapshot: snapshot, state: state, area: r.security, buffer: &buffer)
            }
            InspectorPane.render(snapshot: snapshot, state: state, area: r.inspector, buffer: &buffer)
            if snapshot.distribution != nil {
                CompletionChart.render(snapshot: snapshot, state: state, area: r.metrics, buffer: &buffer)
            } else {
                MetricsPane.render(snapshot: snapshot, state: state, area: r.metrics, buffer: &buffer)
            }
            if let lesson = state.lesson {
                LessonPane.render(lesson: lesson, state: state, area: LessonPane.area(r), buffer: &buffer)
            } else {
                EventLogPane.render(snapshot: snapshot, state: state, area: r.events, buffer: &buffer)
                // After the log: folded, the cost is written over the log's bottom border.
                CostPanel.render(snapshot: snapshot, state: state, area: r.cost, buffer: &buffer)
            }
            if let line = state.commandLine {
                CommandLineBar.render(line, state: state, area: r.help, buffer: &buffer)
            } else {
                HelpBar.render(snapshot: snapshot, state: state, area: r.help, buffer: &buffer)
            }
            if state.showsHelp { HelpOverlay.render(state: state, area: r.body, buffer: &buffer) }
            if state.showsDescription { DescriptionOverlay.render(state: state, area: r.body, buffer: &buffer) }
            if state.showsMessages { MessagesOverlay.render(state: state, area: r.body, buffer: &buffer) }
            if let picker = state.picker {
                ScenarioPickerOverlay.render(picker: picker, state: state, area: r.body, buffer: &buffer)
            }
        }
        // The theme reads the Unicode glyphs (a busy node's ●), so it goes before the ASCII stand-ins replace them.
        Theme.apply(state.theme, to: &buffer)
        if !state.unicode { AsciiFallback.apply(to: &buffer) }
        adapt(&buffer, to: state.colorSupport)
    }

    /// Every cell's style as the terminal can show it: no colour at all under NO_COLOR, attributes always kept.
    static func adapt(_ buffer: inout Buffer, to support: ColorSupport) {
        guard support != .palette256 else { return }
        let area = buffer.area
        for y in area.rows {
            for x in area.columns {
                var cell = buffer[x, y]
                let adapted = cell.style.adapted(to: support)
                if adapted != cell.style {
                    cell.style = adapted
                    buffer[x, y] = cell
                }
            }
        }
    }
}
