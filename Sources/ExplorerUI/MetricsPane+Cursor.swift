import NetworkEngine
import TerminalCanvas

/// The chart readout: a click on a sparkline column picks that moment; the column is drawn in reverse video, each
/// metric's figure on the right shows its value then (instead of the newest), and the bottom border says which
/// seconds those are, `t=41–42 s · Esc closes`, until Esc or another click.
extension MetricsPane {
    /// Where the sparklines are on screen and which seconds each column shows.
    struct ChartColumns {
        /// The screen column of the sparklines' left edge.
        let x: Int
        /// The sparklines' width in columns.
        let width: Int
        /// The columns that hold data, oldest first, right-aligned: the last one is the rightmost column.
        let buckets: [Bucket]
        /// One rectangle per metric row, top to bottom, as wide as the pane's inside.
        let blocks: [Rect]

        /// The bucket drawn in screen column `column`, or nil (left of the data, or outside the sparklines).
        func bucket(atColumn column: Int) -> Bucket? {
            let index = column - x - (width - buckets.count)
            guard column >= x, column < x + width, index >= 0, index < buckets.count else { return nil }
            return buckets[index]
        }

        /// The screen column and the bucket that hold simulated second `second`, or nil when it is not on the chart.
        func column(ofSecond second: Int) -> (x: Int, bucket: Bucket)? {
            guard let index = buckets.firstIndex(where: { $0.first <= second && second <= $0.last }) else { return nil }
            return (x + width - buckets.count + index, buckets[index])
        }
    }

    /// The chart's layout in `area` as `render` draws it today: right-aligned sparklines as wide as the pane allows
    /// (up to 120 columns), at least 60 s across, `perColumn` seconds folded into a column.
    ///
    /// The one place a screen column is mapped to seconds: swap it for the pane's new mapping when that changes.
    static func chartColumns(snapshot: Snapshot, area: Rect) -> ChartColumns? {
        let sparkWidth = min(120, max(0, area.width - 2 - labelWidth - valueWidth))
        guard sparkWidth > 0 else { return nil }
        let perColumn = max(1, (60 + sparkWidth - 1) / sparkWidth)
        let buckets = bucketed(snapshot.series.suffix(sparkWidth * perColumn), perColumn: perColumn)
        // PaneFrame draws all four borders.
        let inner = Block().inner(area)
        guard !inner.isEmpty else { return nil }
        let rowsEach = max(1, min(3, inner.height / metrics.count))
        var blocks: [Rect] = []
        for i in metrics.indices {
            let top = inner.y + i * rowsEach
            guard top < inner.bottom else { break }
            blocks.append(Rect(x: inner.x, y: top, width: inner.width, height: min(rowsEach, inner.bottom - top)))
        }
        return ChartColumns(x: inner.x + labelWidth, width: sparkWidth, buckets: buckets, blocks: blocks)
    }

    /// The simulated second a click at (`x`, `y`) picks: the newest second of the sparkline column there, or nil
    /// off the sparklines (labels, figures, the summary row, the border) or left of the first data.
    static func second(atX x: Int, y: Int, snapshot: Snapshot, area: Rect) -> Int? {
        guard let chart = chartColumns(snapshot: snapshot, area: area),
              chart.blocks.contains(where: { $0.contains(x: x, y: y) }) else { return nil }
        return chart.bucket(atColumn: x)?.last
    }

    /// The screen column showing simulated second `second` in `area`, or nil when it is not on the chart.
    static func chartColumn(ofSecond second: Int, snapshot: Snapshot, area: Rect) -> Int? {
        chartColumns(snapshot: snapshot, area: area)?.column(ofSecond: second)?.x
    }

    /// Draws the readout of `state.chartCursor` over the pane `render` just drew in `area`; nothing when there is
    /// no cursor or its moment has left the chart.
    static func drawCursor(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        guard let cursor = state.chartCursor, let chart = chartColumns(snapshot: snapshot, area: area),
              let (column, bucket) = chart.column(ofSecond: cursor.second) else { return }
        for (metric, block) in zip(metrics, chart.blocks) {
            for y in block.rows {
                var cell = buffer[column, y]
                cell.style = cell.style.patched(with: Theme.selected)
                buffer[column, y] = cell
            }
            let text = Format.right(figure(metric.value(bucket.sample)), 8) + " " + Format.left(metric.unit, 5)
            buffer.set(string: text, at: Position(x: block.right - valueWidth, y: block.y),
                       style: metric.style.bolded().patched(with: Theme.selected), clippedTo: block)
        }
        drawCursorLabel(cursorLabels(bucket), column: column, area: area, buffer: &buffer)
    }

    /// `t=41–42 s · Esc closes`, then shorter ones: sample `s` covers the second (s − 1, s], a column the seconds
    /// of its samples.
    static func cursorLabels(_ bucket: Bucket) -> [String] {
        let span = "t=\(bucket.first - 1)\(Glyphs.enDash)\(bucket.last) s"
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
