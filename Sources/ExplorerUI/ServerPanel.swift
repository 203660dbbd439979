import NetworkEngine
import TerminalCanvas

/// The bottleneck in numbers: workers, the queue against its capacity, capacity against offered load, overload, cost.
///
/// Its figures are of two kinds, and the title says which is which: the state now (UP, workers busy, the queue and
/// its gauge, OVERLOAD, offered load) and, for `util` and the queue's `mean`, the metrics charts' newest column (the
/// same sample their figures read, so a mean queue here is the metrics pane's queue figure to the digit).
public enum ServerPanel {
    /// Draws the server panel in `area`.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        let newest = snapshot.series.last
        let inner = PaneFrame.render(.server, title: title(snapshot, room: area.width - 4), state: state, area: area,
                                     buffer: &buffer)
        guard !inner.isEmpty else { return }
        guard let server = snapshot.server else {
            buffer.set(string: "no central server in a peer mesh", at: inner.position, style: Theme.muted,
                       clippedTo: inner)
            return
        }
        let ellipsis = state.symbols.ellipsis
        var lines: [Line] = []

        // Workers: one box each while they fit, so "3 of 4 busy" is seen, not read.
        var first: [Span] = server.up
            ? [Span("UP", style: Theme.serverUp)]
            : [Span("\(Glyphs.down) DOWN", style: Theme.overload)]
        first.append(Span("  workers "))
        if server.workers <= 16 {
            let busy = min(server.busyWorkers, server.workers)
            let idle = server.workers - busy
            first.append(Span(String(repeating: Glyphs.busyWorker.character, count: busy), style: Theme.busy))
            first.append(Span(String(repeating: Glyphs.idleWorker.character, count: idle), style: Theme.idle))
            first.append(Span(" "))
        }
        first.append(Span("\(server.busyWorkers)/\(server.workers)"))
        // Down, the server does no work now: the newest column may still end before the crash (100% of a busy
        // minute), which beside DOWN would read as "working flat out". The dash says there is no figure now.
        let util = server.up ? newest.map { Format.percent($0.utilization) } : nil
        first.append(Span("  util " + (util ?? Glyphs.emDash.description)))
        lines.append(Line(first))

        lines.append(Line([]))  // the queue gauge is drawn over this row below

        let over = server.offeredRPS > server.capacityRPS
        // N*: the clients at which the offered load reaches capacity, known before it is reached; past it, marked.
        var capacity = [Span("capacity " + rps(server.capacityRPS) + " req/s")]
        if let saturation = snapshot.theory?.saturationNodes, saturation.isFinite {
            let crossed = Double(snapshot.activeNodeCount) > saturation
            capacity.append(Span(" \(Glyphs.dot) N* " + Format.fixed(saturation, decimals: saturation < 100 ? 1 : 0)
                                 + (crossed ? " passed" : ""), style: crossed ? Theme.warning : Theme.label))
        }
        lines.append(Line(capacity))
        var offered = [Span("offered  " + rps(server.offeredRPS) + " req/s", style: over ? Theme.warning : .plain)]
        if over { offered.append(Span(" \(Glyphs.warning) > capacity", style: Theme.warning)) }
        lines.append(Line(offered))

        if !server.up {
            lines.append(Line("SERVER DOWN \(Glyphs.dot) requests fail", style: Theme.overload, alignment: .center))
        } else if server.overloaded {
            lines.append(Line("OVERLOAD \(Glyphs.dot) queue full, rejecting", style: Theme.overload,
                              alignment: .center))
        } else {
            // The period in force's counts (PhaseLines): after a switch back, not the mesh's as well.
            lines.append(PhaseLines.outcomes(snapshot, width: inner.width))
        }
        lines.append(Line("cost " + Format.dollars(server.costDollars) + " at "
                          + Format.dollars(server.costPerHour) + "/h"))

        for (i, line) in lines.enumerated() where i < inner.height {
            let row = inner.row(i)
            if line.spans.first?.style == Theme.overload {
                // The banner fills its row so it reads as a band, even on a monochrome screen.
                buffer.fill(row, cell: Cell(" ", style: Theme.overload))
            }
            buffer.set(line: line, in: row, ellipsis: ellipsis)
        }
        if inner.height > 1 { drawQueue(server, mean: newest?.queue, state: state, row: inner.row(1), buffer: &buffer) }
    }

    /// `server · util, mean: last 20 s`: the window of the panel's two figures that are not "now" (the charts'
    /// newest column, in seconds as the metrics title's `s/col`: 32 columns at most, so it fits at 80×24); plain
    /// `server` when that does not fit in `room`.
    static func title(_ snapshot: Snapshot, room: Int) -> String {
        let window = "server \(Glyphs.dot) util, mean: last \(max(1, snapshot.secondsPerColumn)) s"
        return window.count <= room ? window : "server"
    }

    /// `queue ████░░░░┃ 12/64 mean 10.5`: the bar's last cell marks the capacity, so a full queue runs into the
    /// mark; the gauge and count are now, the mean is over the charts' newest column (written as the metrics pane
    /// writes its queue figure).
    static func drawQueue(_ server: ServerView, mean: Double?, state: AppState, row: Rect, buffer: inout Buffer) {
        let count = "\(server.queueLength)/\(server.queueCapacity)"
        var meanText = " mean " + MetricsPane.figure(mean)
        // A narrow row keeps the gauge and the count (now) and gives up the mean, which the metrics pane shows too.
        if row.width - 6 - count.count - meanText.count - 1 < 4 { meanText = "" }
        buffer.set(string: "queue ", at: row.position, clippedTo: row)
        let barWidth = row.width - 6 - count.count - meanText.count - 1
        guard barWidth >= 4 else { return }
        let ratio = server.queueCapacity > 0 ? Double(server.queueLength) / Double(server.queueCapacity) : 0
        let fill = server.overloaded ? Theme.down : ratio >= 0.5 ? Theme.busy : Theme.idle
        let gauge = Gauge(ratio: ratio, marker: 1, filledStyle: fill, emptyStyle: Theme.muted,
                          markerStyle: Style(bold: true), symbols: state.symbols)
        gauge.render(in: Rect(x: row.x + 6, y: row.y, width: barWidth, height: 1), buffer: &buffer)
        let countAt = row.x + 6 + barWidth + 1
        buffer.set(string: count, at: Position(x: countAt, y: row.y),
                   style: server.overloaded ? Theme.warning : .plain, clippedTo: row)
        buffer.set(string: meanText, at: Position(x: countAt + count.count, y: row.y), style: Theme.label,
                   clippedTo: row)
    }

    /// Requests per second: one decimal while small, whole numbers past 1,000 so the column stays narrow.
    static func rps(_ v: Double) -> String { Format.fixed(v, decimals: v < 1000 ? 1 : 0) }
}
