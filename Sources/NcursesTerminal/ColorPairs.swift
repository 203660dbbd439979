import TerminalCanvas

/// Hands out ncurses colour pairs lazily, one per (foreground, background) combination actually drawn.
///
/// Pure bookkeeping: the caller supplies the `init_pair` call, so this is tested without a terminal.
public struct ColorPairTable: Sendable {
    /// Terminal colour numbers: -1 is the terminal's own default, 0–7 the basic colours, up to 255 the palette.
    public struct Combination: Hashable, Sendable {
        public var foreground: Int
        public var background: Int
        public init(foreground: Int, background: Int) { self.foreground = foreground; self.background = background }
    }

    /// The highest pair number that may be used (pair 0 is fixed to the default colours).
    public let capacity: Int
    /// What the terminal can show; colours are clamped to it.
    public let support: ColorSupport
    /// True after a successful `use_default_colors`: -1 then means "the terminal's own colour".
    public let defaultColorsAvailable: Bool

    private var assigned: [Combination: Int] = [:]
    private var nextPair = 1

    /// - Parameters:
    ///   - colorPairs: ncurses' `COLOR_PAIRS`; pairs above 32767 are not used because `init_pair` takes a short.
    public init(colorPairs: Int, support: ColorSupport, defaultColorsAvailable: Bool) {
        self.capacity = max(0, min(colorPairs - 1, Int(Int16.max)))
        self.support = support
        self.defaultColorsAvailable = defaultColorsAvailable
    }

    /// How many pairs have been handed out so far.
    public var count: Int { nextPair - 1 }

    /// The pair to draw `style` with, creating it through `initialize(pair, fg, bg)` the first time.
    ///
    /// Falls back to pair 0 (default colours) when colour is off, the table is full, or `initialize` fails: the
    /// cell then loses its colour but keeps its text and attributes, which carry every state on their own.
    public mutating func pair(for style: Style, initialize: (_ pair: Int, _ fg: Int, _ bg: Int) -> Bool) -> Int {
        guard support != .none else { return 0 }
        let adapted = style.adapted(to: support)
        let combination = Combination(
            foreground: colorNumber(adapted.fg, isForeground: true),
            background: colorNumber(adapted.bg, isForeground: false))
        if combination == defaultCombination { return 0 }
        if let pair = assigned[combination] { return pair }
        guard nextPair <= capacity else { return 0 }
        let pair = nextPair
        guard initialize(pair, combination.foreground, combination.background) else {
            assigned[combination] = 0  // Do not retry a pair ncurses refused on every cell.
            return 0
        }
        nextPair += 1
        assigned[combination] = pair
        return pair
    }

    /// Forgets every pair, e.g. after the terminal was restarted; the next draws allocate afresh.
    public mutating func reset() {
        assigned.removeAll(keepingCapacity: true)
        nextPair = 1
    }

    /// The combination pair 0 already shows.
    private var defaultCombination: Combination {
        defaultColorsAvailable
            ? Combination(foreground: -1, background: -1) : Combination(foreground: 7, background: 0)
    }

    /// The terminal's number for `color`, clamped to what it can show.
    public func colorNumber(_ color: Color, isForeground: Bool) -> Int {
        switch color {
        case .default:
            // Without use_default_colors, ncurses' defaults are white on black and -1 is rejected.
            return defaultColorsAvailable ? -1 : (isForeground ? 7 : 0)
        case .indexed(let index):
            if support == .palette256 { return Int(index) }
            // `adapted(to:)` already folded palette colours; this only guards a style that slipped through.
            return Style(fg: color).adapted(to: .basic8).fg.basicIndex ?? (isForeground ? 7 : 0)
        default:
            return color.basicIndex ?? (isForeground ? 7 : 0)
        }
    }
}
