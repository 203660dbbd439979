/// A terminal colour: the terminal's default, one of the 8 basic colours, or an index into the 256-colour palette.
public enum Color: Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    /// An xterm-256 palette index (16–255 are the cube and greys; 0–15 the basic and bright colours).
    case indexed(UInt8)

    /// The 0–7 basic colour number, or nil for `.default` and palette colours.
    public var basicIndex: Int? {
        switch self {
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .default, .indexed: nil
        }
    }
}

/// How many colours the terminal (or the user's wish) allows.
public enum ColorSupport: Int, Sendable, Comparable {
    /// No colour at all (NO_COLOR, --no-color, or a monochrome terminal): attributes only.
    case none = 0
    case basic8 = 8
    case palette256 = 256
    public static func < (a: ColorSupport, b: ColorSupport) -> Bool { a.rawValue < b.rawValue }
}

/// The look of a cell: colours and attributes.
public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.dim = dim; self.reverse = reverse; self.underline = underline
    }

    /// The plain style: default colours, no attributes.
    public static let plain = Style()

    public func fg(_ c: Color) -> Style { var s = self; s.fg = c; return s }
    public func bg(_ c: Color) -> Style { var s = self; s.bg = c; return s }
    public func bolded() -> Style { var s = self; s.bold = true; return s }
    public func dimmed() -> Style { var s = self; s.dim = true; return s }
    public func reversed() -> Style { var s = self; s.reverse = true; return s }

    /// This style as it must be drawn with `support` colours: colours dropped when there are none, palette colours
    /// folded to the nearest basic colour on 8-colour terminals. Attributes are kept, so state stays visible.
    public func adapted(to support: ColorSupport) -> Style {
        switch support {
        case .palette256: return self
        case .none:
            var s = self; s.fg = .default; s.bg = .default; return s
        case .basic8:
            var s = self; s.fg = Style.fold(fg); s.bg = Style.fold(bg); return s
        }
    }

    static func fold(_ c: Color) -> Color {
        guard case .indexed(let i) = c else { return c }
        let basics: [Color] = [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white]
        if i < 16 { return basics[Int(i % 8)] }
        if i >= 232 { return i < 244 ? .black : .white }
        let v = Int(i) - 16
        let r = v / 36, g = (v / 6) % 6, b = v % 6
        let idx = (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0)
        return basics[idx]
    }
}
