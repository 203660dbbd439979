/// A horizontal bar showing a ratio (0…1) with a centred label and an optional marker, e.g. a queue against its
/// capacity.
///
/// A positive ratio always fills at least one cell and a ratio below 1 never fills the last one, so "empty",
/// "almost empty", "almost full" and "full" all look different.
public struct Gauge: Hashable, Sendable {
    public var ratio: Double
    /// Centred on the middle row, drawn over the bar (e.g. "42/64").
    public var label: String?
    /// A position on the bar (0…1) drawn with `symbols.marker`, e.g. a threshold or a capacity line.
    public var marker: Double?
    public var filledStyle: Style
    public var emptyStyle: Style
    /// The style of label characters over the empty part; over the filled part they take the filled style
    /// reversed, so they stay readable on the bar with or without colour.
    public var labelStyle: Style
    public var markerStyle: Style
    public var symbols: Symbols

    public init(ratio: Double, label: String? = nil, marker: Double? = nil, filledStyle: Style = .plain,
                emptyStyle: Style = .plain, labelStyle: Style = .plain, markerStyle: Style = Style().bolded(),
                symbols: Symbols = .unicode) {
        self.ratio = ratio; self.label = label; self.marker = marker; self.filledStyle = filledStyle
        self.emptyStyle = emptyStyle; self.labelStyle = labelStyle; self.markerStyle = markerStyle
        self.symbols = symbols
    }

    /// The number of filled cells in a bar `width` cells wide.
    public func filledCells(width: Int) -> Int {
        guard width > 0, ratio > 0, !ratio.isNaN else { return 0 }
        if ratio >= 1 { return width }
        // `Int(x + 0.5)` rounds a non-negative value without libm's `round`, which this module does not link.
        let cells = Int(ratio * Double(width) + 0.5)
        return min(width - 1, max(1, cells))
    }

    /// The column (0-based within the bar) of the marker, or nil when there is none.
    public func markerColumn(width: Int) -> Int? {
        guard let marker, marker.isFinite, width > 0 else { return nil }
        // The marker sits on the first cell past a bar filled to `marker`: reaching it means "at the limit".
        // Clamped first: converting a huge Double to Int would trap.
        let column = Int(Swift.min(1, Swift.max(0, marker)) * Double(width))
        return min(width - 1, column)
    }

    /// Draws the bar on every row of `area`, the marker on every row, and the label on the middle row.
    public func render(in area: Rect, buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let filled = filledCells(width: area.width)
        let markerAt = markerColumn(width: area.width)
        for y in area.rows {
            for i in 0..<area.width {
                let cell: Cell
                if i == markerAt {
                    cell = Cell(symbols.marker, style: markerStyle)
                } else if i < filled {
                    cell = Cell(symbols.gaugeFilled, style: filledStyle)
                } else {
                    cell = Cell(symbols.gaugeEmpty, style: emptyStyle)
                }
                buffer[area.x + i, y] = cell
            }
        }
        guard let label, !label.isEmpty else { return }
        let text = label.truncated(toWidth: area.width, ellipsis: symbols.ellipsis)
        let start = Alignment.center.offset(textWidth: text.displayWidth, in: area.width)
        let y = area.y + area.height / 2
        var i = start
        for c in text {
            let w = c.displayWidth
            guard w > 0 else { continue }
            var style = labelStyle
            if i < filled {
                // Over the bar, the bar's own style reversed: the text reads as a gap in the bar, with or without
                // colour. Only the label's boldness carries over.
                style = filledStyle
                style.reverse.toggle()
                style.bold = style.bold || labelStyle.bold
            }
            buffer.set(string: String(c), at: Position(x: area.x + i, y: y), style: style, clippedTo: area)
            i += w
        }
    }
}
