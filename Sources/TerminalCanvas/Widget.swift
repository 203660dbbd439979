/// Something that draws itself into an area of a `Buffer`; every widget of this module is one.
///
/// Widgets are plain values built fresh each frame from the app state; drawing never touches a terminal.
public protocol Widget {
    /// Draws into `area` of `buffer`, never outside it.
    func render(in area: Rect, buffer: inout Buffer)
}

extension Buffer {
    /// Draws `widget` into `area` of this buffer: `buffer.render(block, in: pane)`.
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(in: area, buffer: &self)
    }
}

extension Block: Widget {}
extension Paragraph: Widget {}
extension Table: Widget {}
extension ListView: Widget {}
extension Sparkline: Widget {}
extension Gauge: Widget {}
