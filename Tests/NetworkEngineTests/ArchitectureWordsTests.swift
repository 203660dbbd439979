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
