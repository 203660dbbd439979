import NetworkEngine
import TerminalCanvas

/// Recent events in words, newest first: repeats grouped, the selected line unfolded on Enter, security and failure
/// lines kept in view, filtered by `e` and searched by `/`.
///
/// The rule that keeps security and failures in view: when newer lines would push the most recent security or failure
/// lines out of the pane, up to a third of its rows (below a `kept:` row that says so) show them, newest first.
public enum EventLogPane {
    /// Draws the event log in `area`.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        let source = EventLogSource(snapshot: snapshot, state: state)
        let height = max(0, area.height - 2), width = max(0, area.width - 2)
        let layout = EventLogLayout(source: source, state: state, rows: height, width: width)
        let inner = PaneFrame.render(.events, title: title(source: source, state: state, layout: layout),
                                     state: state, area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        guard !layout.rows.isEmpty else {
            buffer.set(string: emptyMessage(source), at: inner.position, style: Theme.muted, clippedTo: inner)
            return
        }
        for (y, row) in layout.rows.prefix(inner.height).enumerated() {
            let area = inner.row(y)
            switch row {
            case .line(let line, let selected):
                buffer.set(line: line, in: area, ellipsis: state.symbols.ellipsis)
                if selected && state.focus == .events { highlight(area, &buffer) }
            case .continuation(let line, let selected):
                let indented = Rect(x: area.x + 2, y: area.y, width: max(0, area.width - 2), height: 1)
                buffer.set(line: line, in: indented, ellipsis: state.symbols.ellipsis)
                if selected && state.focus == .events { highlight(area, &buffer) }
            case .keptHeading:
                buffer.set(line: Line(keptHeading, style: Theme.muted), in: area, ellipsis: state.symbols.ellipsis)
            }
        }
    }

    /// The row above the lines kept in view: the rule, said where it applies.
    static let keptHeading = "kept in view: older security & failures"

    /// `events · all`, `events · security · ↓3`, `events · /crash · 3 of 120`.
    static func title(source: EventLogSource, state: AppState, layout: EventLogLayout) -> String {
        var title = "events"
        if source.search == nil || state.eventFilter != .all { title += " · \(state.eventFilter.rawValue)" }
        if let search = state.logSearch, source.search != nil {
            let counts = source.searchCounts()
            title += " · /\(search) · \(counts.matching) of \(counts.of)"
        }
        if layout.first > 0 { title += " · \(state.symbols.arrowDown)\(layout.first)" }
        return title
    }

    static func emptyMessage(_ source: EventLogSource) -> String {
        if let search = source.search { return "nothing matches /\(search)" }
        return source.filter == .all ? "no events yet" : "nothing under the \(source.filter.rawValue) filter yet"
    }

    /// The selected line stands out by an attribute, not a colour, so it shows on any screen.
    private static func highlight(_ row: Rect, _ buffer: inout Buffer) {
        for x in row.columns {
            var cell = buffer[x, row.y]
            cell.style = cell.style.patched(with: Theme.selected)
            buffer[x, row.y] = cell
        }
    }
}

/// Which lines the event log shows in a pane `rows` tall and `width` wide, and on which rows.
struct EventLogLayout {
    enum Row: Equatable {
        /// A line, cut with `…` when too long; `selected` when it is the selection.
        case line(Line, selected: Bool)
        /// A further row of the unfolded selected line.
        case continuation(Line, selected: Bool)
        /// The row that introduces the lines kept in view.
        case keptHeading
    }

    var rows: [Row] = []
    /// Lines skipped from the newest: what the title's `↓n` says.
    var first = 0

    init(source: EventLogSource, state: AppState, rows height: Int, width: Int) {
        guard height > 0 else { return }
        let anchored = state.eventSelection != nil
        let scroll = max(0, state.eventScroll)
        // Up to a third of the rows keep older security and failure lines in view, below a heading row; a pane too
        // short for a heading and two other lines keeps none.
        let keptRows = height >= 4 ? max(1, height / 3) : 0
        let built = EventLogLines.build(source, limit: anchored ? .max : scroll + height, keptLimit: keptRows)
        let lines = built.lines
        guard !lines.isEmpty else { return }

        let selected = state.eventSelection.map { lines.index(of: $0) }
        // The unfolded line's rows, wrapped two columns short so its continuation rows are indented.
        var unfolded: [Line] = []
        if let selected, state.eventExpanded {
            unfolded = Paragraph([EventLogText.full(lines[selected])], overflow: .wrap).rows(width: max(1, width - 2))
        }

        /// The first line shown and how many fit in `available` rows, keeping the selection (all of its rows) in view.
        func window(_ available: Int) -> (first: Int, count: Int) {
            guard available > 0 else { return (0, 0) }
            var first = min(scroll, lines.count - 1)
            if let selected {
                let selectedRows = min(available, max(1, unfolded.count))
                first = max(0, selected + selectedRows - available)
            }
            let extra = selected.map { $0 >= first ? min(available, max(1, unfolded.count)) - 1 : 0 } ?? 0
            return (first, min(lines.count - first, available - extra))
        }

        /// Security and failure lines older than the last one shown, newest first.
        func keptCandidates(after end: Int) -> [EventLogLine] {
            lines[min(end, lines.count)...].filter { $0.severity.isKeptInView } + built.keptBeyond
        }

        var main = height
        var (start, count) = window(main)
        var kept: [EventLogLine] = []
        if keptRows > 0, !keptCandidates(after: start + count).isEmpty {
            main = height - 1 - keptRows
            (start, count) = window(main)
            kept = Array(keptCandidates(after: start + count).prefix(keptRows))
            // Fewer kept lines than rows set aside: give the rest back to the newest lines.
            if kept.count < keptRows {
                main = height - 1 - kept.count
                (start, count) = window(main)
                kept = Array(keptCandidates(after: start + count).prefix(kept.count))
            }
            // Kept lines that are just the next lines in order pushed nothing out: the heading would claim an order
            // that is not broken, so the log shows its lines straight.
            let next = start + count
            if kept.indices.allSatisfy({ next + $0 < lines.count && lines[next + $0] == kept[$0] }) {
                kept = []
                main = height
                (start, count) = window(main)
            }
        }
        first = start
        for i in start..<(start + count) {
            let isSelected = i == (selected ?? (anchored ? -1 : start))
            if isSelected, !unfolded.isEmpty {
                let shown = max(1, min(main, unfolded.count))
                for (k, row) in unfolded.prefix(shown).enumerated() {
                    // A text longer than the pane is tall ends in `…` on its last row, as a cut line does.
                    let row = k == shown - 1 && shown < unfolded.count
                        ? Line(row.spans + [Span(state.symbols.ellipsis)]) : row
                    rows.append(k == 0 ? .line(row, selected: true) : .continuation(row, selected: true))
                }
            } else {
                rows.append(.line(EventLogText.line(lines[i]), selected: isSelected))
            }
        }
        if !kept.isEmpty {
            rows.append(.keptHeading)
            rows += kept.map { .line(EventLogText.line($0), selected: false) }
        }
    }
}
