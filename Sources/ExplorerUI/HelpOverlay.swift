import TerminalCanvas

/// The `?` overlay: every row of the key table with its one-line meaning, in a box over the panes.
public enum HelpOverlay {
    /// Draws the overlay centred in `area` (the panes' area, between the status and help bars).
    public static func render(state: AppState, area: Rect, buffer: inout Buffer) {
        let rows = KeyBindings.all
        let names = rows.map { $0.names(unicode: state.unicode) }
        let keyWidth = names.map(\.displayWidth).max() ?? 0
        let textWidth = rows.map { keyWidth + 2 + $0.meaning.displayWidth }.max() ?? 0
        let box = area.centered(width: textWidth + 4, height: rows.count + 2)
        Clear().render(in: box, buffer: &buffer)
        let block = Block(title: "keys \(Glyphs.dot) ? or Esc closes", titleStyle: Theme.focusedBorder,
                          borderType: .double, borderStyle: Theme.focusedBorder, symbols: state.symbols)
        block.render(in: box, buffer: &buffer)
        let inner = block.inner(box).inset(horizontal: 1, vertical: 0)
        let lines = zip(names, rows).map { name, row in
            Line([Span(name.padded(toWidth: keyWidth), style: Theme.title), Span("  " + row.meaning)])
        }
        Paragraph(lines, symbols: state.symbols).render(in: inner, buffer: &buffer)
    }
}
