import NetworkEngine
import TerminalCanvas

/// Who guards what, and what the attack has achieved so far.
///
/// Under client-server the server's one database guards every account: logins, lockouts and a log that sees every
/// guess. In a peer mesh each peer guards its own share, and only what a peer logs itself is ever seen. The panel
/// says which regime is in force in its title, so the switch is read at a glance; at 80×24 it has two lines and
/// shows the attack and the harm done.
public enum SecurityPanel {
    /// Draws the security panel in `area`.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        let inner = PaneFrame.render(.security, title: title(snapshot.security), state: state, area: area,
                                     buffer: &buffer)
        guard !inner.isEmpty else { return }
        guard let security = snapshot.security else {
            buffer.set(string: "no security model in this run", at: inner.position, style: Theme.muted,
                       clippedTo: inner)
            return
        }
        let lines = self.lines(security, snapshot: snapshot, state: state, width: inner.width, height: inner.height)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.set(line: line, in: inner.row(i), ellipsis: state.symbols.ellipsis)
        }
    }

    /// `security · central database`, `security · open server` or `security · each peer for itself`.
    static func title(_ security: SecurityView?) -> String {
        guard let security else { return "security" }
        switch security.architecture {
        case .clientServer: return security.accounts == 0 ? "security · open server" : "security · central database"
        case .peerMesh: return "security · each peer for itself"
        }
    }

    /// The lines for an inner area `width` × `height`: the full set when it fits, else the compact two or three
    /// (the attack first, then the harm done), and a line of explanation on top when there is a spare row.
    static func lines(_ s: SecurityView, snapshot: Snapshot, state: AppState, width: Int, height: Int) -> [Line] {
        let attack = attackLine(s, state: state, width: width)
        let full: [Line]
        let compact: [Line]
        let why: String
        switch (s.architecture, s.accounts) {
        case (.clientServer, 0):
            why = "no accounts: anyone reads anything"
            full = openServerLines(s, state: state, width: width) + [attack]
            compact = [attack, fitting([
                Line([Span("open server: no logins  "), Span("exposed 100%", style: Theme.warning)]),
                Line([Span("no logins  "), Span("exposed 100%", style: Theme.warning)]),
            ], width: width), breachLine(s, width: width)]
        case (.clientServer, _):
            why = "the server checks every login"
            full = centralLines(s, snapshot: snapshot, state: state, width: width) + [attack]
            compact = [attack, fitting([
                Line([breaches(s, marked: true), Span("  "), locked(s), Span("  "), exposed(s)]),
                Line([breaches(s, marked: false), Span("  "), locked(s), Span("  "), exposed(s)]),
            ], width: width), Line("logins \(s.loginAttempts)  failed \(s.loginFailures)  lockouts \(s.lockouts)")]
        case (.peerMesh, _):
            why = "each peer guards its own share"
            full = meshLines(s, state: state, width: width) + [attack]
            compact = [attack, fitting([
                Line([breaches(s, marked: true), Span("  "), exposed(s), Span("  "), detected(s, word: "logged")]),
                Line([breaches(s, marked: false), Span("  "), exposed(s), Span("  "), detected(s, word: "logged")]),
                Line([breaches(s, marked: false), Span("  "), exposed(s), Span("  "), detected(s, word: "logs")]),
            ], width: width), sharesLine(s)]
        }
        guard full.count <= height else { return compact }
        return full.count < height ? [Line(why, style: Theme.muted)] + full : full
    }

    // MARK: - The three regimes

    static func centralLines(_ s: SecurityView, snapshot: Snapshot, state: AppState, width: Int) -> [Line] {
        [
            Line([Span("accounts \(s.accounts)  weak \(s.weakAccounts)  "), locked(s, word: "locked now")]),
            Line("logins \(s.loginAttempts)  failed \(s.loginFailures)  lockouts \(s.lockouts)"),
            // Denied requests are the real clients' price of security: refused for no permission or a locked account.
            Line([Span("denied \(snapshot.requests.denied)", style: snapshot.requests.denied > 0 ? Theme.warning : .plain),
                  Span("  unauthorized \(s.unauthorized)")]),
            breachLine(s, width: width),
            Line([exposed(s), Span("  "), detected(s, word: "detected"), Span(" (one log)", style: Theme.muted)]),
        ]
    }

    static func meshLines(_ s: SecurityView, state: AppState, width: Int) -> [Line] {
        [
            sharesLine(s),
            Line([exposed(s), Span(" of peers (open or weak)", style: Theme.muted)]),
            breachLine(s, width: width),
            Line("guesses \(s.regimeAttempts)  logged \(s.regimeLogged)"),
            fitting([
                Line([detected(s, word: "detected"), Span(": only what each peer logs", style: Theme.muted)]),
                Line([detected(s, word: "detected"), Span(" (each peer's own log)", style: Theme.muted)]),
                Line([detected(s, word: "detected")]),
            ], width: width),
        ]
    }

    static func openServerLines(_ s: SecurityView, state: AppState, width: Int) -> [Line] {
        [
            Line("open server: no accounts, no logins"),
            Line([Span("exposed 100%", style: Theme.warning), Span(": nothing is protected", style: Theme.muted)]),
            Line([Span("denied 0  unauthorized \(s.unauthorized)")]),
            breachLine(s, width: width),
            Line([detected(s, word: "detected")]),
        ]
    }

    // MARK: - Pieces

    /// `shares open 16  weak 5  strong 19`: the active peers by what guards their share.
    static func sharesLine(_ s: SecurityView) -> Line {
        // The engine counts every peer with a password as protected, weak ones included: strong is the rest.
        let strong = max(0, s.protectedShares - s.weakShares)
        return Line([
            Span("shares "),
            Span("open \(s.openShares)", style: s.openShares > 0 ? Theme.warning : .plain),
            Span("  weak \(s.weakShares)  strong \(strong)"),
        ])
    }

    /// `⊘ breaches 2  first t=45.3s`, or `breaches 0  none yet`.
    static func breachLine(_ s: SecurityView, width: Int) -> Line {
        guard let first = s.regimeFirstBreach else {
            return Line([breaches(s, marked: true), Span("  none yet", style: Theme.muted)])
        }
        return Line([breaches(s, marked: true), Span("  first t=" + Format.seconds(first) + "s")])
    }

    /// `⊘ breaches 2` in the breach style; without the glyph unless `marked` (the word still says it). Counts
    /// the regime in force: accounts under client-server, shares in the mesh (the report has the whole run).
    static func breaches(_ s: SecurityView, marked: Bool) -> Span {
        guard s.regimeBreaches > 0 else { return Span("breaches 0") }
        let glyph = marked ? "\(Glyphs.breached) " : ""
        return Span(glyph + "breaches \(s.regimeBreaches)", style: Theme.breached)
    }

    static func locked(_ s: SecurityView, word: String = "locked") -> Span {
        Span("\(word) \(s.lockedAccounts)", style: s.lockedAccounts > 0 ? Theme.warning : .plain)
    }

    static func exposed(_ s: SecurityView) -> Span {
        Span("exposed " + Format.percent(s.exposedShare), style: s.exposedShare > 0 ? Theme.warning : .plain)
    }

    /// The share of attack attempts that reached a log: all of them centrally, few in a mesh ("-" before any).
    static func detected(_ s: SecurityView, word: String) -> Span {
        guard let share = s.regimeDetectedShare else { return Span("\(word) -") }
        return Span("\(word) " + Format.percent(share), style: share < 0.5 ? Theme.warning : .plain)
    }

    /// What the attack is doing now: who guesses, how fast, at what; or how to start one.
    static func attackLine(_ s: SecurityView, state: AppState, width: Int) -> Line {
        guard s.attackActive, let attackers = s.attackers else {
            let key = KeyBindings.name(of: .toggleAttack, unicode: state.unicode)
            return Line([Span("no attack", style: Theme.muted), Span("  \(key) starts one", style: Theme.muted)])
        }
        let who = attackers.count == 1 ? "node \(attackers.lowerBound)"
            : "nodes \(attackers.lowerBound)\(Glyphs.enDash)\(attackers.upperBound)"
        let rate = Format.fixed(s.attackRate, decimals: 1) + "/s"
        let at: String?
        switch (s.architecture, s.target) {
        case (.clientServer, 0?): at = s.targetAccount.map { "account \($0)" } ?? "the server"
        case (.clientServer, _): at = nil
        case (.peerMesh, let peer?): at = "peer \(peer)"
        case (.peerMesh, nil): at = nil
        }
        let head = Span("\(Glyphs.attacker) \(who)", style: Theme.attacker)
        guard let at else {
            // Nothing left to guess: every account or share tried (or an open server, with nothing to guess).
            let why = s.architecture == .clientServer && s.accounts == 0 ? "nothing to guess" : "every target tried"
            return Line([head, Span(": " + why, style: Theme.underAttack)])
        }
        return fitting([
            Line([head, Span(" guessing \(rate) at "), Span(at, style: Theme.underAttack)]),
            Line([head, Span(" \(Glyphs.leadsTo) "), Span(at, style: Theme.underAttack), Span(" at \(rate)")]),
            Line([head, Span(" \(Glyphs.leadsTo) "), Span(at, style: Theme.underAttack)]),
        ], width: width)
    }

    /// The first of `candidates` that fits `width` columns, else the last (the shortest), to be cut with an ellipsis.
    static func fitting(_ candidates: [Line], width: Int) -> Line {
        candidates.first { $0.width <= width } ?? candidates.last ?? Line([])
    }
}
