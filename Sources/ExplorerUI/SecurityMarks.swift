import NetworkEngine
import TerminalCanvas

/// How security shows on the topology: attackers, the node under attack and breached nodes each take a shape of
/// their own in place of the node's activity glyph, and password guesses on the wire are drawn as `?`.
///
/// Shapes, not colours, tell them apart (the README's key table); the legend row names them.
enum SecurityMarks {
    /// The glyph and style a node is drawn with: the attacker and the target first (the attack is what the class
    /// watches), then a crashed node (it is gone, whatever it lost), then a breach, else its activity.
    static func glyph(for node: NodeView?) -> (Character, Style) {
        guard let node else { return (Glyphs.idle.character, Theme.idle) }
        let marks = node.security
        if marks.attacker { return (Glyphs.attacker.character, Theme.attacker) }
        if marks.underAttack { return (Glyphs.target.character, Theme.underAttack) }
        if node.activity != .down && marks.breached { return (Glyphs.breached.character, Theme.breached) }
        return (TopologyPane.glyph(for: node.activity), Theme.style(for: node.activity))
    }

    /// The glyph and style of a message on the wire: guesses stand apart from requests and replies.
    static func glyph(for flight: FlightView) -> (Character, Style) {
        if flight.attack { return (Glyphs.guess.character, Theme.guess) }
        return flight.direction == .toServer ? (Glyphs.request.character, Theme.request)
            : (Glyphs.reply.character, Theme.reply)
    }

    /// `⚔ attacker  ◎ attacked  ⊘ breached  ? guess`, or a shorter one when `width` is too narrow.
    static func legend(state: AppState, width: Int) -> Line {
        return Legend.fitting([
            .init(Glyphs.attacker, Theme.attacker, "attacker"), .init(Glyphs.target, Theme.underAttack, "attacked"),
            .init(Glyphs.breached, Theme.breached, "breached"), .init(Glyphs.guess, Theme.guess, "guess"),
        ], else: [
            .init(Glyphs.attacker, Theme.attacker, "attacker"), .init(Glyphs.target, Theme.underAttack, "target"),
            .init(Glyphs.breached, Theme.breached, "breached"), .init(Glyphs.guess, Theme.guess, "guess"),
        ], width: width)
    }

    /// Per-cell tallies of a heat strip's security marks (client or peer strip alike).
    struct Cells {
        var attacker: [Bool]
        var target: [Bool]
        var breached: [Int]
        var totalBreached = 0

        init(count: Int) {
            attacker = Array(repeating: false, count: count)
            target = attacker
            breached = Array(repeating: 0, count: count)
        }

        /// Counts `node`'s marks in `cell`.
        mutating func add(_ node: NodeView, cell: Int) {
            let marks = node.security
            if marks.attacker { attacker[cell] = true }
            if marks.underAttack { target[cell] = true }
            if marks.breached && node.activity != .down {
                breached[cell] += 1
                totalBreached += 1
            }
        }

        /// The mark that takes over cell `c` of `size` nodes: the attacker's or the target's (one node is enough,
        /// there are only a few), a breach when half the cell is breached; nil to keep the cell's shade.
        func mark(_ c: Int, size: Int) -> (Character, Style)? {
            if attacker[c] { return (Glyphs.attacker.character, Theme.attacker) }
            if target[c] { return (Glyphs.target.character, Theme.underAttack) }
            if size > 0 && breached[c] * 2 >= size { return (Glyphs.breached.character, Theme.breached) }
            return nil
        }
    }
}
