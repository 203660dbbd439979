/// The table of the live view's own glyphs: one row per character, with its meaning and its ASCII stand-in.
///
/// Panes draw `character` only; when the terminal lacks Unicode, `Screen.render` hands the finished frame to
/// `AsciiFallback`, which reads `ascii` from here, so a glyph and its stand-in are never spelled apart. A character
/// serves one meaning, or several that read the same in ASCII (`·`); meanings that need different stand-ins get
/// characters of their own (`▲` a full queue, `△` an architecture switch). The canvas's borders and bars are in
/// `Symbols` (TerminalCanvas); a character in both tables has the same stand-in in each (tested).
enum Glyphs {
    // Nodes: the shape alone tells their state, for a screen without colour.
    static let idle = Glyph("○", ascii: "o", "a node with nothing to do")
    static let busy = Glyph("●", ascii: "*", "a node serving, or waiting for its reply")
    static let queueing = Glyph("◆", ascii: "@", "a node with requests waiting in its queue")
    static let overloaded = Glyph("▲", ascii: "!", "a node whose queue is full: it rejects")
    static let down = Glyph("✗", ascii: "x", "a node that is down")
    static let waiting = Glyph("◌", ascii: ":", "a client waiting on a server that is down")
    static let failing = Glyph("⊗", ascii: "%", "a client whose last request failed or timed out")

    // Messages on the wire.
    static let request = Glyph("•", ascii: "+", "a request or lookup on its way")
    static let reply = Glyph("◦", ascii: "~", "a reply on its way back")
    static let guess = Glyph("?", ascii: "?", "a password guess: a question, not a request")

    // Security marks: letters in ASCII, which the legend names; punctuation would say nothing.
    static let attacker = Glyph("⚔", ascii: "A", "a node guessing passwords")
    static let target = Glyph("◎", ascii: "T", "the node the attack is working on now")
    static let breached = Glyph("⊘", ascii: "B", "a share or account in the attacker's hands")

    // Shades of a heat strip, lightest first; the dot is also a link and a separator, all `.` in ASCII.
    static let dot = Glyph("·", ascii: ".", "a link; a strip cell with nothing done; between items of a line")
    static let light = Glyph("░", ascii: "-", "a strip cell doing a little (an empty gauge cell in the canvas)")
    static let medium = Glyph("▒", ascii: "=", "a strip cell doing half the most")
    static let dark = Glyph("▓", ascii: "*", "a strip cell doing nearly the most")
    static let solid = Glyph("█", ascii: "#", "a strip cell doing the most (a full gauge cell in the canvas)")
    static let heat = [dot, light, medium, dark, solid]
    /// The shades above "nothing", for the legends: `░▒▓█`.
    static let shades = String(heat.dropFirst().map(\.character))
    static let link = dot
    /// The DHT picture's two lines: the selected peer's fingers, and a lookup's path hop by hop.
    static let finger = Glyph("▫", ascii: "'", "a line to one of the selected peer's DHT fingers")
    static let path = Glyph("▪", ascii: "=", "a DHT lookup's path, from peer to peer")

    // The server panel.
    static let busyWorker = Glyph("■", ascii: "#", "a worker serving a request")
    static let idleWorker = Glyph("□", ascii: "-", "an idle worker")
    static let warning = Glyph("⚠", ascii: "!", "more offered than the server can do")

    // The status bar and the metrics.
    static let running = Glyph("▶", ascii: ">", "the simulation runs")
    static let paused = Glyph("⏸", ascii: "=", "the simulation is paused")
    static let separator = Glyph("│", ascii: "|", "between the fields of the status bar")
    static let times = Glyph("×", ascii: "x", "a speed factor; a size")
    static let swap = Glyph("⇄", ascii: "/", "client-server and peer mesh, one for the other")
    static let switchMark = Glyph("△", ascii: "^", "under the sparkline column where the architecture switched")
    static let leadsTo = Glyph("→", ascii: ">", "from one thing to another: attacker to target, few to most")

    // Punctuation of text, the engine's messages included.
    static let enDash = Glyph("–", ascii: "-", "a range of nodes, `1–8`")
    static let emDash = Glyph("—", ascii: "-", "a break in a sentence")

    // The event log: a glyph for each kind of line (`EventWords`), the rest borrowed from the rows above.
    static let recovered = Glyph("✓", ascii: "v", "a node that recovered: its queue drained")
    static let backUp = Glyph("↑", ascii: "^", "a node back up")
    static let joined = Glyph("+", ascii: "+", "nodes that joined")
    static let left = Glyph("−", ascii: "-", "nodes that left")
    static let burst = Glyph("»", ascii: ">", "a flash crowd: a burst of requests")
    static let locked = Glyph("⊠", ascii: "L", "an account locked after failed passwords")
    static let denied = Glyph("⊖", ascii: "D", "a request denied: no permission")
    static let step = Glyph("▸", ascii: ">", "one event run with `.`")
    static let setting = Glyph("✎", ascii: "=", "a scenario value set live (`:set`) or by the timeline")
    /// ASCII has no "plus or minus": `~` reads as "give or take".
    static let plusMinus = Glyph("±", ascii: "~", "give or take: a 95% confidence interval's half-width")
    static let notEqual = Glyph("≠", ascii: "!", "theory outside a measurement's 95% interval")

    /// Every row, each character once: what `AsciiFallback` and the tests read.
    static let all: [Glyph] = [
        idle, busy, queueing, overloaded, down, waiting, failing, request, reply, guess, attacker, target, breached,
        dot, light, medium, dark, solid, busyWorker, idleWorker, warning,
        running, paused, separator, times, swap, switchMark, leadsTo, enDash, emDash, finger, path,
        recovered, backUp, joined, left, burst, locked, denied, step, setting, plusMinus, notEqual,
    ]
}
