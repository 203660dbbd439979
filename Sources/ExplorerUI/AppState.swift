import NetworkEngine
import TerminalCanvas

/// Everything the live view remembers between frames that is not the network itself.
///
/// Only `update(_:_:context:)` changes it; render functions read it. The network's state is never copied here: it
/// arrives fresh in each frame's `Snapshot`.
public struct AppState: Sendable, Equatable {
    /// The scenario's name, for the status bar.
    public var scenarioName: String
    /// Simulated seconds per wall-clock second.
    public var speed: Double
    /// The speed the engine actually reached over the last second, when it could not keep up; nil when it could.
    public var actualSpeed: Double?
    public var paused: Bool
    /// The pane that arrows and scrolling act on; its border is highlighted.
    public var focus: Pane = .topology
    /// The node the inspector shows and `x` acts on: 0 is the server, clients are 1...N.
    public var selectedNode: Int = 0
    public var eventFilter: EventFilter = .all
    /// Rows of the filtered event log skipped from the newest (0 shows the newest first).
    public var eventScroll: Int = 0
    /// The event-log line ↑/↓ selected while the log has the focus; nil follows the newest line.
    public var eventSelection: EventLogAnchor?
    /// True when the selected event-log line is unfolded to its full text (Enter); Esc folds it.
    public var eventExpanded = false
    /// The steps run with `.`, oldest first, at most `stepLogLimit`: the log shows them among the engine's events.
    public var stepLog: [StepLogEntry] = []
    /// the log search, set by `/`; nil when none
    public var logSearch: String? = nil
    /// True while the `?` overlay covers the panes.
    public var showsHelp = false
    /// The chart column clicked last, whose values the metrics pane reads out until Esc or another click.
    public var chartCursor: ChartCursor?
    /// A short message in the status bar, e.g. what the engine said about a command; each is kept in `messages` too.
    public var status: StatusMessage? {
        didSet { if let status, status != oldValue { messages.add(status) } }
    }
    /// The status messages so far (`:messages` shows them whole).
    public var messages = MessageHistory()
    /// True while `:messages` covers the panes.
    public var showsMessages = false
    /// Set for a moment after the architecture switched: the status bar shows the architecture standing out.
    public var switchFlash: SwitchFlash?
    /// Architecture switches seen in the snapshots so far: a larger count in a frame means a new switch.
    public var seenSwitches = 0
    /// What colours the screen may use; every style is adapted to it at the end of a frame.
    public var colorSupport: ColorSupport
    /// The `:` command line or `/` search being typed; nil when closed.
    public var commandLine: CommandLineState? = nil
    /// Lines run from `:` and searches from `/`, each browsed with ↑/↓ in its own line.
    public var commandHistory = CommandHistory()
    public var searchHistory = CommandHistory()
    /// The events `:pause-on` stops the clock at; nil when none.
    public var pauseOn: PauseTrigger? = nil
    /// True when the terminal shows Unicode. Panes draw their glyphs in Unicode either way and `Screen.render`
    /// replaces them through `AsciiFallback` when false; only key names (`<-` for ←) and the
    /// canvas `symbols` are picked while drawing.
    public var unicode: Bool

    /// Steps the event log remembers: enough to read back a stepping session, bounded however long it lasts.
    public static let stepLogLimit = 64

    // MARK: Finding your way
    /// The scenario picker (`o`) while it is open.
    public var picker: ScenarioPicker?
    /// The open lesson (`l`, `netexplorer lesson NAME`): its pane takes the event log's place; nil when none.
    public var lesson: LessonPaneState?
    /// The running scenario's description as its file gives it (what to watch), for `i`.
    public var scenarioDescription = ""
    /// True while the description (`i`) covers the panes.
    public var showsDescription = false
    /// Rows the description overlay is scrolled down.
    public var descriptionScroll = 0
    /// Rows the help overlay is scrolled down (at 80×24 the keys and the glossary take two screens).
    public var helpScroll = 0

    /// Set while the view shows a point behind the live end (`b`, or a played lab record): `REWOUND to t=…`.
    public var rewind: RewindStatus?

    /// The look (`--theme`, or the config file's `theme`), applied to each finished frame.
    public var theme: ThemeName = .default

    /// Wall-clock nanoseconds a status message stays on screen.
    public static let statusLifetimeNanos: UInt64 = 4_000_000_000
    /// Wall-clock nanoseconds the architecture flashes after a switch: long enough to catch the eye, short
    /// enough not to become the normal look.
    public static let switchFlashNanos: UInt64 = 2_000_000_000

    public init(scenarioName: String, speed: Double = 1, paused: Bool = false,
                colorSupport: ColorSupport = .palette256, unicode: Bool = true) {
        self.scenarioName = scenarioName
        self.speed = SpeedLadder.clamped(speed)
        self.paused = paused
        self.colorSupport = colorSupport
        self.unicode = unicode
    }

    /// The glyph set the panes draw with.
    public var symbols: Symbols { Symbols.forUnicode(unicode) }
}

/// A transient line for the status bar, shown until a wall-clock instant.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    /// False when the message reports a refusal (the engine declined a command): drawn to stand out.
    public var isWarning: Bool
    /// Wall-clock nanoseconds (the run loop's clock) after which the message is dropped.
    public var expiresAtNanos: UInt64

    public init(text: String, isWarning: Bool = false, expiresAtNanos: UInt64) {
        self.text = text; self.isWarning = isWarning; self.expiresAtNanos = expiresAtNanos
    }
}

/// The architecture just switched: the status bar shows it standing out until `expiresAtNanos`.
public struct SwitchFlash: Sendable, Equatable {
    /// The architecture switched to, as the status bar names it.
    public var text: String
    public var expiresAtNanos: UInt64

    public init(text: String, expiresAtNanos: UInt64) { self.text = text; self.expiresAtNanos = expiresAtNanos }
}

/// A moment picked on the metrics charts by a click: the pane reads out every metric at that moment.
public struct ChartCursor: Sendable, Equatable {
    /// The simulated second (a `SecondSample.second`) of the clicked column; a column folding several seconds is
    /// named by its newest. A second, not a column: the moment stays the same while new columns push it left.
    public var second: Int

    public init(second: Int) { self.second = second }
}
