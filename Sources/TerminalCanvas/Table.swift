/// One row of a `Table`: a line per column and a style laid under the whole row.
public struct Row: Hashable, Sendable {
    public var cells: [Line]
    public var style: Style

    public init(_ cells: [Line], style: Style = .plain) { self.cells = cells; self.style = style }
    /// A row of plain strings.
    public init(strings: [String], style: Style = .plain) { self.init(strings.map { Line($0) }, style: style) }
}

/// Rows of columns with a header: column widths from constraints, cells truncated with the ellipsis, an optional
/// highlighted (selected) row kept in view.
public struct Table: Hashable, Sendable {
    public var header: Row?
    public var rows: [Row]
    /// One constraint per column, resolved like `Layout.horizontal(widths, spacing: columnSpacing)`.
    public var widths: [Constraint]
    /// Blank columns between neighbouring columns.
    public var columnSpacing: Int
    /// Laid over the header row (the header's own style comes first).
    public var headerStyle: Style
    /// The selected row, counted in `rows` (the header is not counted).
    public var selected: Int?
    /// Laid over the selected row, keeping the cells' own colours.
    public var highlightStyle: Style
    /// The first row shown at the previous frame; the view scrolls from there just enough to show `selected`.
    public var offset: Int
    public var symbols: Symbols

    public init(header: Row? = nil, rows: [Row], widths: [Constraint], columnSpacing: Int = 1,
                headerStyle: Style = Style().bolded(), selected: Int? = nil,
                highlightStyle: Style = Style().reversed(), offset: Int = 0, symbols: Symbols = .unicode) {
        self.header = header; self.rows = rows; self.widths = widths; self.columnSpacing = columnSpacing
        self.headerStyle = headerStyle; self.selected = selected; self.highlightStyle = highlightStyle
        self.offset = offset; self.symbols = symbols
    }

    /// The first data row shown when rendered in `area`; store it as the next frame's `offset`.
    public func visibleOffset(in area: Rect) -> Int {
        let height = max(0, area.height - (header == nil ? 0 : 1))
        return scrollOffset(previous: offset, selected: selected, count: rows.count, height: height)
    }

    // MARK: - Rendering

    /// Draws the header on the first row of `area` and as many rows as fit below it.
    public func render(in area: Rect, buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let columns = Layout.horizontal(widths, spacing: columnSpacing).split(area.row(0))
        var y = 0
        if let header {
            draw(header, columns: columns, rowArea: area.row(0), buffer: &buffer)
            buffer.patchStyle(area.row(0), style: headerStyle)
            y = 1
        }
        let first = visibleOffset(in: area)
        var index = first
        while y < area.height, index < rows.count {
            let rowArea = area.row(y)
            draw(rows[index], columns: columns, rowArea: rowArea, buffer: &buffer)
            if index == selected { buffer.patchStyle(rowArea, style: highlightStyle) }
            y += 1; index += 1
        }
    }

    private func draw(_ row: Row, columns: [Rect], rowArea: Rect, buffer: inout Buffer) {
        if row.style != .plain { buffer.setStyle(rowArea, style: row.style) }
        for (column, line) in zip(columns, row.cells) where !column.isEmpty {
            var line = line
            // Spans without their own colours take the row's, so a styled row stays styled under its text.
            for i in line.spans.indices { line.spans[i].style = row.style.patched(with: line.spans[i].style) }
            buffer.set(line: line, in: Rect(x: column.x, y: rowArea.y, width: column.width, height: 1),
                       ellipsis: symbols.ellipsis)
        }
    }
}
