#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NetworkEngine
import TerminalCanvas

/// The network as a picture: a star of clients around the server, or, when too many to draw, a heat strip; under
/// peer-mesh, the mesh's ring or graph (`MeshTopology`).
public enum TopologyPane {
    /// The most clients the star draws; past that (or when they would touch) the aggregate view takes over.
    static let maxStarClients = 64

    /// Draws the topology pane (border, picture, legend) in `area`.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        let inner = PaneFrame.render(.topology, title: title(snapshot, width: area.width - 4), state: state,
                                     area: area, buffer: &buffer)
        guard inner.height >= 3, inner.width >= 10 else { return }
        // The security marks get a legend row of their own when there is room: always, not only during an attack,
        // so the picture keeps its size when `a` is pressed.
        let securityLegend = snapshot.security != nil && inner.height >= 8
        let legendRows = securityLegend ? 2 : 1
        let picture = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - legendRows)
        let legendRow = inner.row(inner.height - 1)
        if securityLegend {
            buffer.set(line: SecurityMarks.legend(state: state, width: inner.width), in: inner.row(inner.height - 2),
                       ellipsis: state.symbols.ellipsis)
        }
        let clients = snapshot.activeNodeCount
        if snapshot.architecture == .peerMesh {
            MeshTopology.render(snapshot: snapshot, state: state, picture: picture, legendRow: legendRow,
                                buffer: &buffer)
        } else if let star = StarLayout(clients: clients, area: picture) {
            drawStar(star, snapshot: snapshot, state: state, buffer: &buffer)
            drawStarLegend(snapshot: snapshot, state: state, row: legendRow, buffer: &buffer)
        } else {
            drawAggregate(snapshot: snapshot, state: state, area: picture, legendRow: legendRow, buffer: &buffer)
        }
    }

    /// `topology · 8 clients`, or `topology · peer-mesh (dht) · 40 peers`: in a mesh the kind of overlay matters.
    /// Shortened to `topology · mesh (flooding) · 40 peers` when `width` columns cannot hold the full one.
    static func title(_ snapshot: Snapshot, width: Int = .max) -> String {
        let n = snapshot.activeNodeCount
        guard snapshot.architecture == .peerMesh else { return "topology · \(n) client\(n == 1 ? "" : "s")" }
        let peers = "\(n) peer\(n == 1 ? "" : "s")"
        let overlay = snapshot.mesh.map { " (\($0.discovery.rawValue))" } ?? ""
        let full = "topology · peer-mesh\(overlay) · \(peers)"
        let short = "topology · mesh\(overlay) · \(peers)"
        return full.count <= width ? full : short.count <= width ? short : "topology · \(peers)"
    }

    // MARK: - Star

    static func drawStar(_ star: StarLayout, snapshot: Snapshot, state: AppState, buffer: inout Buffer) {
        let clip = star.area
        // Links first, so everything else is drawn over them; with many clients they would only be noise.
        if star.clients.count <= 16 {
            for p in star.clients {
                for (x, y) in star.line(from: star.center, to: p) where !star.isServerCell(x: x, y: y) {
                    buffer.set(string: Glyphs.link.description, at: Position(x: x, y: y), style: Theme.link,
                               clippedTo: clip)
                }
            }
        }
        // Peer-to-peer hops of mesh requests still finishing after a switch back are drawn between the two clients.
        drawFlights(snapshot.flights, state: state, clip: clip, buffer: &buffer,
                    isCentre: { star.isServerCell(x: $0, y: $1) }) { id in
            id == 0 ? star.center : id <= star.clients.count ? star.clients[id - 1] : nil
        }
        drawServerBox(snapshot: snapshot, state: state, at: star.center, clip: clip, buffer: &buffer)
        for (i, p) in star.clients.enumerated() {
            let id = i + 1
            var (glyph, style) = SecurityMarks.glyph(for: node(id, in: snapshot))
            if state.selectedNode == id { style = style.patched(with: Theme.selected) }
            buffer.set(string: String(glyph), at: Position(x: p.x, y: p.y), style: style, clippedTo: clip)
            if state.selectedNode == id {
                // The label goes outward, away from the server, so it never covers a link or the server.
                let label = String(id)
                let x = p.x >= star.center.x ? p.x + 2 : p.x - 1 - label.count
                buffer.set(string: label, at: Position(x: x, y: p.y), style: Theme.selected, clippedTo: clip)
            }
        }
    }

    /// The server as `[S]` (`[✗]` when down) with its state in words underneath, and `◎` before it while the
    /// attack guesses its accounts.
    static func drawServerBox(snapshot: Snapshot, state: AppState, at c: (x: Int, y: Int), clip: Rect,
                              buffer: inout Buffer) {
        let server = node(0, in: snapshot)
        if server?.security.underAttack == true {
            buffer.set(string: Glyphs.target.description, at: Position(x: c.x - 2, y: c.y), style: Theme.underAttack,
                       clippedTo: clip)
        }
        let activity = server?.activity ?? (snapshot.server?.up == false ? .down : .idle)
        var style = activity == .idle ? Theme.serverUp : Theme.style(for: activity)
        if state.selectedNode == 0 { style = style.patched(with: Theme.selected) }
        let box = activity == .down ? "[\(Glyphs.down)]" : "[S]"
        buffer.set(string: box, at: Position(x: c.x - 1, y: c.y), style: style, clippedTo: clip)
        let wordStyle = activity == .idle ? Theme.label : Theme.style(for: activity)
        buffer.set(centred: serverWord(activity), onColumn: c.x, row: c.y + 1, style: wordStyle, clippedTo: clip)
    }

    /// The legend: the messages' entries give way to `waiting` and `failing` while any client is drawn so.
    static func drawStarLegend(snapshot: Snapshot, state: AppState, row: Rect, buffer: inout Buffer) {
        let common: [Legend.Entry] = [.init(Glyphs.idle, Theme.idle, "idle"), .init(Glyphs.busy, Theme.busy, "busy")]
        let down = Legend.Entry(Glyphs.down, Theme.down, "down")
        let trouble = troubleEntries(snapshot)
        let line = trouble.isEmpty
            ? Legend.line(common + [down, .init(Glyphs.request, Theme.request, "request"),
                                    .init(Glyphs.reply, Theme.reply, "reply")])
            : Legend.fitting(common + trouble + [down], else: common + trouble + [down], width: row.width)
        buffer.set(line: line, in: row, ellipsis: state.symbols.ellipsis)
    }

    // MARK: - Aggregate

    /// Clients grouped by id into cells, each cell's glyph the share of its clients that are busy (or down).
    static func drawAggregate(snapshot: Snapshot, state: AppState, area: Rect, legendRow: Rect,
                              buffer: inout Buffer) {
        let n = snapshot.activeNodeCount
        drawServerSummary(snapshot: snapshot, state: state, row: area.row(0), buffer: &buffer)

        let geometry = StripGeometry(nodes: n, area: area)
        let (labelWidth, columns, stripRows) = (geometry.labelWidth, geometry.columns, geometry.rows)
        let (perCell, cellCount) = (geometry.perCell, geometry.cellCount)

        var busy = [Int](repeating: 0, count: cellCount)
        var down = [Int](repeating: 0, count: cellCount)
        var waiting = [Int](repeating: 0, count: cellCount)
        var failing = [Int](repeating: 0, count: cellCount)
        var marks = SecurityMarks.Cells(count: cellCount)
        var totals = (idle: 0, busy: 0, down: 0)
        for v in snapshot.nodes where v.role != .server && v.id >= 1 && v.id <= n {
            let cell = (v.id - 1) / perCell
            marks.add(v, cell: cell)
            switch v.activity {
            case .down: down[cell] += 1; totals.down += 1
            case .idle: totals.idle += 1
            case .waiting: waiting[cell] += 1; busy[cell] += 1; totals.busy += 1
            case .failing: failing[cell] += 1; totals.idle += 1
            default: busy[cell] += 1; totals.busy += 1
            }
        }

        let range = n > 0 ? "clients 1\(Glyphs.enDash)\(n)" : "no clients"
        let caption = perCell == 1 ? "\(range), one cell each" : "\(range), \(perCell) per cell"
        buffer.set(string: caption, at: Position(x: area.x, y: area.y + 1), style: Theme.muted, clippedTo: area)

        let selectedCell = state.selectedNode >= 1 && state.selectedNode <= n ? (state.selectedNode - 1) / perCell : -1
        var row = 0
        var cell = 0
        while cell < cellCount && row < stripRows {
            let y = area.y + 2 + row
            let label = Format.right(String(1 + cell * perCell), labelWidth - 1)
            buffer.set(string: label, at: Position(x: area.x, y: y), style: Theme.muted, clippedTo: area)
            for column in 0..<columns where cell < cellCount {
                let size = min(perCell, n - cell * perCell)
                var (glyph, style) = heat(busy: busy[cell], down: down[cell], size: size)
                if down[cell] * 2 < size, let trouble = trouble(waiting: waiting[cell], failing: failing[cell],
                                                                 size: size) { (glyph, style) = trouble }
                if down[cell] * 2 < size, let mark = marks.mark(cell, size: size) { (glyph, style) = mark }
                if cell == selectedCell { style = style.patched(with: Theme.selected) }
                buffer.set(string: String(glyph), at: Position(x: area.x + labelWidth + column, y: y), style: style,
                           clippedTo: area)
                cell += 1
            }
            row += 1
        }

        var counts = [
            Span("idle \(totals.idle)", style: Theme.idle), Span("  "),
            Span("busy \(totals.busy)", style: Theme.busy), Span("  "),
            Span("down \(totals.down)", style: Theme.down), Span("  "),
            Span("\(snapshot.flights.count) in flight", style: Theme.request),
        ]
        // Broken accounts matter more than the messages on the wire: they take that place when both do not fit.
        if marks.totalBreached > 0 {
            let breached = [Span("  "),
                            Span("\(Glyphs.breached) \(marks.totalBreached) breached", style: Theme.breached)]
            if Line(counts + breached).width > area.width { counts.removeLast(2) }
            counts += breached
        }
        buffer.set(line: Line(counts), in: area.row(area.height - 1), ellipsis: state.symbols.ellipsis)

        // Waiting and failing cells are named only while there are some; "all idle" gives way to them.
        let trouble = troubleEntries(snapshot)
        let heatLegend = perCell == 1
            ? Legend.fitting([.init(Glyphs.idle, Theme.idle, "idle"), .init(Glyphs.busy, Theme.busy, "busy")]
                                + trouble + [.init(Glyphs.down, Theme.down, "down")],
                             else: [.init(Glyphs.busy, Theme.busy, "busy")] + trouble
                                + [.init(Glyphs.down, Theme.down, "down")], width: legendRow.width)
            : trouble.isEmpty
            ? Legend.line([.init(Glyphs.heat[0], Theme.idle, "all idle"),
                           .init(parts: [Span(Glyphs.shades, style: Theme.busy)], "busier"),
                           .init(Glyphs.down, Theme.down, "most down")])
            : Legend.line([.init(parts: [Span(Glyphs.shades, style: Theme.busy)], "busier")] + trouble
                            + [.init(Glyphs.down, Theme.down, "down")], gap: " ")
        buffer.set(line: heatLegend, in: legendRow, ellipsis: state.symbols.ellipsis)
    }

    static func drawServerSummary(snapshot: Snapshot, state: AppState, row: Rect, buffer: inout Buffer) {
        guard let server = snapshot.server else {
            buffer.set(string: "no central server", at: row.position, style: Theme.muted, clippedTo: row)
            return
        }
        let activity = node(0, in: snapshot)?.activity ?? (server.up ? .idle : .down)
        var boxStyle = activity == .idle ? Theme.serverUp : Theme.style(for: activity)
        if state.selectedNode == 0 { boxStyle = boxStyle.patched(with: Theme.selected) }
        let box = activity == .down ? "[\(Glyphs.down)]" : "[S]"
        var spans = [
            Span(box, style: boxStyle), Span(" "),
            Span(serverWord(activity), style: activity == .idle ? Theme.label : Theme.style(for: activity)),
        ]
        if node(0, in: snapshot)?.security.underAttack == true {
            spans.append(Span("  \(Glyphs.target) attacked", style: Theme.underAttack))
        }
        spans.append(Span("  workers \(server.busyWorkers)/\(server.workers)  queue \(server.queueLength)/\(server.queueCapacity)"))
        buffer.set(line: Line(spans), in: row, ellipsis: state.symbols.ellipsis)
    }

    /// The glyph and style of a cell of `size` clients, `busy` of them busy and `down` down.
    static func heat(busy: Int, down: Int, size: Int) -> (Character, Style) {
        guard size > 0 else { return (" ", .plain) }
        if size == 1 {
            if down > 0 { return (Glyphs.down.character, Theme.down) }
            return busy > 0 ? (Glyphs.busy.character, Theme.busy) : (Glyphs.idle.character, Theme.idle)
        }
        if down * 2 >= size { return (Glyphs.down.character, Theme.down) }
        guard busy > 0 else { return (Glyphs.heat[0].character, Theme.idle) }
        let level = min(4, max(1, Int((Double(busy) / Double(size) * 4).rounded(.up))))
        return (Glyphs.heat[level].character, level >= 3 ? Theme.busy : Theme.busy.fg(Theme.orange).with(bold: false))
    }

    /// Legend entries for the waiting and failing clients in `snapshot`, only for those there are.
    static func troubleEntries(_ snapshot: Snapshot) -> [Legend.Entry] {
        var entries: [Legend.Entry] = []
        if snapshot.nodes.contains(where: { $0.activity == .waiting }) {
            entries.append(.init(Glyphs.waiting, Theme.waiting, "waiting"))
        }
        if snapshot.nodes.contains(where: { $0.activity == .failing }) {
            entries.append(.init(Glyphs.failing, Theme.failing, "failing"))
        }
        return entries
    }

    /// A cell where at least half the clients wait on a down server or just failed: that glyph instead of a shade.
    static func trouble(waiting: Int, failing: Int, size: Int) -> (Character, Style)? {
        guard (waiting + failing) * 2 >= size, waiting + failing > 0 else { return nil }
        return waiting >= failing ? (Glyphs.waiting.character, Theme.waiting) : (Glyphs.failing.character, Theme.failing)
    }

    // MARK: - Helpers

    /// Draws each message as a mark on the straight segment between its sender and receiver, `progress` of the way
    /// along; `position` places a node id (nil when it is not drawn), `isCentre` protects the server's box.
    static func drawFlights(_ flights: [FlightView], state: AppState, clip: Rect, buffer: inout Buffer,
                            isCentre: (Int, Int) -> Bool, position: (Int) -> (x: Int, y: Int)?) {
        for flight in flights {
            guard flight.from >= 0, flight.to >= 0, let from = position(flight.from), let to = position(flight.to)
            else { continue }
            let p = max(0, min(1, flight.progress))
            let x = from.x + Int((Double(to.x - from.x) * p).rounded())
            let y = from.y + Int((Double(to.y - from.y) * p).rounded())
            // On a node the mark would hide it: the node is what the class is watching.
            guard !isCentre(x, y), !(x == from.x && y == from.y), !(x == to.x && y == to.y) else { continue }
            let (glyph, style) = SecurityMarks.glyph(for: flight)
            buffer.set(string: String(glyph), at: Position(x: x, y: y), style: style, clippedTo: clip)
        }
    }

    /// A node's glyph: its shape alone tells idle, busy, queueing, overloaded and down apart.
    static func glyph(for activity: NodeActivity) -> Character {
        switch activity {
        case .idle: Glyphs.idle.character
        case .down: Glyphs.down.character
        case .busy: Glyphs.busy.character
        case .queueing: Glyphs.queueing.character
        case .overloaded: Glyphs.overloaded.character
        case .waiting: Glyphs.waiting.character
        case .failing: Glyphs.failing.character
        }
    }

    /// A client's or peer's state in a word.
    static func activityWord(_ activity: NodeActivity) -> String {
        switch activity {
        case .idle: "idle"
        case .busy: "busy"
        case .queueing: "queueing"
        case .overloaded: "OVERLOADED"
        case .down: "down"
        case .waiting: "waiting"
        case .failing: "failing"
        }
    }

    static func serverWord(_ activity: NodeActivity) -> String {
        switch activity {
        case .idle: "idle"
        case .busy: "busy"
        case .queueing: "queueing"
        case .overloaded: "OVERLOAD"
        case .down: "DOWN"
        case .waiting: "waiting"
        case .failing: "failing"
        }
    }

    /// The node with `id`, found directly when the snapshot is in id order (it is: the server first when there is
    /// one, then clients or peers 1...N).
    static func node(_ id: Int, in snapshot: Snapshot) -> NodeView? {
        let nodes = snapshot.nodes
        if id >= 0, id < nodes.count, nodes[id].id == id { return nodes[id] }
        if id >= 1, id <= nodes.count, nodes[id - 1].id == id { return nodes[id - 1] }
        return nodes.first { $0.id == id }
    }
}

extension Style {
    func with(bold: Bool) -> Style { var s = self; s.bold = bold; return s }
}

// MARK: - Star geometry

/// Where the server and each client go in a star that fits `area`, or nil when the clients would not be legible.
struct StarLayout {
    let area: Rect
    let center: (x: Int, y: Int)
    /// Client positions, client id 1 first, clockwise from the top.
    let clients: [(x: Int, y: Int)]

    init?(clients n: Int, area: Rect) {
        guard n <= TopologyPane.maxStarClients, area.width >= 12, area.height >= 5 else { return nil }
        self.area = area
        let cx = area.x + area.width / 2, cy = area.y + area.height / 2
        center = (cx, cy)
        // Room for the selected node's label outside the ellipse on either side.
        let labelRoom = String(max(1, n)).count + 1
        let ry = (area.height - 1) / 2
        // Cells are about twice as tall as wide: rx ≈ 2·ry draws a circle; flatter than 3·ry looks like a line.
        let rx = min(area.width / 2 - 1 - labelRoom, 3 * ry)
        guard ry >= 2, rx >= 4 else { return nil }
        var points: [(x: Int, y: Int)] = []
        points.reserveCapacity(n)
        for i in 0..<n {
            let theta = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(max(1, n))
            points.append((cx + Int((Double(rx) * cos(theta)).rounded()), cy + Int((Double(ry) * sin(theta)).rounded())))
        }
        // Legible means: no two clients share a cell or touch on a row, and none sits on the server's box or label.
        for i in points.indices {
            let p = points[i]
            if abs(p.y - cy) <= 1 && abs(p.x - cx) <= 4 { return nil }
            for j in points.indices where j > i {
                let q = points[j]
                if p.y == q.y && abs(p.x - q.x) < 2 { return nil }
            }
        }
        clients = points
    }

    /// True for the cells of the server's box and its state word.
    func isServerCell(x: Int, y: Int) -> Bool {
        (y == center.y && abs(x - center.x) <= 1) || (y == center.y + 1 && abs(x - center.x) <= 4)
    }

    /// The cells strictly between two points, as a straight dotted line: one cell in `spacing`.
    func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), spacing: Int = 2) -> [(Int, Int)] {
        let dx = b.x - a.x, dy = b.y - a.y
        let steps = max(abs(dx), abs(dy))
        guard steps > 1 else { return [] }
        var cells: [(Int, Int)] = []
        // Every other cell (or sparser): a dotted line reads as a link without filling the picture.
        for k in stride(from: 1, to: steps, by: max(1, spacing)) {
            let t = Double(k) / Double(steps)
            cells.append((a.x + Int((Double(dx) * t).rounded()), a.y + Int((Double(dy) * t).rounded())))
        }
        return cells
    }
}
