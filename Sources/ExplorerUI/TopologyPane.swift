import NetworkEngine
import TerminalCanvas

/// The network as a picture: clients on rings around the server (one a cell, or past the rings' capacity one bin
/// of clients a cell, shaded by its busy share), requests moving along the spokes; under peer-mesh, the mesh's ring
/// or graph (`MeshTopology`). `TopologyPlan` decides which, from the population and the area alone.
public enum TopologyPane {
    /// Draws the topology pane (border, picture, legend) in `area`.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        render(snapshot: snapshot, state: state, area: area, plan: plan(snapshot: snapshot, area: area),
               buffer: &buffer)
    }

    /// The same with `plan`, made by `plan(snapshot:area:)` for this snapshot and area.
    static func render(snapshot: Snapshot, state: AppState, area: Rect, plan: TopologyPlan?, buffer: inout Buffer) {
        let inner = PaneFrame.render(.topology, title: title(snapshot, width: area.width - 4), state: state,
                                     area: area, buffer: &buffer)
        guard inner.height >= 3, inner.width >= 10 else { return }
        // The security marks get a legend row of their own when there is room: always, not only during an attack,
        // so the picture keeps its size when `a` is pressed.
        let legendRows = TopologyPlan.legendRows(inner: inner, security: snapshot.security != nil)
        let legendRow = inner.row(inner.height - 1)
        if legendRows == 2 {
            buffer.set(line: SecurityMarks.legend(state: state, width: inner.width), in: inner.row(inner.height - 2),
                       ellipsis: state.symbols.ellipsis)
        }
        if snapshot.architecture == .peerMesh {
            let picture = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - legendRows)
            MeshTopology.render(snapshot: snapshot, state: state, plan: plan, picture: picture, legendRow: legendRow,
                                buffer: &buffer)
        } else if let plan {
            drawRings(plan, snapshot: snapshot, state: state, buffer: &buffer)
            if plan.mode == .nodes {
                drawStarLegend(snapshot: snapshot, state: state, row: legendRow, buffer: &buffer)
            } else {
                drawBinLegend(snapshot: snapshot, state: state, row: legendRow, buffer: &buffer)
            }
        } else {
            drawServerSummary(snapshot: snapshot, state: state, row: inner.row(0), buffer: &buffer)
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

    // MARK: - Rings

    /// Per-slot tallies of the snapshot's clients: the view drawn in each slot (one node a slot), or how many of the
    /// sampled clients in each bin are busy, down, waiting or failing.
    struct SlotTally {
        var view: [Int]
        var sampled: [Int]
        var busy: [Int]
        var down: [Int]
        var waiting: [Int]
        var failing: [Int]
        var marks: SecurityMarks.Cells
        var totals = (idle: 0, busy: 0, down: 0)

        init(_ plan: TopologyPlan, snapshot: Snapshot) {
            let count = plan.layout.slots.count
            view = Array(repeating: -1, count: count)
            sampled = Array(repeating: 0, count: count)
            busy = sampled; down = sampled; waiting = sampled; failing = sampled
            marks = SecurityMarks.Cells(count: count)
            for (index, v) in snapshot.nodes.enumerated() where v.role != .server {
                guard let s = plan.slot(ofNode: v.id) else { continue }
                view[s] = index
                sampled[s] += 1
                marks.add(v, cell: s)
                switch v.activity {
                case .down: down[s] += 1; totals.down += 1
                case .idle: totals.idle += 1
                case .waiting: waiting[s] += 1; busy[s] += 1; totals.busy += 1
                case .failing: failing[s] += 1; totals.idle += 1
                default: busy[s] += 1; totals.busy += 1
                }
            }
        }

        /// A bin's glyph and style: mostly down, else mostly waiting or failing, else a security mark, else the
        /// shade of its busy share.
        func glyph(_ s: Int) -> (Character, Style) {
            let size = sampled[s]
            guard size > 0 else { return (Glyphs.heat[0].character, Theme.muted) }
            var result = TopologyPane.heat(busy: busy[s], down: down[s], size: size)
            if down[s] * 2 < size, let trouble = TopologyPane.trouble(waiting: waiting[s], failing: failing[s],
                                                                      size: size) { result = trouble }
            if down[s] * 2 < size, let mark = marks.mark(s, size: size) { result = mark }
            return result
        }
    }

    /// Clients on rings around the server (one a slot, or one bin of clients a slot), spokes for a few, requests
    /// moving along the spokes, the server's box and state in the middle.
    static func drawRings(_ plan: TopologyPlan, snapshot: Snapshot, state: AppState, buffer: inout Buffer) {
        let layout = plan.layout
        let clip = plan.picture
        let tally = SlotTally(plan, snapshot: snapshot)
        if plan.mode == .bins {
            drawBinCaption(plan, snapshot: snapshot, breached: tally.marks.totalBreached, state: state,
                           buffer: &buffer)
        }
        // Spokes first, so everything else is drawn over them; with many clients they would only be noise.
        if layout.slots.count <= 16 {
            for p in layout.slots {
                for (x, y) in dottedLine(from: layout.center, to: p) where !layout.isServerCell(x: x, y: y) {
                    buffer.set(string: Glyphs.link.description, at: Position(x: x, y: y), style: Theme.link,
                               clippedTo: clip)
                }
            }
        }
        // Peer-to-peer hops of mesh requests still finishing after a switch back are drawn between the two clients.
        drawFlights(snapshot.flights, state: state, clip: clip, buffer: &buffer,
                    isCentre: { layout.isServerCell(x: $0, y: $1) }) { id in
            if id == 0 { return (layout.center.x, layout.center.y) }
            guard let s = plan.slot(ofNode: id) else { return nil }
            return (layout.slots[s].x, layout.slots[s].y)
        }
        drawServerBox(snapshot: snapshot, state: state, at: (layout.center.x, layout.center.y), clip: clip,
                      buffer: &buffer)
        let selectedSlot = plan.slot(ofNode: state.selectedNode)
        for (s, p) in layout.slots.enumerated() {
            var (glyph, style): (Character, Style)
            if plan.mode == .nodes {
                (glyph, style) = SecurityMarks.glyph(for: tally.view[s] >= 0 ? snapshot.nodes[tally.view[s]] : nil)
            } else {
                (glyph, style) = tally.glyph(s)
            }
            if s == selectedSlot { style = style.patched(with: Theme.selected) }
            buffer.set(string: String(glyph), at: p, style: style, clippedTo: clip)
        }
        if let s = selectedSlot {
            // The label goes outward, away from the server, so it never covers a spoke or the server.
            let p = layout.slots[s]
            let label = String(state.selectedNode)
            let x = p.x >= layout.center.x ? p.x + 2 : p.x - 1 - label.count
            buffer.set(string: label, at: Position(x: x, y: p.y), style: Theme.selected, clippedTo: clip)
        }
    }

    /// The row above the bins: what one cell stands for, and how the shades were read.
    static func drawBinCaption(_ plan: TopologyPlan, snapshot: Snapshot, breached: Int, state: AppState,
                               buffer: inout Buffer) {
        let n = plan.population
        var text = "clients 1\(Glyphs.enDash)\(n) \(Glyphs.dot) \(plan.perSlot) a cell"
        if plan.stride > 1 { text += " \(Glyphs.dot) shade of 1 in \(plan.stride)" }
        let row = Rect(x: plan.picture.x, y: plan.picture.y - 1, width: plan.picture.width, height: 1)
        var spans = [Span(text, style: Theme.muted)]
        // Broken accounts come first: they matter more than the queue, which the server panel shows too.
        if breached > 0 {
            let count = plan.stride > 1 ? "\(breached) of the sampled" : "\(breached)"
            spans.insert(Span("\(Glyphs.breached) \(count) breached  ", style: Theme.breached), at: 0)
        }
        if let server = snapshot.server {
            spans.append(Span("  queue \(server.queueLength)/\(server.queueCapacity)",
                              style: server.overloaded ? Theme.warning : .plain))
        }
        buffer.set(line: Line(spans), in: row, ellipsis: state.symbols.ellipsis)
    }

    /// The bins' legend: shades by busy share, and the trouble and down cells.
    static func drawBinLegend(snapshot: Snapshot, state: AppState, row: Rect, buffer: inout Buffer) {
        let trouble = troubleEntries(snapshot)
        let line = Legend.fitting([.init(Glyphs.heat[0], Theme.idle, "all idle"),
                                   .init(parts: [Span(Glyphs.shades, style: Theme.busy)], "busier")] + trouble
                                    + [.init(Glyphs.down, Theme.down, "most down"),
                                       .init(Glyphs.request, Theme.request, "request")],
                                  else: [.init(parts: [Span(Glyphs.shades, style: Theme.busy)], "busier")] + trouble
                                    + [.init(Glyphs.down, Theme.down, "down")], width: row.width)
        buffer.set(line: line, in: row, ellipsis: state.symbols.ellipsis)
    }

    /// The cells strictly between two points, as a dotted line: one cell in `spacing`.
    static func dottedLine(from a: Position, to b: Position, spacing: Int = 2) -> [(Int, Int)] {
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

    // MARK: - Aggregate helpers

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

