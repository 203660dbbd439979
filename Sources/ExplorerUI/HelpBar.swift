import NetworkEngine
import TerminalCanvas

/// The bottom row: the most useful keys, as many as fit, never a key cut in half; and the status message when the
/// status bar had no room for it.
public enum HelpBar {
    /// A place on the bar, named in a row of `KeyBindings.all`: rows that share a slot show their first keys
    /// together (`<>` speed, `+-` clients).
    struct Slot: Sendable, Equatable {
        /// Position on the bar, most useful first: a narrow bar keeps the lowest ranks.
        var rank: Int
        var label: String
        /// The label while paused (`space` resumes then).
        var whenPaused: String?
        /// The label under the peer mesh (`t` goes back to the server, `+-` adds peers).
        var underMesh: String?

        init(_ rank: Int, _ label: String, whenPaused: String? = nil, underMesh: String? = nil) {
            self.rank = rank; self.label = label; self.whenPaused = whenPaused; self.underMesh = underMesh
        }

        static let speed = Slot(4, "speed")
        static let population = Slot(6, "clients", underMesh: "peers")

        /// The label as things stand.
        func label(paused: Bool, mesh: Bool) -> String {
            (paused ? whenPaused : nil) ?? (mesh ? underMesh : nil) ?? label
        }
    }

    /// The bar's entries in rank order, each with the first key of every row in its slot.
    static let entries: [(keys: [Key], slot: Slot)] = {
        var entries: [(keys: [Key], slot: Slot)] = []
        for row in KeyBindings.all {
            guard let slot = row.bar, let key = row.keys.first else { continue }
            if let i = entries.firstIndex(where: { $0.slot == slot }) { entries[i].keys.append(key) }
            else { entries.append(([key], slot)) }
        }
        return entries.sorted { $0.slot.rank < $1.slot.rank }
    }()

    /// After a message cut short: where to read it whole.
    static let moreHint = " :messages"

    /// Keys kept even while a message takes the rest of the row.
    static let essentialKeys = 2

    /// Draws the help bar on the first row of `area`.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        let message = StatusBar.messageFits(snapshot: snapshot, state: state, width: row.width) ? nil : state.status
        let separator = StatusBar.separator
        let reserved = message.map { separator.displayWidth + $0.text.displayWidth } ?? 0
        let mesh = snapshot.architecture == .peerMesh
        var x = row.x
        for (i, entry) in entries.enumerated() {
            let key = entry.keys.map { $0.helpName(unicode: state.unicode) }.joined()
            let label = entry.slot.label(paused: state.paused, mesh: mesh)
            let width = key.displayWidth + 2 + label.displayWidth + 1
            let limit = message != nil && i >= essentialKeys ? row.right - reserved : row.right
            guard x + width <= limit else { break }
            x = buffer.put([Span(" " + key + " ", style: Theme.key), Span(label + " ")], x: x, y: row.y, clip: row)
        }
        if let message {
            let room = row.right - x - separator.displayWidth
            var spans = [Span(separator, style: Theme.muted)]
            if message.text.displayWidth <= room {
                spans.append(Span(message.text, style: StatusBar.messageStyle(message)))
            } else {
                // Cut, it says where the whole of it is (vim's `:messages`).
                let text = message.text.truncated(toWidth: max(1, room - moreHint.displayWidth),
                                                  ellipsis: state.symbols.ellipsis)
                spans += [Span(text, style: StatusBar.messageStyle(message)), Span(moreHint, style: Theme.key)]
            }
            buffer.put(spans, x: x, y: row.y, clip: row)
        }
    }
}
