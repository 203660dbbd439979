import TerminalCanvas

/// The frame the overlays share (help, scenario picker, description): a cleared box with a double border, its title
/// on the top edge and a hint (which keys move and close it) on the bottom edge, so every overlay reads the same.
enum OverlayBox {
    /// Draws the box in `box` and returns the area inside it, one column of margin on each side.
    static func render(title: String, hint: String, box: Rect, state: AppState, buffer: inout Buffer) -> Rect {
        Clear().render(in: box, buffer: &buffer)
        let block = Block(title: title, titleStyle: Theme.focusedBorder, borderType: .double,
                          borderStyle: Theme.focusedBorder, symbols: state.symbols)
        block.render(in: box, buffer: &buffer)
        // The hint sits on the bottom edge, right-aligned, where it takes no row from the content.
        let room = box.width - 4
        if !hint.isEmpty, room > 2, box.height >= 2 {
            let text = " " + hint.truncated(toWidth: room - 2, ellipsis: state.symbols.ellipsis) + " "
            let x = box.right - 2 - text.displayWidth
            buffer.set(string: text, at: Position(x: x, y: box.bottom - 1), style: Theme.focusedBorder,
                       clippedTo: box)
        }
        return block.inner(box).inset(horizontal: 1, vertical: 0)
    }

    /// `text` with its control characters written as `\u{1B}`: names and descriptions come from files, and an ESC
    /// drawn as nothing would hide what the file really holds.
    static func printable(_ text: String) -> String { CrashScreen.printable(text) }
}
