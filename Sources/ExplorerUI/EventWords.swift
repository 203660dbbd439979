import NetworkEngine
import TerminalCanvas

/// How much an event matters to a reader of the log.
public enum EventSeverity: String, Sendable, CaseIterable {
    /// A password guessed or refused, an account locked, a request denied, an attack started or stopped.
    case security
    /// A node down.
    case failure
    /// A queue full, a flash crowd.
    case overload
    /// Everything else: recoveries, nodes joining, switches, steps.
    case info

    /// True for the lines the log keeps in view when newer lines would push them out (see `EventLogLayout`).
    var isKeptInView: Bool { self == .security || self == .failure }
}

/// What a node is, as the log names it: node 0 is the server; the others are clients under client-server and peers in
/// a mesh.
public enum EventNodeClass: String, Sendable, CaseIterable {
    case server, client, peer

    /// The class of node `node` while `architecture` was in force.
    init(node: Int, architecture: Architecture) {
        self = node == 0 ? .server : architecture == .peerMesh ? .peer : .client
    }

    /// `server`, `client 12`, `peer 12`.
    func label(_ node: Int) -> String { self == .server ? "server" : "\(rawValue) \(node)" }

    /// `server`, `clients`, `peers`: how a group of lines names its nodes.
    var plural: String { self == .server ? "server" : rawValue + "s" }
}

/// How the log tells events of one kind: its glyph, its severity, its words.
struct EventWording {
    let glyph: Glyph
    let severity: EventSeverity
    /// The kind in words, after the node (`server overloaded: queue full`, `peer 12 down`).
    let words: String
    /// What a group of them is called after the node class (`peer overloads ×312`).
    let many: String
    /// True when repeats are shown once with a count; false for lines that each matter (a breach, a switch).
    let groups: Bool
    /// True when the engine's own sentence is the line (it holds what the fields do not: `5 clients joined (now 13)`);
    /// false when the line is made from the fields and the sentence waits for Enter.
    let sentenceIsLine: Bool
}

/// The one table of the event log's words: each `NetworkEvent.Kind` with its glyph, severity and words.
///
/// A new kind of event fails to compile here until it has its row, so the log never shows a raw kind.
enum EventWords {
    static func wording(_ kind: NetworkEvent.Kind) -> EventWording {
        switch kind {
        case .overload:
            EventWording(glyph: Glyphs.overloaded, severity: .overload, words: "overloaded: queue full",
                         many: "overloads", groups: true, sentenceIsLine: false)
        case .recovered:
            EventWording(glyph: Glyphs.recovered, severity: .info, words: "recovered", many: "recoveries",
                         groups: true, sentenceIsLine: false)
        case .nodeDown:
            EventWording(glyph: Glyphs.down, severity: .failure, words: "down", many: "down", groups: true,
                         sentenceIsLine: false)
        case .nodeUp:
            EventWording(glyph: Glyphs.backUp, severity: .info, words: "back up", many: "back up", groups: true,
                         sentenceIsLine: false)
        case .nodesAdded:
            EventWording(glyph: Glyphs.joined, severity: .info, words: "joined", many: "joins", groups: false,
                         sentenceIsLine: true)
        case .nodesRemoved:
            EventWording(glyph: Glyphs.left, severity: .info, words: "left", many: "departures", groups: false,
                         sentenceIsLine: true)
        case .flashCrowd:
            EventWording(glyph: Glyphs.burst, severity: .overload, words: "flash crowd", many: "flash crowds",
                         groups: false, sentenceIsLine: true)
        case .toggle:
            EventWording(glyph: Glyphs.swap, severity: .info, words: "architecture switched", many: "switches",
                         groups: false, sentenceIsLine: true)
        case .loginFailure:
            EventWording(glyph: Glyphs.guess, severity: .security, words: "wrong password", many: "wrong passwords",
                         groups: true, sentenceIsLine: false)
        case .lockout:
            EventWording(glyph: Glyphs.locked, severity: .security, words: "account locked", many: "accounts locked",
                         groups: true, sentenceIsLine: false)
        case .unauthorized:
            EventWording(glyph: Glyphs.denied, severity: .security, words: "denied", many: "requests denied",
                         groups: true, sentenceIsLine: false)
        case .breach:
            EventWording(glyph: Glyphs.breached, severity: .security, words: "password guessed", many: "break-ins",
                         groups: false, sentenceIsLine: false)
        case .attack:
            EventWording(glyph: Glyphs.attacker, severity: .security, words: "attack", many: "attacks", groups: false,
                         sentenceIsLine: true)
        case .setting:
            EventWording(glyph: Glyphs.setting, severity: .info, words: "value set", many: "values set",
                         groups: false, sentenceIsLine: true)
        case .crashShare:
            EventWording(glyph: Glyphs.down, severity: .failure, words: "crashed at once", many: "mass crashes",
                         groups: false, sentenceIsLine: true)
        }
    }

    /// The glyph of a step the user ran with `.`.
    static let stepGlyph = Glyphs.step

    /// What `event` says in words, made from its fields (`who` names the event's node, `by` its other node).
    ///
    /// `password guessed: account 7, by client 4`; `peer 12 overloaded: queue full`; for the kinds whose sentence is
    /// the line, the engine's sentence.
    static func summary(_ event: NetworkEvent, architecture: Architecture) -> String {
        let wording = wording(event.kind)
        if wording.sentenceIsLine { return event.detail }
        let nodeClass = EventNodeClass(node: event.node, architecture: architecture)
        let who = nodeClass.label(event.node)
        let by = event.peer.map { EventNodeClass(node: $0, architecture: architecture).label($0) }
        let from = by.map { ", from " + $0 } ?? ""
        let account = event.account.map { "account \($0)" }
        switch event.kind {
        case .loginFailure:
            switch event.outcome {
            case .refused: return "guess refused: \(account ?? who) is locked" + from
            case .lockedOut: return "\(by ?? who) locked out of \(account ?? "its account")"
            default:
                if let account { return "wrong password: \(account)" + from }
                return (nodeClass == .peer ? "wrong share password at " : "wrong password at ") + who + from
            }
        case .lockout:
            return "\(account ?? who) locked" + (by.map { " after guesses from " + $0 } ?? "")
        case .unauthorized:
            return "\(by ?? who) denied" + (account.map { ": \($0) may not read it" } ?? "")
        case .breach:
            if event.outcome == .readOpen { return "open share read: \(who)" + (by.map { ", by " + $0 } ?? "") }
            if let account { return "password guessed: \(account)" + (by.map { ", by " + $0 } ?? "") }
            return "share password guessed: \(who)" + (by.map { ", by " + $0 } ?? "")
        default:
            return who + " " + wording.words
        }
    }

    /// What a group of `kind` events at nodes of `nodeClass` is called: `peer overloads`, `clients down`,
    /// `wrong passwords at the server`.
    static func groupName(_ kind: NetworkEvent.Kind, _ nodeClass: EventNodeClass, outcome: NetworkEvent.Outcome?) -> String {
        let wording = wording(kind)
        switch kind {
        case .overload, .recovered: return nodeClass.rawValue + " " + wording.many
        case .nodeDown, .nodeUp: return nodeClass.plural + " " + wording.many
        case .loginFailure:
            switch outcome {
            case .refused: return "guesses refused: accounts locked"
            case .lockedOut: return "logins refused: accounts locked"
            default: return nodeClass == .server ? "wrong passwords at the server" : "wrong share passwords at peers"
            }
        default: return wording.many
        }
    }
}
