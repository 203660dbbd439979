import NetworkEngine
import TerminalCanvas

extension ChartTimeScale {
    /// The simulated seconds the metrics charts span on a `size` screen at `speed` (columns × seconds per column).
    public static func spanSeconds(speed: Double, screen size: Size) -> Int {
        let columns = max(1, MetricsPane.chartWidth(paneWidth: Screen.regions(for: size).metrics.width))
        return columns * secondsPerColumn(speed: speed, columns: columns)
    }

    /// How far `b` and `n` move: a tenth of the charts' span, so a press means the same on the charts at any speed.
    public static func rewindStep(speed: Double, screen size: Size) -> SimTime {
        max(SimTime.nanosPerSecond / 10, SimTime(spanSeconds(speed: speed, screen: size)) * SimTime.nanosPerSecond / 10)
    }
}

/// `b`, `n`, `g` and the news of where a time travel left the view.
func updateRewind(_ state: inout AppState, _ action: Action, context: UpdateContext) -> [Effect] {
    let step = ChartTimeScale.rewindStep(speed: state.speed, screen: context.screenSize ?? Size(width: 80, height: 24))
    func say(_ text: String, warning: Bool) {
        state.status = StatusMessage(text: text, isWarning: warning,
                                     expiresAtNanos: context.wallNanos &+ AppState.statusLifetimeNanos)
    }
    // A lesson drives its own run step by step (its `run` ends, its checks read the model): travelling in time under
    // it would check a run the lesson did not make.
    if state.lesson != nil, action == .rewindBack || action == .rewindForward || action == .rewindToLive {
        say("b, n and g are off while a lesson runs (r or o closes it)", warning: true)
        return []
    }
    switch action {
    case .rewindBack:
        // A rewound picture is for looking at: it holds still until space plays it on.
        state.paused = true
        return [.travel(by: -step)]
    case .rewindForward:
        guard state.rewind != nil else {
            say("n steps forward while rewound (b rewinds): this is the live end", warning: true)
            return []
        }
        return [.travel(by: step)]
    case .rewindToLive:
        guard state.rewind != nil else {
            say("already at the live end (b rewinds)", warning: true)
            return []
        }
        return [.travel(by: nil)]
    case .travelled(let rewind, let outcome):
        state.rewind = rewind
        if let outcome { say(outcome.message, warning: !outcome.accepted) }
        return []
    default:
        return []
    }
}

/// The words of a rewound view: the status bar's `REWOUND to t=…` and the banner's what-happens-next.
enum RewindWords {
    /// The status bar's field: `REWOUND to t=0:01:23.4` (`REPLAY at …` while a lab record plays).
    static func field(_ rewind: RewindStatus, now: SimTime) -> String {
        (rewind.record ? "REPLAY at t=" : "REWOUND to t=") + Format.clock(now)
    }

    /// What happens next: the next logged command and its time.
    static func next(_ rewind: RewindStatus) -> String {
        guard let next = rewind.next else { return "no command ahead" }
        let what = SessionCommand.spelling(of: next.command) ?? "a command"
        return "next: \(what) at t=" + Format.clock(next.time)
    }

    /// The banner's line, most important first (a narrow pane cuts its end): what comes next, that a command forks,
    /// where the history ends. The status bar says where the view stands.
    static func banner(_ rewind: RewindStatus) -> String {
        let end = (rewind.record ? "record ends" : "live end") + " t=" + Format.clock(rewind.end)
        return [next(rewind), "a command key forks here", end].joined(separator: " \(Glyphs.separator) ")
    }
}

/// One line across the top of the topology pane while rewound: it must not be mistaken for the live run.
enum RewindBanner {
    static func render(_ rewind: RewindStatus, snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        guard area.width > 4, area.height > 0 else { return }
        let text = " " + RewindWords.banner(rewind) + " "
        let row = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
        buffer.put([Span(text.truncated(toWidth: row.width, ellipsis: state.symbols.ellipsis), style: Theme.paused)],
                   x: row.x, y: row.y, clip: row)
    }
}
