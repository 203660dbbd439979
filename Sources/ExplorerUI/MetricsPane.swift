import NetworkEngine
import TerminalCanvas

/// Sparklines of the last simulated seconds: throughput, mean and p95 latency, queue length, rejects.
public enum MetricsPane {
    /// One sparkline row: what it measures and how to read it off a per-second sample.
    struct Metric: Sendable {
        let label: String
        let unit: String
        let style: Style
        let value: @Sendable (SecondSample) -> Double
    }

    static let metrics: [Metric] = [
        Metric(label: "thruput", unit: "req/s", style: Style(fg: Theme.blue), value: { $0.throughput }),
        Metric(label: "latency", unit: "ms", style: Style(fg: .cyan), value: { $0.latencyMeanMs }),
        Metric(label: "p95", unit: "ms", style: Style(fg: Theme.magenta), value: { $0.latencyP95Ms }),
        Metric(label: "queue", unit: "req", style: Style(fg: Theme.orange), value: { $0.queue }),
        Metric(label: "rejects", unit: "/s", style: Style(fg: Theme.red), value: { Double($0.rejected) }),
    ]

    static let labelWidth = 8
    static let valueWidth = 14

    /// Draws the metrics pane in `area`; each sparkline is as wide as the pane allows, up to 120 seconds.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        let sparkWidth = min(120, max(0, area.width - 2 - labelWidth - valueWidth))
        let shown = min(snapshot.series.count, sparkWidth)
        let series = snapshot.series.suffix(sparkWidth)
        let marks = switchColumns(snapshot.switches, series: series, width: sparkWidth)
        var title = shown > 0 ? "metrics · last \(shown) s" : "metrics · from the first second"
        if !marks.isEmpty { title += " · \(state.glyphs.switchMark) switch" }
        let inner = PaneFrame.render(.metrics, title: title, state: state, area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        let rowsEach = max(1, min(3, inner.height / metrics.count))
        let last = snapshot.series.last
        let sparkX = inner.x + labelWidth

        for (i, metric) in metrics.enumerated() {
            let top = inner.y + i * rowsEach
            guard top < inner.bottom else { break }
            let block = Rect(x: inner.x, y: top, width: inner.width, height: min(rowsEach, inner.bottom - top))
            buffer.set(string: metric.label, at: block.position, style: Theme.label, clippedTo: block)
            if sparkWidth > 0 {
                var scale: Double? = nil
                // The queue is drawn against its capacity, so a full bar means a full queue.
                if metric.label == "queue", let cap = snapshot.server?.queueCapacity, cap > 0 { scale = Double(cap) }
                let spark = Sparkline(series.map(metric.value), max: scale, style: metric.style,
                                      symbols: state.symbols)
                let sparkArea = Rect(x: sparkX, y: block.y, width: sparkWidth, height: block.height)
                spark.render(in: sparkArea, buffer: &buffer)
                drawSwitchMarks(marks, in: sparkArea, state: state, buffer: &buffer)
            }
            let value = last.map(metric.value) ?? 0
            let text = Format.right(Format.fixed(value, decimals: value < 10_000 ? 1 : 0), 8) + " "
                + Format.left(metric.unit, 5)
            buffer.set(string: text, at: Position(x: block.right - valueWidth, y: block.y), style: metric.style.bolded(),
                       clippedTo: block)
        }
        // A spare row (there is one at 80×24) sums up the whole run, so the sparklines' window has a reference.
        if inner.height > metrics.count * rowsEach {
            buffer.set(line: summary(snapshot, state), in: inner.row(inner.height - 1), ellipsis: state.symbols.ellipsis)
        }
        // The bottom border points up at each switch, so the column reads as "before | after" from any row.
        if area.height >= 2 {
            for offset in marks where sparkX + offset < area.right - 1 {
                buffer.set(string: String(state.glyphs.switchMark), at: Position(x: sparkX + offset, y: area.bottom - 1),
                           style: Theme.switchMark, clippedTo: area)
            }
        }
    }

    // MARK: - Switch markers

    /// Columns (from the sparklines' left edge) of the seconds in which the architecture switched, for the seconds
    /// shown; the sparkline is right-aligned, so the newest second is the last column.
    static func switchColumns(_ switches: [SimTime], series: ArraySlice<SecondSample>, width: Int) -> [Int] {
        guard let first = series.first?.second, !switches.isEmpty else { return [] }
        var columns: [Int] = []
        for t in switches {
            // Sample `s` covers (s − 1, s]: a switch at t falls in the sample that ends after it.
            let second = Int(t / SimTime.nanosPerSecond) + 1
            let i = second - first
            guard i >= 0, i < series.count, series[series.startIndex + i].second == second else { continue }
            columns.append(width - series.count + i)
        }
        return columns
    }

    /// A thin vertical line in the blank cells of each marked column: the bar itself, if any, stays readable.
    static func drawSwitchMarks(_ marks: [Int], in area: Rect, state: AppState, buffer: inout Buffer) {
        let line = state.symbols.plainBorder.vertical
        for offset in marks where offset >= 0 && offset < area.width {
            for y in area.rows where buffer[area.x + offset, y].grapheme == " " {
                buffer[area.x + offset, y] = Cell(line, style: Theme.switchMark)
            }
        }
    }

    /// `since t=0: p95 131.0 ms · 3.0% rejected`: the whole run's tail latency and refusals.
    static func summary(_ snapshot: Snapshot, _ state: AppState) -> Line {
        let r = snapshot.requests
        let ended = r.completed + r.rejected + r.timedOut + r.failed
        let rejectedShare = ended > 0 ? Double(r.rejected) / Double(ended) : 0
        let p95 = snapshot.latency.p95
        return Line([
            Span("since t=0: ", style: Theme.muted),
            Span("p95 " + Format.fixed(p95, decimals: p95 < 1000 ? 1 : 0) + " ms \(state.glyphs.dot) "),
            Span(Format.fixed(rejectedShare * 100, decimals: 1) + "% rejected",
                 style: r.rejected > 0 ? Theme.warning : .plain),
        ])
    }
}
