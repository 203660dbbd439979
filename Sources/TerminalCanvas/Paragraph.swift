/// Lines of styled text in an area: wrapped at word boundaries or truncated, aligned left, centre or right.
public struct Paragraph: Hashable, Sendable {
    /// What happens to a line wider than the area.
    public enum Overflow: Hashable, Sendable {
        /// Cut it, ending with the ellipsis.
        case truncate
        /// Continue it on the next rows, breaking between words (inside a word only when it is wider than a row).
        case wrap
    }

    public var lines: [Line]
    public var overflow: Overflow
    public var alignment: Alignment
    /// Rows of the laid-out text to skip at the top: how a long text (help, event log) is scrolled.
    public var scroll: Int
    public var symbols: Symbols

    public init(_ lines: [Line], overflow: Overflow = .truncate, alignment: Alignment = .left, scroll: Int = 0,
                symbols: Symbols = .unicode) {
        self.lines = lines; self.overflow = overflow; self.alignment = alignment; self.scroll = scroll
        self.symbols = symbols
    }

    /// A paragraph of plain text, one `Line` for each line of `text`.
    public init(text: String, style: Style = .plain, overflow: Overflow = .truncate, alignment: Alignment = .left,
                symbols: Symbols = .unicode) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0), style: style) }
        self.init(lines, overflow: overflow, alignment: alignment, symbols: symbols)
    }

    // MARK: - Layout

    /// The rows the text takes in an area `width` columns wide, before scrolling.
    public func rows(width: Int) -> [Line] {
        switch overflow {
        case .truncate: return lines.map { $0.truncated(toWidth: width, ellipsis: symbols.ellipsis) }
        case .wrap: return lines.flatMap { Paragraph.wrap($0, width: width) }
        }
    }

    /// The number of rows the text needs at `width`, so the caller can size a pane or bound its scrolling.
    public func rowCount(width: Int) -> Int { rows(width: width).count }

    // MARK: - Rendering

    /// Draws the rows that fit in `area`, starting `scroll` rows down.
    public func render(in area: Rect, buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let rows = rows(width: area.width)
        let first = max(0, scroll)
        guard first < rows.count else { return }
        for (i, line) in rows[first...].prefix(area.height).enumerated() {
            buffer.set(line: line, in: area.row(i), alignment: alignment, ellipsis: symbols.ellipsis)
        }
    }

    // MARK: - Word wrap

    /// One character of a line with its style and width, the unit the wrapper works in.
    private struct Glyph {
        var character: Character
        var style: Style
        var width: Int
        var isSpace: Bool { character == " " }
    }

    /// Breaks `line` into rows of at most `width` columns, greedily, between words.
    ///
    /// Spaces at a break are dropped (a wrapped row never starts with the space that separated it from the row
    /// above); leading spaces of the line itself are kept, since they are indentation. An empty line stays one
    /// empty row, so blank lines keep their place.
    static func wrap(_ line: Line, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        var glyphs: [Glyph] = []
        for span in line.spans {
            for c in span.text {
                let w = c.displayWidth
                if w > 0 { glyphs.append(Glyph(character: c, style: span.style, width: w)) }
            }
        }
        if glyphs.isEmpty { return [Line([], alignment: line.alignment)] }

        var rows: [[Glyph]] = []
        var current: [Glyph] = []
        var currentWidth = 0
        var i = 0
        var atLineStart = true
        while i < glyphs.count {
            // The spaces before the next word, then the word itself.
            var spaces: [Glyph] = []
            while i < glyphs.count, glyphs[i].isSpace { spaces.append(glyphs[i]); i += 1 }
            var word: [Glyph] = []
            while i < glyphs.count, !glyphs[i].isSpace { word.append(glyphs[i]); i += 1 }
            let spaceWidth = spaces.reduce(0) { $0 + $1.width }
            let wordWidth = word.reduce(0) { $0 + $1.width }

            if atLineStart {
                // Indentation: keep what fits on the first row.
                for s in spaces where currentWidth + s.width <= width { current.append(s); currentWidth += s.width }
                atLineStart = false
            } else if currentWidth + spaceWidth + wordWidth <= width {
                current += spaces; currentWidth += spaceWidth
            } else if !word.isEmpty {
                rows.append(current); current = []; currentWidth = 0
            }
            guard !word.isEmpty else { continue }
            if currentWidth + wordWidth <= width {
                current += word; currentWidth += wordWidth
                continue
            }
            // A word wider than a row: start it on a fresh row and break it by characters.
            if !current.isEmpty && currentWidth > 0 && !current.allSatisfy(\.isSpace) {
                rows.append(current); current = []; currentWidth = 0
            }
            for g in word {
                if currentWidth + g.width > width && !current.isEmpty {
                    rows.append(current); current = []; currentWidth = 0
                }
                current.append(g); currentWidth += g.width
            }
        }
        rows.append(current)
        return rows.map { glyphRow in
            // Rebuild spans from runs of equal style so the row renders like the original line.
            var spans: [Span] = []
            for g in glyphRow {
                if let last = spans.last, last.style == g.style {
                    spans[spans.count - 1].text.append(g.character)
                } else {
                    spans.append(Span(String(g.character), style: g.style))
                }
            }
            return Line(spans, alignment: line.alignment)
        }
    }
}
