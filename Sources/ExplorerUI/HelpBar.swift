import NetworkEngine
import TerminalCanvas

/// The bottom row: the most useful keys, as many as fit, never a key cut in half; and the status message when the
/// status bar had no room for it.
public enum HelpBar {
    /// Keys kept even while a message takes the rest of the row.
    static let essentialKeys = 2

    /// Draws the help bar on the first row of `area`.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        let message = StatusBar.messageFits(snapshot: snapshot, state: state, width: row.width) ? nil : state.status
        let separator = state.glyphs.separator
        let reserved = message.map { separator.displayWidth + $0.text.displayWidth } ?? 0
        var x = row.x
        for (i, (key, label)) in KeyBindings.bar.enumerated() {
            let shownLabel = self.label(for: key, label, snapshot: snapshot, state: state)
            let width = key.count + 2 + shownLabel.count + 1
            let limit = message != nil && i >= essentialKeys ? row.right - reserved : row.right
            guard x + width <= limit else { break }
            x = buffer.put([Span(" " + key + " ", style: Theme.key), Span(shownLabel + " ")], x: x, y: row.y, clip: row)
        }
        if let message {
            let room = row.right - x - separator.displayWidth
            let text = message.text.truncated(toWidth: room, ellipsis: state.symbols.ellipsis)
            buffer.put([Span(separator, style: Theme.muted), Span(text, style: StatusBar.messageStyle(message))],
                       x: x, y: row.y, clip: row)
        }
    }

    /// The label of `key` as things stand: `space` resumes when paused, `t` names the architecture it switches to.
    static func label(for key: String, _ label: String, snapshot: Snapshot, state: AppState) -> String {
        let mesh = snapshot.architecture == .peerMesh
        switch key {
        case "space": return state.paused ? "resume" : label
        case "t": return mesh ? "to server" : "to mesh"
        case "+-": return mesh ? "peers" : "clients"
        default: return label
        }
    }
}
