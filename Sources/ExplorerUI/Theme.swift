import NetworkEngine
import TerminalCanvas

/// The palette: one style per meaning, chosen so colour-blind viewers can tell them apart.
///
/// States are told apart by blue against orange (safe for the common red-green deficiencies); red is kept for
/// failure and always comes with a glyph, a word or an attribute, so monochrome screens and `NO_COLOR` lose nothing.
/// Palette colours fold to the nearest of the 8 basic ones through `Style.adapted(to:)`.
enum Theme {
    static let blue = Color.indexed(75)
    static let orange = Color.indexed(214)
    static let red = Color.indexed(196)
    static let green = Color.indexed(71)
    static let magenta = Color.indexed(170)
    static let grey = Color.indexed(245)

    // MARK: - Chrome
    static let border = Style.plain
    static let focusedBorder = Style(fg: .cyan, bold: true)
    static let title = Style(bold: true)
    static let label = Style.plain
    static let muted = Style(dim: true)
    static let key = Style(bold: true, reverse: true)
    static let statusBar = Style(fg: .cyan, reverse: true)
    static let statusWarning = Style(fg: orange, bold: true, reverse: true)
    static let paused = Style(fg: orange, bold: true, reverse: true)
    static let link = Style(fg: grey, dim: true)
    /// The selected peer's overlay links: drawn solid and not dimmed.
    static let selectedLink = Style(fg: .cyan)
    /// The architecture in the status bar just after a switch: bold and not reversed, a gap in the reversed bar.
    static let switchFlash = Style(fg: orange, bold: true, underline: true)
    /// The switch marker on the sparklines.
    static let switchMark = Style(fg: .cyan, bold: true)
    /// The old server while it drains its queue after a switch to the mesh.
    static let draining = Style(dim: true)

    // MARK: - Node states
    static let idle = Style(fg: blue)
    static let busy = Style(fg: orange, bold: true)
    static let down = Style(fg: red, bold: true)
    static let serverUp = Style(fg: green, bold: true)
    static let serverQueueing = Style(fg: orange, bold: true)
    static let overload = Style(fg: red, bold: true, reverse: true)
    static let warning = Style(fg: orange, bold: true)
    static let selected = Style(bold: true, reverse: true)
    static let request = Style(fg: .cyan, bold: true)
    /// A peer the latest flood reached: its own glyph, lit (underlined too, for a screen without colour).
    static let floodReached = Style(fg: .cyan, bold: true, underline: true)
    static let reply = Style(fg: green)

    // MARK: - Security
    // Magenta is security's colour throughout (the event log's security kinds too); each mark has its own shape.
    /// An attacking node: reversed, so it stands out of the picture on any screen.
    static let attacker = Style(fg: magenta, bold: true, reverse: true)
    /// The node under attack now.
    static let underAttack = Style(fg: magenta, bold: true)
    /// A breached share or account: red, for harm done, and underlined so monochrome screens mark it too.
    static let breached = Style(fg: red, bold: true, underline: true)
    /// A password guess on the wire.
    static let guess = Style(fg: magenta, bold: true)
    /// The status bar's attack indicator.
    static let statusAttack = Style(fg: magenta, bold: true, reverse: true)

    /// The style of a node in `activity`.
    static func style(for activity: NodeActivity) -> Style {
        switch activity {
        case .idle: idle
        case .busy: busy
        case .queueing: serverQueueing
        case .overloaded: overload
        case .down: down
        case .waiting: waiting
        case .failing: failing
        }
    }

    /// A client with requests outstanding while the server is down.
    static let waiting = Style(fg: .yellow)
    /// A client whose last request failed or timed out.
    static let failing = Style(fg: orange, bold: true)

    /// The style of an event-log line of `kind`.
    static func style(for kind: NetworkEvent.Kind) -> Style {
        switch kind {
        case .overload: Style(fg: red, bold: true)
        case .recovered: Style(fg: green)
        case .nodeDown: Style(fg: .yellow, bold: true)
        case .crashShare: Style(fg: .yellow, bold: true)
        case .nodeUp: Style(fg: .cyan)
        case .nodesAdded, .nodesRemoved: Style(fg: blue)
        case .flashCrowd: Style(fg: orange)
        case .toggle: Style(fg: .cyan, bold: true)
        case .setting: Style(fg: .cyan)
        case .loginFailure, .lockout, .unauthorized, .breach, .attack:
            Style(fg: magenta, bold: kind == .breach || kind == .attack)
        }
    }
}
