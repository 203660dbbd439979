import TerminalCanvas

/// The `?` overlay: every key with a one-line meaning, in a box over the panes.
public enum HelpOverlay {
    /// Draws the overlay centred in `area` (the panes' area, between the status and help bars).
    public static func render(state: AppState, area: Rect, buffer: inout Buffer) {
        let keys = KeyBindings.all
        let keyWidth = keys.map { (state.unicode ? $0.keys : $0.asciiKeys).displayWidth }.max() ?? 0
        let textWidth = keys.map { keyWidth + 2 + $0.meaning.displayWidth }.max() ?? 0
        let box = area.centered(width: textWidth + 4, height: keys.count + 2)
        Clear().render(in: box, buffer: &buffer)
        let block = Block(title: AsciiFallback.text("keys · ? or Esc closes", unicode: state.unicode), titleStyle: Theme.focusedBorder, borderType: .double,
                          borderStyle: Theme.focusedBorder, symbols: state.symbols)
        block.render(in: box, buffer: &buffer)
        let inner = block.inner(box).inset(horizontal: 1, vertical: 0)
        let lines = keys.map { k -> Line in
            let shown = state.unicode ? k.keys : k.asciiKeys
            return Line([Span(shown.padded(toWidth: keyWidth), style: Theme.title), Span("  " + AsciiFallback.text(k.meaning, unicode: state.unicode))])
        }
        Paragraph(lines, symbols: state.symbols).render(in: inner, buffer: &buffer)
    }
}
