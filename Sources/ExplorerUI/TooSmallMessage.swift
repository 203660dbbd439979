import TerminalCanvas

/// What the screen shows below the minimum size: a plain request for a larger window, the program still running.
public enum TooSmallMessage {
    /// The smallest screen the panes are laid out for.
    public static let minimum = Size(width: 80, height: 24)

    /// Draws the message centred in `area`, wrapped when the window is very narrow.
    public static func render(state: AppState, area: Rect, buffer: inout Buffer) {
        let x = Glyphs.times
        let text = "NetExplorer needs at least \(minimum.width)\(x)\(minimum.height); "
            + "this window is \(area.width)\(x)\(area.height)"
        let quit = KeyBindings.name(of: .quit, unicode: state.unicode)
        let paragraph = Paragraph([Line(text, style: Theme.title), Line("(\(quit) quits)", style: Theme.muted)],
                                  overflow: .wrap, alignment: .center, symbols: state.symbols)
        let height = paragraph.rowCount(width: area.width)
        paragraph.render(in: area.centered(width: area.width, height: height), buffer: &buffer)
    }
}
