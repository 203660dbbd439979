import NetworkEngine
import TerminalCanvas

/// A file distribution's headline figures, in the server (or mesh) panel's place while a file is distributed: how
/// many nodes have the file, the time against the Kurose–Ross bound, the share of the server's upload in use, who
/// uploaded the bytes, and a cell per shown node shaded by how much of the file it holds.
///
/// The lines come in order of importance, so a short panel (80×24) keeps the first; the node cells take whatever
/// rows are left. The cells are the nodes the frame asked for (the topology's window), one a cell, or folded into
/// bins of several when more are shown than cells fit: a frame pays only for the nodes it shows.
public enum DistributionPanel {
    /// Draws the panel in `area`; nothing when the snapshot has no distribution.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        guard let d = snapshot.distribution else { return }
        let inner = PaneFrame.render(.server, title: title(snapshot.architecture), state: state, area: area,
                                     buffer: &buffer)
        guard !inner.isEmpty else { return }
        let text = lines(d)
        var row = 0
        for (i, line) in text.enumerated() where row < inner.height {
            // The server's gauge goes after the first two lines: it is what saturates under client-server.
            if i == 2 {
                drawServerUpload(d, state: state, row: inner.row(row), buffer: &buffer)
                row += 1
                guard row < inner.height else { break }
            }
            buffer.set(line: line, in: inner.row(row), ellipsis: state.symbols.ellipsis)
            row += 1
        }
        if row < inner.height {
            let cells = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: inner.height - row)
            drawNodes(snapshot.nodes, state: state, area: cells, buffer: &buffer)
        }
    }

    /// `distribution · client-server` or `distribution · swarm`: who uploads.
    static func title(_ architecture: Architecture) -> String {
        "distribution \(Glyphs.dot) " + (architecture == .peerMesh ? "swarm" : "client-server")
    }

    /// `complete 3/10 (30%)  held 42%`, `elapsed 120.0 s  bound 266.7 s` (or `done 270.8 s  bound 266.7 s  +1.5%`),
    /// `from server 1.2 GB  peers 3.4 GB` (or `seed lost  server 1.2 GB  peers 3.4 GB` once the server's copy is gone;
    /// `bound n/a: nodes left` once members left after helping).
    static func lines(_ d: DistributionSnapshot) -> [Line] {
        let complete = Line([
            Span("complete "), Span("\(d.completed)/\(d.nodes)", style: d.completed == d.nodes ? Theme.serverUp : Theme.title),
            Span(" (" + Format.percent(d.completeShare) + ")  held " + Format.percent(d.meanProgress)),
        ])
        let time: Line
        if !d.boundHolds {
            // Members left after their uploads had helped: no bound over those who stayed holds.
            time = Line([Span((d.finishedSeconds.map { "done " + seconds($0) } ?? "elapsed " + seconds(d.elapsedSeconds))),
                         Span("  bound n/a: nodes left", style: Theme.muted)])
        } else if let done = d.finishedSeconds {
            let over = d.boundSeconds > 0 ? (done / d.boundSeconds - 1) * 100 : 0
            time = Line([Span("done " + seconds(done), style: Theme.serverUp), Span("  bound " + seconds(d.boundSeconds)),
                         Span("  " + (over >= 0 ? "+" : "") + Format.fixed(over, decimals: 1) + "%")])
        } else {
            time = Line([Span("elapsed " + seconds(d.elapsedSeconds)),
                         Span("  bound " + seconds(d.boundSeconds), style: Theme.warning)])
        }
        var sent = Line("from server " + bytes(d.serverBytes) + "  peers " + bytes(d.peerBytes))
        if d.seedLost {
            sent = Line([Span("seed lost", style: Theme.down),
                         Span("  server " + bytes(d.serverBytes) + "  peers " + bytes(d.peerBytes))])
        }
        return [complete, time, sent]
    }

    /// `server up ████░░░░ 75%`: the share of u_s in use, busy upload slots over all of them.
    static func drawServerUpload(_ d: DistributionSnapshot, state: AppState, row: Rect, buffer: inout Buffer) {
        let label = "server up "
        let figure = " " + Format.percent(d.serverUploadShare)
        buffer.set(string: label, at: row.position, clippedTo: row)
        let barWidth = row.width - label.count - figure.count
        guard barWidth >= 4 else { return }
        let gauge = Gauge(ratio: d.serverUploadShare, filledStyle: d.serverUploadShare >= 1 ? Theme.busy : Theme.idle,
                          emptyStyle: Theme.muted, symbols: state.symbols)
        gauge.render(in: Rect(x: row.x + label.count, y: row.y, width: barWidth, height: 1), buffer: &buffer)
        buffer.set(string: figure, at: Position(x: row.x + label.count + barWidth, y: row.y), clippedTo: row)
    }

    /// The shown nodes' progress, a cell each (or a bin of nodes a cell, their mean), row after row.
    static func drawNodes(_ nodes: [NodeView], state: AppState, area: Rect, buffer: inout Buffer) {
        let shown = nodes.filter { $0.role != .server && $0.progress != nil }
        let cells = area.width * area.height
        guard !shown.isEmpty, cells > 0 else { return }
        let perCell = (shown.count + cells - 1) / cells
        var cell = 0, start = 0
        while start < shown.count {
            let bin = shown[start..<min(shown.count, start + perCell)]
            let mean = bin.reduce(0) { $0 + ($1.progress ?? 0) } / Double(bin.count)
            let down = bin.allSatisfy { $0.activity == .down }
            let (glyph, style) = down ? (Glyphs.down.character, Theme.down) : shade(mean)
            buffer[area.x + cell % area.width, area.y + cell / area.width] = Cell(glyph, style: style)
            cell += 1
            start += perCell
        }
    }

    /// A node's (or bin's) share of the file as a shade: `·` nothing, `░▒▓` a third each, `█` all of it.
    static func shade(_ progress: Double) -> (Character, Style) {
        if progress >= 1 { return (Glyphs.solid.character, Theme.serverUp) }
        if progress <= 0 { return (Glyphs.dot.character, Theme.muted) }
        let level = min(3, 1 + Int(progress * 3))
        return (Glyphs.heat[level].character, Theme.idle)
    }

    /// `456 MB`, `1.23 GB` (decimal units, as the scenario's).
    static func bytes(_ n: Int64) -> String {
        n < 1_000_000_000 ? Format.fixed(Double(n) / 1e6, decimals: 0) + " MB"
            : Format.fixed(Double(n) / 1e9, decimals: 2) + " GB"
    }

    /// `12.0 s`.
    static func seconds(_ s: Double) -> String { Format.fixed(s, decimals: 1) + " s" }
}
