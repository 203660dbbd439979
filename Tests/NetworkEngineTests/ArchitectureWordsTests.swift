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
        #expect(mesh.apply(.removeNodes(1)).message == "-1 peer: 14 now")
        #expect(mesh.allEvents.map(\.detail).contains("5 peers joined (now 15)"))
        mesh.apply(.toggleArchitecture)
        #expect(mesh.apply(.addNodes(2)).message == "+2 clients: 16 now")
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
        // Each kind the run has, in its own words (node numbers vary, the openings do not).
        for opening in ["an arrival", "a reply (completed) reaches peer", "a reply (completed) reaches client",
                        "a DHT lookup reaches peer", "a request reaches the server", "the server finishes a request",
                        "churn: peer", "the attackers send a guess", "the timeline's add_nodes: 40",
                        "the timeline's toggle: client-server", "the simulated second closes"] {
            #expect(seen.contains { $0.hasPrefix(opening) }, "no event described as '\(opening)…'")
        }
        #expect(engine.requestAudit.isConserved)
    }
}
