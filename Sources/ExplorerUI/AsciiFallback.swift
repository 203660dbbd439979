import TerminalCanvas

/// Turns a finished frame into ASCII for a terminal without Unicode (`--ascii`, a non-UTF-8 locale), cell by cell.
///
/// The stand-ins come from the two glyph tables and nowhere else: the app's `Glyphs` and the canvas's `Symbols`
/// (which agree where they share a character). Every stand-in is as wide as its glyph, so the ASCII frame keeps
/// the Unicode frame's layout; a character in neither table (a scenario name's) becomes `?`.
enum AsciiFallback {
    /// The stand-in of each non-ASCII character the program draws.
    static let table: [Character: Character] = {
        var table: [Character: Character] = [:]
        for (glyph, ascii) in Symbols.asciiFallbacks { table[glyph] = ascii }
        for glyph in Glyphs.all { table[glyph.character] = glyph.ascii }
        return table
    }()

    /// The ASCII character shown instead of `c` (itself when already ASCII; `?` for anything unknown).
    static func character(for c: Character) -> Character {
        c.isASCII ? c : table[c] ?? "?"
    }

    /// Replaces every non-ASCII cell of `buffer` with its stand-in; a wide character becomes `?` and a blank.
    static func apply(to buffer: inout Buffer) {
        let area = buffer.area
        for y in area.rows {
            for x in area.columns {
                var cell = buffer[x, y]
                if cell.isContinuation {
                    cell.isContinuation = false
                    cell.grapheme = " "
                    buffer[x, y] = cell
                } else if !cell.grapheme.isASCII {
                    cell.grapheme = character(for: cell.grapheme)
                    buffer[x, y] = cell
                }
            }
        }
    }
}
