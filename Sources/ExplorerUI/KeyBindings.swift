import TerminalCanvas

/// One row of the key table: its keys, the action each triggers, the line the `?` overlay shows, and the help bar
/// slot it fills, if any.
public struct KeyBinding: Sendable, Equatable {
    /// The keys, in the order the help names them.
    public let keys: [Key]
    /// The action of each key, in the order of `keys` (most rows give all their keys one action).
    public let actions: [Action]
    /// What the keys do, as the `?` overlay says it.
    public let meaning: String
    /// Where the row shows on the help bar; nil when only the overlay lists it.
    let bar: HelpBar.Slot?

    /// A row whose keys all do `action`.
    init(_ keys: Key..., do action: Action, _ meaning: String, bar: HelpBar.Slot? = nil) {
        self.keys = keys
        self.actions = keys.map { _ in action }
        self.meaning = meaning
        self.bar = bar
    }

    /// A row whose keys do different things (a pair of directions).
    init(_ pairs: KeyValuePairs<Key, Action>, _ meaning: String, bar: HelpBar.Slot? = nil) {
        self.keys = pairs.map(\.key)
        self.actions = pairs.map(\.value)
        self.meaning = meaning
        self.bar = bar
    }

    /// The keys as the overlay shows them: `q  F10  Ctrl-C`, or `<-  ->` in ASCII.
    public func names(unicode: Bool) -> String {
        keys.map { $0.helpName(unicode: unicode) }.joined(separator: "  ")
    }
}

/// Every key of the live view, in the order the `?` overlay lists them: the one table that `Action(key:)`, the
/// overlay, the help bar and the README's key table (checked by a test) are read from.
public enum KeyBindings {
    public static let all: [KeyBinding] = [
        KeyBinding(.char("q"), .function(10), .interrupt, do: .quit, "quit", bar: HelpBar.Slot(1, "quit")),
        KeyBinding(.char("?"), .function(1), do: .toggleHelp, "show or hide this help", bar: HelpBar.Slot(2, "help")),
        KeyBinding(.escape, do: .closeHelp, "close an overlay or readout; fold/unselect log line"),
        KeyBinding(.char(" "), .char("p"), do: .togglePause, "pause or resume the simulation",
                   bar: HelpBar.Slot(3, "pause", whenPaused: "resume")),
        KeyBinding(.char("."), do: .stepOnce, "one event at a time (pauses first)"),
        KeyBinding(.char("<"), .char(","), do: .slower, "slower (down to 0.1×)", bar: HelpBar.Slot.speed),
        KeyBinding(.char(">"), do: .faster, "faster (up to 1000×)", bar: HelpBar.Slot.speed),
        KeyBinding(.char("+"), .char("="), do: .addNodes, "add clients or peers (a tenth more, at least 5)",
                   bar: HelpBar.Slot.population),
        KeyBinding(.char("-"), .char("_"), do: .removeNodes, "remove clients or peers", bar: HelpBar.Slot.population),
        KeyBinding([.tab: .nextPane, .backTab: .previousPane], "focus the next / previous pane",
                   bar: HelpBar.Slot(10, "pane")),
        KeyBinding([.left: .selectPrevious, .right: .selectNext], "select the previous / next node"),
        KeyBinding([.up: .selectUp, .down: .selectDown], "jump through nodes; select a log line; scroll"),
        KeyBinding(.enter, do: .toggleEventDetail, "unfold or fold the selected event-log line"),
        KeyBinding(.char("x"), do: .toggleSelectedNode, "crash or revive the selected node (server)",
                   bar: HelpBar.Slot(7, "crash")),
        KeyBinding(.char("d"), do: .failSelectedDisk, "fail the selected node's disk (the server's)"),
        KeyBinding(.char("f"), do: .flashCrowd, "flash crowd: a burst of requests at once",
                   bar: HelpBar.Slot(8, "flash")),
        KeyBinding(.char("k"), do: .crashShare, "crash 30% of the peers up at once (:crash-share N)"),
        KeyBinding(.char("e"), do: .cycleEventFilter, "event filter: all, security, overload, failures",
                   bar: HelpBar.Slot(11, "filter")),
        KeyBinding(.char("a"), do: .toggleAttack, "start or stop an attack", bar: HelpBar.Slot(9, "attack")),
        KeyBinding(.char("t"), do: .toggleArchitecture, "toggle client-server ⇄ peer mesh",
                   bar: HelpBar.Slot(5, "to mesh", underMesh: "to server")),
        KeyBinding(.char("r"), do: .restart, "restart the scenario from t=0", bar: HelpBar.Slot(12, "restart")),
        KeyBinding([.char("["): .removeWorker, .char("]"): .addWorker], "remove / add a server worker (:set workers)"),
        KeyBinding([.char(":"): .openCommandLine, .char("/"): .openSearch], "command line (:set, :pause-on) / log search"),
        KeyBinding(.char("o"), do: .openPicker, "open a scenario: a built-in or a .yaml file here"),
        KeyBinding(.char("l"), do: .openLessons, "lessons: predict, run, check (Enter answers, goes on)"),
        KeyBinding(.char("i"), do: .toggleDescription, "the scenario's description: what to watch"),
        KeyBinding(.char("b"), do: .rewindBack, "rewind a tenth of the charts' span (replays the commands)"),
        KeyBinding(.char("n"), do: .rewindForward, "forward a tenth of the span again while rewound"),
        KeyBinding(.char("g"), do: .rewindToLive, "back to the live end (a command key while rewound forks)"),
    ]

    /// Each key's action (the first row wins should a key be bound twice, which `KeyTableTests` refuses).
    static let actionByKey: [Key: Action] = Dictionary(all.flatMap { zip($0.keys, $0.actions) },
                                                       uniquingKeysWith: { first, _ in first })

    /// The action `key` stands for; `.none` for a key with no meaning.
    static func action(for key: Key) -> Action {
        if let action = actionByKey[key] { return action }
        // Letters work with caps lock on: a classroom keyboard is not always in the state you left it.
        if case .char(let c) = key, c.isUppercase, let lower = c.lowercased().first, c.lowercased().count == 1 {
            return actionByKey[.char(lower)] ?? .none
        }
        return .none
    }

    /// The first key that does `action`, as the screen names it (`x`, or `<-` in ASCII), for hints in the panes.
    static func name(of action: Action, unicode: Bool) -> String {
        for row in all {
            if let i = row.actions.firstIndex(of: action) { return row.keys[i].helpName(unicode: unicode) }
        }
        preconditionFailure("no key does \(action)")
    }
}
