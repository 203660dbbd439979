import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The crash screen's text and the bounded command log it is built from.
@Suite("Crash screen")
struct CrashScreenTests {
    static let origin = RunOrigin(scenarioArgument: "classroom", scenarioName: "Classroom network", seed: 42,
                                  architecture: "peer-mesh", nodes: 30)

    @Test("the text names the scenario, seed and overrides, a paused command line, and each command with its time")
    func text() {
        var log = CommandLog()
        log.record(AppliedCommand(time: 3_250_000_000, command: .engine(.toggleArchitecture)))
        log.record(AppliedCommand(time: 5_000_000_001, command: .engine(.addNodes(5))))
        log.record(AppliedCommand(time: 7_000_000_000, command: .engine(.toggleNode(0)), accepted: false))
        log.record(AppliedCommand(time: 9_500_000_000, command: .restartScenario))
        let text = CrashScreen.text(origin: Self.origin, log: log)
        #expect(text == """
            scenario: Classroom network (classroom), seed 42, --architecture peer-mesh, --nodes 30
            to reproduce: netexplorer run classroom --seed 42 --architecture peer-mesh --nodes 30 --paused
            then, at each simulated time below, press its key (space resumes, . steps one event):
              t=3.250000000s  t  switch architecture
              t=5.000000001s  +  add 5 nodes
              t=7.000000000s  x  crash or revive the server (refused)
              t=9.500000000s  r  restart the scenario (later times count from 0 again)

            """)
    }

    @Test("with no command applied it still says what ran and how to start it again")
    func noCommands() {
        let origin = RunOrigin(scenarioArgument: "mm1", scenarioName: "mm1", seed: 7)
        let text = CrashScreen.text(origin: origin, log: CommandLog())
        #expect(text == """
            scenario: mm1, seed 7
            to reproduce: netexplorer run mm1 --seed 7 --paused
            no commands were applied

            """)
    }

    @Test("a long session keeps the first and last commands and says how many were left out: one screen")
    func boundedLog() {
        var log = CommandLog(headCapacity: 5, tailCapacity: 10)
        for i in 0..<1000 {
            log.record(AppliedCommand(time: SimTime(i) * 1_000_000_000, command: .engine(.flashCrowd(requests: i))))
        }
        #expect(log.total == 1000)
        #expect(log.head.map(\.time) == (0..<5).map { SimTime($0) * 1_000_000_000 })
        #expect(log.tail.map(\.time) == (990..<1000).map { SimTime($0) * 1_000_000_000 })
        #expect(log.omitted == 985)
        let text = CrashScreen.text(origin: Self.origin, log: log)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "not ASCII: a non-UTF-8 terminal would garble it")
        let lines = text.split(separator: "\n")
        #expect(lines.contains("  ... 985 more commands left out ..."))
        #expect(lines.last == "  t=999.000000000s  f  flash crowd of 999 requests")
        // With the handler's first line and the shell's prompt it fits a 24-row terminal, 80 columns wide
        // (the command line aside, which must stay whole to be pasted).
        #expect(lines.count <= 20, "\(lines.count) lines")
        #expect(lines.filter { !$0.hasPrefix("to reproduce") }.allSatisfy { $0.count <= 90 })
    }

    @Test("the tail ring keeps order before and after it wraps")
    func ringOrder() {
        var log = CommandLog(headCapacity: 1, tailCapacity: 3)
        for i in 0..<3 { log.record(AppliedCommand(time: SimTime(i), command: .engine(.toggleAttack))) }
        #expect(log.tail.map(\.time) == [1, 2])
        #expect(log.omitted == 0)
        for i in 3..<6 { log.record(AppliedCommand(time: SimTime(i), command: .engine(.toggleAttack))) }
        #expect(log.head.map(\.time) == [0])
        #expect(log.tail.map(\.time) == [3, 4, 5])
        #expect(log.omitted == 2)
    }

    @Test("control characters from a scenario file are escaped; odd paths are quoted for the shell")
    func escaping() {
        let origin = RunOrigin(scenarioArgument: "my scenarios/it's\u{1B}]0;pwned\u{07}.yaml",
                               scenarioName: "Evil\u{1B}[2J\u{9B}name\u{7F}", seed: 1)
        let text = CrashScreen.text(origin: origin, log: CommandLog())
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
        #expect(text.contains("scenario: Evil\\u{1B}[2J\\u{9B}name\\u{7F} ("))
        #expect(text.contains("netexplorer run 'my scenarios/it'\\''s\\u{1B}]0;pwned\\u{7}.yaml' --seed 1 --paused"))
    }

    @Test("the live app hands the backend a new crash screen after each command, with the engine's time then")
    func liveAppPreparesText() throws {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        let clock = ManualClock(nanoseconds: 1_000_000_000)
        var scenario = Scenario(name: "tiny class")
        scenario.nodes = 20
        scenario.seed = 7
        let app = LiveApp(model: Engine(scenario: scenario), origin: RunOrigin(scenario: scenario), backend: terminal,
                          clock: clock, startSpeed: 10)
        #expect(terminal.crashScreen?.contains("no commands were applied") == true)
        app.renderFrame()
        clock.advance(millis: 250)
        _ = app.tick()
        let before = app.model.now
        #expect(before > 0)
        terminal.type("t+")
        _ = app.tick()
        #expect(app.commandLog.total == 2)
        let first = try #require(app.commandLog.head.first)
        #expect(first.time == before && first.command == .engine(.toggleArchitecture))
        // The log keeps what the toggle did, and where exactly in the run, for a replay.
        #expect(first.resolved == .switchArchitecture(to: .peerMesh))
        #expect(first.eventsProcessed > 0)
        let text = try #require(terminal.crashScreen)
        #expect(text.contains("scenario: tiny class, seed 7"))
        #expect(text.contains("  t=2.500000000s  t  switch architecture"), "\(text)")
        #expect(text.contains("+  add 5 nodes"), "\(text)")
        // Speed and pause are not commands.
        terminal.type(" ><")
        _ = app.tick()
        #expect(app.commandLog.total == 2)
    }
}
