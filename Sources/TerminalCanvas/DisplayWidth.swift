// MARK: - Scalar width

extension Unicode.Scalar {
    /// The number of terminal columns this scalar takes on its own: 0, 1 or 2.
    ///
    /// 0 for controls, combining marks, format characters (zero-width joiner, variation selectors) and Hangul
    /// medial/final jamo, which attach to what precedes them; 2 for East Asian Wide and Fullwidth characters and for
    /// characters shown as emoji by default; 1 otherwise. This follows the rules `wcwidth` and Rust's `unicode-width`
    /// use, close enough that the cells we count agree with where the terminal puts the cursor.
    public var displayWidth: Int {
        let v = value
        // Printable ASCII is by far the most common case: answer it without looking at properties.
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v == 0x00AD { return 1 }  // soft hyphen: terminals show it
        if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if Unicode.Scalar.isEastAsianWide(v) || properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth ranges (the classic `wcwidth` table, which terminals agree on).
    static func isEastAsianWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        return (0x1100...0x115F).contains(v)
            || ((0x2E80...0xA4CF).contains(v) && v != 0x303F)
            || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v)
            || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v)
            || (0x20000...0x3FFFD).contains(v)
        // The emoji blocks U+1F300–1F64F and U+1F900–1F9FF are not wide as a whole: only their characters shown as
        // emoji by default are (`isEmojiPresentation`, checked by the caller); the rest, such as U+1F321 🌡, are
        // one column in the C library's `wcwidth`, which ncurses places the cursor by (checked by a test).
    }
}

// MARK: - Character width

extension Character {
    /// The number of terminal columns this grapheme takes: 0, 1 or 2.
    ///
    /// A grapheme is as wide as its first scalar (combining marks and joined emoji ride on it), except that an
    /// emoji followed by U+FE0F (emoji presentation selector) is shown as a 2-column emoji.
    public var displayWidth: Int {
        let scalars = unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = first.displayWidth
        if base == 1, first.properties.isEmoji, scalars.contains("\u{FE0F}") { return 2 }
        return base
    }
}

// MARK: - String width and truncation

extension StringProtocol {
    /// The number of terminal columns the text takes on one line.
    public var displayWidth: Int {
        var width = 0
        for c in self { width += c.displayWidth }
        return width
    }
}

extension String {
    /// The ellipsis a truncated text ends with: `…` when Unicode can be shown, `.` in ASCII mode.
    public static func ellipsis(ascii: Bool) -> String { ascii ? "." : "…" }

    /// The text cut to at most `width` columns, ending with `ellipsis` when something was cut.
    ///
    /// A text that fits is returned unchanged. A wide character that would straddle the limit is dropped rather than
    /// split. When not even the ellipsis fits, the text is simply cut.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if utf8.count <= width, utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return self }
        if displayWidth <= width { return self }
        let ellipsisWidth = ellipsis.displayWidth
        let room = ellipsisWidth <= width ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for c in self {
            let w = c.displayWidth
            if used + w > room { break }
            result.append(c)
            used += w
        }
        return ellipsisWidth <= width ? result + ellipsis : result
    }

    /// The text cut to at most `width` columns with the ellipsis of the mode: `…`, or `.` when `ascii`.
    public func truncated(toWidth width: Int, ascii: Bool) -> String {
        truncated(toWidth: width, ellipsis: .ellipsis(ascii: ascii))
    }

    /// The text padded with spaces (or truncated) to exactly `width` columns, placed by `alignment`.
    public func padded(toWidth width: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        let text = truncated(toWidth: width, ellipsis: ellipsis)
        let gap = max(0, width - text.displayWidth)
        let before: Int
        switch alignment {
        case .left: before = 0
        case .center: before = gap / 2
        case .right: before = gap
        }
        return String(repeating: " ", count: before) + text + String(repeating: " ", count: gap - before)
    }
}
