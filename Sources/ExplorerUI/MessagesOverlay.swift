import TerminalCanvas

/// The status messages shown so far, newest last, at most `limit`: what `:messages` lists (as vim's `:messages`
/// does), so a message cut short on a narrow bar, or gone after its few seconds, can still be read whole.
public struct MessageHistory: Sendable, Equatable {
    /// Messages kept; the oldest go first.
    public static let limit = 50
    public private(set) var entries: [StatusMessage] = []

    public init() {}

    /// Keeps `message`, unless it repeats the newest (a key pressed twice says nothing new).
    mutating func add(_ message: StatusMessage) {
        guard entries.last?.text != message.text || entries.last?.isWarning != message.isWarning else { return }
        entries.append(message)
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
    }
}

/// `:messages`: the status messages so far in a box over the panes, each whole (wrapped), newest at the bottom;
/// the oldest give way when they do not all fit. Esc closes it.
enum MessagesOverlay {
    /// The box for a body area `area`: a comfortable reading width, as tall as the messages need.
    static func box(for area: Rect, rows: Int) -> Rect {
        area.centered(width: max(0, min(area.width - 2, 84)), height: max(0, min(area.height, rows + 2)))
    }

    static func render(state: AppState, area: Rect, buffer: inout Buffer) {
        let width = max(1, min(area.width - 2, 84) - 4)
        var lines: [Line] = state.messages.entries.map { message in
            Line(OverlayBox.printable(message.text), style: message.isWarning ? Theme.warning : .plain)
        }
        if lines.isEmpty { lines = [Line("No messages yet.", style: Theme.muted)] }
        let paragraph = Paragraph(lines, overflow: .wrap, symbols: state.symbols)
        let rows = paragraph.rowCount(width: width)
        let inner = OverlayBox.render(title: "messages", hint: "Esc closes", box: box(for: area, rows: rows),
                                      state: state, buffer: &buffer)
        var shown = paragraph
        // The newest at the bottom, always in view: the oldest scroll off the top.
        shown.scroll = max(0, rows - inner.height)
        shown.render(in: inner, buffer: &buffer)
    }
}
