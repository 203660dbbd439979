import NetworkEngine
import TerminalCanvas

/// The chart readout: a click on a sparkline column picks that moment; the column is drawn in reverse video, each
/// metric's figure on the right shows its value then (instead of the newest), and the bottom border says which
/// seconds those are, `t=41–42 s · Esc closes`, until Esc or another click.
extension MetricsPane {
    /// The rows of each metric's chart in `area`, top to bottom, as wide as the pane's inside: where a click reads a
    /// column and where the readout draws it.
    static func chartBlocks(_ chart: Chart, area: Rect) -> [Rect] {
        let inner = Block().inner(area)
        guard !inner.isEmpty else { return [] }
        var blocks: [Rect] = []
        for i in metrics.indices {
            let top = chart.top + i * chart.rowsEach
            guard top < inner.bottom else { break }
            blocks.append(Rect(x: inner.x, y: top, width: inner.width, height: min(chart.rowsEach, inner.bottom - top)))
        }
        return blocks
    }

    /// The simulated second a click at (`x`, `y`) picks: the last second of the chart column there, or nil off the
    /// charts (labels, figures, the footer, the border) or left of the first data.
    static func second(atX x: Int, y: Int, snapshot: Snapshot, area: Rect) -> Int? {
        let chart = chart(snapshot: snapshot, area: area)
        guard chartBlocks(chart, area: area).contains(where: { $0.contains(x: x, y: y) }) else { return nil }
        return chart.column(atX: x)?.sample.second
    }

    /// The screen column showing simulated second `second` in `area`, and that column, or nil when it is not on the
    /// chart (scrolled off, or the scale changed so that no column covers it).
    static func chartColumn(ofSecond second: Int, snapshot: Snapshot, area: Rect) -> (x: Int, column: Column)? {
        let chart = chart(snapshot: snapshot, area: area)
        let t = SimTime(second) * SimTime.nanosPerSecond
        for x in chart.x..<(chart.x + chart.width) {
            if let column = chart.column(atX: x), column.from < t, t <= column.to { return (x, column) }
        }
        return nil
    }

    /// Draws the readout of `state.chartCursor` over the pane `render` just drew in `area`; nothing when there is
    /// no cursor or its moment has left the chart.
    static func drawCursor(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        guard let cursor = state.chartCursor,
              let (column, shown) = chartColumn(ofSecond: cursor.second, snapshot: snapshot, area: area) else { return }
        let blocks = chartBlocks(chart(snapshot: snapshot, area: area), area: area)
        for (row, block) in zip(metrics, blocks) {
            let metric = row.shown(under: snapshot.architecture)
            for y in block.rows {
                var cell = buffer[column, y]
                cell.style = cell.style.patched(with: Theme.selected)
                buffer[column, y] = cell
            }
            let text = Format.right(figure(metric.value(shown.sample)), 8) + " " + Format.left(metric.unit, 5)
            buffer.set(string: text, at: Position(x: block.right - valueWidth, y: block.y),
                       style: metric.style.bolded().patched(with: Theme.selected), clippedTo: block)
        }
        drawCursorLabel(cursorLabels(shown), column: column, area: area, buffer: &buffer)
    }

    /// `t=41–42 s · Esc closes`, then shorter ones: the column covers simulated time (from, to].
    static func cursorLabels(_ column: Column) -> [String] {
        let from = column.from / SimTime.nanosPerSecond, to = column.to / SimTime.nanosPerSecond
        let span = "t=\(from)\(Glyphs.enDash)\(to) s"
        return [" \(span) \(Glyphs.dot) Esc closes ", " \(span) ", span]
    }

    /// The first of `labels` that fits on the bottom border, starting at the cursor's column (or ending there when
    /// the column is near the right edge), in the readout's style.
    static func drawCursorLabel(_ labels: [String], column: Int, area: Rect, buffer: inout Buffer) {
        guard area.height >= 2, area.width > 2 else { return }
        let room = area.width - 2
        guard let label = labels.first(where: { $0.count <= room }) else { return }
        let x = max(area.x + 1, min(column, area.right - 1 - label.count))
        buffer.set(string: label, at: Position(x: x, y: area.bottom - 1), style: Theme.selected,
                   clippedTo: Rect(x: area.x + 1, y: area.bottom - 1, width: room, height: 1))
    }
}
