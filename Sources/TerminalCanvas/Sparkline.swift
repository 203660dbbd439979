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

    public init(_ values: [Double], max: Double? = nil, style: Style = .plain, symbols: Symbols = .unicode) {
        self.values = values; self.max = max; self.style = style; self.symbols = symbols
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
        let scale = self.max ?? shown.filter(\.isFinite).reduce(0) { Swift.max($0, $1) }
        let blank = Cell(" ", style: style)
        buffer.fill(area, cell: blank)
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
