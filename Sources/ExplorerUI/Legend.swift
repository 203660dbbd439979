import TerminalCanvas

/// A legend line under a topology: each entry a glyph in its own style, then the word that names it.
///
/// The star, ring, strips and security marks each have one (some a long and a short form); they differ only in
/// their entries, so they are all built here.
enum Legend {
    /// One glyph (or a run of shades, as `parts`) and its word.
    struct Entry {
        var parts: [Span]
        var word: String

        init(_ glyph: Glyph, _ style: Style, _ word: String) {
            parts = [Span(glyph.description, style: style)]
            self.word = word
        }

        init(parts: [Span], _ word: String) {
            self.parts = parts
            self.word = word
        }
    }

    /// `glyph word` for each entry, separated by `gap`.
    static func line(_ entries: [Entry], gap: String = "  ") -> Line {
        var spans: [Span] = []
        for (k, e) in entries.enumerated() {
            spans += e.parts
            spans.append(Span(" " + e.word + (k == entries.count - 1 ? "" : gap)))
        }
        return Line(spans)
    }

    /// The `long` legend when it fits in `width`, else `short` with single-space gaps.
    static func fitting(_ long: [Entry], else short: [Entry], width: Int) -> Line {
        let full = line(long)
        return full.width <= width ? full : line(short, gap: " ")
    }
}
