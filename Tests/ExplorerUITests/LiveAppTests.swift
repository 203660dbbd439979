import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The run loop with a real engine, an in-memory terminal and a clock that moves only when told.
@Suite("Run loop")
struct LiveAppTests {
    /// A small classroom: 20 clients, 1.5 requests a second each.
    static var scenario: Scenario {
        var s = Scenario(name: "tiny class")
        s.nodes = 20
        s.workload.rate = 1.5
        s.seed = 7
        return s
    }

    static func make(size: Size = Size(width: 80, height: 24), speed: Double = 1, paused: Bool = false,
                     color: ColorSupport = .palette256)
        -> (LiveApp, MemoryTerminal, ManualClock) {
        let terminal = MemoryTerminal(size: size, colorSupport: color)
        let clock = ManualClock(nanoseconds: 1_000_000_000)
        let app = LiveApp(model: Engine(scenario: scenario), origin: RunOrigin(scenario: scenario), backend: terminal,
                          clock: clock, startSpeed: speed, startPaused: paused)
        return (app, terminal, clock)
    }

    /// The engine `app` runs now (a fresh one after `r`).
    static func engine(_ app: LiveApp) throws -> Engine {
        try #require(app.model as? Engine)
    }

    /// Runs `frames` frames of `millis` wall milliseconds each.
    static func frames(_ frames: Int, of millis: UInt64 = 33, _ app: LiveApp, _ clock: ManualClock) -> LiveExit? {
        for _ in 0..<frames {
            clock.advance(millis: millis)
            if let exit = app.tick() { return exit }
        }
        return nil
    }

    @Test("+ raises the snapshot's active client count and the screen says so")
    func plusAddsClients() {
        let (app, terminal, clock) = Self.make()
        app.renderFrame()
        #expect(app.snapshot.activeNodeCount == 20)
        terminal.type("+")
        _ = Self.frames(1, app, clock)
        #expect(app.snapshot.activeNodeCount == 25)
        terminal.type("++")
        _ = Self.frames(1, app, clock)
        #expect(app.snapshot.activeNodeCount == 35)
        #expect(terminal.screenLines()[0].contains("35 clients"))
        #expect(terminal.outOfBoundsWrites == 0)
    }

    @Test("the engine advances by wall time × speed, and space pauses it")
    func pauseStopsTime() {
        let (app, terminal, clock) = Self.make(speed: 10)
        app.renderFrame()
        _ = Self.frames(3, of: 100, app, clock)
        #expect(app.snapshot.now == 3_000_000_000)
        terminal.type(" ")
        _ = Self.frames(1, of: 100, app, clock)
        let paused = app.snapshot.now
        _ = Self.frames(5, of: 100, app, clock)
        #expect(app.snapshot.now == paused)
        #expect(terminal.screenLines()[0].contains("PAUSED"))
        terminal.type(" ")
        _ = Self.frames(1, of: 100, app, clock)
        #expect(app.snapshot.now == paused + 1_000_000_000)
    }

    @Test("q ends the loop with .quit; a signal with .signal; a closed terminal with .endOfInput")
    func exits() {
        let (app, terminal, _) = Self.make()
        terminal.type("+q")
        #expect(app.run() == .quit)
        #expect(app.snapshot.activeNodeCount == 25)

        let (app2, terminal2, _) = Self.make()
        terminal2.enqueue(.quitRequested)
        #expect(app2.run() == .signal)

        let (app3, terminal3, _) = Self.make()
        terminal3.enqueue(.endOfInput)
        #expect(app3.run() == .endOfInput)
    }

    @Test("a resize clears the terminal and redraws every cell at the new size")
    func resizeRedraws() {
        let (app, terminal, clock) = Self.make(paused: true)
        app.renderFrame()
        let clears = terminal.clearCalls
        let before = terminal.cellsWritten
        terminal.resize(to: Size(width: 100, height: 30))
        _ = Self.frames(1, app, clock)
        #expect(terminal.clearCalls == clears + 1)
        #expect(terminal.cellsWritten - before == 100 * 30)
        #expect(terminal.screenLines().count == 30)
        #expect(terminal.screenLines()[0].contains("tiny class"))
    }

    @Test("a second identical frame draws nothing; a running frame draws only what changed")
    func diffOnly() {
        let (app, terminal, clock) = Self.make(paused: true)
        app.renderFrame()
        #expect(terminal.cellsWritten == 80 * 24)
        let calls = terminal.drawCalls
        app.renderFrame()
        #expect(terminal.drawCalls == calls)
        #expect(terminal.cellsWritten == 80 * 24)

        terminal.type(" ")
        _ = Self.frames(1, of: 200, app, clock)
        let written = terminal.cellsWritten - 80 * 24
        #expect(written > 0 && written < 80 * 24 / 4)
    }

    @Test("the screen the terminal holds is exactly the rendered frame")
    func screenMatchesRender() {
        let (app, terminal, clock) = Self.make(speed: 5)
        app.renderFrame()
        _ = Self.frames(20, app, clock)
        var expected = Buffer(size: Size(width: 80, height: 24))
        Screen.render(snapshot: app.snapshot, state: app.state, into: &expected)
        #expect(terminal.screen == expected)
    }

    @Test(". while paused runs exactly one engine event and says what it was")
    func step() throws {
        let (app, terminal, clock) = Self.make(paused: true)
        app.renderFrame()
        let engine = try Self.engine(app)
        let before = engine.eventsProcessed
        terminal.type(".")
        _ = Self.frames(1, app, clock)
        #expect(engine.eventsProcessed == before + 1)
        #expect(app.state.paused)
        // The first event of a fresh run is its first arrival (the second's tick comes at t=1).
        let text = app.state.status?.text ?? ""
        #expect(text.hasPrefix("t=") && text.contains("s: arrival · client ")
                    && text.hasSuffix(" sends its next request"), "\(text)")
        // The event log keeps it, marked as a step.
        #expect(app.state.stepLog.count == 1 && app.state.stepLog.first?.time == engine.now)
        #expect(terminal.screen.lines().contains { $0.contains("▸ step: arrival · client ") })
    }

    @Test("r starts the scenario again from t=0 with its own population")
    func restart() throws {
        let (app, terminal, clock) = Self.make(speed: 10)
        app.renderFrame()
        let first = try Self.engine(app)
        terminal.type("++")
        _ = Self.frames(10, of: 100, app, clock)
        #expect(app.snapshot.now > 0 && app.snapshot.activeNodeCount == 30)
        terminal.type("r")
        clock.advance(millis: 0)
        _ = app.tick()
        let fresh = try Self.engine(app)
        #expect(fresh !== first && fresh.now == 0 && app.snapshot.activeNodeCount == 20)
        #expect(fresh.scenario.seed == first.scenario.seed)
    }

    @Test("x on the server crashes it; the engine's answer is on screen; x again revives it")
    func crashServer() {
        let (app, terminal, clock) = Self.make(size: Size(width: 120, height: 40), paused: true)
        app.renderFrame()
        terminal.type("x")
        _ = Self.frames(1, app, clock)
        #expect(app.snapshot.server?.up == false)
        #expect(terminal.screenLines().contains { $0.contains("SERVER DOWN") })
        #expect(terminal.screenLines()[0].contains("server crashed"))
        terminal.type("x")
        _ = Self.frames(1, app, clock)
        #expect(app.snapshot.server?.up == true)
    }

    @Test("t shows whatever the engine answers, word for word")
    func toggleMessage() {
        let expected = Engine(scenario: Self.scenario).apply(.toggleArchitecture).message
        let (app, terminal, clock) = Self.make(size: Size(width: 160, height: 40), paused: true)
        app.renderFrame()
        terminal.type("t")
        _ = Self.frames(1, app, clock)
        #expect(app.state.status?.text == expected)
        #expect(terminal.screenLines()[0].contains(expected))
    }

    @Test("when the engine cannot keep up, the frame stops at its budget and the status bar shows the actual speed")
    func fallsBehind() {
        // A clock that moves 10 ms each time it is read: every engine slice looks slow.
        final class SlowClock: MonotonicClock {
            var now: UInt64 = 1_000_000_000
            var nanoseconds: UInt64 { now += 10_000_000; return now }
        }
        let terminal = MemoryTerminal(size: Size(width: 100, height: 24))
        let clock = SlowClock()
        let app = LiveApp(model: Engine(scenario: Self.scenario), origin: RunOrigin(scenario: Self.scenario),
                          backend: terminal, clock: clock, startSpeed: 1000)
        app.renderFrame()
        for _ in 0..<40 { _ = app.tick() }
        let actual = app.state.actualSpeed ?? 0
        #expect(actual > 0 && actual < 1000)
        #expect(terminal.screenLines()[0].contains("1000× (actual "))
    }

    @Test("with NO_COLOR the terminal receives no colour at all, and overload still reads")
    func noColorEndToEnd() {
        let (app, terminal, clock) = Self.make(size: Size(width: 100, height: 30), speed: 20, color: .none)
        app.renderFrame()
        terminal.type(String(repeating: "+", count: 12))
        _ = Self.frames(60, of: 100, app, clock)
        #expect(app.snapshot.server?.overloaded == true)
        #expect(!terminal.screen.cells.contains { $0.style.fg != .default || $0.style.bg != .default })
        #expect(terminal.screenLines().contains { $0.contains("OVERLOAD") })
    }
}

extension LiveAppTests {
    @Test("paused and untouched, frames neither snapshot nor draw; an expiring message still disappears")
    func stillWhilePaused() {
        let (app, terminal, clock) = Self.make(paused: true)
        app.renderFrame()
        let calls = terminal.drawCalls
        _ = Self.frames(5, of: 500, app, clock)
        #expect(terminal.drawCalls == calls)
        // The welcome message expires 8 s after start: the frame after that redraws without it.
        _ = Self.frames(20, of: 500, app, clock)
        #expect(app.state.status == nil)
        #expect(terminal.drawCalls == calls + 1)
        #expect(!terminal.screenLines().joined().contains("press ? for every key"))
    }
}
