import NetworkEngine
import TerminalCanvas

/// A mesh too large to draw peer by peer: peers grouped by id into cells, each cell shaded by the requests its peers
/// served for others, so an even spread reads as an even strip and a hot spot as a dark patch.
///
/// Overloaded peers mark their cell with their own shape and down peers take over a cell when they are half of it:
/// the two things a class must not miss are never just a shade.
enum MeshHeatStrip {
    /// Per-cell tallies.
    struct Cells {
        var served: [Int]
        var up: [Int]
        var down: [Int]
        var overloaded: [Int]
        var failing: [Int]
        var totals = (idle: 0, busy: 0, overloaded: 0, down: 0)

        init(count: Int) {
            served = Array(repeating: 0, count: count)
            up = served; down = served; overloaded = served; failing = served
        }
    }

    static func render(snapshot: Snapshot, state: AppState, area: Rect, legendRow: Rect, buffer: inout Buffer) {
        let n = snapshot.activeNodeCount
        drawSummary(snapshot: snapshot, state: state, row: area.row(0), buffer: &buffer)

        let geometry = StripGeometry(nodes: n, area: area)
        let (labelWidth, columns, stripRows) = (geometry.labelWidth, geometry.columns, geometry.rows)
        let (perCell, cellCount) = (geometry.perCell, geometry.cellCount)

        var cells = Cells(count: cellCount)
        var marks = SecurityMarks.Cells(count: cellCount)
        for v in snapshot.nodes where v.role == .peer && v.id >= 1 && v.id <= n {
            let cell = (v.id - 1) / perCell
            marks.add(v, cell: cell)
            switch v.activity {
            case .down: cells.down[cell] += 1; cells.totals.down += 1
            case .idle: cells.up[cell] += 1; cells.totals.idle += 1
            case .overloaded:
                cells.up[cell] += 1; cells.overloaded[cell] += 1; cells.totals.overloaded += 1
            case .busy, .queueing, .waiting: cells.up[cell] += 1; cells.totals.busy += 1
            case .failing: cells.up[cell] += 1; cells.failing[cell] += 1; cells.totals.idle += 1
            }
            cells.served[cell] += v.served
        }
        // Shades are relative to the busiest cell's mean per peer: the strip shows the spread, whatever the scale.
        var hottest = 0.0
        for c in 0..<cellCount where cells.up[c] + cells.down[c] > 0 {
            hottest = max(hottest, Double(cells.served[c]) / Double(cells.up[c] + cells.down[c]))
        }

        let range = "peers 1\(Glyphs.enDash)\(n)"
        let caption = (perCell == 1 ? "\(range), one cell each" : "\(range), \(perCell) per cell")
            + " \(Glyphs.dot) shade: served"
        buffer.set(string: caption, at: Position(x: area.x, y: area.y + 1), style: Theme.muted, clippedTo: area)

        let selectedCell = state.selectedNode >= 1 && state.selectedNode <= n ? (state.selectedNode - 1) / perCell : -1
        var cell = 0
        for row in 0..<stripRows where cell < cellCount {
            let y = area.y + 2 + row
            let label = Format.right(String(1 + cell * perCell), labelWidth - 1)
            buffer.set(string: label, at: Position(x: area.x, y: y), style: Theme.muted, clippedTo: area)
            for column in 0..<columns where cell < cellCount {
                var (glyph, style) = shade(cell, cells, hottest: hottest)
                let size = cells.up[cell] + cells.down[cell]
                // A full peer keeps its mark (the overload is the strip's point); a security mark beats the shade.
                if cells.overloaded[cell] == 0, cells.down[cell] * 2 < size,
                   let mark = marks.mark(cell, size: size) { (glyph, style) = mark }
                // Half or more of the cell's peers just failed a request of their own: that, over the shade.
                else if cells.overloaded[cell] == 0, cells.down[cell] * 2 < size,
                        let trouble = TopologyPane.trouble(waiting: 0, failing: cells.failing[cell], size: size) {
                    (glyph, style) = trouble
                }
                if cell == selectedCell { style = style.patched(with: Theme.selected) }
                buffer.set(string: String(glyph), at: Position(x: area.x + labelWidth + column, y: y), style: style,
                           clippedTo: area)
                cell += 1
            }
        }

        let t = cells.totals
        var counts = [
            Span("idle \(t.idle)", style: Theme.idle), Span("  "),
            Span("busy \(t.busy)", style: Theme.busy), Span("  "),
            Span("\(Glyphs.overloaded) full \(t.overloaded)", style: t.overloaded > 0 ? Theme.warning : .plain),
            Span("  "),
            Span("down \(t.down)", style: Theme.down),
        ]
        // Breached shares come next, then the messages on the wire, each shown only when it fits whole.
        if marks.totalBreached > 0 {
            let breached = [Span("  "),
                            Span("\(Glyphs.breached) \(marks.totalBreached) breached", style: Theme.breached)]
            if Line(counts + breached).width <= area.width { counts += breached }
        }
        let wire = [Span("  "), Span("\(snapshot.flights.count) msgs", style: Theme.request)]
        if Line(counts + wire).width <= area.width { counts += wire }
        buffer.set(line: Line(counts), in: area.row(area.height - 1), ellipsis: state.symbols.ellipsis)

        let legend = Legend.fitting([
            .init(parts: [Span(Glyphs.heat[0].description, style: Theme.idle), Span(Glyphs.shades, style: Theme.busy)],
                  "served few\(Glyphs.leadsTo)most"),
            .init(Glyphs.overloaded, Theme.overload, "full"),
        ] + TopologyPane.troubleEntries(snapshot) + [.init(Glyphs.down, Theme.down, "most down")], else: [
            .init(parts: [Span(Glyphs.shades, style: Theme.busy)], "served"),
            .init(Glyphs.overloaded, Theme.overload, "full"),
        ] + TopologyPane.troubleEntries(snapshot) + [.init(Glyphs.down, Theme.down, "down")], width: legendRow.width)
        buffer.set(line: legend, in: legendRow, ellipsis: state.symbols.ellipsis)
    }

    /// The glyph and style of cell `c`: overloaded first, then mostly down, then the shade of its served load.
    static func shade(_ c: Int, _ cells: Cells, hottest: Double) -> (Character, Style) {
        let size = cells.up[c] + cells.down[c]
        guard size > 0 else { return (" ", .plain) }
        if cells.overloaded[c] > 0 { return (Glyphs.overloaded.character, Theme.overload) }
        if cells.down[c] * 2 >= size { return (Glyphs.down.character, Theme.down) }
        let load = Double(cells.served[c]) / Double(size)
        guard load > 0, hottest > 0 else { return (Glyphs.heat[0].character, Theme.idle) }
        let level = min(4, max(1, Int((load / hottest * 4).rounded(.up))))
        return (Glyphs.heat[level].character, level >= 3 ? Theme.busy : Theme.busy.fg(Theme.orange).with(bold: false))
    }

    /// The first row: the old server while it drains, else how many peers are overloaded right now.
    static func drawSummary(snapshot: Snapshot, state: AppState, row: Rect, buffer: inout Buffer) {
        var spans: [Span] = []
        if let server = snapshot.server {
            spans = [Span("[S] draining  queue \(server.queueLength)/\(server.queueCapacity)", style: Theme.draining),
                     Span("  ")]
        } else {
            spans = [Span("no central server", style: Theme.muted), Span("  ")]
        }
        let overloaded = snapshot.nodes.reduce(0) { $0 + ($1.role == .peer && $1.activity == .overloaded ? 1 : 0) }
        if overloaded > 0 { spans.append(Span("\(Glyphs.overloaded) \(overloaded) overloaded", style: Theme.warning)) }
        buffer.set(line: Line(spans), in: row, ellipsis: state.symbols.ellipsis)
    }
}
