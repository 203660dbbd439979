import NetworkEngine
import TerminalCanvas

/// The selected node up close: a client's requests and latency, a peer's requests and what it served for others,
/// or the server's queue and workers.
public enum InspectorPane {
    /// Draws the inspector for `state.selectedNode` in `area`.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        let id = state.selectedNode
        let peer = id > 0 && TopologyPane.node(id, in: snapshot)?.role == .peer
        let title = id == 0 ? "inspector · server" : peer ? "inspector · peer \(id)" : "inspector · node \(id)"
        let inner = PaneFrame.render(.inspector, title: title, state: state, area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        let lines = id == 0 ? serverLines(snapshot, state)
            : peer ? peerLines(id, snapshot, state) : clientLines(id, snapshot, state)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.set(line: line, in: inner.row(i), ellipsis: state.symbols.ellipsis)
        }
    }

    static func clientLines(_ id: Int, _ snapshot: Snapshot, _ state: AppState) -> [Line] {
        guard let node = TopologyPane.node(id, in: snapshot) else {
            return [Line("node \(id) has left the network", style: Theme.muted)]
        }
        let g = state.glyphs
        let word = node.activity == .down ? "down" : node.activity == .idle ? "idle" : "busy"
        return [
            Line([Span("client \(id)  "),
                  Span("\(TopologyPane.glyph(for: node.activity, g)) \(word)", style: Theme.style(for: node.activity)),
                  Span(" \(g.dot) \(node.outstanding) outstanding")]),
            Line("sent \(node.sent)  completed \(node.completed)"),
            Line("mean latency " + (node.completed > 0 ? Format.fixed(node.meanLatencyMs, decimals: 1) + " ms" : "-")),
            hint(state),
        ]
    }

    /// A peer: both a client (what it asked for) and a small server (what it served for others).
    static func peerLines(_ id: Int, _ snapshot: Snapshot, _ state: AppState) -> [Line] {
        guard let node = TopologyPane.node(id, in: snapshot) else {
            return [Line("node \(id) has left the network", style: Theme.muted)]
        }
        let g = state.glyphs
        let word = TopologyPane.activityWord(node.activity)
        return [
            Line([Span("peer \(id)  "),
                  Span("\(TopologyPane.glyph(for: node.activity, g)) \(word)", style: Theme.style(for: node.activity))]),
            Line("sent \(node.sent)  completed \(node.completed)  out \(node.outstanding)"),
            Line("mean latency " + (node.completed > 0 ? Format.fixed(node.meanLatencyMs, decimals: 1) + " ms" : "-")),
            Line("served \(node.served) for others"),
            hint(state),
        ]
    }

    static func serverLines(_ snapshot: Snapshot, _ state: AppState) -> [Line] {
        guard let server = snapshot.server else {
            guard snapshot.architecture == .peerMesh else { return [Line("no central server", style: Theme.muted)] }
            let a = state.glyphs.arrows
            return [Line("no central server in a peer mesh", style: Theme.muted),
                    Line("\(a.left) \(a.right) select a peer", style: Theme.muted)]
        }
        let activity = TopologyPane.node(0, in: snapshot)?.activity ?? (server.up ? .idle : .down)
        let served = TopologyPane.node(0, in: snapshot)?.completed ?? snapshot.requests.completed
        // After a switch to the mesh the old server takes nothing new; it only finishes its queue.
        let word = snapshot.architecture == .peerMesh ? "draining" : TopologyPane.serverWord(activity)
        return [
            Line([Span("server  "), Span(server.up ? "UP" : "DOWN", style: server.up ? Theme.serverUp : Theme.overload),
                  Span("  " + word, style: Theme.style(for: activity))]),
            Line("queue \(server.queueLength)/\(server.queueCapacity)  workers \(server.busyWorkers)/\(server.workers)"),
            Line("served \(served)  util " + Format.percent(server.recentUtilization)),
            hint(state),
        ]
    }

    /// How to reach another node or act on this one, in the glyphs the screen can show.
    static func hint(_ state: AppState) -> Line {
        let a = state.glyphs.arrows
        return Line("\(a.left) \(a.right) select  x crash/revive", style: Theme.muted)
    }
}
