@testable import TerminalCanvas

/// `widget` drawn into a blank buffer of `width` × `height` covering the whole buffer.
func rendered(_ widget: some Widget, width: Int, height: Int) -> Buffer {
    var buffer = Buffer(size: Size(width: width, height: height))
    buffer.render(widget, in: buffer.area)
    return buffer
}
