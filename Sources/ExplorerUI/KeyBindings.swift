/// One line of the help: the keys and what they do.
public struct KeyBinding: Sendable, Equatable {
    /// The keys as the help overlay shows them (Unicode arrows).
    public var keys: String
    /// The same keys spelled in ASCII.
    public var asciiKeys: String
    public var meaning: String

    public init(_ keys: String, ascii: String? = nil, _ meaning: String) {
        self.keys = keys; self.asciiKeys = ascii ?? keys; self.meaning = meaning
    }
}

/// Every key of the live view (the README's key table), in the order the help overlay lists them.
public enum KeyBindings {
    /// All keys, for the `?` overlay.
    public static let all: [KeyBinding] = [
        KeyBinding("q  F10", "quit"),
        KeyBinding("?  F1", "show or hide this help"),
        KeyBinding("Esc", "close this help"),
        KeyBinding("space  p", "pause or resume the simulation"),
        KeyBinding(".", "one event at a time (pauses first)"),
        KeyBinding("<  ,", "slower (down to 0.1×)"),
        KeyBinding(">", "faster (up to 1000×)"),
        KeyBinding("+  =", "add clients or peers (a tenth more, at least 5)"),
        KeyBinding("-  _", "remove clients or peers"),
        KeyBinding("tab  shift-tab", "focus the next / previous pane"),
        KeyBinding("←  →", ascii: "<-  ->", "select the previous / next node"),
        KeyBinding("↑  ↓", ascii: "up  down", "jump through nodes; scroll the event log"),
        KeyBinding("x", "crash or revive the selected node (server)"),
        KeyBinding("f", "flash crowd: a burst of requests at once"),
        KeyBinding("e", "event filter: all, security, overload, failures"),
        KeyBinding("a", "start or stop an attack"),
        KeyBinding("t", "toggle client-server ⇄ peer mesh"),
        KeyBinding("r", "restart the scenario from t=0"),
    ]

    /// The keys the always-visible help bar shows, most useful first: (key, label). Some labels follow the state
    /// (`HelpBar.label(for:_:snapshot:state:)`): `t` says where it goes, `+-` what it adds.
    static let bar: [(key: String, label: String)] = [
        ("q", "quit"), ("?", "help"), ("space", "pause"), ("<>", "speed"), ("t", "to mesh"), ("+-", "clients"),
        ("x", "crash"), ("f", "flash"), ("a", "attack"), ("tab", "pane"), ("e", "filter"), ("r", "restart"),
    ]
}
