import TerminalCanvas

/// The look chosen with `--theme` or the config file's `theme`.
///
/// The panes always draw with `Theme`'s styles; a theme other than the default is one pass over the finished frame
/// (`Theme.apply`), as colour support is, so no pane knows themes exist and the default costs nothing.
public enum ThemeName: String, CaseIterable, Sendable, Equatable {
    /// The palette the panes are drawn with.
    case `default`
    /// For a projector or a far-away screen: nothing dims (the legends and hints stay readable), every colour but an
    /// idle node's is bold, and busy nodes are reversed as well as filled, so `○` and `●` (and `○` and `◌`) are not
    /// told apart by their shape alone.
    case projector
    /// The Okabe–Ito palette, chosen to stay distinct under every common colour-vision deficiency.
    case colorblind

    /// One line for `netexplorer config` and the help of `--theme`.
    public var summary: String {
        switch self {
        case .default: "the standard palette"
        case .projector: "high contrast: nothing dimmed, colours bold, busy nodes reversed"
        case .colorblind: "the Okabe-Ito palette, distinct under colour-blindness"
        }
    }
}

extension Theme {
    /// Okabe & Ito (2008) "Color Universal Design", as xterm-256 palette indices: the nearest cube colours to
    /// orange #E69F00, sky blue #56B4E9, bluish green #009E73, yellow #F0E442, blue #0072B2, vermillion #D55E00
    /// and reddish purple #CC79A7.
    static let okabeIto: [Color: Color] = [
        blue: .indexed(74),       // idle, and the throughput sparkline: sky blue
        orange: .indexed(178),    // busy, warnings: orange
        red: .indexed(166),       // down, overload, harm: vermillion
        green: .indexed(36),      // the server up, replies: bluish green
        magenta: .indexed(175),   // security: reddish purple
        .yellow: .indexed(227),   // waiting: yellow
        .cyan: .indexed(25),      // focus, requests: blue
        grey: .indexed(250),
    ]

    /// Restyles a finished frame for `theme`; the default theme leaves it as it is.
    static func apply(_ theme: ThemeName, to buffer: inout Buffer) {
        guard theme != .default else { return }
        let area = buffer.area
        for y in area.rows {
            for x in area.columns {
                var cell = buffer[x, y]
                let style = restyled(cell.style, grapheme: cell.grapheme, theme: theme)
                if style != cell.style {
                    cell.style = style
                    buffer[x, y] = cell
                }
            }
        }
    }

    /// One cell's style under `theme`.
    static func restyled(_ style: Style, grapheme: Character, theme: ThemeName) -> Style {
        var s = style
        switch theme {
        case .default:
            break
        case .projector:
            // Dim text is what a projector loses first: legends, hints and the link dots.
            s.dim = false
            if s.fg != .default { s.bold = true }
            if s.fg == grey { s.fg = .default }
            // Idle nodes recede (the only plain node glyph), busy ones are reversed: ○ and ● then differ in weight
            // and in a filled cell, not in their fill alone, and ◌ waiting stays bold beside a plain ○.
            if grapheme == Glyphs.busy.character { s.reverse = true }
            if grapheme == Glyphs.idle.character { s.bold = false }
        case .colorblind:
            if let mapped = okabeIto[s.fg] { s.fg = mapped }
            if let mapped = okabeIto[s.bg] { s.bg = mapped }
        }
        return s
    }
}
