import TerminalCanvas

/// The scenario's description (`i`), which says what to watch, over the panes: wrapped to the box, scrolled with
/// ↑ ↓ page up/down when it is longer than the screen.
public enum DescriptionOverlay {
    /// The box for a body area `area`: a comfortable reading width, as tall as the text needs.
    static func box(for area: Rect, rows: Int) -> Rect {
        let width = min(area.width - 2, 84)
        return area.centered(width: max(0, width), height: max(0, min(area.height, rows + 2)))
    }

    /// The text's lines: the file's own line breaks are folding (YAML `>`), blank lines are paragraphs.
    static func paragraph(_ description: String, symbols: Symbols) -> Paragraph {
        let text = description.trimmingWhitespace
        guard !text.isEmpty else {
            return Paragraph([Line("This scenario has no description.", style: Theme.muted)], symbols: symbols)
        }
        var paragraphs: [String] = [""]
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            // Escaped line by line, so the breaks stay breaks and only the other control characters are spelled out.
            let trimmed = OverlayBox.printable(String(line).trimmingWhitespace)
            if trimmed.isEmpty {
                if paragraphs.last?.isEmpty == false { paragraphs.append("") }
            } else {
                paragraphs[paragraphs.count - 1] += (paragraphs[paragraphs.count - 1].isEmpty ? "" : " ") + trimmed
            }
        }
        if paragraphs.last?.isEmpty == true && paragraphs.count > 1 { paragraphs.removeLast() }
        var out: [Line] = []
        for (i, p) in paragraphs.enumerated() {
            if i > 0 { out.append(Line("")) }
            out.append(Line(p))
        }
        return Paragraph(out, overflow: .wrap, symbols: symbols)
    }

    /// The rows the text is scrolled by at most on a screen of `size`, so that its end sits at the bottom.
    static func maxScroll(description: String, screen size: Size) -> Int {
        let body = Screen.regions(for: size).body
        let inner = box(for: body, rows: body.height).inset(horizontal: 2, vertical: 1)
        let rows = paragraph(description, symbols: .unicode).rowCount(width: inner.width)
        return max(0, rows - inner.height)
    }

    /// Draws the description centred in `area` (the panes' area), scrolled by `state.descriptionScroll`.
    public static func render(state: AppState, area: Rect, buffer: inout Buffer) {
        let paragraph = paragraph(state.scenarioDescription, symbols: state.symbols)
        let width = min(area.width - 2, 84) - 4
        let rows = paragraph.rowCount(width: max(1, width))
        let box = box(for: area, rows: rows)
        let scrolls = rows > box.height - 2
        let arrows = Key.up.helpName(unicode: state.unicode) + Key.down.helpName(unicode: state.unicode)
        let hint = (scrolls ? "\(arrows) scroll \(Glyphs.dot) " : "") + "i or Esc closes"
        let name = OverlayBox.printable(state.scenarioName)
        let inner = OverlayBox.render(title: "about \(Glyphs.dot) " + name, hint: hint, box: box, state: state,
                                      buffer: &buffer)
        var shown = paragraph
        shown.scroll = min(state.descriptionScroll, max(0, rows - inner.height))
        shown.render(in: inner, buffer: &buffer)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (Foundation-free, as `Format` is).
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0.isNewline }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
