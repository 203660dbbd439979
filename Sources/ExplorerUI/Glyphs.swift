import TerminalCanvas

/// The app's own glyphs (nodes, messages, heat levels) in a Unicode and an ASCII set, all one column wide.
///
/// The canvas's `Symbols` covers borders and bars; these are what only a network view needs.
struct Glyphs: Sendable {
    var idle: Character
    var busy: Character
    /// A peer with requests waiting in its own small queue.
    var queueing: Character
    /// A peer whose queue is full (it rejects): a shape of its own, so it stands out without colour.
    var overloaded: Character
    var down: Character
    /// A request on its way to the server.
    var request: Character
    /// A reply on its way back to a client.
    var reply: Character
    /// A dotted link between a client and the server.
    var link: Character
    /// Heat levels of the aggregate view, from "all idle" to "all busy".
    var heat: [Character]
    var running: String
    var paused: String
    var times: String
    var separator: String
    /// Separates items within a line or a title.
    var dot: String
    var warning: String
    var busyWorker: Character
    var idleWorker: Character
    var arrows: (left: String, right: String, up: String, down: String)
    /// Marks an architecture switch under the sparklines.
    var switchMark: Character
    /// Between the two architectures: "client-server ⇄ peer mesh".
    var swap: String
    /// A node that is guessing passwords.
    var attacker: Character
    /// The node the attack is working on now (the server, or a peer).
    var target: Character
    /// A peer whose share, or a client whose account, is in the attacker's hands.
    var breached: Character
    /// A password guess on the wire: a question, not a request.
    var guess: Character

    static let unicode = Glyphs(
        idle: "○", busy: "●", queueing: "◆", overloaded: "▲", down: "✗", request: "•", reply: "◦", link: "·",
        heat: ["·", "░", "▒", "▓", "█"], running: "▶ running", paused: "⏸ PAUSED", times: "×", separator: " │ ", dot: "·",
        warning: "⚠", busyWorker: "■", idleWorker: "□", arrows: ("←", "→", "↑", "↓"),
        switchMark: "▲", swap: "⇄", attacker: "⚔", target: "◎", breached: "⊘", guess: "?")

    static let ascii = Glyphs(
        idle: "o", busy: "*", queueing: "@", overloaded: "!", down: "x", request: "+", reply: "~", link: ".",
        heat: ["_", ".", ":", "*", "#"], running: "> running", paused: "|| PAUSED", times: "x", separator: " | ", dot: "-",
        warning: "!", busyWorker: "#", idleWorker: "-", arrows: ("<-", "->", "up", "down"),
        switchMark: "^", swap: "<->", attacker: "A", target: "T", breached: "B", guess: "?")

    static func forUnicode(_ unicode: Bool) -> Glyphs { unicode ? .unicode : .ascii }
}

extension AppState {
    /// The app glyphs for this state's Unicode setting.
    var glyphs: Glyphs { Glyphs.forUnicode(unicode) }
}
