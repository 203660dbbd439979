import TerminalCanvas

extension Key {
    /// How the help, the hints and the README name this key. The arrows are spelled out in ASCII (`<-`, `up`): a
    /// key name is read, not laid out on a grid, so it need not keep the glyph's width as `AsciiFallback` must.
    func helpName(unicode: Bool) -> String {
        switch self {
        case .char(" "): "space"
        case .char(let c): String(c)
        case .function(let n): "F\(n)"
        case .interrupt: "Ctrl-C"
        case .control(let c): "Ctrl-" + c.uppercased()
        case .escape: "Esc"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .enter: "enter"
        case .backspace: "backspace"
        case .home: "home"
        case .end: "end"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .left: unicode ? "←" : "<-"
        case .right: unicode ? "→" : "->"
        case .up: unicode ? "↑" : "up"
        case .down: unicode ? "↓" : "down"
        }
    }
}
