import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The live app's command log replays its session: driven on a real engine, with frames whose advance the budget cuts
/// part-way through an instant, steps, and commands typed at those points, the log (each command at its time and
/// events run, toggles resolved) replayed on a fresh engine gives the live run's report byte for byte.
@Suite("Live session replay")
struct LiveSessionReplayTests {
    /// A clock that moves 10 ms every time it is read: a frame's advance overruns its 25 ms budget after a chunk or
    /// two, so chunks stop wherever their event budget ran out, as on a slow machine.
    final class ReadingClock: MonotonicClock {
        var now: UInt64 = 1_000_000_000
        var nanoseconds: UInt64 { now += 10_000_000; return now }
    }

    @Test("the log of a session typed into the live app replays to its report byte for byte")
    func liveLogReplays() throws {
        // No jitter: a flash crowd's requests reach the server at one instant, which chunks and steps then cut.
        let scenario = try ScenarioDecoder.decode(yaml: """
            name: live replay
            seed: 9
            nodes: 30
            network: { jitter_ms: 0 }
            server: { workers: 2, queue: 40 }
            """, source: "test")
        let terminal = MemoryTerminal(size: Size(width: 120, height: 40))
        let clock = ReadingClock()
        let app = LiveApp(model: Engine(scenario: scenario), origin: RunOrigin(scenario: scenario), backend: terminal,
                          clock: clock, startSpeed: 1)
        app.pacing.eventsPerCheck = 3
        app.renderFrame()
        var typed = 0
        for (frame, keys) in ["", "+", "", "f", ".", "..x", "", "t", ".", "x", "f", "", "", "t", "]", "-", ""].enumerated() {
            terminal.type(keys)
            _ = app.tick()
            typed += keys.filter { $0 != "." }.count
            #expect(app.model.now > 0 || frame == 0)
        }
        let history = app.commandLog.currentHistory
        #expect(history.count == typed, "every command typed is logged")
        #expect(history.contains { $0.command == .crash(.server) } && history.contains { $0.command == .restart(.server) })
        let live = try #require(app.model as? Engine)
        let expected = live.checkpoint().report().json.serialized(pretty: true)
        let replayed = try Engine.replay(scenario, commands: history, endTime: live.now, endEvents: live.eventsProcessed)
        #expect(replayed.report().json.serialized(pretty: true) == expected)
    }
}
