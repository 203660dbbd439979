/// A run of text in one style: the smallest piece of styled text.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) { self.text = text; self.style = style }
    public init(stringLiteral value: String) { self.init(value) }

    /// The number of columns the text takes.
    public var width: Int { text.displayWidth }
}
