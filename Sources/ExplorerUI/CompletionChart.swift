import NetworkEngine
import TerminalCanvas

/// The completion chart, in the metrics pane's place while a file is distributed (a distribution makes no
/// requests, so the request charts would read 0): the share of nodes with the whole file over time from the start,
/// with the Kurose–Ross lower bound drawn as a vertical line at its time. No run can finish left of the line; how far
/// right of it the curve reaches 100% is the model's distance from the bound.
///
/// The time axis spans a fifth past the later of now and the bound (`DistributionSnapshot.span`), so the bound
/// always has its column; the curve grows to the right as the run goes on.
public enum CompletionChart {
    /// Columns for the `100%` / `0%` labels left of the chart.
    static let axisWidth = 5

    /// Chart columns in a metrics pane `paneWidth` wide: the points a frame asks the engine's curve for.
    public static func columns(paneWidth: Int) -> Int { min(MetricsPane.maxColumns * 2, max(1, paneWidth - 2 - axisWidth)) }

    /// Draws the chart in `area`; nothing when the snapshot has no distribution.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        guard let d = snapshot.distribution else { return }
        let inner = PaneFrame.render(.metrics, title: "completion \(Glyphs.dot) nodes with the file",
                                     state: state, area: area, buffer: &buffer)
        guard inner.height >= 2, inner.width > axisWidth + 4 else { return }
        let chartRows = inner.height - 1
        let chart = Rect(x: inner.x + axisWidth, y: inner.y, width: inner.width - axisWidth, height: chartRows)
        buffer.set(string: "100%", at: inner.position, style: Theme.muted, clippedTo: inner)
        buffer.set(string: "  0%", at: Position(x: inner.x, y: inner.y + chartRows - 1), style: Theme.muted,
                   clippedTo: inner)
        let points = resampled(d, width: chart.width)
        // The sparkline draws right-aligned in its area: an area as wide as the curve puts time 0 at the left edge.
        Sparkline(Array(points), max: 1, style: Theme.reply, symbols: state.symbols)
            .render(in: Rect(x: chart.x, y: chart.y, width: points.count, height: chartRows), buffer: &buffer)
        let axis = inner.row(inner.height - 1)
        buffer.set(string: "0 s", at: Position(x: chart.x, y: axis.y), style: Theme.muted, clippedTo: axis)
        let end = Format.fixed(d.curveSpanSeconds, decimals: 0) + " s"
        buffer.set(string: end, at: Position(x: chart.right - end.count, y: axis.y), style: Theme.muted, clippedTo: axis)
        // Members left after their uploads had helped: no bound holds, so none is drawn.
        guard d.boundHolds else { return }
        let bx = chart.x + boundColumn(d, width: chart.width)
        let marker = Cell(state.symbols.marker, style: Theme.warning)
        for y in chart.top..<chart.bottom where buffer[bx, y].grapheme == " " { buffer[bx, y] = marker }
        buffer[bx, axis.y] = marker
        let label = "bound " + Format.fixed(d.boundSeconds, decimals: 1) + " s"
        // Beside the line, on the side with room; over the axis's own labels, which matter less.
        let right = bx + 1 + label.count < chart.right
        let at = right ? bx + 1 : max(chart.x, bx - label.count)
        buffer.set(string: label, at: Position(x: at, y: axis.y), style: Theme.warning, clippedTo: axis)
    }

    /// The curve at `width` columns: column j reads the curve's point for the same instant (the engine's curve has
    /// `curvePoints` points over the span, the frame's request; a test's snapshot may have another count).
    static func resampled(_ d: DistributionSnapshot, width: Int) -> [Double] {
        guard d.curvePoints > 0, width > 0 else { return [] }
        var out: [Double] = []
        for j in 0..<width {
            let k = ((j + 1) * d.curvePoints + width - 1) / width - 1
            guard k < d.curve.count else { break }
            out.append(d.curve[k])
        }
        return out
    }

    /// The chart column of the bound: the first whose instant is at or after it (point k stands for
    /// span × (k+1) / width).
    static func boundColumn(_ d: DistributionSnapshot, width: Int) -> Int {
        guard width > 0, d.curveSpanSeconds > 0 else { return 0 }
        let k = Int((d.boundSeconds / d.curveSpanSeconds * Double(width)).rounded(.up)) - 1
        return min(width - 1, max(0, k))
    }
}
