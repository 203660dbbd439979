/// Text that came from a user (a file name, a scenario's name, a value in a file) made safe to print on a terminal.
///
/// A value holding ESC could move the cursor, recolour or clear the screen, and a newline could forge a second
/// `netexplorer:` line; so every control character is shown as an escape instead: `\e`, `\n`, `\x07`, `\u{9B}`. The
/// same goes for the bidirectional overrides, which can make a line read differently from what it holds.
enum TerminalText {
    /// `text` with its control characters escaped; newlines are kept when `keepingNewlines` (a table's rows).
    static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingNewlines) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingNewlines) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{1B}": out += "\\e"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{" + hex + "}"
            }
        }
        return out
    }

    private static func needsEscape(_ s: Unicode.Scalar, _ keepingNewlines: Bool) -> Bool {
        switch s.value {
        case 0x0A: return !keepingNewlines
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Bidirectional embeddings, overrides and isolates; line and paragraph separators.
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
