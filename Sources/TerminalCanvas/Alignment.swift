/// Where text sits in a row that is wider than the text.
public enum Alignment: Hashable, Sendable {
    case left
    case center
    case right

    /// The number of blank columns before a text `textWidth` wide in a row `width` wide (centre rounds left).
    public func offset(textWidth: Int, in width: Int) -> Int {
        let gap = max(0, width - textWidth)
        switch self {
        case .left: return 0
        case .center: return gap / 2
        case .right: return gap
        }
    }
}
