import NetworkEngine
import TerminalCanvas

/// The selected node up close: a client's requests, latency and account, a peer's requests, what it served for
/// others and what guards its share, or the server's queue, workers and accounts.
///
/// What guards a node comes second, right under its name: at 80×24 the inspector has two lines, and the security
/// panel above it can only give totals.
///
/// After a switch of architecture the request figures are the node's since the switch (`NodeView.phase`), the title
/// says so (`inspector · peer 5 · since t=20.0 s`), and where there is room a last line gives the totals since t=0.
public enum InspectorPane {
    /// Draws the inspector for `state.selectedNode` in `area`.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        let id = state.selectedNode
        let peer = id > 0 && TopologyPane.node(id, in: snapshot)?.role == .peer
        let name = id == 0 ? "server" : peer || snapshot.architecture == .peerMesh ? "peer \(id)" : "client \(id)"
        // The period is named only over figures: not over "no central server" or a node that has left.
        let figures = TopologyPane.node(id, in: snapshot)?.phase != nil
        let title = !figures ? "inspector \(Glyphs.dot) " + name
            : PhaseLines.inspectorTitle("inspector \(Glyphs.dot) " + name, node: name, snapshot: snapshot,
                                        room: area.width - 4)
        let inner = PaneFrame.render(.inspector, title: title, state: state, area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        let lines = id == 0 ? serverLines(snapshot, state, width: inner.width)
            : peer ? peerLines(id, snapshot, state, width: inner.width) : clientLines(id, snapshot, state)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.set(line: line, in: inner.row(i), ellipsis: state.symbols.ellipsis)
        }
    }

    static func clientLines(_ id: Int, _ snapshot: Snapshot, _ state: AppState) -> [Line] {
        guard let node = TopologyPane.node(id, in: snapshot) else {
            return [Line("node \(id) has left the network", style: Theme.muted)]
        }
        let word = TopologyPane.activityWord(node.activity)
        var lines = [
            Line([Span("client \(id)  "),
                  Span("\(TopologyPane.glyph(for: node.activity)) \(word)", style: Theme.style(for: node.activity)),
                  Span(" \(Glyphs.dot) \(node.outstanding) outstanding")]),
            Line("sent \(figures(node).sent)  completed \(figures(node).completed)"),
            meanLatency(node),
            hint(state),
        ]
        if let account = accountLine(node, snapshot, state) { lines.insert(account, at: 1) }
        if let totals = totalsLine(node) { lines.append(totals) }
        return lines
    }

    /// `account 7  locked  ⊘ broken into`, `⚔ attacker  account 1`, or on an open server `no account: open server`.
    static func accountLine(_ node: NodeView, _ snapshot: Snapshot, _ state: AppState) -> Line? {
        guard let security = snapshot.security else { return nil }
        let marks = node.security
        var spans: [Span] = []
        if marks.attacker { spans += [Span("\(Glyphs.attacker) attacker", style: Theme.attacker), Span("  ")] }
        guard let account = marks.account else {
            guard security.architecture == .clientServer, security.accounts == 0 else {
                return spans.isEmpty ? nil : Line(Array(spans.dropLast()))
            }
            return Line(spans + [Span("no account: open server", style: Theme.muted)])
        }
        spans.append(Span("account \(account)"))
        if marks.accountLocked { spans += [Span("  "), Span("locked", style: Theme.warning)] }
        if marks.breached { spans += [Span("  "), Span("\(Glyphs.breached) broken into", style: Theme.breached)] }
        return Line(spans)
    }

    /// What guards a peer's share, in full when it fits: `share: no password — anyone can read it`.
    static func shareLine(_ node: NodeView, state: AppState, width: Int) -> Line? {
        guard let share = node.security.share else { return nil }
        switch share {
        case .open:
            return SecurityPanel.fitting([
                Line([Span("share: "), Span("no password \(Glyphs.emDash) anyone can read it", style: Theme.warning)]),
                Line([Span("share: "), Span("no password", style: Theme.warning)]),
            ], width: width)
        case .weak:
            return SecurityPanel.fitting([
                Line([Span("share: password "), Span("(weak: in the attacker's dictionary)", style: Theme.warning)]),
                Line([Span("share: password "), Span("(weak: in the dictionary)", style: Theme.warning)]),
                Line([Span("share: "), Span("weak password", style: Theme.warning)]),
            ], width: width)
        case .strong:
            return Line("share: password (strong)")
        }
    }

    /// `  ⚔ attacker`, `  ◎ attacked`, `  ⊘ breached` after a peer's or the server's name (the legend's words).
    static func markSpans(_ marks: NodeSecurity) -> [Span] {
        var spans: [Span] = []
        if marks.attacker { spans += [Span("  "), Span("\(Glyphs.attacker) attacker", style: Theme.attacker)] }
        if marks.underAttack { spans += [Span("  "), Span("\(Glyphs.target) attacked", style: Theme.underAttack)] }
        if marks.breached { spans += [Span("  "), Span("\(Glyphs.breached) breached", style: Theme.breached)] }
        return spans
    }

    /// A peer: both a client (what it asked for) and a small server (what it served for others).
    static func peerLines(_ id: Int, _ snapshot: Snapshot, _ state: AppState, width: Int) -> [Line] {
        guard let node = TopologyPane.node(id, in: snapshot) else {
            return [Line("peer \(id) has left the network", style: Theme.muted)]
        }
        let word = TopologyPane.activityWord(node.activity)
        var lines = [
            Line([Span("peer \(id)  "),
                  Span("\(TopologyPane.glyph(for: node.activity)) \(word)", style: Theme.style(for: node.activity))]
                 + markSpans(node.security)),
            Line("sent \(figures(node).sent)  completed \(figures(node).completed)  out \(node.outstanding)"),
            meanLatency(node),
            Line("served \(figures(node).served) for others"),
            hint(state),
        ]
        if let share = shareLine(node, state: state, width: width) { lines.insert(share, at: 1) }
        if let totals = totalsLine(node) { lines.append(totals) }
        return lines
    }

    static func serverLines(_ snapshot: Snapshot, _ state: AppState, width: Int = .max) -> [Line] {
        guard let server = snapshot.server else {
            guard snapshot.architecture == .peerMesh else { return [Line("no central server", style: Theme.muted)] }
            if let d = snapshot.distribution {
                // In a swarm the server is the seed: what it sends is its whole part.
                return [d.seedLost ? Line([Span("server  "), Span("seed lost", style: Theme.down)])
                        : d.serverDown ? Line([Span("server  "), Span("DOWN", style: Theme.overload),
                                               Span("  sends no chunks")])
                        : Line("server  seeds: \(d.serverSlotsBusy) of \(d.serverSlots) upload slots busy"),
                        Line("\(selectKeys(state)) select a peer", style: Theme.muted)]
            }
            return [Line("no central server in a peer mesh", style: Theme.muted),
                    Line("\(selectKeys(state)) select a peer", style: Theme.muted)]
        }
        let activity = TopologyPane.node(0, in: snapshot)?.activity ?? (server.up ? .idle : .down)
        let node = TopologyPane.node(0, in: snapshot)
        // Since the switch when there was one (the served count then restarts from it), else since t=0.
        let served = node?.phase?.served ?? node?.completed ?? snapshot.currentPhase.requests.completed
        // After a switch to the mesh the old server takes nothing new; it only finishes its queue.
        let word = snapshot.architecture == .peerMesh ? "draining" : TopologyPane.serverWord(activity)
        let marks = TopologyPane.node(0, in: snapshot)?.security ?? NodeSecurity()
        var lines = [
            // Down says it all: "DOWN down" said it twice.
            Line([Span("server  "), Span(server.up ? "UP" : "DOWN", style: server.up ? Theme.serverUp : Theme.overload)]
                 + (server.up ? [Span("  " + word, style: Theme.style(for: activity))] : []) + markSpans(marks)),
            Line("queue \(server.queueLength)/\(server.queueCapacity)  workers \(server.busyWorkers)/\(server.workers)"),
            // `util` reads the charts' newest column, as the server panel's does, so the two never disagree.
            Line("served \(served)  util "
                 + (snapshot.series.last.map { Format.percent($0.utilization) } ?? Glyphs.emDash.description)),
            hint(state),
        ]
        // The accounts the server guards, while it is the one guarding them.
        if let security = snapshot.security, security.architecture == .clientServer {
            let accounts = security.accounts == 0 ? Line("open server: no accounts", style: Theme.muted)
                : Line([Span("accounts \(security.accounts)  "),
                        Span("locked now \(security.lockedAccounts)",
                             style: security.lockedAccounts > 0 ? Theme.warning : .plain)])
            lines.insert(accounts, at: 2)
        }
        if let node, node.phase != nil { lines.append(Line("since t=0: served \(node.completed)", style: Theme.muted)) }
        // Third: at 120×40 the pane has four rows, and the theory is what a lesson reads here (`util` is in the
        // server panel too); fourth, the measured mean with its interval, read against it.
        if let measured = ConfidenceText.latencyLine(snapshot, width: width) { lines.insert(measured, at: 2) }
        if let theory = theoryLine(snapshot.theory) { lines.insert(theory, at: 2) }
        return lines
    }

    /// What queueing theory predicts for the server as configured now (`theory W 185 ms · wait 60%`), or why no formula
    /// covers it (`no latency theory: logins take server time`): the reason behind the latency chart's `n/a`.
    static func theoryLine(_ theory: TheoryView?) -> Line? {
        guard let theory else { return nil }
        if let w = theory.meanLatencyMs {
            let wait = theory.pWait.map { " \(Glyphs.dot) wait " + Format.percent($0) } ?? ""
            return Line("theory W " + Format.fixed(w, decimals: w < 100 ? 1 : 0) + " ms" + wait, style: Theme.label)
        }
        let reason = theory.assumptionsBroken.first { $0.contains("mean_latency_ms") || $0.hasPrefix("all figures") }
        guard let reason, let colon = reason.range(of: ": ") else { return nil }
        return Line("no latency theory: " + reason[colon.upperBound...], style: Theme.muted)
    }

    /// A client's or peer's request figures for the period the inspector shows: since the last switch once there was
    /// one, else since t=0 (its totals).
    static func figures(_ node: NodeView) -> NodePhaseFigures {
        node.phase ?? NodePhaseFigures(sent: node.sent, completed: node.completed, meanLatencyMs: node.meanLatencyMs,
                                       served: node.served)
    }

    /// `mean latency 45.2 ms` of the period's completions, `-` when none.
    static func meanLatency(_ node: NodeView) -> Line {
        let f = figures(node)
        return Line("mean latency " + (f.completed > 0 ? Format.fixed(f.meanLatencyMs, decimals: 1) + " ms" : "-"))
    }

    /// After a switch, the node's totals since t=0 (muted, last: only a tall inspector shows them).
    static func totalsLine(_ node: NodeView) -> Line? {
        guard node.phase != nil else { return nil }
        let served = node.role == .peer ? "  served \(node.served)" : ""
        return Line("since t=0: sent \(node.sent)  completed \(node.completed)" + served, style: Theme.muted)
    }

    /// How to reach another node or act on this one, with the keys as the key table names them.
    static func hint(_ state: AppState) -> Line {
        let crash = KeyBindings.name(of: .toggleSelectedNode, unicode: state.unicode)
        return Line("\(selectKeys(state)) select  \(crash) crash/revive", style: Theme.muted)
    }

    /// `← →`, or `<- ->` in ASCII.
    static func selectKeys(_ state: AppState) -> String {
        [Action.selectPrevious, .selectNext].map { KeyBindings.name(of: $0, unicode: state.unicode) }
            .joined(separator: " ")
    }
}
