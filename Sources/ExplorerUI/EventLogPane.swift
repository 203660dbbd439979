import NetworkEngine
import TerminalCanvas

/// Recent events, newest first, coloured by kind and filtered by `e`.
public enum EventLogPane {
    /// Draws the event log in `area`, starting `state.eventScroll` events below the newest.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        let events = state.eventFilter.newestFirst(snapshot.recentEvents)
        let scroll = max(0, min(state.eventScroll, max(0, events.count - 1)))
        var title = "events · \(state.eventFilter.rawValue)"
        if scroll > 0 { title += " · \(state.symbols.arrowDown)\(scroll)" }
        let inner = PaneFrame.render(.events, title: title, state: state, area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        guard !events.isEmpty else {
            let none = state.eventFilter == .all ? "no events yet" : "no \(state.eventFilter.rawValue) events yet"
            buffer.set(string: none, at: inner.position, style: Theme.muted, clippedTo: inner)
            return
        }
        for (row, event) in events.dropFirst(scroll).prefix(inner.height).enumerated() {
            buffer.set(line: line(for: event), in: inner.row(row), ellipsis: state.symbols.ellipsis)
        }
    }

    /// `t=12.5s overload #0 queue full (64/64): rejecting requests`, the kind in its colour.
    static func line(for event: NetworkEvent) -> Line {
        Line([
            Span("t=" + Format.seconds(event.time) + "s ", style: Theme.muted),
            Span(event.kind.rawValue, style: Theme.style(for: event.kind)),
            Span(" #\(event.node) ", style: Theme.label),
            Span(event.detail),
        ])
    }
}
