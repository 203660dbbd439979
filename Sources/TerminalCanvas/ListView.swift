/// A scrolling list of one-line items with a selected item that is highlighted and kept in view.
///
/// Named `ListView` rather than `List` to stay clear of other `List` types an importer may see.
public struct ListView: Hashable, Sendable {
    public var items: [Line]
    public var selected: Int?
    /// Laid over the selected row, keeping the items' own colours.
    public var highlightStyle: Style
    /// Drawn before the selected item (e.g. `"> "`); other items are indented by its width so they stay aligned.
    /// Nil for none: then only the highlight style marks the selection, so give it an attribute such as reverse.
    public var highlightSymbol: String?
    /// The first item shown at the previous frame; the view scrolls from there just enough to show `selected`.
    public var offset: Int
    public var symbols: Symbols

    public init(_ items: [Line], selected: Int? = nil, highlightStyle: Style = Style().reversed(),
                highlightSymbol: String? = nil, offset: Int = 0, symbols: Symbols = .unicode) {
        self.items = items; self.selected = selected; self.highlightStyle = highlightStyle
        self.highlightSymbol = highlightSymbol; self.offset = offset; self.symbols = symbols
    }

    /// The first item shown when rendered in `area`; store it as the next frame's `offset`.
    public func visibleOffset(in area: Rect) -> Int {
        scrollOffset(previous: offset, selected: selected, count: items.count, height: area.height)
    }

    /// Draws the items that fit in `area`, one a row, from `visibleOffset(in:)`.
    public func render(in area: Rect, buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let symbol = highlightSymbol ?? ""
        let symbolWidth = min(symbol.displayWidth, area.width)
        let first = visibleOffset(in: area)
        for (row, index) in (first..<items.count).prefix(area.height).enumerated() {
            let rowArea = area.row(row)
            let isSelected = index == selected
            if isSelected && symbolWidth > 0 {
                buffer.set(string: symbol, at: rowArea.position, clippedTo: rowArea)
            }
            let text = Rect(x: rowArea.x + symbolWidth, y: rowArea.y, width: rowArea.width - symbolWidth, height: 1)
            buffer.set(line: items[index], in: text, ellipsis: symbols.ellipsis)
            if isSelected { buffer.patchStyle(rowArea, style: highlightStyle) }
        }
    }
}
