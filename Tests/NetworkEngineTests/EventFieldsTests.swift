import Foundation
import NetExplorerAssets
import NetworkEngine
import Testing

/// Every event the engine logs carries the facts its kind promises as fields (`account`, `peer`, `outcome`), and the
/// events file carries exactly those, so nothing needs to read them out of the sentence in `detail`.
@Suite("Event fields")
struct EventFieldsTests {
    typealias Outcome = NetworkEvent.Outcome

    /// One run's events and the scenario it ran.
    struct Run: Sendable {
        var name: String
        var scenario: Scenario
        var events: [NetworkEvent]
    }

    /// The built-in scenarios that log events: password-attack as written (client-server, a mesh from 120 s) and as a
    /// mesh throughout; classroom with its server crash, plus a client's crash and return, a flash crowd, an attack
    /// started and stopped, a switch to the mesh and back, clients leaving and a share of them crashing, so that every
    /// kind is logged.
    static let runs: [Run] = {
        func run(_ name: String, _ scenario: Scenario, _ drive: (Engine) -> Void = { _ in }) -> Run {
            let engine = Engine(scenario: scenario, keepAllEvents: true)
            drive(engine)
            engine.run(until: .seconds(scenario.duration))
            return Run(name: name, scenario: scenario, events: engine.allEvents)
        }
        let attack = try! ScenarioCatalog.load("password-attack")
        var mesh = attack
        mesh.architecture = .peerMesh
        var classroom = try! ScenarioCatalog.load("classroom")
        classroom.timeline += [
            .init(at: 30, kind: .crash(.node(3))), .init(at: 35, kind: .restart(.node(3))),
            .init(at: 100, kind: .switchArchitecture(to: .peerMesh)), .init(at: 110, kind: .switchArchitecture(to: .clientServer)),
            .init(at: 115, kind: .removeNodes(5)),
            .init(at: 116, kind: .set(.workers, 6)),
            .init(at: 117, kind: .crashShare(0.2)),
        ]
        return [
            run("password-attack", attack),
            run("password-attack as a mesh", mesh),
            run("classroom with crashes, a crowd and an attack", classroom) { engine in
                engine.run(until: .seconds(5))
                engine.apply(.toggleAttack)
                engine.run(until: .seconds(50))
                engine.apply(.flashCrowd(requests: 100))
                engine.run(until: .seconds(70))
                engine.apply(.toggleAttack)
            },
        ]
    }()

    /// The optional fields an event must carry, and no others. An answer to a password or a request names the other
    /// node (`peer`: the attacker, or the client) and the `outcome`; at the server it names the `account` too (a
    /// peer's share has none). A lockout names the account and the attacker whose failure locked it.
    static func promised(_ e: NetworkEvent) -> Set<String> {
        switch e.kind {
        case .loginFailure, .breach: e.node == 0 ? ["account", "peer", "outcome"] : ["peer", "outcome"]
        case .unauthorized: ["account", "peer", "outcome"]
        case .lockout: ["account", "peer"]
        case .overload, .recovered, .nodeDown, .nodeUp, .nodesAdded, .nodesRemoved, .flashCrowd, .toggle, .attack, .setting: []
        case .crashShare: []
        }
    }

    /// The optional fields `e` has.
    static func present(_ e: NetworkEvent) -> Set<String> {
        var fields: Set<String> = []
        if e.account != nil { fields.insert("account") }
        if e.peer != nil { fields.insert("peer") }
        if e.outcome != nil { fields.insert("outcome") }
        return fields
    }

    /// The outcomes an event of `kind` at `node` may have.
    static func outcomes(_ kind: NetworkEvent.Kind, atServer: Bool) -> Set<Outcome> {
        switch kind {
        case .loginFailure: atServer ? [.refused, .wrong, .lockedOut] : [.wrong]
        case .breach: atServer ? [.broken] : [.broken, .readOpen]
        case .unauthorized: [.denied]
        default: []
        }
    }

    /// What is wrong with `e`'s fields in a run of `s` (nothing when it keeps every promise).
    static func problems(_ e: NetworkEvent, _ s: Scenario) -> [String] {
        var problems: [String] = []
        let missing = promised(e).subtracting(present(e)), extra = present(e).subtracting(promised(e))
        if !missing.isEmpty { problems.append("missing \(missing.sorted())") }
        if !extra.isEmpty { problems.append("unexpected \(extra.sorted())") }
        if let outcome = e.outcome, !outcomes(e.kind, atServer: e.node == 0).contains(outcome) {
            problems.append("outcome \(outcome.rawValue) for a \(e.kind.rawValue) at node \(e.node)")
        }
        if let account = e.account, !(1...s.security.accounts).contains(account) {
            problems.append("account \(account) of \(s.security.accounts)")
        }
        guard let peer = e.peer else { return problems }
        if peer < 1 || peer == e.node { problems.append("peer \(peer) at node \(e.node)") }
        let guessed = e.kind == .lockout || [.refused, .wrong, .broken, .readOpen].contains(e.outcome)
        let attackers = 1...max(1, s.security.attackers)
        if guessed, !attackers.contains(peer) { problems.append("guess from node \(peer), not an attacker") }
        if !guessed, let account = e.account, account != (peer - 1) % s.security.accounts + 1 {
            problems.append("client \(peer)'s account is not \(account)")
        }
        return problems
    }

    @Test("every event of the built-in scenarios carries the fields its kind promises", arguments: 0..<3)
    func fieldsKeepTheirPromise(index: Int) {
        let run = Self.runs[index]
        #expect(!run.events.isEmpty)
        for e in run.events {
            let problems = Self.problems(e, run.scenario)
            #expect(problems.isEmpty, "\(run.name) t=\(e.time.inSeconds) \(e.kind.rawValue): \(problems) — \(e.detail)")
            if !problems.isEmpty { return }  // one event is enough to show a broken call site
        }
    }

    @Test("the runs log every kind and every outcome, so the promises above were all checked")
    func runsCoverEveryKindAndOutcome() {
        let events = Self.runs.flatMap(\.events)
        #expect(Set(events.map(\.kind)) == Set(NetworkEvent.Kind.allCases))
        #expect(Set(events.compactMap(\.outcome)) == Set(Outcome.allCases))
        // Both places a guess is checked, and a share's breach, are among them.
        #expect(events.contains { $0.kind == .breach && $0.node == 0 })
        #expect(events.contains { $0.kind == .breach && $0.node > 0 })
        #expect(events.contains { $0.kind == .loginFailure && $0.node > 0 })
    }

    @Test("an events line has t, kind, node and detail, then only the fields present, in order")
    func jsonLineFieldOrder() {
        let time = SimTime.seconds(12.5)
        let bare = NetworkEvent(time: time, kind: .overload, node: 0, detail: "queue full (64/64): rejecting requests")
        #expect(bare.jsonLine == #"{"t":12.5,"kind":"overload","node":0,"detail":"queue full (64/64): rejecting requests"}"#)
        let guess = NetworkEvent(time: time, kind: .loginFailure, node: 0, account: 3, peer: 7, outcome: .wrong,
                                 detail: "node 7 failed a password for account 3 (try 2)")
        #expect(guess.jsonLine == #"{"t":12.5,"kind":"login_failure","node":0,"detail":"node 7 failed a password "#
            + #"for account 3 (try 2)","account":3,"peer":7,"outcome":"wrong"}"#)
        let share = NetworkEvent(time: time, kind: .breach, node: 4, peer: 1, outcome: .readOpen, detail: "read")
        #expect(share.jsonLine == #"{"t":12.5,"kind":"breach","node":4,"detail":"read","peer":1,"outcome":"read_open"}"#)
        let lock = NetworkEvent(time: time, kind: .lockout, node: 0, account: 2, peer: 1, detail: "locked")
        #expect(lock.jsonLine == #"{"t":12.5,"kind":"lockout","node":0,"detail":"locked","account":2,"peer":1}"#)
    }

    @Test("every events line of the built-in scenarios has the fields its kind promises, with the event's values",
          arguments: 0..<3)
    func jsonLinesCarryTheFields(index: Int) throws {
        let run = Self.runs[index]
        for e in run.events {
            let line = try #require(try JSONSerialization.jsonObject(with: Data(e.jsonLine.utf8)) as? [String: Any])
            let keys = Set(line.keys).subtracting(["t", "kind", "node", "detail"])
            let fine = keys == Self.promised(e) && line["account"] as? Int == e.account
                && line["peer"] as? Int == e.peer && line["outcome"] as? String == e.outcome?.rawValue
                && line["detail"] as? String == e.detail && line["node"] as? Int == e.node
            #expect(fine, "\(run.name): \(e.jsonLine) promised \(Self.promised(e).sorted())")
            if !fine { return }
        }
    }
}
