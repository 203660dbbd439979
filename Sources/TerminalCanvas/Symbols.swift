/// The look of a border: which line glyphs a `Block` draws with.
public enum BorderType: Hashable, Sendable {
    /// Thin lines: `┌─┐`.
    case plain
    /// Thin lines with rounded corners: `╭─╮`.
    case rounded
    /// Heavy lines: `┏━┓` (ASCII: `+=+`), e.g. for the focused pane.
    case thick
    /// Double lines: `╔═╗` (ASCII: `+=+`).
    case double
}

/// The six glyphs of a rectangular border.
public struct BorderSet: Hashable, Sendable {
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var horizontal: Character
    public var vertical: Character

    public init(topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character,
                horizontal: Character, vertical: Character) {
        self.topLeft = topLeft; self.topRight = topRight; self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight; self.horizontal = horizontal; self.vertical = vertical
    }

    /// The six glyphs: corners clockwise from the top left, then the horizontal and the vertical line.
    public var glyphs: [Character] { [topLeft, topRight, bottomRight, bottomLeft, horizontal, vertical] }
}

/// Every glyph the widgets draw with, in a Unicode set and an ASCII set; the app picks one from the terminal's
/// `supportsUnicode` (and `--ascii`), so no widget decides on its own.
///
/// Every glyph is one column wide in both sets, so a layout looks the same in either mode.
public struct Symbols: Hashable, Sendable {
    /// True for the Unicode set.
    public var isUnicode: Bool

    // MARK: - Borders
    public var plainBorder: BorderSet
    public var roundedBorder: BorderSet
    public var thickBorder: BorderSet
    public var doubleBorder: BorderSet

    // MARK: - Bars
    /// Eight bar heights, lowest first: a sparkline cell at level n (1…8) shows `sparkline[n - 1]`.
    public var sparkline: [Character]
    /// A filled gauge cell.
    public var gaugeFilled: Character
    /// An empty gauge cell.
    public var gaugeEmpty: Character
    /// The mark for a limit on a gauge (a queue's capacity, a threshold).
    public var marker: Character

    // MARK: - Text
    /// Ends a truncated text.
    public var ellipsis: String
    /// Starts a list item.
    public var bullet: Character
    /// Points at the selected row of a list or table.
    public var selection: Character
    public var arrowUp: Character
    public var arrowDown: Character
    public var arrowLeft: Character
    public var arrowRight: Character

    /// The glyphs of a border of `type`.
    public func border(_ type: BorderType) -> BorderSet {
        switch type {
        case .plain: plainBorder
        case .rounded: roundedBorder
        case .thick: thickBorder
        case .double: doubleBorder
        }
    }

    /// The Unicode set: box drawing, block elements, arrows.
    public static let unicode = Symbols(
        isUnicode: true,
        plainBorder: BorderSet(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│"),
        roundedBorder: BorderSet(topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│"),
        thickBorder: BorderSet(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃"),
        doubleBorder: BorderSet(topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝", horizontal: "═", vertical: "║"),
        sparkline: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        gaugeFilled: "█", gaugeEmpty: "░", marker: "┃",
        ellipsis: "…", bullet: "•", selection: "▶",
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→")

    /// The ASCII set, for old consoles, screen readers and non-UTF-8 locales.
    ///
    /// Sparkline levels rise from the baseline (`_`) through dots and dashes to `#`, the same glyph as a full gauge,
    /// so "a little" and "a lot" still read at a glance. Thick and double borders use `=` so a focused pane differs.
    /// The bullet is `+`, as the live view's request dot `•` is: one character, one stand-in.
    public static let ascii = Symbols(
        isUnicode: false,
        plainBorder: BorderSet(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|"),
        roundedBorder: BorderSet(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|"),
        thickBorder: BorderSet(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "=", vertical: "|"),
        doubleBorder: BorderSet(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "=", vertical: "|"),
        sparkline: ["_", ".", ":", "-", "=", "+", "*", "#"],
        gaugeFilled: "#", gaugeEmpty: "-", marker: "|",
        ellipsis: ".", bullet: "+", selection: ">",
        arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">")

    /// Every glyph of the set in a fixed order, the ellipsis's characters included, so that the Unicode and the ASCII
    /// set pair up glyph for glyph.
    public var glyphs: [Character] {
        [plainBorder, roundedBorder, thickBorder, doubleBorder].flatMap(\.glyphs) + sparkline
            + [gaugeFilled, gaugeEmpty, marker] + Array(ellipsis)
            + [bullet, selection, arrowUp, arrowDown, arrowLeft, arrowRight]
    }

    /// Each Unicode glyph with the ASCII one that stands for it, one pair per use: a character with two uses (`█`
    /// fills a gauge and tops a sparkline) comes twice, with the same ASCII both times (tested), so an app that
    /// replaces Unicode cell by cell can read its stand-ins from here.
    public static var asciiFallbacks: [(unicode: Character, ascii: Character)] {
        Array(zip(unicode.glyphs, ascii.glyphs))
    }

    /// The Unicode set when `unicode` is true, else the ASCII set.
    public static func forUnicode(_ unicode: Bool) -> Symbols { unicode ? .unicode : .ascii }
}
