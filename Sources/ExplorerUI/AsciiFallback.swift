import TerminalCanvas

/// ASCII stand-ins for the few non-ASCII characters in the app's text, so an `--ascii` screen is ASCII through and
/// through, whatever a pane or a scenario name put in it.
enum AsciiFallback {
    /// The ASCII character shown instead of `c` (itself when already ASCII; `?` for anything unknown).
    static func character(for c: Character) -> Character {
        if c.isASCII { return c }
        switch c {
        case "·", "–", "—", "─", "━", "═", "□", "░": return "-"
        case "│", "┃", "║", "⏸": return "|"
        case "┌", "┐", "└", "┘", "┏", "┓", "┗", "┛", "╔", "╗", "╚", "╝", "╭", "╮", "╰", "╯", "•": return "+"
        case "×", "✗": return "x"
        case "⚠": return "!"
        case "…": return "."
        case "≤", "←", "◀": return "<"
        case "→", "▶", "▸": return ">"
        case "↑", "▲": return "^"
        case "↓": return "v"
        case "●", "▓", "▒": return "*"
        case "○", "◦": return "o"
        case "■", "█": return "#"
        case "◆": return "@"
        case "⇄": return "="
        // The security marks become letters the legend names: a shape of punctuation would say nothing.
        case "⚔": return "A"
        case "◎": return "T"
        case "⊘": return "B"
        case "▁": return "_"
        case "▂", "▃": return "."
        case "▄", "▅": return ":"
        case "▆", "▇": return "="
        default: return "?"
        }
    }

    /// `text` as the screen can show it: unchanged with Unicode, every character through `character(for:)` without
    /// (the two-way arrow becomes `<->`, which no single character says).
    static func text(_ text: String, unicode: Bool) -> String {
        guard !unicode, !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var out = ""
        for c in text { if c == "⇄" { out += "<->" } else { out.append(character(for: c)) } }
        return out
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
