/// Cells as the ANSI (ECMA-48) bytes a terminal understands: cursor moves, SGR styles and the graphemes.
///
/// What `--record` writes for each frame (the frame's diff, drawn where it changed) and what `:screenshot` writes
/// in its ANSI version (every row, top to bottom). The bytes only use what every xterm-like terminal and asciinema's
/// player know: `ESC[row;colH`, `ESC[...m` (bold 1, dim 2, underline 4, reverse 7, colours 30–37/40–47 and
/// 38;5;N/48;5;N), `ESC[2J`, the cursor's `ESC[?25l`/`h` and the alternate screen's `ESC[?1049h`/`l`.
public enum AnsiText {
    public static let escape = "\u{1B}["
    /// Resets every attribute and colour.
    public static let reset = escape + "0m"
    /// Switches to the alternate screen and hides the cursor, as the live view does when it starts.
    public static let enter = escape + "?1049h" + escape + "?25l"
    /// Shows the cursor and leaves the alternate screen, as the live view does when it ends: the player's terminal
    /// gets its own text back.
    public static let leave = escape + "0m" + escape + "?25h" + escape + "?1049l"
    /// Homes the cursor and clears the whole screen.
    public static let clearScreen = escape + "H" + escape + "2J"

    /// The SGR sequence that sets exactly `style`, starting from a reset (so no earlier attribute leaks in).
    public static func sgr(_ style: Style) -> String {
        var codes = "0"
        if style.bold { codes += ";1" }
        if style.dim { codes += ";2" }
        if style.underline { codes += ";4" }
        if style.reverse { codes += ";7" }
        codes += color(style.fg, base: 30, extended: 38)
        codes += color(style.bg, base: 40, extended: 48)
        return escape + codes + "m"
    }

    private static func color(_ color: Color, base: Int, extended: Int) -> String {
        if let basic = color.basicIndex { return ";\(base + basic)" }
        if case .indexed(let index) = color { return ";\(extended);5;\(index)" }
        return ""
    }

    /// The bytes that draw `changes` on a terminal `width` columns wide whose styles are `support`'s: each run of
    /// neighbouring cells after one cursor move, a style sequence only where the style changes, a reset at the end.
    ///
    /// Continuation cells are skipped (the wide grapheme before them covers both), as the ncurses backend does. The
    /// cursor is moved again after the last column, where terminals differ on what writing there does.
    public static func changes(_ changes: [CellChange], width: Int, colorSupport support: ColorSupport,
                               into out: inout String) {
        var cursor: (x: Int, y: Int)? = nil
        var current: Style? = nil
        for change in changes where !change.cell.isContinuation {
            if cursor.map({ $0.x != change.x || $0.y != change.y }) ?? true {
                out += escape + "\(change.y + 1);\(change.x + 1)H"
            }
            let style = change.cell.style.adapted(to: support)
            if style != current {
                out += sgr(style)
                current = style
            }
            out.append(change.cell.grapheme)
            let next = change.x + max(1, change.cell.grapheme.displayWidth)
            cursor = next < width ? (next, change.y) : nil
        }
        if current != nil { out += reset }
    }

    /// Every row of `buffer`, each styled and ended by a reset and a newline: `cat FILE` shows the screen.
    /// Trailing unstyled blanks are left out of each row.
    public static func screen(_ buffer: Buffer, colorSupport support: ColorSupport = .palette256) -> String {
        var out = ""
        let area = buffer.area
        for y in area.rows {
            var last = area.x - 1
            for x in area.columns where buffer[x, y] != .blank { last = x }
            var current: Style? = nil
            if last >= area.x {
                for x in area.x...last where !buffer[x, y].isContinuation {
                    let cell = buffer[x, y]
                    let style = cell.style.adapted(to: support)
                    if style != current {
                        out += sgr(style)
                        current = style
                    }
                    out.append(cell.grapheme)
                }
            }
            if current != nil { out += reset }
            out += "\n"
        }
        return out
    }

    /// Every row of `buffer` as plain text, trailing blanks trimmed, each ended by a newline.
    public static func plain(_ buffer: Buffer) -> String {
        buffer.lines().map { line in
            var line = Substring(line)
            while line.last == " " { line = line.dropLast() }
            return line + "\n"
        }.joined()
    }
}
