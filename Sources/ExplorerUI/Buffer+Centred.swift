import TerminalCanvas

extension Buffer {
    /// Writes `text` centred on column `x` (the server's column in the topology views), clipped to `clip`.
    mutating func set(centred text: String, onColumn x: Int, row y: Int, style: Style, clippedTo clip: Rect) {
        set(string: text, at: Position(x: x - (text.displayWidth - 1) / 2, y: y), style: style, clippedTo: clip)
    }
}
