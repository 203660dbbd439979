@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The event log people read: words instead of raw kinds, repeats grouped, security and failures kept in view, the
/// selected line unfolded, `/` searching, the steps of `.` among the engine's events.
@Suite("Event log")
struct EventLogTests {
    /// The event log alone, `width`×`height`, as its lines of text.
    static func log(_ snapshot: Snapshot, _ state: AppState = Fixtures.state(), width: Int = 60,
                    height: Int = 9) -> [String] {
        Fixtures.lines(width: width, height: height) {
            EventLogPane.render(snapshot: snapshot, state: state, area: $0, buffer: &$1)
        }
    }

    /// The events pane's rows as the whole screen shows it at `size`.
    static func screenLog(_ snapshot: Snapshot, _ state: AppState, size: Size) -> [String] {
        var buffer = Buffer(size: size)
        Screen.render(snapshot: snapshot, state: state, into: &buffer)
        let r = Screen.regions(for: size).events
        return buffer.lines()[r.y..<(r.y + r.height)].map { line in
            String(line.dropFirst(r.x).prefix(r.width))
        }
    }

    static func snapshot(_ events: [NetworkEvent], architecture: Architecture = .clientServer,
                         switches: [SimTime] = []) -> Snapshot {
        var s = Fixtures.snapshot(events: events)
        s.architecture = architecture
        s.switches = switches
        return s
    }

    // MARK: - Words

    /// A guess at the server, a lockout, a breach, a denial and a crash, under client-server.
    static let security: [NetworkEvent] = [
        NetworkEvent(time: .seconds(10), kind: .loginFailure, node: 0, account: 7, peer: 4, outcome: .wrong,
                     detail: "node 4 failed a password for account 7 (try 2)"),
        NetworkEvent(time: .seconds(11), kind: .loginFailure, node: 0, account: 7, peer: 4, outcome: .refused,
                     detail: "node 4 refused at account 7: locked (299 s left)"),
        NetworkEvent(time: .seconds(12), kind: .lockout, node: 0, account: 7, peer: 4,
                     detail: "account 7 locked for 300 s after 5 failed passwords"),
        NetworkEvent(time: .seconds(13), kind: .breach, node: 0, account: 9, peer: 4, outcome: .broken,
                     detail: "node 4 broke into account 9: weak password guessed on try 3"),
        NetworkEvent(time: .seconds(14), kind: .unauthorized, node: 0, account: 2, peer: 12, outcome: .denied,
                     detail: "client 12 (account 2) denied resource 40: no read permission"),
        NetworkEvent(time: .seconds(15), kind: .nodeDown, node: 0, detail: "server crashed: every request fails"),
    ]

    @Test("events read as words: the server is 'server', a client 'client 12', accounts and attackers by number")
    func labels() {
        let lines = Self.log(Self.snapshot(Self.security))
        #expect(lines == [
            "┌ events · all ────────────────────────────────────────────┐",
            "│15.0s ✗ server down                                       │",
            "│14.0s ⊖ client 12 denied: account 2 may not read it       │",
            "│13.0s ⊘ password guessed: account 9, by client 4          │",
            "│12.0s ⊠ account 7 locked after guesses from client 4      │",
            "│11.0s ? guess refused: account 7 is locked, from client 4 │",
            "│10.0s ? wrong password: account 7, from client 4          │",
            "│                                                          │",
            "└──────────────────────────────────────────────────────────┘",
        ])
        #expect(!lines.joined().contains("#"), "a raw node number")
    }

    @Test("in a mesh the same node numbers are peers, and events before the switch stay clients")
    func labelsFollowTheArchitecture() {
        let events = [
            NetworkEvent(time: .seconds(5), kind: .nodeDown, node: 3, detail: "client 3 crashed"),
            NetworkEvent(time: .seconds(20), kind: .overload, node: 12, detail: "peer 12 overloaded: its queue is full (8/8)"),
            NetworkEvent(time: .seconds(21), kind: .breach, node: 6, peer: 2, outcome: .readOpen,
                         detail: "node 2 read peer 6's share: no password (unnoticed by the peer)"),
        ]
        let lines = Self.log(Self.snapshot(events, architecture: .peerMesh, switches: [.seconds(10)]), height: 5)
        #expect(lines == [
            "┌ events · all ────────────────────────────────────────────┐",
            "│21.0s ⊘ open share read: peer 6, by peer 2                │",
            "│20.0s ▲ peer 12 overloaded: queue full                    │",
            "│5.0s ✗ client 3 down                                      │",
            "└──────────────────────────────────────────────────────────┘",
        ])
    }

    @Test("every kind of event has its words and glyph: no raw kind, no underscore, no '#'")
    func everyKindInWords() {
        for kind in NetworkEvent.Kind.allCases {
            let event = NetworkEvent(time: .seconds(1), kind: kind, node: 3, account: 1, peer: 2, detail: "sentence")
            let line = EventLogText.line(EventLogLine(.event(event), architecture: .clientServer)).plainText
            #expect(!line.contains("_") && !line.contains("#"), "\(kind): \(line)")
            #expect(Glyphs.all.contains(EventWords.wording(kind).glyph), "\(kind)")
        }
    }

    // MARK: - Unfolding

    /// A server crash between an overload and a switch whose sentence is wider than a small pane.
    static let crash: [NetworkEvent] = [
        NetworkEvent(time: .seconds(30), kind: .overload, node: 0, detail: "queue full (64/64): rejecting requests"),
        NetworkEvent(time: .seconds(41.2), kind: .nodeDown, node: 0,
                     detail: "server crashed: every request fails until it restarts"),
        NetworkEvent(time: .seconds(50), kind: .toggle, node: 0,
                     detail: "switched to peer-mesh: 85 peers, 600 replicas seeded by the server"),
    ]

    static func unfoldedState(_ crash: Bool = true) -> AppState {
        Fixtures.state {
            $0.focus = .events
            $0.eventSelection = EventLogAnchor(time: .seconds(41.2), kind: .nodeDown)
            $0.eventExpanded = crash
        }
    }

    @Test("Enter unfolds the selected line at 80×24: its full sentence wrapped over several rows, nothing cut")
    func unfoldedAt80x24() {
        let rows = Self.screenLog(Self.snapshot(Self.crash), Self.unfoldedState(), size: Size(width: 80, height: 24))
        #expect(rows == [
            "┏ events · all ━━━━━━━━━━━━━━━━━━━━┓",
            "┃50.0s ⇄ switched to peer-mesh: 85…┃",
            "┃41.2s ✗ server down — server      ┃",
            "┃  crashed: every request fails    ┃",
            "┃  until it restarts               ┃",
            "┃30.0s ▲ server overloaded: queue …┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
    }

    /// The log sits under the cost panel at this size (six rows of the column are the bill's).
    @Test("Enter unfolds a grouped line at 200×60: its span, its nodes and its newest event in full")
    func unfoldedAt200x60() {
        let state = Fixtures.state {
            $0.focus = .events
            $0.eventSelection = EventLogAnchor(time: .seconds(41.5), kind: .overload)
            $0.eventExpanded = true
        }
        let snapshot = Self.snapshot(Self.flood(), architecture: .peerMesh)
        let rows = Self.screenLog(snapshot, state, size: Size(width: 200, height: 60))
        #expect(rows == [
            "┏ events · all ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
            "┃41.8s ▲ peer overloads ×1000 within 1 s — from 41.0s to 41.8s at peers 1–40;  ┃",
            "┃  newest: peer 40 overloaded: queue full — peer 40 overloaded: its queue is   ┃",
            "┃  full (8/8)                                                                  ┃",
            "┃40.5s ⊘ password guessed: account 8, by peer 1                                ┃",
            "┃40.0s ⊘ password guessed: account 3, by peer 1                                ┃",
            "┃                                                                              ┃",
            "┃                                                                              ┃",
            "┃                                                                              ┃",
            "┃                                                                              ┃",
            "┃                                                                              ┃",
            "┃                                                                              ┃",
            "┃                                                                              ┃",
            "┃                                                                              ┃",
            "┃                                                                              ┃",
            "┃                                                                              ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
    }

    @Test("folded, the selected line is one row, cut with … and highlighted; a text taller than the pane ends in …")
    func foldedSelection() {
        var state = Self.unfoldedState(false)
        state.eventSelection = EventLogAnchor(time: .seconds(50), kind: .toggle)
        let buffer = Fixtures.buffer(width: 40, height: 6) {
            EventLogPane.render(snapshot: Self.snapshot(Self.crash), state: state, area: $0, buffer: &$1)
        }
        #expect(buffer.lines() == [
            "┏ events · all ━━━━━━━━━━━━━━━━━━━━━━━━┓",
            "┃50.0s ⇄ switched to peer-mesh: 85 pee…┃",
            "┃41.2s ✗ server down                   ┃",
            "┃30.0s ▲ server overloaded: queue full ┃",
            "┃                                      ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
        #expect(buffer[3, 1].style.reverse && !buffer[3, 2].style.reverse)
        state.eventExpanded = true
        #expect(Self.log(Self.snapshot(Self.crash), state, width: 24, height: 5) == [
            "┏ events · all ━━━━━━━━┓",
            "┃50.0s ⇄ switched to   ┃",
            "┃  peer-mesh: 85 peers,┃",
            "┃  600 replicas seeded…┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
    }

    // MARK: - Repeats and what is kept in view

    /// 1,000 overloads at the server in one second after two breaches.
    static func flood() -> [NetworkEvent] {
        var events = [
            NetworkEvent(time: .seconds(40), kind: .breach, node: 0, account: 3, peer: 1, outcome: .broken,
                         detail: "node 1 broke into account 3: weak password guessed on try 2"),
            NetworkEvent(time: .seconds(40.5), kind: .breach, node: 0, account: 8, peer: 1, outcome: .broken,
                         detail: "node 1 broke into account 8: weak password guessed on try 4"),
        ]
        for i in 0..<1000 {
            events.append(NetworkEvent(time: .seconds(41) + SimTime(i) * 900_000, kind: .overload, node: 1 + i % 40,
                                       detail: "peer \(1 + i % 40) overloaded: its queue is full (8/8)"))
        }
        return events
    }

    @Test("1,000 overloads and 2 breaches: both breaches and one grouped overload line")
    func grouped() {
        let lines = Self.log(Self.snapshot(Self.flood(), architecture: .peerMesh), height: 6)
        #expect(lines == [
            "┌ events · all ────────────────────────────────────────────┐",
            "│41.8s ▲ peer overloads ×1000 within 1 s                   │",
            "│40.5s ⊘ password guessed: account 8, by peer 1            │",
            "│40.0s ⊘ password guessed: account 3, by peer 1            │",
            "│                                                          │",
            "└──────────────────────────────────────────────────────────┘",
        ])
    }

    /// Overloads and recoveries taking turns every two seconds for 400 s after a breach and a crash: each its own
    /// line, hundreds of them.
    static func longOverload() -> [NetworkEvent] {
        var events = [
            NetworkEvent(time: .seconds(1), kind: .breach, node: 0, account: 3, peer: 1, outcome: .broken,
                         detail: "node 1 broke into account 3: weak password guessed on try 2"),
            NetworkEvent(time: .seconds(2), kind: .nodeDown, node: 4, detail: "client 4 crashed"),
        ]
        for i in 0..<200 {
            let t = SimTime.seconds(3) + SimTime(i) * .seconds(2)
            events.append(NetworkEvent(time: t, kind: .overload, node: 0, detail: "queue full (64/64): rejecting"))
            events.append(NetworkEvent(time: t + .seconds(1), kind: .recovered, node: 0, detail: "queue drained to 60"))
        }
        return events
    }

    @Test("security and failure lines pushed out by newer lines stay in view on the last rows, under a row saying so")
    func keptInView() {
        let lines = Self.log(Self.snapshot(Self.longOverload()), height: 10)
        #expect(lines == [
            "┌ events · all ────────────────────────────────────────────┐",
            "│402.0s ✓ server recovered                                 │",
            "│401.0s ▲ server overloaded: queue full                    │",
            "│400.0s ✓ server recovered                                 │",
            "│399.0s ▲ server overloaded: queue full                    │",
            "│398.0s ✓ server recovered                                 │",
            "│kept in view: older security & failures                   │",
            "│2.0s ✗ client 4 down                                      │",
            "│1.0s ⊘ password guessed: account 3, by client 1           │",
            "└──────────────────────────────────────────────────────────┘",
        ])
    }

    // MARK: - Search

    @Test("a search shows only the lines holding it, whatever the case, and the title says it and counts")
    func search() {
        let state = Fixtures.state { $0.logSearch = "CLIENT 5" }
        #expect(Self.log(Fixtures.snapshot(), state, height: 6) == [
            "┌ events · /CLIENT 5 · 2 of 6 ─────────────────────────────┐",
            "│70.0s ↑ client 5 back up                                  │",
            "│41.2s ✗ client 5 down                                     │",
            "│                                                          │",
            "│                                                          │",
            "└──────────────────────────────────────────────────────────┘",
        ])
        let filtered = Fixtures.state { $0.logSearch = "server"; $0.eventFilter = .overload }
        #expect(Self.log(Fixtures.snapshot(), filtered, height: 5) == [
            "┌ events · overload · /server · 2 of 2 ────────────────────┐",
            "│55.0s ✓ server recovered                                  │",
            "│30.0s ▲ server overloaded: queue full                     │",
            "│                                                          │",
            "└──────────────────────────────────────────────────────────┘",
        ])
        let none = Fixtures.state { $0.logSearch = "breach" }
        #expect(Self.log(Fixtures.snapshot(), none, height: 4) == [
            "┌ events · /breach · 0 of 6 ───────────────────────────────┐",
            "│nothing matches /breach                                   │",
            "│                                                          │",
            "└──────────────────────────────────────────────────────────┘",
        ])
    }

    // MARK: - Steps

    @Test("steps run with . are lines of their own, among the events in time order, shown under 'all' only")
    func steps() {
        let state = Fixtures.state {
            $0.stepLog = [StepLogEntry(time: .seconds(41.2), text: "arrival · client 5: client 5 sends its next request"),
                          StepLogEntry(time: .seconds(60.5), text: "tick: the simulated second closes")]
        }
        #expect(Self.log(Fixtures.snapshot(), state, height: 10) == [
            "┌ events · all ────────────────────────────────────────────┐",
            "│70.0s ↑ client 5 back up                                  │",
            "│60.500s ▸ step: tick: the simulated second closes         │",
            "│60.1s ? wrong password at client 4                        │",
            "│55.0s ✓ server recovered                                  │",
            "│41.2s ✗ client 5 down                                     │",
            "│41.200s ▸ step: arrival · client 5: client 5 sends its ne…│",
            "│30.0s ▲ server overloaded: queue full                     │",
            "│12.5s + 5 clients joined (now 13)                         │",
            "└──────────────────────────────────────────────────────────┘",
        ])
        var security = state
        security.eventFilter = .security
        #expect(Self.log(Fixtures.snapshot(), security, height: 4) == [
            "┌ events · security ───────────────────────────────────────┐",
            "│60.1s ? wrong password at client 4                        │",
            "│                                                          │",
            "└──────────────────────────────────────────────────────────┘",
        ])
    }

    // MARK: - Cost

    @Test("grouping walks only the events the pane's lines need, not every event held")
    func groupingCostFollowsThePane() {
        // 2,000 lines of their own (the server overloaded and recovered by turns, a second apart), then 1,000 peer
        // overloads in one second, grouped into one line: 9 rows need the group and 8 lines more.
        let older = (0..<2000).map { i in
            NetworkEvent(time: .seconds(Double(i)), kind: i % 2 == 0 ? .overload : .recovered, node: 0, detail: "")
        }
        let burst = Self.flood().dropFirst(2).map { e in
            var e = e
            e.time += .seconds(3000)
            return e
        }
        let source = EventLogSource(events: older + burst, steps: [], architecture: .peerMesh, switches: [],
                                    filter: .all, search: nil)
        let built = EventLogLines.build(source, limit: 9)
        #expect(built.lines.count == 9 && built.lines[0].count == 1000)
        #expect(built.visited <= 1000 + 8 + 3, "visited \(built.visited) of 3,000")
    }
}
