import NetworkEngine
import TerminalCanvas

/// Who guards what, who saw the attack, and what the lockout costs, for the architecture period in force.
///
/// Under client-server the server's one database guards every account and its one log sees every guess. In a peer
/// mesh each peer guards its own share and sees only the guesses tried on it: the headline is what the single
/// best-placed observer saw (the server's log; the busiest peer's), and what every log saw together comes second,
/// labelled, so a mesh's "any log" figure is never read as the server's. The lockout's two sides stand apart: the
/// guesses it let the attacker check against those it refused, and the legitimate users it shut out. Exposure says
/// what it counts: accounts on one side, peers on the other.
///
/// Every figure is the current phase's (since the last switch); after a switch the previous phase's summary stays
/// on screen, so the switch reads as a before/after comparison rather than a reset. At 80×24 the panel has two lines:
/// the attack (or, after a switch, the previous phase) and the headline with the breaches.
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
        let lines = self.lines(security, state: state, width: inner.width, height: inner.height)
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

    /// A line of the panel and how much it matters: when the panel is short, the lines of least rank go first.
    struct Row {
        var rank: Int
        var line: Line
    }

    /// The lines for an inner area `width` × `height`, in screen order: every row when they fit (and a line of
    /// explanation on top when a row is spare), else those of highest rank; two rows get a compact pair.
    static func lines(_ s: SecurityView, state: AppState, width: Int, height: Int) -> [Line] {
        let attack = attackLine(s, state: state, width: width)
        let previous = s.previousPhase.map { previousLine($0, width: width) }
        if height <= 3 {
            // The headline and breaches together; then the previous phase, which the comparison needs more than
            // the attack line (the status bar and the topology show the attack too), or the attack.
            let first = s.architecture == .clientServer && s.accounts == 0
                ? fitting([
                    Line([Span("open server: no logins  "), Span("exposed 100%", style: Theme.warning)]),
                    Line([Span("no logins  "), Span("exposed 100%", style: Theme.warning)]),
                ], width: width)
                : headlineCompact(s, width: width)
            guard let previous else { return [first, attack] }
            return height == 3 ? [first, previous, attack] : [first, previous]
        }
        let rows: [Row]
        let why: String
        switch (s.architecture, s.accounts) {
        case (.clientServer, 0):
            why = "no accounts: anyone reads anything"
            rows = openServerRows(s, width: width)
        case (.clientServer, _):
            why = "the server checks every login"
            rows = centralRows(s, width: width)
        case (.peerMesh, _):
            why = "each peer guards its own share"
            rows = meshRows(s, width: width)
        }
        // The attack first, then the previous phase (the comparison), then each regime's own order.
        let all = [Row(rank: 0, line: attack)] + rows + (previous.map { [Row(rank: 1, line: $0)] } ?? [])
        guard all.count <= height else {
            let kept = all.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
                .prefix(height).map(\.offset).sorted()
            return ordered(kept.map { all[$0] })
        }
        let shown = ordered(all)
        return shown.count < height ? [Line(why, style: Theme.muted)] + shown : shown
    }

    /// The rows in screen order: the regime's rows, the previous phase, the attack last.
    static func ordered(_ rows: [Row]) -> [Line] {
        let attack = rows.filter { $0.rank == 0 }.map(\.line)
        let previous = rows.filter { $0.rank == 1 }.map(\.line)
        return rows.filter { $0.rank > 1 }.map(\.line) + previous + attack
    }

    // MARK: - The three regimes

    /// Client-server: the server's log, the lockout's two sides, breaches, exposure of accounts, logins.
    static func centralRows(_ s: SecurityView, width: Int) -> [Row] {
        let p = s.phase
        return [
            Row(rank: 2, line: headline(s, width: width)),
            Row(rank: 4, line: fitting([
                Line("lockout bounds guesses: \(p.guessesChecked) checked, \(p.refusedLocked) refused"),
                Line("lockout bounds: \(p.guessesChecked) checked, \(p.refusedLocked) refused"),
                Line("lock bounds: \(p.guessesChecked) checked, \(p.refusedLocked) refused"),
            ], width: width)),
            Row(rank: 5, line: lockoutHurts(s, width: width)),
            Row(rank: 3, line: breachLine(s, width: width)),
            Row(rank: 6, line: fitting([
                Line([exposed(s), Span(" of \(s.accounts) accounts (weak password)", style: Theme.muted)]),
                Line([exposed(s), Span(" of \(s.accounts) accounts", style: Theme.muted)]),
                Line([exposed(s), Span(" of accounts", style: Theme.muted)]),
            ], width: width)),
            Row(rank: 7, line: Line("logins \(s.loginAttempts)  failed \(s.loginFailures)  lockouts \(s.lockouts)")),
        ]
    }

    /// The mesh: the best single peer's view, every log together, no lockout, breaches, exposure of peers, shares.
    static func meshRows(_ s: SecurityView, width: Int) -> [Row] {
        let p = s.phase
        let anyLog = p.detectedShare.map(percent) ?? "-"
        return [
            Row(rank: 2, line: headline(s, width: width)),
            Row(rank: 4, line: fitting([
                Line([Span("all logs together \(anyLog)"), Span(": no one reads them all", style: Theme.muted)]),
                Line([Span("all logs together \(anyLog)")]),
                Line([Span("any log \(anyLog)")]),
            ], width: width)),
            Row(rank: 5, line: fitting([
                Line([Span("no lock: ", style: Theme.muted), Span("\(p.guessesChecked) \(p.guessesChecked == 1 ? "guess" : "guesses") checked, "
                    + "\(p.lockedOutUsers) users shut out")]),
                Line([Span("no lock: ", style: Theme.muted), Span("\(p.guessesChecked) checked, "
                    + "\(p.lockedOutUsers) shut out")]),
            ], width: width)),
            Row(rank: 3, line: breachLine(s, width: width)),
            Row(rank: 6, line: fitting([
                Line([exposed(s), Span(" of peers (open or weak share)", style: Theme.muted)]),
                Line([exposed(s), Span(" of peers", style: Theme.muted)]),
            ], width: width)),
            Row(rank: 7, line: sharesLine(s)),
        ]
    }

    /// An open server: nothing to guess, nothing protected.
    static func openServerRows(_ s: SecurityView, width: Int) -> [Row] {
        [
            Row(rank: 2, line: Line("open server: no accounts, no logins")),
            Row(rank: 4, line: Line([Span("exposed 100%", style: Theme.warning),
                                     Span(": nothing is protected", style: Theme.muted)])),
            Row(rank: 5, line: Line([Span("denied 0  unauthorized \(s.unauthorized)")])),
            Row(rank: 3, line: breachLine(s, width: width)),
            Row(rank: 6, line: Line([Span("no log: no login to guess", style: Theme.muted)])),
        ]
    }

    // MARK: - Pieces

    /// Who saw the attack: under client-server `server log saw 100% of 30  any log 100%` (one log sees it all);
    /// in a mesh `best single log saw 4.2% of 120 (peer 12)`, the busiest peer's own log.
    static func headline(_ s: SecurityView, width: Int) -> Line {
        let p = s.phase
        guard let best = p.largestSingleView else {
            return Line([Span(s.architecture == .clientServer ? "server log: " : "best single log: "),
                         Span("no attempt yet", style: Theme.muted)])
        }
        let share = percent(best)
        let style = best < 0.5 ? Theme.warning : Style.plain
        let anyLog = p.detectedShare.map(percent) ?? "-"
        switch p.largestObserver {
        case 0?:
            return fitting([
                Line([Span("server log saw "), Span(share, style: style), Span(" of \(p.attempts)  any log \(anyLog)")]),
                Line([Span("server log saw "), Span(share, style: style), Span("  any log \(anyLog)")]),
                Line([Span("server log "), Span(share, style: style), Span("  any \(anyLog)")]),
            ], width: width)
        case let peer?:
            return fitting([
                Line([Span("best single log saw "), Span(share, style: style), Span(" of \(p.attempts) (peer \(peer))")]),
                Line([Span("best single log saw "), Span(share, style: style), Span(" (peer \(peer))")]),
                Line([Span("best log "), Span(share, style: style), Span(" (peer \(peer))")]),
            ], width: width)
        case nil:
            return fitting([
                Line([Span("no log saw any of \(p.attempts) attempts", style: Theme.warning)]),
                Line([Span("no log saw any attempt", style: Theme.warning)]),
            ], width: width)
        }
    }

    /// The headline and the breaches on one line, for two-line panels.
    static func headlineCompact(_ s: SecurityView, width: Int) -> Line {
        let p = s.phase
        guard p.attempts > 0 else {
            return Line([Span("no attempt yet  ", style: Theme.muted), breaches(s, marked: true)])
        }
        let best = p.largestSingleView
        let share = Span(best.map(percent) ?? "-", style: (best ?? 1) < 0.5 ? Theme.warning : .plain)
        let who = p.largestObserver == 0 || (best == nil && s.architecture == .clientServer) ? "log saw " : "best log "
        let anyLog = p.detectedShare.map(percent) ?? "-"
        return fitting([
            Line([Span(who), share, Span("  any \(anyLog)  "), breaches(s, marked: true)]),
            Line([Span(who), share, Span("  any \(anyLog)  "), breaches(s, marked: false)]),
            Line([Span(who), share, Span("  any \(anyLog)  "), breaches(s, glyphOnly: true)]),
            Line([Span(who), share, Span("  "), breaches(s, marked: true)]),
            Line([Span(who), share, Span("  "), breaches(s, marked: false)]),
        ], width: width)
    }

    /// `lockout hurts users: 4 shut out, 2 locked now`: the legitimate clients a lock refused in this phase.
    static func lockoutHurts(_ s: SecurityView, width: Int) -> Line {
        let n = s.phase.lockedOutUsers
        let users = Span("\(n) shut out", style: n > 0 ? Theme.warning : .plain)
        return fitting([
            Line([Span("lockout hurts users: "), users, Span(", "), locked(s, word: "locked now")]),
            Line([Span("lock hurts: "), users, Span(", "), locked(s, word: "locked now")]),
            Line([Span("lock hurts: "), users, Span(" "), locked(s)]),
        ], width: width)
    }

    /// `before switch: cs 3 breaches, log saw 100%`: the phase before the last switch, in a few words.
    static func previousLine(_ p: SecurityPhase, width: Int) -> Line {
        let arch = p.architecture == .clientServer ? "cs" : "mesh"
        let breaches = p.breaches == 1 ? "1 breach" : "\(p.breaches) breaches"
        let view = p.largestSingleView.map(percent) ?? "-"
        let seen = p.largestObserver == 0 ? "log saw \(view)" : "best log \(view)"
        let long = p.architecture == .clientServer ? "client-server" : "mesh"
        return fitting([
            Line([Span("before switch: ", style: Theme.muted), Span("\(long) \(breaches), \(seen)")]),
            Line([Span("before switch: ", style: Theme.muted), Span("\(arch) \(breaches), \(seen)")]),
            Line([Span("before: ", style: Theme.muted), Span("\(arch) \(breaches), \(seen)")]),
            Line([Span("before: ", style: Theme.muted), Span("\(arch) \(breaches), "
                + (p.largestObserver == 0 ? "log " : "best ") + view)]),
        ], width: width)
    }

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

    /// `⊘ breaches 2  first t=45.3s`, or `breaches 0  none yet`; after a switch, `since the switch`.
    static func breachLine(_ s: SecurityView, width: Int) -> Line {
        let since = s.previousPhase == nil ? [] : [Span(" since the switch", style: Theme.muted)]
        guard let first = s.phase.firstBreach else {
            return fitting([
                Line([breaches(s, marked: true)] + since + [Span("  none yet", style: Theme.muted)]),
                Line([breaches(s, marked: true), Span("  none yet", style: Theme.muted)]),
            ], width: width)
        }
        let at = Span("  first t=" + Format.seconds(first) + "s")
        return fitting([
            Line([breaches(s, marked: true)] + since + [at]),
            Line([breaches(s, marked: true), at]),
        ], width: width)
    }

    /// `⊘ breaches 2` in the breach style; without the glyph unless `marked` (the word still says it). Counts
    /// the current phase (the report has the whole run).
    static func breaches(_ s: SecurityView, marked: Bool = true, glyphOnly: Bool = false) -> Span {
        let n = s.phase.breaches
        guard n > 0 else { return Span("breaches 0") }
        // The glyph alone (`⊘ 19`) is the legend's "breached", for the narrowest lines.
        if glyphOnly { return Span("\(Glyphs.breached) \(n)", style: Theme.breached) }
        let glyph = marked ? "\(Glyphs.breached) " : ""
        return Span(glyph + "breaches \(n)", style: Theme.breached)
    }

    static func locked(_ s: SecurityView, word: String = "locked") -> Span {
        Span("\(word) \(s.lockedAccounts)", style: s.lockedAccounts > 0 ? Theme.warning : .plain)
    }

    static func exposed(_ s: SecurityView) -> Span {
        Span("exposed " + Format.percent(s.exposedShare), style: s.exposedShare > 0 ? Theme.warning : .plain)
    }

    /// A share as a percentage: whole from 10% up, with a tenth below (a mesh's best single view is often a few
    /// percent), `<0.1%` for a sliver that is not nothing.
    static func percent(_ share: Double) -> String {
        if share > 0 && share < 0.001 { return "<0.1%" }
        return share < 0.1 ? Format.fixed(share * 100, decimals: 1) + "%" : Format.percent(share)
    }

    /// What the attack is doing now: who guesses, how fast, at what; or how to start one.
    static func attackLine(_ s: SecurityView, state: AppState, width: Int) -> Line {
        guard s.attackActive, let attackers = s.attackers else {
            let key = KeyBindings.name(of: .toggleAttack, unicode: state.unicode)
            return Line([Span("no attack", style: Theme.muted), Span("  \(key) starts one", style: Theme.muted)])
        }
        let member = s.architecture == .peerMesh ? "peer" : "client"
        let who = attackers.count == 1 ? "\(member) \(attackers.lowerBound)"
            : "\(member)s \(attackers.lowerBound)\(Glyphs.enDash)\(attackers.upperBound)"
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
