/// Which sides of a `Block` have a border.
public struct Borders: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let top = Borders(rawValue: 1)
    public static let bottom = Borders(rawValue: 2)
    public static let left = Borders(rawValue: 4)
    public static let right = Borders(rawValue: 8)
    public static let all: Borders = [.top, .bottom, .left, .right]
    public static let none: Borders = []
}

/// A frame around a pane: a border with a title on its top edge.
///
/// Render the block, then render the pane's content in `inner(area)`.
public struct Block: Hashable, Sendable {
    public var title: String?
    public var titleStyle: Style
    public var titleAlignment: Alignment
    public var borders: Borders
    public var borderType: BorderType
    public var borderStyle: Style
    public var symbols: Symbols

    public init(title: String? = nil, titleStyle: Style = .plain, titleAlignment: Alignment = .left,
                borders: Borders = .all, borderType: BorderType = .plain, borderStyle: Style = .plain,
                symbols: Symbols = .unicode) {
        self.title = title; self.titleStyle = titleStyle; self.titleAlignment = titleAlignment
        self.borders = borders; self.borderType = borderType; self.borderStyle = borderStyle; self.symbols = symbols
    }

    /// The part of `area` inside the border, where the content goes.
    public func inner(_ area: Rect) -> Rect {
        var r = area
        if borders.contains(.left) { r.x += 1; r.width -= 1 }
        if borders.contains(.right) { r.width -= 1 }
        // A title needs the top row even without a top border.
        if borders.contains(.top) || title != nil { r.y += 1; r.height -= 1 }
        if borders.contains(.bottom) { r.height -= 1 }
        return Rect(x: min(r.x, area.right), y: min(r.y, area.bottom), width: r.width, height: r.height)
    }

    // MARK: - Rendering

    /// Draws the border and the title in `area`.
    public func render(in area: Rect, buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let set = symbols.border(borderType)
        let horizontal = Cell(set.horizontal, style: borderStyle)
        let vertical = Cell(set.vertical, style: borderStyle)
        let last = area.right - 1, bottom = area.bottom - 1

        if borders.contains(.top) { buffer.fill(area.row(0), cell: horizontal) }
        if borders.contains(.bottom) { buffer.fill(area.row(area.height - 1), cell: horizontal) }
        if borders.contains(.left) { buffer.fill(area.column(0), cell: vertical) }
        if borders.contains(.right) { buffer.fill(area.column(area.width - 1), cell: vertical) }
        if borders.contains([.top, .left]) { buffer[area.x, area.y] = Cell(set.topLeft, style: borderStyle) }
        if borders.contains([.top, .right]) { buffer[last, area.y] = Cell(set.topRight, style: borderStyle) }
        if borders.contains([.bottom, .left]) { buffer[area.x, bottom] = Cell(set.bottomLeft, style: borderStyle) }
        if borders.contains([.bottom, .right]) { buffer[last, bottom] = Cell(set.bottomRight, style: borderStyle) }

        if let title, !title.isEmpty { renderTitle(title, in: area, buffer: &buffer) }
    }

    /// Writes ` title ` on the top row between the corners, truncated with the ellipsis when the pane is narrow.
    ///
    /// The padding spaces keep the title from touching the border lines; when even one character and its padding
    /// do not fit, the title is left out rather than squeezed against the corners.
    private func renderTitle(_ title: String, in area: Rect, buffer: inout Buffer) {
        let leftInset = borders.contains(.left) ? 1 : 0
        let rightInset = borders.contains(.right) ? 1 : 0
        let room = area.width - leftInset - rightInset
        guard room >= 3 else { return }
        let text = title.truncated(toWidth: room - 2, ellipsis: symbols.ellipsis)
        guard !text.isEmpty else { return }
        let padded = " " + text + " "
        let row = Rect(x: area.x + leftInset, y: area.y, width: room, height: 1)
        let x = row.x + titleAlignment.offset(textWidth: padded.displayWidth, in: room)
        buffer.set(string: padded, at: Position(x: x, y: area.y), style: titleStyle, clippedTo: row)
    }
}
