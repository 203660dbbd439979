import NetExplorerAssets
import Testing
@testable import NetworkEngine

/// Messages and log lines use the words of the architecture in force: a mesh has peers, and a server crash in a mesh
/// fails nothing new.
@Suite("Architecture words")
struct ArchitectureWordsTests {
    static func mesh() -> Engine {
        var s = Scenario(name: "words")
        s.nodes = 10
        s.architecture = .peerMesh
        return Engine(scenario: s, keepAllEvents: true)
    }

    @Test("adding and removing nodes says peers in a mesh and clients under client-server")
    func members() {
        let mesh = Self.mesh()
        #expect(mesh.apply(.addNodes(5)).message == "+5 peers: 15 now")
        // In a mesh the departing peer's replicas are named too (issue 16 §4).
        #expect(mesh.apply(.removeNodes(1)).message.hasPrefix("-1 peer: 14 now, taking "))
        #expect(mesh.allEvents.map(\.detail).contains("5 peers joined (now 15)"))
        mesh.apply(.toggleArchitecture)
        #expect(mesh.apply(.addNodes(2)).message == "+2 clients: 16 now")
    }

    @Test("crashing and reviving a node names it a client or a peer, in the message and the log")
    func nodeCommands() {
        let mesh = Self.mesh()
        #expect(mesh.apply(.crash(.node(3))).message == "peer 3 left")
        #expect(mesh.apply(.crash(.node(3))).message == "peer 3 is already down")
        #expect(mesh.apply(.restart(.node(3))).message == "peer 3 rejoined")
        #expect(mesh.apply(.crash(.node(99))).message == "no peer 99: there are 10")
        mesh.apply(.toggleArchitecture)
        #expect(mesh.apply(.crash(.node(4))).message == "client 4 crashed")
        #expect(mesh.apply(.restart(.node(4))).message == "client 4 restarted")
    }

    /// `password-attack`: node 1 guesses logins under client-server, then shares after the switch at 120 s.
    @Test("a guess's log line names its attacker as a client under client-server and as a peer in a mesh")
    func guessWords() throws {
        let engine = Engine(scenario: try ScenarioCatalog.load("password-attack"), keepAllEvents: true)
        engine.run(until: .seconds(200))
        let guesses = engine.allEvents.filter { $0.kind == .loginFailure || $0.kind == .breach }
        let before = guesses.filter { $0.time < .seconds(120) }, after = guesses.filter { $0.time > .seconds(125) }
        #expect(!before.isEmpty && !after.isEmpty)
        #expect(before.allSatisfy { $0.detail.contains("client 1 ") }, "\(before.first?.detail ?? "")")
        #expect(after.allSatisfy { $0.detail.contains("peer 1 ") }, "\(after.first?.detail ?? "")")
        #expect(!guesses.contains { $0.detail.contains("node ") })
    }

    @Test("a server crash in a mesh says what it does: nothing uses it, and only what it still held fails")
    func serverInMesh() {
        let mesh = Self.mesh()
        mesh.run(until: .seconds(2))
        #expect(mesh.apply(.crash(.server)).accepted == false)  // no server runs in a mesh from the start
        var s = Scenario(name: "words")
        s.nodes = 10
        let switched = Engine(scenario: s, keepAllEvents: true)
        switched.run(until: .seconds(5))
        switched.apply(.switchArchitecture(to: .peerMesh))
        switched.run(until: .seconds(10))
        #expect(switched.apply(.crash(.server)).accepted)
        let line = switched.allEvents.last { $0.kind == .nodeDown }?.detail ?? ""
        #expect(line.hasPrefix("server crashed: ") && line.hasSuffix("the peers do not use it"), "\(line)")
        #expect(!line.contains("every request fails"))
        switched.apply(.restart(.server))
        #expect(switched.allEvents.last?.detail == "server restarted (unused while the peer mesh is in force)")
    }
}

/// The one-event step says what the event was, for every kind of event the engine runs.
@Suite("Stepping in words")
struct SteppingWordsTests {
    @Test("stepping through an attack on a churning mesh and a crash under client-server names each event")
    func everyKindDescribed() throws {
        var s = try ScenarioDecoder.decode(yaml: CheckpointTests.everything, source: "everything")
        s.nodes = 30
        let engine = Engine(scenario: s)
        engine.apply(.toggleAttack)
        var seen: [String] = []
        while engine.now < .seconds(16), let words = engine.stepDescribed() { seen.append(words) }
        // Each kind the run has, opening with its kind and node, then its request where it carries one (node
        // numbers and request ids vary, the openings do not).
        for opening in ["arrival · peer ", "arrival · client ", "reply · peer ", "reply · client ",
                        "DHT hop · peer ", "request · server · request ", "service done · server · request ",
                        "churn · peer ", "attack: the attackers send a guess",
                        "timeline: the timeline's add_nodes: 40", "timeline: the timeline's toggle: client-server",
                        "tick: the simulated second closes"] {
            #expect(seen.contains { $0.hasPrefix(opening) }, "no event described as '\(opening)…'")
        }
        // A request's id names its requester while it is live: `request 17.3 of client 12: ...`.
        let request = try #require(seen.first { $0.hasPrefix("request · server · request ") })
        #expect(request.contains(" of client ") && request.hasSuffix(": a request reaches the server"), "\(request)")
        #expect(seen.contains { $0.hasPrefix("DHT hop · peer ") && $0.contains(" · request ") && $0.contains(" of peer ") })
        #expect(engine.requestAudit.isConserved)
    }
}

/// A timeout's step names its request like the other steps do.
@Suite("Stepping a timeout")
struct SteppingTimeoutTests {
    @Test("a timeout's step names the request and its client, and says whether it is sent again or given up")
    func timeoutNamesItsRequest() {
        // Service takes 5 s on average and a client waits 1 s: nearly every request times out, once retried.
        var s = Scenario(name: "timeouts")
        s.nodes = 5
        s.server.serviceMs = 5000
        s.workload.timeout = 1
        s.workload.retries = 1
        let engine = Engine(scenario: s)
        var timeouts: [String] = []
        while engine.now < .seconds(6), let words = engine.stepDescribed() {
            if words.hasPrefix("timeout") { timeouts.append(words) }
        }
        let retried = timeouts.first { $0.contains("sends it again") }
        let givenUp = timeouts.first { $0.contains("gives up") }
        for line in [retried, givenUp] {
            // `timeout · client 3 · request 2.1 of client 3: attempt 1 timed out: client 3 sends it again`
            #expect(line?.hasPrefix("timeout · client ") == true && line?.contains(" · request ") == true
                    && line?.contains(" of client ") == true, "\(timeouts)")
        }
        #expect(retried?.contains(": attempt 1 timed out") == true && givenUp?.contains(": attempt 2 timed out") == true,
                "\(timeouts)")
    }
}

/// A crash ends an overload by emptying the queue; the log must not call that a recovery.
@Suite("Crash words")
struct CrashWordsTests {
    @Test("an overloaded server that crashes logs 'down', not 'recovered', and its overload time stops")
    func crashIsNotRecovery() {
        var s = Scenario(name: "crash while overloaded")
        s.nodes = 80
        s.workload.rate = 1.5
        s.server.workers = 1
        s.server.queue = 8
        let engine = Engine(scenario: s, keepAllEvents: true)
        engine.run(until: .seconds(10))
        #expect(engine.snapshot(SnapshotRequest()).server?.overloaded == true)
        #expect(engine.apply(.crash(.server)).accepted)
        let atCrash = engine.allEvents.filter { $0.time == engine.now }
        #expect(atCrash.contains { $0.kind == .nodeDown })
        #expect(!atCrash.contains { $0.kind == .recovered }, "\(atCrash.map(\.detail))")
        let overloadBefore = engine.report().overloadSeconds
        engine.run(until: .seconds(20))
        #expect(engine.report().overloadSeconds == overloadBefore)
    }
}
