import NetworkEngine
import TerminalCanvas

/// The mesh in numbers, in the server panel's place: what a lookup costs, how evenly the peers share the load, how
/// much of the content can be reached, and how often a peer's own small server overflowed.
public enum MeshPanel {
    /// Draws the mesh panel in `area` (the server panel's slot).
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        let title = snapshot.mesh.map { "mesh · " + ($0.discovery == .dht ? "dht ring" : "flooding") } ?? "mesh"
        let inner = PaneFrame.render(.server, title: title, state: state, area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        guard let mesh = snapshot.mesh else {
            buffer.set(string: "no central server in a peer mesh", at: inner.position, style: Theme.muted,
                       clippedTo: inner)
            return
        }
        var lines = self.lines(mesh, snapshot: snapshot, state: state, width: inner.width)
        // Short of a row the static replica count gives way, so the outcomes and the draining server's note stay;
        // after a switch that makes room for the period before it (last, under the outcomes it is compared with),
        // which goes next (at 80×24, under the security panel).
        let dropped = lines.count > inner.height ? 1 : 0
        lines.removeFirst(dropped)
        if lines.count > inner.height, snapshot.previousPhase != nil { lines.removeLast() }
        for (i, line) in lines.enumerated() where i < inner.height {
            buffer.set(line: line, in: inner.row(i), ellipsis: state.symbols.ellipsis)
        }
        let spreadRow = 2 - dropped
        if inner.height > spreadRow { drawLoadSpread(mesh, state: state, row: inner.row(spreadRow), buffer: &buffer) }
    }

    static func lines(_ mesh: MeshView, snapshot: Snapshot, state: AppState, width: Int = .max) -> [Line] {
        var lines: [Line] = []
        lines.append(Line("replicas \(mesh.replicas) \(Glyphs.times) \(mesh.resources) resources"))
        // Before the first lookup resolves, a mean of 0 would read as "free": say there is nothing yet.
        let measured = mesh.lookupsResolved > 0
        let hops = measured ? Format.fixed(mesh.meanHops, decimals: 2) : "-"
        switch mesh.discovery {
        case .dht:
            let messages = measured ? Format.fixed(mesh.messagesPerLookup, decimals: 2) : "-"
            // Theory's hops (Chord's greedy routing over the peers alive on average) beside the measured mean,
            // with its 95% interval since the last change once it is narrow (ConfidenceText).
            // The interval makes the line longer: the messages' label shortens, then goes, before the hops do.
            let figure = [Span("hops/lookup ")]
                + ConfidenceText.figureSpans(measured: hops, theory: snapshot.theory?.meanHops,
                                           accuracy: snapshot.theory?.meanHopsAccuracy, interval: snapshot.confidence?.meanHops,
                                           keepsIntervals: snapshot.confidence != nil && measured)
            lines.append(SecurityPanel.fitting([Line(figure + [Span("  msgs/lookup " + messages)]),
                                                Line(figure + [Span("  msgs " + messages)]), Line(figure)],
                                               width: width))
        case .flooding:
            // A flood has no single path: peers reached beside theory's expectation on the overlay's own degrees
            // (`FloodReach`), then its cost, the queries and hits it puts on the wire. Where the whole line does not
            // fit, the cost's figure goes before its label, so the clipping takes the label rather than the figure.
            // Since the last change, as the theory beside it is of the configuration in force (a TTL raised mid-run
            // would otherwise average the old floods in).
            // With its 95% interval once narrow (`±?` before), `≠ th` beyond the model's 2% (ConfidenceText).
            let reach = mesh.floodReachSinceChange.map { Format.fixed($0, decimals: 1) } ?? "-"
            let figure = [Span("reach ")]
                + ConfidenceText.figureSpans(measured: reach, theory: snapshot.theory?.floodReach,
                                           accuracy: FloodReach.accuracy, interval: snapshot.confidence?.floodReach,
                                           keepsIntervals: snapshot.confidence != nil && mesh.floodReachSinceChange != nil,
                                           decimals: 1)
            let messages = measured ? Format.fixed(mesh.messagesPerLookup, decimals: 1) : "-"
            lines.append(SecurityPanel.fitting([Line(figure + [Span("  msgs/lookup " + messages)]),
                                                Line(figure + [Span(" \(Glyphs.dot) " + messages + " msgs/lookup")])],
                                               width: width))
        }
        lines.append(Line([]))  // the load-spread bar is drawn over this row
        let missing = mesh.availabilityNow < 1
        lines.append(Line([
            Span("available "),
            Span(percent(mesh.availabilityNow) + " now", style: missing ? Theme.warning : .plain),
            Span(", " + percent(mesh.availability) + " avg"),
            // Theory: 1 − pʳ under churn; with peers crashed, the share expected with that many down at random.
            Span(snapshot.theory?.availability.map { " \(Glyphs.dot) th " + percent($0) } ?? "", style: Theme.label),
        ]))
        let fullNow = snapshot.nodes.reduce(0) { $0 + ($1.role == .peer && $1.activity == .overloaded ? 1 : 0) }
        var overloads = [Span("peer overloads \(mesh.peerOverloads)")]
        if fullNow > 0 {
            overloads.append(Span(" \(Glyphs.dot) "))
            overloads.append(Span("\(Glyphs.overloaded) \(fullNow) full now", style: Theme.warning))
        }
        lines.append(Line(overloads))
        if let server = snapshot.server {
            lines.append(Line("old server draining: queue \(server.queueLength)", style: Theme.draining))
        } else {
            lines.append(PhaseLines.outcomes(snapshot, width: width))
        }
        if let before = snapshot.previousPhase {
            lines.append(PhaseLines.panelBefore(before, current: snapshot.currentPhase, width: width))
        }
        return lines
    }

    /// `load max/mean 2.40 ████░░░░`: the bar fills as the busiest peer pulls away from the mean (1 − mean/max), so
    /// an even spread is an empty bar and one peer doing all the work a full one.
    static func drawLoadSpread(_ mesh: MeshView, state: AppState, row: Rect, buffer: inout Buffer) {
        let ratio = mesh.maxOverMeanLoad
        let text = "load max/mean " + Format.fixed(ratio, decimals: 2) + " "
        let x = buffer.put([Span(text)], x: row.x, y: row.y, clip: row)
        let barWidth = min(16, row.right - x)
        guard barWidth >= 4 else { return }
        let skew = ratio.isFinite && ratio > 1 ? 1 - 1 / ratio : 0
        let gauge = Gauge(ratio: skew, filledStyle: ratio > 2 ? Theme.busy : Theme.idle, emptyStyle: Theme.muted,
                          symbols: state.symbols)
        gauge.render(in: Rect(x: x, y: row.y, width: barWidth, height: 1), buffer: &buffer)
    }

    /// A 0…1 share as a percentage with one decimal: "99.8%".
    static func percent(_ share: Double) -> String { Format.fixed(max(0, share) * 100, decimals: 1) + "%" }
}
