/// Blanks an area: drawn first under an overlay (help, dialog) so the panes beneath do not show through.
public struct Clear: Hashable, Sendable, Widget {
    /// The style of the blank cells (a background colour for the overlay, say).
    public var style: Style

    public init(style: Style = .plain) { self.style = style }

    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.fill(area, cell: Cell(" ", style: style))
    }
}
