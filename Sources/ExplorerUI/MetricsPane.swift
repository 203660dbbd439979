import NetworkEngine
import TerminalCanvas

/// Sparklines of the recent past, a column per `Snapshot.secondsPerColumn` seconds (`ChartTimeScale` picks it from
/// the speed): throughput, mean and p95 latency, queue length, requests lost. The figure beside each chart is its
/// newest column's, the window the server panel's `util` and `mean` read too, so the panes never disagree.
public enum MetricsPane {
    /// One sparkline row: what it measures and how to read it off a per-second sample.
    struct Metric: Sendable {
        let label: String
        let unit: String
        let style: Style
        /// Nil when the column has no such figure (a latency when nothing completed): drawn as no bar and `—`.
        let value: @Sendable (SecondSample) -> Double?
        /// What the row charts instead under the peer mesh, labelled as such; nil when it is the same figure.
        var underMesh: (label: String, value: @Sendable (SecondSample) -> Double?)? = nil

        /// The row as drawn while `architecture` is in force.
        func shown(under architecture: Architecture) -> Metric {
            guard architecture == .peerMesh, let mesh = underMesh else { return self }
            return Metric(label: mesh.label, unit: unit, style: style, value: mesh.value)
        }
    }

    static let metrics: [Metric] = [
        Metric(label: "thruput", unit: "req/s", style: Style(fg: Theme.blue), value: { $0.throughput }),
        Metric(label: "latency", unit: "ms", style: Style(fg: .cyan),
               value: { $0.completed > 0 ? $0.latencyMeanMs : nil }),
        Metric(label: "p95", unit: "ms", style: Style(fg: Theme.magenta),
               value: { $0.completed > 0 ? $0.latencyP95Ms : nil }),
        // A mesh has no one queue: the row charts what waits at all the peers together (`peer q`), not the server's
        // queue, which would read 0 while the peers queue.
        Metric(label: "queue", unit: "req", style: Style(fg: Theme.orange), value: { $0.queue },
               underMesh: (label: "peer q", value: { $0.peerQueue })),
        // Every request that ended unserved: refused by a full queue, failed (a crash), or timed out. The footer
        // splits the run's total into rejected and failed.
        Metric(label: "lost", unit: "/s", style: Style(fg: Theme.red), value: { $0.lostPerSecond }),
    ]

    static let labelWidth = 8
    static let valueWidth = 14
    /// The most columns a chart draws (the engine's history holds five times as many buckets per level).
    static let maxColumns = 120

    /// Columns of each chart in a metrics pane `paneWidth` wide: what the pane draws and what a frame asks for.
    public static func chartWidth(paneWidth: Int) -> Int { min(maxColumns, max(0, paneWidth - 2 - labelWidth - valueWidth)) }

    /// One column of the charts as drawn: the simulated time it covers and the sample folded over it.
    public struct Column: Sendable, Equatable {
        /// The column covers simulated time `(from, to]`.
        public var from: SimTime
        public var to: SimTime
        /// Its figures: counts summed, levels averaged over its seconds (`SampleAccumulator`).
        public var sample: SecondSample
    }

    /// Where the charts are on screen and what each column shows, for drawing and for reading a column under the mouse.
    public struct Chart: Sendable, Equatable {
        /// The leftmost column's x on screen and the number of columns (the newest is at `x + width − 1`).
        public var x: Int
        public var width: Int
        /// Rows of the charts: from `top`, `metrics.count` charts of `rowsEach` rows each.
        public var top: Int
        public var rowsEach: Int
        /// Simulated seconds each column covers.
        public var secondsPerColumn: Int
        /// The samples drawn, oldest first, right-aligned: sample `i` is at `x + width − samples.count + i`.
        public var samples: ArraySlice<SecondSample>

        /// The column drawn at screen column `screenX`: its time span and figures; nil where no column is drawn.
        public func column(atX screenX: Int) -> Column? {
            let i = screenX - (x + width - samples.count)
            guard screenX >= x, screenX < x + width, i >= 0, i < samples.count else { return nil }
            let sample = samples[samples.startIndex + i]
            let to = SimTime(sample.second) * SimTime.nanosPerSecond
            return Column(from: to - SimTime(secondsPerColumn) * SimTime.nanosPerSecond, to: to, sample: sample)
        }

        /// The newest column: the one every headline figure (here and in the server panel) reads.
        public var newest: SecondSample? { samples.last }
    }

    /// The charts of a metrics pane drawn in `area` (the whole pane, border included) for `snapshot`: each column is
    /// one sample of `snapshot.series`, of `snapshot.secondsPerColumn` seconds (what the frame asked the model for).
    public static func chart(snapshot: Snapshot, area: Rect) -> Chart {
        let inner = Rect(x: area.x + 1, y: area.y + 1, width: max(0, area.width - 2), height: max(0, area.height - 2))
        let width = chartWidth(paneWidth: area.width)
        return Chart(x: inner.x + labelWidth, width: width, top: inner.y,
                     rowsEach: max(1, min(3, inner.height / metrics.count)),
                     secondsPerColumn: max(1, snapshot.secondsPerColumn), samples: snapshot.series.suffix(width))
    }

    /// Draws the metrics pane in `area`: charts of the snapshot's columns, the newest column's figures at the right.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        let chart = chart(snapshot: snapshot, area: area)
        let sparkWidth = chart.width
        let series = chart.samples
        let marks = switchColumns(snapshot.switches, samples: series, secondsPerColumn: chart.secondsPerColumn,
                                  width: sparkWidth)
        let inner = PaneFrame.render(.metrics, title: title(chart, marks: !marks.isEmpty, room: area.width - 4),
                                     state: state, area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        let rowsEach = chart.rowsEach
        let newest = chart.newest
        let sparkX = chart.x
        // The throughput chart is drawn against the server's capacity (workers ÷ service time), the queue chart
        // against the queue's: a full bar means "at capacity". A mesh has no one capacity.
        let capacity = snapshot.architecture == .clientServer ? snapshot.server?.capacityRPS : nil
        let cap = capacity.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }

        for (i, row) in metrics.enumerated() {
            let metric = row.shown(under: snapshot.architecture)
            let top = inner.y + i * rowsEach
            guard top < inner.bottom else { break }
            let block = Rect(x: inner.x, y: top, width: inner.width, height: min(rowsEach, inner.bottom - top))
            buffer.set(string: metric.label, at: block.position, style: Theme.label, clippedTo: block)
            let isThroughput = metric.label == "thruput"
            var spark = Sparkline(series.map { metric.value($0) ?? 0 }, style: metric.style, symbols: state.symbols)
            if row.underMesh != nil {
                // Against the server's room, a full bar means "full"; the peers' sum has no one room, so its scale
                // is at least one request: a tenth of a request never looks like a full queue.
                if snapshot.architecture == .peerMesh { spark.max = max(1, spark.scale(width: sparkWidth)) }
                else if let cap = snapshot.server?.queueCapacity, cap > 0 { spark.max = Double(cap) }
            }
            if isThroughput, let cap {
                spark.max = max(cap, spark.scale(width: sparkWidth))
                // A one-row chart has no room for a line: its top is the scale, said in its figure.
                if block.height >= 2 { spark.line = cap; spark.lineStyle = metric.style }
            }
            // The mean latency theory predicts for the configuration now, as a line the bars are read against.
            let theory = metric.label == "latency" && snapshot.architecture == .clientServer
                ? snapshot.theory?.meanLatencyMs : nil
            if let theory, block.height >= 2 {
                spark.max = max(theory, spark.scale(width: sparkWidth))
                spark.line = theory; spark.lineStyle = Theme.label
            }
            if sparkWidth > 0 {
                let sparkArea = Rect(x: sparkX, y: block.y, width: sparkWidth, height: block.height)
                spark.render(in: sparkArea, buffer: &buffer)
                drawSwitchMarks(marks, in: sparkArea, state: state, buffer: &buffer)
            }
            let value = newest.flatMap(metric.value)
            let valueAt = Position(x: block.right - valueWidth, y: block.y)
            if isThroughput {
                drawThroughputFigures(value, scale: spark.scale(width: sparkWidth), capacity: cap,
                                      block: block, style: metric.style, symbols: state.symbols, buffer: &buffer)
            } else {
                let text = Format.right(figure(value), 8) + " " + Format.left(metric.unit, 5)
                buffer.set(string: text, at: valueAt, style: metric.style.bolded(), clippedTo: block)
                if metric.label == "latency", block.height >= 2, snapshot.architecture == .clientServer {
                    drawTheory(theory, snapshot.theory, at: Position(x: valueAt.x, y: block.y + 1), block: block,
                               symbols: state.symbols, buffer: &buffer)
                }
            }
        }
        // Spare rows sum up the architecture period in force and, after a switch, the one before it (PhaseLines), so
        // the sparklines' window has a reference and a switch reads as before and after.
        let footer = PhaseLines.footer(snapshot, width: inner.width, rows: inner.height - metrics.count * rowsEach)
        for (i, line) in footer.enumerated() {
            buffer.set(line: line, in: inner.row(inner.height - footer.count + i), ellipsis: state.symbols.ellipsis)
        }
        // The bottom border points up at each switch, so the column reads as "before | after" from any row.
        if area.height >= 2 {
            for offset in marks where sparkX + offset < area.right - 1 {
                buffer.set(string: Glyphs.switchMark.description, at: Position(x: sparkX + offset, y: area.bottom - 1),
                           style: Theme.switchMark, clippedTo: area)
            }
        }
        drawCursor(snapshot: snapshot, state: state, area: area, buffer: &buffer)
    }

    /// `metrics · last 16 min · 20 s/col · △ switch`: the span the charts' columns cover (the newest column's figures
    /// at the right are over its seconds), shortened to `room`: the switch word goes first, then the mark.
    static func title(_ chart: Chart, marks: Bool, room: Int) -> String {
        guard chart.width > 0 else { return "metrics" }
        let base = "metrics \(Glyphs.dot) last " + ChartTimeScale.span(seconds: chart.width * chart.secondsPerColumn)
            + " \(Glyphs.dot) \(chart.secondsPerColumn) s/col"
        guard marks else { return base }
        for candidate in [base + " \(Glyphs.dot) \(Glyphs.switchMark) switch", base + " \(Glyphs.switchMark)"]
        where candidate.count <= room { return candidate }
        return base
    }

    /// The throughput chart's figures: the newest column's rate, then (on the rows below) the chart's top and the
    /// capacity its line marks. A one-row chart says both in one figure, `98.2/100 req/s`: the rate over the
    /// chart's top, which is the capacity or above it; with no capacity (a mesh) it gives the rate alone.
    static func drawThroughputFigures(_ value: Double?, scale: Double, capacity: Double?, block: Rect, style: Style,
                                      symbols: Symbols, buffer: inout Buffer) {
        let valueAt = Position(x: block.right - valueWidth, y: block.y)
        let top = compact(scale)
        guard block.height >= 2 else {
            // With no capacity (a mesh), the chart's top is only its peak: a rate over it would read as a ratio,
            // so the row gives the rate alone, as the other rows do.
            guard capacity != nil else {
                buffer.set(string: Format.right(figure(value), 8) + " " + Format.left("req/s", 5), at: valueAt,
                           style: style.bolded(), clippedTo: block)
                return
            }
            // At most one column short of the figures' width, so a space always parts it from the chart.
            let room = valueWidth - 1
            var text = figure(value) + "/" + top + " req/s"
            if text.count > room { text = (value.map(compact) ?? figure(nil)) + "/" + top + " req/s" }
            if text.count > room { text = (value.map(compact) ?? figure(nil)) + "/" + top + " /s" }
            buffer.set(string: Format.right(text, valueWidth), at: valueAt, style: style.bolded(), clippedTo: block)
            return
        }
        buffer.set(string: Format.right(figure(value), 8) + " " + Format.left("req/s", 5), at: valueAt,
                   style: style.bolded(), clippedTo: block)
        // The chart's top, under the label: what a full bar means.
        if scale > 0 {
            buffer.set(string: "max " + top, at: Position(x: block.x, y: block.y + 1), style: Theme.label,
                       clippedTo: Rect(x: block.x, y: block.y + 1, width: labelWidth - 1, height: 1))
        }
        let capacityText = capacity.map { "\(symbols.plainBorder.horizontal) cap " + compact($0) } ?? "no one cap"
        buffer.set(string: Format.left(capacityText, valueWidth), at: Position(x: valueAt.x, y: block.y + 1),
                   style: style, clippedTo: block)
    }

    /// Under the latency figure: `─ theory 185`, the line's value; `theory: n/a` when no formula covers the
    /// configuration now (a timeout that cuts the tail, logins or attackers taking server time, lost messages: the
    /// server's inspector says which).
    static func drawTheory(_ value: Double?, _ theory: TheoryView?, at position: Position, block: Rect,
                           symbols: Symbols, buffer: inout Buffer) {
        guard theory != nil else { return }
        let text = value.map { "\(symbols.plainBorder.horizontal) theory " + compact($0) } ?? "theory: n/a"
        buffer.set(string: Format.left(text, valueWidth), at: position, style: Theme.label, clippedTo: block)
    }

    /// A chart's scale in at most four characters: `8.5`, `130`, `1.2k`, `35k`, `1.2M`.
    static func compact(_ v: Double) -> String {
        guard v.isFinite, v >= 0 else { return "-" }
        if v < 10 { return Format.fixed(v, decimals: 1) }
        if v < 999.5 { return Format.fixed(v, decimals: 0) }
        if v < 9_950 { return Format.fixed(v / 1000, decimals: 1) + "k" }
        if v < 999_500 { return Format.fixed(v / 1000, decimals: 0) + "k" }
        return Format.fixed(v / 1_000_000, decimals: 1) + "M"
    }

    // MARK: - Switch markers

    /// Columns (from the sparklines' left edge) in which the architecture switched; the sparkline is right-aligned,
    /// so the newest column is the last.
    static func switchColumns(_ switches: [SimTime], samples: ArraySlice<SecondSample>, secondsPerColumn: Int,
                              width: Int) -> [Int] {
        guard !samples.isEmpty, !switches.isEmpty else { return [] }
        var columns: [Int] = []
        let c = SimTime(max(1, secondsPerColumn)) * SimTime.nanosPerSecond
        for t in switches {
            // Column `k` covers ((k−1)·C, k·C]: a switch at t falls in the column that ends at or after it.
            for (i, s) in samples.enumerated() {
                let end = SimTime(s.second) * SimTime.nanosPerSecond
                if end - c < t && t <= end { columns.append(width - samples.count + i); break }
            }
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

    /// A figure as the pane prints it; `—` when there is none (nothing completed), never a misleading 0, and `<0.1`
    /// for a positive value that would round to 0.0. One decimal below `wholeFrom`, none from there up.
    static func figure(_ value: Double?, wholeFrom: Double = 10_000) -> String {
        guard let value else { return Glyphs.emDash.description }
        // A rate folded over a wide column can be tiny yet not zero (one loss in 1000 s): its bar shows, so must its
        // figure.
        if value > 0 && value < 0.05 { return "<0.1" }
        return Format.fixed(value, decimals: value < wholeFrom ? 1 : 0)
    }
}
