import NetworkEngine
import TerminalCanvas

/// The top row: what is running, at what simulated time and speed, and the latest message when it fits.
///
/// A message that does not fit whole beside the figures (at 80 columns, most) goes to the help bar instead, which
/// then keeps only its essential keys: a message cut to a few letters would tell the class nothing.
public enum StatusBar {
    /// Between the fields, and between the keys and a message on the help bar.
    static let separator = " \(Glyphs.separator) "

    /// Draws the status bar on the first row of `area`.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, cell: Cell(" ", style: Theme.statusBar))
        let x = buffer.put(figures(snapshot: snapshot, state: state, width: row.width), x: row.x, y: row.y, clip: row)
        if let status = state.status, messageFits(snapshot: snapshot, state: state, width: row.width) {
            buffer.put([Span(separator, style: Theme.statusBar), Span(status.text, style: messageStyle(status))],
                       x: x, y: row.y, clip: row)
        }
    }

    /// True when the status message fits whole in a status bar `width` columns wide (false when there is none).
    public static func messageFits(snapshot: Snapshot, state: AppState, width: Int) -> Bool {
        guard let status = state.status else { return false }
        let used = figures(snapshot: snapshot, state: state, width: width).reduce(0) { $0 + $1.width }
        return used + separator.displayWidth + status.text.displayWidth <= width
    }

    static func messageStyle(_ status: StatusMessage) -> Style {
        status.isWarning ? Theme.statusWarning : Theme.statusBar.bolded()
    }

    /// The architecture as the status bar shows it: plain, or for a moment after a switch `⇄ peer-mesh` in bold
    /// out of the reversed bar, so the switch is seen on any screen, colour or not.
    static func architecture(snapshot: Snapshot, state: AppState) -> (String, Style) {
        let name = snapshot.architecture.rawValue
        guard state.switchFlash != nil else { return (name, Theme.statusBar) }
        return ("\(Glyphs.swap) " + name, Theme.switchFlash)
    }

    /// Name, architecture, time, speed, running or paused, population.
    static func figures(snapshot: Snapshot, state: AppState, width: Int) -> [Span] {
        var speed = Format.speed(state.speed) + "\(Glyphs.times)"
        if let actual = state.actualSpeed {
            speed += " (actual " + Format.speed(actual) + "\(Glyphs.times))"
        }
        let nodes = snapshot.activeNodeCount
        let noun = snapshot.architecture == .peerMesh ? "peer" : "client"
        var fixed: [(String, Style)] = [
            architecture(snapshot: snapshot, state: state),
            ("t=" + Format.clock(snapshot.now), Theme.statusBar),
            (speed, Theme.statusBar),
            state.paused ? ("\(Glyphs.paused) PAUSED", Theme.paused) : ("\(Glyphs.running) running", Theme.statusBar),
            ("\(nodes) \(noun)\(nodes == 1 ? "" : "s")", Theme.statusBar),
        ]
        // Armed, it must be seen: a clock that stops "by itself" later would otherwise look like a bug.
        if let trigger = state.pauseOn { fixed.append(("pause on " + trigger.rawValue, Theme.statusBar)) }
        // Right after the architecture, so it is the last thing a narrow bar loses: an attack changes everything
        // the panes show.
        if snapshot.security?.attackActive == true {
            fixed.insert(("\(Glyphs.attacker) ATTACK", Theme.statusAttack), at: 1)
        }
        // First of all: a rewound picture must never pass for the live run.
        if let rewind = state.rewind { fixed.insert((RewindWords.field(rewind, now: snapshot.now), Theme.paused), at: 0) }
        let fixedWidth = fixed.reduce(0) { $0 + $1.0.displayWidth + separator.displayWidth }
        // The name gives way first (it can be long, or wide CJK), but keeps a few columns to stay recognisable.
        let nameRoom = max(8, min(28, width - 2 - fixedWidth))
        let name = state.scenarioName.truncated(toWidth: nameRoom, ellipsis: state.symbols.ellipsis)
        var spans = [Span(" " + name, style: Theme.statusBar.bolded())]
        for (text, style) in fixed {
            spans.append(Span(separator, style: Theme.statusBar))
            spans.append(Span(text, style: style))
        }
        return spans
    }
}
