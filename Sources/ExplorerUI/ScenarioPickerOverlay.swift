import TerminalCanvas

/// The scenario picker (`o`) drawn over the panes: the filter line, then one row per matching scenario with its
/// one-line description (or, for a file that cannot be opened, its error), the selected row reversed.
public enum ScenarioPickerOverlay {
    /// The box for a body area `area`: as wide as useful (descriptions are long), as tall as the list needs.
    static func box(for area: Rect, rows: Int) -> Rect {
        let width = min(area.width - 2, 110)
        let height = min(area.height, rows + 4)
        return area.centered(width: max(0, width), height: max(0, height))
    }

    /// Rows under the list for the selected scenario's whole description (or error), which the list cuts.
    static let detailRows = 3

    /// How many scenario rows the list shows in a box whose inside is `innerHeight` rows: the filter line and, when
    /// there is room for it and a few rows of list, a gap and the detail take the rest.
    static func listRows(innerHeight: Int) -> (list: Int, detail: Bool) {
        let detail = innerHeight >= 3 + 1 + detailRows + 1
        return (max(0, innerHeight - 1 - (detail ? detailRows + 1 : 0)), detail)
    }

    /// How many scenario rows the list shows in a body area `area` when it is full (page up/down move by this).
    static func listHeight(body area: Rect) -> Int { max(1, listRows(innerHeight: area.height - 2).list) }

    /// Draws the picker centred in `area` (the panes' area between the status and help bars).
    public static func render(picker: ScenarioPicker, state: AppState, area: Rect, buffer: inout Buffer) {
        let matches = picker.matches
        let box = box(for: area, rows: max(1, picker.choices.count) + 1 + detailRows)
        let arrows = Key.up.helpName(unicode: state.unicode) + Key.down.helpName(unicode: state.unicode)
        let hint = "\(arrows) move \(Glyphs.dot) Enter opens \(Glyphs.dot) Esc closes"
        let what = picker.listsLessons ? "open a lesson" : "open a scenario"
        let inner = OverlayBox.render(title: "\(what) \(Glyphs.dot) type to filter", hint: hint, box: box,
                                      state: state, buffer: &buffer)
        guard inner.height >= 2 else { return }
        // A reversed blank for the cursor: no glyph to fall back from, visible on any screen.
        let cursor = Span(" ", style: Theme.key)
        buffer.put([Span("filter ", style: Theme.muted), Span(OverlayBox.printable(picker.filter), style: Theme.title),
                    cursor], x: inner.x, y: inner.y, clip: inner.row(0))
        let (listHeight, showsDetail) = listRows(innerHeight: inner.height)
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: listHeight)
        guard !matches.isEmpty else {
            let none = picker.choices.isEmpty ? "no scenario to open"
                : "no scenario matches \u{201C}\(OverlayBox.printable(picker.filter))\u{201D} (backspace erases)"
            buffer.put([Span(none, style: Theme.warning)], x: list.x, y: list.y, clip: list.row(0))
            return
        }
        let nameWidth = min(24, matches.map(\.title.displayWidth).max() ?? 0)
        let items = matches.map { line(for: $0, nameWidth: nameWidth) }
        let first = max(0, min(picker.selected - list.height + 1, items.count - list.height))
        ListView(items, selected: picker.selected, highlightStyle: Theme.selected, offset: max(0, first),
                 symbols: state.symbols).render(in: list, buffer: &buffer)
        // The list cuts long descriptions; the selected one is shown whole below it, wrapped.
        guard showsDetail, let current = picker.current else { return }
        let detail = Rect(x: inner.x, y: inner.bottom - detailRows, width: inner.width, height: detailRows)
        let text = current.opens ? current.summary : "cannot open " + current.title + ": " + current.summary
        Paragraph([Line(text, style: current.opens ? .plain : Theme.warning)], overflow: .wrap,
                  symbols: state.symbols).render(in: detail, buffer: &buffer)
    }

    /// One row: the name (a file's marked as such), then its description or its error.
    static func line(for choice: ScenarioChoice, nameWidth: Int) -> Line {
        let name = choice.title.padded(toWidth: nameWidth)
        guard choice.opens else {
            return Line([Span(name, style: Theme.muted), Span("  cannot open: " + choice.summary, style: Theme.warning)])
        }
        return Line([Span(name, style: Theme.title), Span("  " + choice.summary)])
    }
}
