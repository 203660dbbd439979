@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The security panel in both regimes and on an open server, the marks on the topology, the inspector's share and
/// account lines, the attack in the status bar, and the side column at 80×24 and 120×40.
@Suite("Security rendering")
struct SecurityRenderTests {
    static func panel(_ snapshot: Snapshot, width: Int, height: Int, unicode: Bool = true) -> [String] {
        Fixtures.lines(width: width, height: height) {
            SecurityPanel.render(snapshot: snapshot, state: Fixtures.state { $0.unicode = unicode }, area: $0,
                                 buffer: &$1)
        }
    }

    static var openServer: Snapshot {
        var s = SecurityFixtures.snapshot()
        s.security = SecurityFixtures.central(accounts: 0)
        // An open server has no accounts to hand out, nor to lock or break.
        for i in s.nodes.indices {
            s.nodes[i].security.account = nil
            s.nodes[i].security.accountLocked = false
            s.nodes[i].security.breached = false
        }
        return s
    }

    // MARK: - Panel

    /// The panel at the size the layout gives it on a `width` × `height` screen (80×24: 36×4; 120×40: 48×9).
    static func panel(_ snapshot: Snapshot, screen width: Int, _ height: Int) -> [String] {
        let area = Screen.regions(for: Size(width: width, height: height)).security
        return panel(snapshot, width: area.width, height: area.height)
    }

    @Test("under client-server the server's log is the headline, then the lockout's two sides, breaches, exposure of accounts")
    func centralPanel() {
        #expect(Self.panel(SecurityFixtures.snapshot(), screen: 120, 40) == [
            "┌ security · central database ─────────────────┐",
            "│server log saw 100% of 30  any log 100%       │",
            "│lockout bounds guesses: 22 checked, 8 refused │",
            "│lockout hurts users: 4 shut out, locked now 2 │",
            "│⊘ breaches 1  first t=45.3s                   │",
            "│exposed 15% of 40 accounts (weak password)    │",
            "│logins 412  failed 31  lockouts 3             │",
            "│⚔ client 1 guessing 5.0/s at account 7        │",
            "└──────────────────────────────────────────────┘",
        ])
    }

    @Test("at 80×24 the panel has two lines: what the log saw with the breaches, then the attack")
    func centralCompact() {
        #expect(Self.panel(SecurityFixtures.snapshot(), screen: 80, 24) == [
            "┌ security · central database ─────┐",
            "│log saw 100%  any 100%  breaches 1│",
            "│⚔ client 1 → account 7 at 5.0/s   │",
            "└──────────────────────────────────┘",
        ])
        #expect(Self.panel(SecurityFixtures.snapshot(attack: false), screen: 80, 24)[2]
                == "│no attack  a starts one           │")
    }

    @Test("in a mesh the headline is the best single peer's log, every log together comes second and labelled")
    func meshPanel() {
        var snapshot = SecurityFixtures.meshSnapshot()
        snapshot.security = SecurityFixtures.mesh(switched: false)
        // 5 of 120 attempts in peer 7's log (4.2%), not the 38 of 120 (32%) that all peers' logs hold together.
        #expect(Self.panel(snapshot, screen: 120, 40) == [
            "┌ security · each peer for itself ─────────────┐",
            "│best single log saw 4.2% of 120 (peer 7)      │",
            "│all logs together 32%: no one reads them all  │",
            "│no lock: 80 guesses checked, 0 users shut out │",
            "│⊘ breaches 3  first t=52.1s                   │",
            "│exposed 50% of peers (open or weak share)     │",
            "│shares open 4  weak 2  strong 6               │",
            "│⚔ peer 1 guessing 5.0/s at peer 9             │",
            "└──────────────────────────────────────────────┘",
        ])
        #expect(Self.panel(snapshot, screen: 80, 24) == [
            "┌ security · each peer for itself ─┐",
            "│best log 4.2%  any 32%  breaches 3│",
            "│⚔ peer 1 guessing 5.0/s at peer 9 │",
            "└──────────────────────────────────┘",
        ])
        // The best single view is in the warning style (under half the attack); the server's 100% is not.
        let lines = Fixtures.buffer(width: 48, height: 9) {
            SecurityPanel.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines[21, 1].style == Theme.warning)
        let central = Fixtures.buffer(width: 48, height: 9) {
            SecurityPanel.render(snapshot: SecurityFixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(central[16, 1].style != Theme.warning)
    }

    @Test("after the switch to the mesh the mesh's own figures show beside the client-server phase's summary")
    func meshAfterSwitch() {
        #expect(Self.panel(SecurityFixtures.meshSnapshot(), screen: 120, 40) == [
            "┌ security · each peer for itself ─────────────┐",
            "│best single log saw 4.2% of 120 (peer 7)      │",
            "│all logs together 32%: no one reads them all  │",
            "│no lock: 80 guesses checked, 0 users shut out │",
            "│⊘ breaches 3 since the switch  first t=52.1s  │",
            "│exposed 50% of peers (open or weak share)     │",
            "│before switch: cs 1 breach, log saw 100%      │",
            "│⚔ peer 1 guessing 5.0/s at peer 9             │",
            "└──────────────────────────────────────────────┘",
        ])
        // At 80×24 the comparison takes the attack's line (the status bar and the topology still show the attack).
        #expect(Self.panel(SecurityFixtures.meshSnapshot(), screen: 80, 24) == [
            "┌ security · each peer for itself ─┐",
            "│best log 4.2%  any 32%  breaches 3│",
            "│before: cs 1 breach, log saw 100% │",
            "└──────────────────────────────────┘",
        ])
    }

    @Test("back under client-server the new phase starts from its own figures and the mesh phase's summary stays")
    func centralAfterSwitch() {
        var snapshot = SecurityFixtures.snapshot()
        snapshot.security = SecurityFixtures.centralAfterSwitch()
        #expect(Self.panel(snapshot, screen: 120, 40) == [
            "┌ security · central database ─────────────────┐",
            "│server log saw 100% of 20  any log 100%       │",
            "│lockout bounds guesses: 15 checked, 5 refused │",
            "│lockout hurts users: 2 shut out, locked now 2 │",
            "│breaches 0 since the switch  none yet         │",
            "│exposed 15% of 40 accounts (weak password)    │",
            "│before switch: mesh 3 breaches, best log 4.2% │",
            "│⚔ client 1 guessing 5.0/s at account 7        │",
            "└──────────────────────────────────────────────┘",
        ])
        #expect(Self.panel(snapshot, screen: 80, 24) == [
            "┌ security · central database ─────┐",
            "│log saw 100%  any 100%  breaches 0│",
            "│before: mesh 3 breaches, best 4.2%│",
            "└──────────────────────────────────┘",
        ])
    }

    @Test("shorter panels keep the highest-ranked lines in screen order: headline, breaches and the comparison first")
    func rankedRows() {
        // 5 rows: the attack, the previous phase, the headline, the breaches, the union of the logs.
        #expect(Self.panel(SecurityFixtures.meshSnapshot(), width: 48, height: 7) == [
            "┌ security · each peer for itself ─────────────┐",
            "│best single log saw 4.2% of 120 (peer 7)      │",
            "│all logs together 32%: no one reads them all  │",
            "│⊘ breaches 3 since the switch  first t=52.1s  │",
            "│before switch: cs 1 breach, log saw 100%      │",
            "│⚔ peer 1 guessing 5.0/s at peer 9             │",
            "└──────────────────────────────────────────────┘",
        ])
    }

    @Test("at 80×24 the union of the logs keeps its place: the breaches shrink to the glyph first; no attempt says so")
    func compactFallbacks() {
        var snapshot = SecurityFixtures.meshSnapshot()
        snapshot.security?.phase.breaches = 19
        snapshot.security?.phase.attempts = 393; snapshot.security?.phase.largestLogged = 22
        snapshot.security?.phase.logged = 370
        #expect(Self.panel(snapshot, screen: 80, 24)[1] == "│best log 5.6%  any 94%  ⊘ 19      │")
        var calm = SecurityFixtures.snapshot(attack: false)
        calm.security?.phase = SecurityPhase(architecture: .clientServer, from: 0)
        #expect(Self.panel(calm, screen: 80, 24)[1] == "│no attempt yet  breaches 0        │")
        #expect(Self.panel(calm, screen: 120, 40)[1] == "│server log: no attempt yet                    │")
    }

    @Test("a share reads as a whole percentage from 10%, with a tenth below, and never as 0% when not nothing")
    func percentages() {
        #expect(SecurityPanel.percent(1) == "100%" && SecurityPanel.percent(0.32) == "32%")
        #expect(SecurityPanel.percent(0.0417) == "4.2%" && SecurityPanel.percent(0) == "0.0%")
        #expect(SecurityPanel.percent(0.0004) == "<0.1%")
    }

    @Test("a real run through a switch: the panel's previous phase is the engine's, its mesh headline one peer's")
    func engineSwitch() throws {
        var s = Scenario(name: "switch")
        s.seed = 5
        s.nodes = 30
        s.workload.rate = 0.5
        s.security.accounts = 10
        s.security.dictionary = 20
        s.security.weakPasswords = 0.5
        s.security.attackers = 1
        s.security.attackRate = 20
        s.timeline = [.init(at: 30, kind: .switchArchitecture(to: .peerMesh))]
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(60))
        let snapshot = engine.snapshot()
        let security = try #require(snapshot.security)
        let previous = try #require(security.previousPhase)
        #expect(previous.architecture == .clientServer && previous.breaches > 0)
        let lines = Self.panel(snapshot, screen: 120, 40)
        let breaches = previous.breaches == 1 ? "1 breach" : "\(previous.breaches) breaches"
        #expect(lines.contains { $0.contains("before switch: cs \(breaches), log saw 100%") }, "\(lines)")
        let peer = try #require(security.phase.largestObserver)
        #expect(peer > 0 && lines[1].contains("best single log saw") && lines[1].contains("(peer \(peer))"),
                "\(lines)")
        #expect(lines.contains { $0.contains("breaches \(security.phase.breaches) since the switch") }, "\(lines)")
    }

    @Test("an open server says plainly that there are no accounts and nothing to guess")
    func openServerPanel() {
        #expect(Self.panel(Self.openServer, screen: 120, 40) == [
            "┌ security · open server ──────────────────────┐",
            "│no accounts: anyone reads anything            │",
            "│open server: no accounts, no logins           │",
            "│exposed 100%: nothing is protected            │",
            "│denied 0  unauthorized 0                      │",
            "│breaches 0  none yet                          │",
            "│no log: no login to guess                     │",
            "│⚔ client 1: nothing to guess                  │",
            "└──────────────────────────────────────────────┘",
        ])
        #expect(Self.panel(Self.openServer, screen: 80, 24)[1] == "│no logins  exposed 100%           │")
    }

    @Test("in ASCII the panel's marks are letters")
    func panelASCII() {
        var buffer = Buffer(size: Size(width: 80, height: 24))
        Screen.render(snapshot: SecurityFixtures.snapshot(), state: Fixtures.state { $0.unicode = false }, into: &buffer)
        let lines = buffer.lines()
        #expect(lines[10].hasSuffix("|A client 1 > account 7 at 5.0/s   |"))
        #expect(buffer.cells.allSatisfy { $0.grapheme.isASCII })
    }

    // MARK: - Topology

    @Test("the star marks the attacker, the server under attack, a broken account and a guess on the wire")
    func starMarks() {
        var guess = FlightView(client: 1, direction: .toServer, progress: 0.5)
        guess.attack = true
        let buffer = Fixtures.buffer(width: 44, height: 15) {
            TopologyPane.render(snapshot: SecurityFixtures.snapshot(flights: [guess]), state: Fixtures.state(),
                                area: $0, buffer: &$1)
        }
        let lines = buffer.lines()
        #expect(lines[1] == "┃                     ⚔                    ┃")
        #expect(lines[6].contains("◎[S]"))
        #expect(lines[10] == "┃          ●                     ⊘         ┃")
        #expect(lines[4].contains("?") && !lines[4].contains("•"))
        #expect(lines[12] == "┃⚔ attacker ◎ target ⊘ breached ? guess    ┃")
        #expect(lines[13] == "┃○ idle  ● busy  ✗ down  • request  ◦ reply┃")
        #expect(buffer[22, 1].style.reverse)
        // Without an attack the nodes show their activity again.
        let calm = Fixtures.lines(width: 44, height: 15) {
            TopologyPane.render(snapshot: SecurityFixtures.snapshot(attack: false), state: Fixtures.state(),
                                area: $0, buffer: &$1)
        }
        #expect(calm[1] == "┃                     ○                    ┃")
        #expect(!calm[6].contains("◎") && calm[6].contains("[S]"))
    }

    @Test("the ring marks the attacker, the peer under attack and breached peers; a down peer stays down")
    func ringMarks() {
        let lines = Fixtures.lines(width: 44, height: 15) {
            TopologyPane.render(snapshot: SecurityFixtures.meshSnapshot(), state: Fixtures.state(), area: $0,
                                buffer: &$1)
        }
        let text = lines.joined()
        #expect(text.filter { $0 == "⚔" }.count == 2)  // peer 1 and the legend
        #expect(text.filter { $0 == "◎" }.count == 2)  // peer 9 and the legend
        #expect(text.filter { $0 == "⊘" }.count == 3)  // peers 6 and 12 and the legend; peer 3 is down
        #expect(text.contains("✗"))
    }

    @Test("bins mark the attacker's bin and count breached nodes")
    func stripMarks() {
        var s = Fixtures.snapshot(nodes: Fixtures.manyNodes(300))
        s.security = SecurityFixtures.central()
        s.nodes[1].security.attacker = true
        for id in 10...19 { s.nodes[id].security.breached = true }
        let lines = Fixtures.lines(width: 44, height: 15) {
            TopologyPane.render(snapshot: s, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines.contains { $0.contains("⚔") && !$0.contains("attacker") }, "\(lines)")
        #expect(lines.contains { $0.contains("⊘ 10 breached") })
    }

    // MARK: - Inspector

    static func inspector(_ snapshot: Snapshot, node: Int, width: Int = 36) -> [String] {
        Fixtures.lines(width: width, height: 8) {
            InspectorPane.render(snapshot: snapshot, state: Fixtures.state { $0.selectedNode = node }, area: $0,
                                 buffer: &$1)
        }
    }

    @Test("a client shows its account, locked or broken into, and the attacker says so")
    func inspectorClients() {
        let s = SecurityFixtures.snapshot()
        #expect(Self.inspector(s, node: 1)[2] == "│⚔ attacker  account 1             │")
        #expect(Self.inspector(s, node: 2)[2] == "│account 2  locked                 │")
        #expect(Self.inspector(s, node: 4)[2] == "│account 4  ⊘ broken into          │")
        #expect(Self.inspector(Self.openServer, node: 5)[2] == "│no account: open server           │")
    }

    @Test("the server shows it is attacked and its accounts with the locked count")
    func inspectorServer() {
        let lines = Self.inspector(SecurityFixtures.snapshot(), node: 0)
        #expect(lines[1] == "│server  UP  queueing  ◎ attacked  │")
        #expect(lines[3] == "│accounts 40  locked now 2         │")
    }

    @Test("a peer shows its share protection in full when it fits, shorter when not, and a breach")
    func inspectorPeers() {
        let s = SecurityFixtures.meshSnapshot()
        #expect(Self.inspector(s, node: 6, width: 48)[1] == "│peer 6  ○ idle  ⊘ breached                    │")
        #expect(Self.inspector(s, node: 6, width: 48)[2] == "│share: no password — anyone can read it       │")
        #expect(Self.inspector(s, node: 6)[2] == "│share: no password                │")
        #expect(Self.inspector(s, node: 4, width: 48)[2] == "│share: password (weak: in the dictionary)     │")
        #expect(Self.inspector(s, node: 4, width: 60)[2].contains("(weak: in the attacker's dictionary)"))
        #expect(Self.inspector(s, node: 5)[2] == "│share: password (strong)          │")
        #expect(Self.inspector(s, node: 9)[1] == "│peer 9  ◆ queueing  ◎ attacked    │")
    }

    // MARK: - Status bar and layout

    @Test("the status bar shows the attack right after the architecture, in bold reverse")
    func statusAttack() {
        let buffer = Fixtures.buffer(width: 80, height: 1) {
            StatusBar.render(snapshot: SecurityFixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(buffer.lines() == [" classro… │ client-server │ ⚔ ATTACK │ t=0:01:23.4 │ 1× │ ▶ running │ 8 clients "])
        let x = Array(buffer.lines()[0]).firstIndex(of: "A") ?? 0
        #expect(buffer[x, 0].style.bold && buffer[x, 0].style.reverse)
        let calm = Fixtures.lines(width: 80, height: 1) {
            StatusBar.render(snapshot: SecurityFixtures.snapshot(attack: false), state: Fixtures.state(), area: $0,
                             buffer: &$1)
        }
        #expect(!calm[0].contains("ATTACK"))
    }

    @Test("panes never overlap and tile the body, from 80×24 up")
    func noOverlap() {
        for size in [Size(width: 80, height: 24), Size(width: 80, height: 25), Size(width: 100, height: 30),
                     Size(width: 120, height: 40), Size(width: 200, height: 60)] {
            let r = Screen.regions(for: size)
            // The cost panel is a pane of its own above the log when framed; folded, it is a line on the log's border.
            let framed = r.cost.height > 1
            let panes = [r.topology, r.server, r.security, r.inspector, r.metrics, r.events] + (framed ? [r.cost] : [])
            if !framed { #expect(r.cost.y == r.events.bottom - 1 && r.events.intersection(r.cost) == r.cost, "\(size)") }
            for (i, a) in panes.enumerated() {
                #expect(!a.isEmpty, "\(size) pane \(i)")
                for b in panes[(i + 1)...] { #expect(a.intersection(b).isEmpty, "\(size) \(a) \(b)") }
            }
            #expect(panes.reduce(0) { $0 + $1.area } == r.body.area, "\(size)")
            #expect(r.security.height >= 4 && r.inspector.height >= 4 && r.server.height >= 7, "\(size)")
        }
        let large = Screen.regions(for: Size(width: 120, height: 40))
        #expect(large.security == Rect(x: 72, y: 9, width: 48, height: 9))
        #expect(large.inspector == Rect(x: 72, y: 18, width: 48, height: 6))
    }

    @Test("the help overlay still covers the screen with the security panel in it")
    func helpOverlay() {
        let lines = Fixtures.lines(width: 80, height: 24) { _, b in
            Screen.render(snapshot: SecurityFixtures.snapshot(), state: Fixtures.state { $0.showsHelp = true }, into: &b)
        }
        #expect(lines.contains { $0.contains("start or stop an attack") })
    }
}
