/// A bar chart of recent values, one column per value, newest at the right edge.
///
/// Each row holds eight bar heights, so an area `h` rows tall shows `8·h` levels. A value of exactly 0 (or less,
/// or not a number) is blank, while any positive value shows at least the lowest bar: "nothing" and "a little"
/// must look different.
public struct Sparkline: Hashable, Sendable {
    public var values: [Double]
    /// The value of a full-height bar; nil scales to the largest value shown.
    public var max: Double?
    public var style: Style
    public var symbols: Symbols
    /// A reference value drawn as a horizontal line (a capacity), in the blank cells of the row where a bar of that
    /// value ends; bars stay on top of it. Nil or not positive: no line.
    public var line: Double?
    public var lineStyle: Style

    public init(_ values: [Double], max: Double? = nil, style: Style = .plain, symbols: Symbols = .unicode,
                line: Double? = nil, lineStyle: Style = .plain) {
        self.values = values; self.max = max; self.style = style; self.symbols = symbols
        self.line = line; self.lineStyle = lineStyle
    }

    /// The scale `render` uses for `width` columns: `max`, or the largest value shown.
    public func scale(width: Int) -> Double {
        self.max ?? values.suffix(Swift.max(0, width)).filter(\.isFinite).reduce(0) { Swift.max($0, $1) }
    }

    /// The row (from the area's top) where the reference line is drawn in an area `height` rows tall at `scale`:
    /// the row in which a bar of the line's value ends. Nil when there is no line or it is off the chart.
    public func lineRow(scale: Double, height: Int) -> Int? {
        guard let line, line > 0, height > 0 else { return nil }
        let level = self.level(of: line, scale: scale, height: height)
        guard level > 0 else { return nil }
        // A bar of `level` eighths ends in row ⌈level/8⌉ counted from the bottom.
        return height - (level + 7) / 8
    }

    /// The bar height of `value` in eighths of a row, 0…`8·height`.
    public func level(of value: Double, scale: Double, height: Int) -> Int {
        let levels = 8 * height
        // `value > 0` is false for NaN, so a missing sample is blank too.
        guard value > 0, scale > 0, scale.isFinite else { return 0 }
        if value >= scale { return levels }
        // 0 < value < scale here, so the product is small and non-negative: `Int(x + 0.5)` rounds it without
        // libm's `round`, which this module does not link.
        let scaled = Int(value / scale * Double(levels) + 0.5)
        return Swift.min(levels, Swift.max(1, scaled))
    }

    /// Draws the newest `area.width` values, right-aligned.
    public func render(in area: Rect, buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let shown = values.suffix(area.width)
        let scale = scale(width: area.width)
        let blank = Cell(" ", style: style)
        buffer.fill(area, cell: blank)
        if let row = lineRow(scale: scale, height: area.height) {
            buffer.fill(Rect(x: area.x, y: area.y + row, width: area.width, height: 1),
                        cell: Cell(symbols.plainBorder.horizontal, style: lineStyle))
        }
        var x = area.right - shown.count
        for value in shown {
            let level = level(of: value, scale: scale, height: area.height)
            // Fill from the bottom row up: full rows below, the remainder on top.
            var remaining = level
            var y = area.bottom - 1
            while remaining > 0 && y >= area.top {
                let here = Swift.min(8, remaining)
                buffer[x, y] = Cell(symbols.sparkline[here - 1], style: style)
                remaining -= here
                y -= 1
            }
            x += 1
        }
    }
}
