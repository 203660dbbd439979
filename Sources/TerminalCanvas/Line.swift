/// One line of styled text: spans drawn one after the other on a row.
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]
    /// Overrides the alignment of the widget that draws the line; nil keeps the widget's.
    public var alignment: Alignment?

    public init(_ spans: [Span], alignment: Alignment? = nil) { self.spans = spans; self.alignment = alignment }
    public init(_ text: String, style: Style = .plain, alignment: Alignment? = nil) {
        self.init([Span(text, style: style)], alignment: alignment)
    }
    public init(stringLiteral value: String) { self.init(value) }

    /// The number of columns the line takes.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// The line with `ellipsis` replacing what does not fit in `width` columns; unchanged when it fits.
    ///
    /// The ellipsis takes the style of the text it replaces, so a truncated red word ends in a red `…`.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> Line {
        guard self.width > width else { return self }
        guard width > 0 else { return Line([], alignment: alignment) }
        let ellipsisWidth = ellipsis.displayWidth
        let room = ellipsisWidth <= width ? width - ellipsisWidth : width
        var out: [Span] = []
        var used = 0
        var lastStyle = spans.first?.style ?? .plain
        outer: for span in spans {
            lastStyle = span.style
            var text = ""
            for c in span.text {
                let w = c.displayWidth
                if used + w > room {
                    if !text.isEmpty { out.append(Span(text, style: span.style)) }
                    break outer
                }
                text.append(c)
                used += w
            }
            if !text.isEmpty { out.append(Span(text, style: span.style)) }
        }
        if ellipsisWidth <= width { out.append(Span(ellipsis, style: lastStyle)) }
        return Line(out, alignment: alignment)
    }
}

extension Buffer {
    /// Draws `line` on the first row of `area`: truncated with `ellipsis` when too long, placed by the line's own
    /// alignment or else `alignment`.
    ///
    /// - Returns: the number of columns written.
    @discardableResult
    public mutating func set(line: Line, in area: Rect, alignment: Alignment = .left, ellipsis: String = "…") -> Int {
        guard !area.isEmpty else { return 0 }
        let fitted = line.truncated(toWidth: area.width, ellipsis: ellipsis)
        let width = fitted.width
        var x = area.x + (fitted.alignment ?? alignment).offset(textWidth: width, in: area.width)
        let row = area.row(0)
        for span in fitted.spans {
            x += set(string: span.text, at: Position(x: x, y: area.y), style: span.style, clippedTo: row)
        }
        return min(width, area.width)
    }
}
