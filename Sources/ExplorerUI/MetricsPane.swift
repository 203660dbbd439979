import NetworkEngine
import TerminalCanvas

/// Sparklines of the last simulated seconds: throughput, mean and p95 latency, queue length, requests lost.
public enum MetricsPane {
    /// One sparkline row: what it measures and how to read it off a per-second sample.
    struct Metric: Sendable {
        let label: String
        let unit: String
        let style: Style
        /// Nil when the second has no such figure (a latency when nothing completed): drawn as no bar and `—`.
        let value: @Sendable (SecondSample) -> Double?
    }

    static let metrics: [Metric] = [
        Metric(label: "thruput", unit: "req/s", style: Style(fg: Theme.blue), value: { $0.throughput }),
        Metric(label: "latency", unit: "ms", style: Style(fg: .cyan),
               value: { $0.completed > 0 ? $0.latencyMeanMs : nil }),
        Metric(label: "p95", unit: "ms", style: Style(fg: Theme.magenta),
               value: { $0.completed > 0 ? $0.latencyP95Ms : nil }),
        Metric(label: "queue", unit: "req", style: Style(fg: Theme.orange), value: { $0.queue }),
        // Every request that ended unserved: refused by a full queue, failed (a crash), or timed out. The footer
        // splits the run's total into rejected and failed.
        Metric(label: "lost", unit: "/s", style: Style(fg: Theme.red),
               value: { Double($0.rejected + $0.failed + $0.timedOut) }),
    ]

    static let labelWidth = 8
    static let valueWidth = 14

    /// Draws the metrics pane in `area`; each sparkline is as wide as the pane allows, up to 120 seconds.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        let sparkWidth = min(120, max(0, area.width - 2 - labelWidth - valueWidth))
        // Narrow panes fold several seconds into a column, so the window always spans at least 60 s.
        let perColumn = sparkWidth > 0 ? max(1, (60 + sparkWidth - 1) / sparkWidth) : 1
        let raw = snapshot.series.suffix(sparkWidth * perColumn)
        let buckets = bucketed(raw, perColumn: perColumn)
        let series = ArraySlice(buckets.map(\.sample))
        let marks = switchColumns(snapshot.switches, buckets: buckets, width: sparkWidth)
        let shown = raw.count
        var title = shown > 0 ? "metrics · last \(shown) s" : "metrics · from the first second"
        if perColumn > 1 && shown > 0 { title += " · \(perColumn) s/col" }
        if !marks.isEmpty { title += " · \(Glyphs.switchMark) switch" }
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
                let spark = Sparkline(series.map { metric.value($0) ?? 0 }, max: scale, style: metric.style,
                                      symbols: state.symbols)
                let sparkArea = Rect(x: sparkX, y: block.y, width: sparkWidth, height: block.height)
                spark.render(in: sparkArea, buffer: &buffer)
                drawSwitchMarks(marks, in: sparkArea, state: state, buffer: &buffer)
            }
            let value = last.map(metric.value) ?? 0
            let text = Format.right(figure(value), 8) + " " + Format.left(metric.unit, 5)
            buffer.set(string: text, at: Position(x: block.right - valueWidth, y: block.y), style: metric.style.bolded(),
                       clippedTo: block)
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

    // MARK: - Switch markers

    /// Columns (from the sparklines' left edge) of the columns in which the architecture switched; the sparkline is
    /// right-aligned, so the newest column is the last.
    static func switchColumns(_ switches: [SimTime], buckets: [Bucket], width: Int) -> [Int] {
        guard !buckets.isEmpty, !switches.isEmpty else { return [] }
        var columns: [Int] = []
        for t in switches {
            // Sample `s` covers (s − 1, s]: a switch at t falls in the sample that ends after it.
            // Rounded up: a switch at exactly 23.0 s closes sample 23, one at 23.4 s falls in sample 24.
            let second = Int((t + SimTime.nanosPerSecond - 1) / SimTime.nanosPerSecond)
            guard let i = buckets.firstIndex(where: { $0.first <= second && second <= $0.last }) else { continue }
            columns.append(width - buckets.count + i)
        }
        return columns
    }

    /// One sparkline column: the seconds `first...last` folded into one sample.
    struct Bucket {
        var first: Int
        var last: Int
        var sample: SecondSample
    }

    /// Folds `perColumn` seconds into each column, aligned so the newest column ends with the newest second.
    /// Rates and levels are averaged per second; p95 keeps the column's worst second, so a spike is never hidden.
    static func bucketed(_ series: ArraySlice<SecondSample>, perColumn k: Int) -> [Bucket] {
        guard k > 1 else { return series.map { Bucket(first: $0.second, last: $0.second, sample: $0) } }
        var buckets: [Bucket] = []
        var end = series.endIndex
        while end > series.startIndex {
            let start = max(series.startIndex, end - k)
            let group = series[start..<end]
            let n = Double(group.count)
            guard let newest = group.last, let oldest = group.first else { break }
            var s = SecondSample(second: newest.second, architecture: newest.architecture, nodes: newest.nodes)
            s.issued = Int((Double(group.reduce(0) { $0 + $1.issued }) / n).rounded())
            s.completed = Int((Double(group.reduce(0) { $0 + $1.completed }) / n).rounded())
            // Refusals and failures are rare and matter: a column with any shows at least one, never zero.
            func visible(_ total: Int) -> Int { total > 0 ? max(1, Int((Double(total) / n).rounded())) : 0 }
            s.rejected = visible(group.reduce(0) { $0 + $1.rejected })
            s.timedOut = visible(group.reduce(0) { $0 + $1.timedOut })
            s.failed = visible(group.reduce(0) { $0 + $1.failed })
            s.denied = visible(group.reduce(0) { $0 + $1.denied })
            let done = group.reduce(0) { $0 + $1.completed }
            s.latencyMeanMs = done > 0 ? group.reduce(0.0) { $0 + $1.latencyMeanMs * Double($1.completed) } / Double(done) : 0
            s.latencyP95Ms = group.map(\.latencyP95Ms).max() ?? 0
            s.queue = group.reduce(0.0) { $0 + $1.queue } / n
            s.utilization = group.reduce(0.0) { $0 + $1.utilization } / n
            s.messages = Int((Double(group.reduce(0) { $0 + $1.messages }) / n).rounded())
            buckets.append(Bucket(first: oldest.second, last: newest.second, sample: s))
            end = start
        }
        return buckets.reversed()
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

    /// A figure as the pane prints it; `—` when there is none (nothing completed), never a misleading 0.
    /// One decimal below `wholeFrom`, none from there up.
    static func figure(_ value: Double?, wholeFrom: Double = 10_000) -> String {
        guard let value else { return Glyphs.emDash.description }
        return Format.fixed(value, decimals: value < wholeFrom ? 1 : 0)
    }
}
