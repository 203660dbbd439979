import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The live toggle: `update`'s flash bookkeeping, and `t` through the run loop with a real engine.
@Suite("Architecture switch")
struct ArchitectureSwitchTests {
    static func frame(_ state: inout AppState, wall: UInt64, switches: Int?, architecture: Architecture = .peerMesh) {
        _ = update(&state, .frame(FrameInfo(wallNanos: wall)),
                   context: UpdateContext(wallNanos: wall, activeNodes: 20, switches: switches,
                                          architecture: architecture))
    }

    // MARK: - Update

    @Test("the first frame showing a new switch starts a 2 s flash naming the new architecture; it then expires")
    func flashStartsAndExpires() {
        var state = AppState(scenarioName: "c")
        Self.frame(&state, wall: 1_000, switches: 0, architecture: .clientServer)
        #expect(state.switchFlash == nil)
        Self.frame(&state, wall: 5_000, switches: 1)
        #expect(state.switchFlash == SwitchFlash(text: "peer-mesh", expiresAtNanos: 5_000 + 2_000_000_000))
        #expect(state.seenSwitches == 1)
        // The same switch seen again does not restart the flash.
        Self.frame(&state, wall: 1_000_000_000, switches: 1)
        #expect(state.switchFlash?.expiresAtNanos == 5_000 + 2_000_000_000)
        Self.frame(&state, wall: 2_000_004_999, switches: 1)
        #expect(state.switchFlash != nil)
        Self.frame(&state, wall: 2_000_005_000, switches: 1)
        #expect(state.switchFlash == nil)
        // Switching back flashes again, naming client-server.
        Self.frame(&state, wall: 3_000_000_000, switches: 2, architecture: .clientServer)
        #expect(state.switchFlash?.text == "client-server")
    }

    @Test("a restarted scenario (fewer switches) or an unknown count flashes nothing; r clears a flash")
    func noFalseFlash() {
        var state = AppState(scenarioName: "c")
        Self.frame(&state, wall: 0, switches: 3)
        state.switchFlash = nil
        Self.frame(&state, wall: 10, switches: 0, architecture: .clientServer)
        #expect(state.switchFlash == nil && state.seenSwitches == 0)
        Self.frame(&state, wall: 20, switches: nil)
        #expect(state.switchFlash == nil && state.seenSwitches == 0)
        Self.frame(&state, wall: 30, switches: 1)
        #expect(state.switchFlash != nil)
        _ = update(&state, .restart, context: UpdateContext(wallNanos: 40, activeNodes: 20))
        #expect(state.switchFlash == nil)
    }

    // MARK: - Run loop

    /// Peer and client glyphs in the topology pane of a captured screen (the "▲ N overloaded" line excluded).
    static func nodeGlyphs(_ terminal: MemoryTerminal) -> Int {
        let r = Screen.regions(for: terminal.size).topology
        var count = 0
        for y in (r.y + 1)..<(r.bottom - 2) {
            for x in (r.x + 1)..<(r.right - 1) where "○●◆▲✗".contains(terminal.screen[x, y].grapheme) {
                count += 1
            }
            if terminal.screen.lines()[y].contains("overloaded") { count -= 1 }
        }
        return count
    }

    @Test("t switches the engine to the mesh: snapshot, engine's message, flash and topology follow; t again back")
    func toggleRoundTrip() throws {
        let (app, terminal, clock) = LiveAppTests.make(size: Size(width: 160, height: 40), paused: true)
        app.renderFrame()
        #expect(Self.nodeGlyphs(terminal) == 20)

        terminal.type("t")
        _ = LiveAppTests.frames(1, app, clock)
        #expect(try LiveAppTests.engine(app).architecture == .peerMesh && app.snapshot.architecture == .peerMesh)
        let message = app.state.status?.text ?? ""
        #expect(message == Engine(scenario: LiveAppTests.scenario).apply(.toggleArchitecture).message)
        #expect(message.hasPrefix("switched to peer-mesh: 20 peers"))
        var screen = terminal.screenLines()
        #expect(screen[0].contains(message))
        #expect(app.state.switchFlash?.text == "peer-mesh")
        #expect(screen[0].contains("⇄ peer-mesh"))
        #expect(screen[1].contains("topology · peer-mesh (dht) · 20 peers"))
        #expect(screen[1].contains("mesh · dht ring"))
        // The mesh panel, its static replica count giving way to the period before the switch.
        #expect(screen.contains { $0.contains("hops/lookup") })
        #expect(screen.contains { $0.contains("before: client-server") })
        #expect(!screen.contains { $0.contains("[S]") })
        #expect(Self.nodeGlyphs(terminal) == 20)
        #expect(screen.last?.contains("t to server") == true)

        // Paused, the frames still keep wall time: the flash goes after 2 s, the engine's message after 4 s.
        _ = LiveAppTests.frames(5, of: 500, app, clock)
        #expect(app.state.switchFlash == nil && app.state.status != nil)
        screen = terminal.screenLines()
        #expect(!screen[0].contains("⇄") && screen[0].contains("│ peer-mesh │"))

        terminal.type("t")
        _ = LiveAppTests.frames(1, app, clock)
        #expect(try LiveAppTests.engine(app).architecture == .clientServer)
        #expect(app.snapshot.architecture == .clientServer)
        #expect(app.state.status?.text.hasPrefix("switched to client-server") == true)
        #expect(app.state.switchFlash?.text == "client-server")
        screen = terminal.screenLines()
        #expect(screen[0].contains("⇄ client-server"))
        #expect(screen[1].contains("topology · 20 clients") && screen[1].contains("┌ server "))
        #expect(screen.contains { $0.contains("[S]") })
        #expect(app.snapshot.switches.count == 2)
    }

    @Test("running after the switch, lookups and replies cross the ring and the sparklines mark the switch")
    func runningMesh() {
        let (app, terminal, clock) = LiveAppTests.make(size: Size(width: 120, height: 40), speed: 5)
        app.renderFrame()
        _ = LiveAppTests.frames(30, of: 100, app, clock)
        terminal.type("t")
        _ = LiveAppTests.frames(40, of: 100, app, clock)
        #expect(app.snapshot.architecture == .peerMesh)
        #expect(app.snapshot.switches.count == 1)
        #expect((app.snapshot.mesh?.meanHops ?? 0) > 0)
        #expect(app.snapshot.nodes.allSatisfy { $0.role == .peer })
        let screen = terminal.screenLines()
        #expect(screen.contains { $0.contains("metrics · last") && $0.contains("△ switch") })
        let metrics = Screen.regions(for: terminal.size).metrics
        #expect(screen[metrics.bottom - 1].contains("△"))
        #expect(screen.contains { $0.contains("hops/lookup") })
        #expect(Self.nodeGlyphs(terminal) == 20)
        #expect(terminal.outOfBoundsWrites == 0)
    }
}
