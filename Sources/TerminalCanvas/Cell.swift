/// One cell of the screen: a grapheme and its style.
///
/// A wide grapheme (CJK, most emoji) occupies two cells: the first holds it, the second is a `continuation` cell that
/// the terminal must not draw over.
public struct Cell: Hashable, Sendable {
    public var grapheme: Character
    public var style: Style
    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool

    public init(_ grapheme: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.grapheme = grapheme; self.style = style; self.isContinuation = isContinuation
    }

    /// An empty, unstyled cell.
    public static let blank = Cell()
}
