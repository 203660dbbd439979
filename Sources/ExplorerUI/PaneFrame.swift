import TerminalCanvas

/// The border every pane is drawn in: thick and coloured when the pane has the focus, so the class sees where the
/// arrows act even without colour.
enum PaneFrame {
    /// Draws the frame of `pane` titled `title` in `area` and returns the area inside it.
    static func render(_ pane: Pane, title: String, state: AppState, area: Rect, buffer: inout Buffer) -> Rect {
        let focused = state.focus == pane
        let block = Block(
            title: title, titleStyle: focused ? Theme.focusedBorder : Theme.title,
            borderType: focused ? .thick : .plain, borderStyle: focused ? Theme.focusedBorder : Theme.border,
            symbols: state.symbols)
        block.render(in: area, buffer: &buffer)
        return block.inner(area)
    }
}

extension Buffer {
    /// Writes spans one after the other on row `y` from column `x`, clipped to `clip`; returns the column reached.
    @discardableResult
    mutating func put(_ spans: [Span], x: Int, y: Int, clip: Rect) -> Int {
        var cx = x
        for span in spans {
            cx += set(string: span.text, at: Position(x: cx, y: y), style: span.style, clippedTo: clip)
        }
        return cx
    }
}
