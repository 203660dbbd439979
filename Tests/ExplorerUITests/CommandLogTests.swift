import ExplorerUI
import TerminalCanvas
import NetworkEngine
import Testing

/// The command log is a session's identity: it keeps every command (no middle dropped) up to its cap, then refuses
/// and counts; a replay reads the history since the last restart.
@Suite("Command log")
struct CommandLogTests {
    @Test("every command is kept in order up to the capacity; past it record refuses and counts what it left out")
    func keepsAllUpToCapacity() {
        var log = CommandLog(headCapacity: 2, tailCapacity: 3, capacity: 1_000)
        for i in 0..<1_000 {
            let kept = log.record(AppliedCommand(time: SimTime(i), command: .engine(.addNodes(1)), eventsProcessed: i))
            #expect(kept)
        }
        #expect(log.entries.map(\.eventsProcessed) == Array(0..<1_000), "no command dropped from the middle")
        let kept = log.record(AppliedCommand(time: 1_000, command: .engine(.addNodes(1))))
        #expect(!kept)
        #expect(log.total == 1_000 && log.notRecorded == 1 && log.isFull)
        // The crash screen still shows one screen of it.
        #expect(log.head.count == 2 && log.tail.count == 3 && log.omitted == 995)
    }

    @Test("the history a replay reads starts after the last restart and holds what each command did")
    func currentHistory() {
        var log = CommandLog()
        log.record(AppliedCommand(time: 5, command: .engine(.addNodes(2)), eventsProcessed: 10))
        log.record(AppliedCommand(time: 9, command: .restartScenario, eventsProcessed: 30))
        log.record(AppliedCommand(time: 4, command: .engine(.toggleNode(3)), accepted: false, eventsProcessed: 8,
                                  resolved: .restart(.node(3))))
        log.record(AppliedCommand(time: 6, command: .engine(.set(.rate, 2)), eventsProcessed: 12))
        #expect(log.currentHistory == [
            SessionCommand(time: 4, eventsProcessed: 8, command: .restart(.node(3)), accepted: false),
            SessionCommand(time: 6, eventsProcessed: 12, command: .set(.rate, 2), accepted: true),
        ])
    }
}

/// The live app says when its full log stops recording, and still applies the command.
@Suite("Command log, full")
struct CommandLogFullTests {
    @Test("past the log's capacity a command still applies, and the status line says it was not recorded")
    func fullLogSaysSo() {
        let terminal = MemoryTerminal(size: Size(width: 120, height: 40))
        let model = FakeNetworkModel()
        let app = LiveApp(model: model, origin: RunOrigin(scenarioArgument: "fake", scenarioName: "fake", seed: 1),
                          backend: terminal, clock: ManualClock(nanoseconds: 1_000_000_000), commandLogCapacity: 2)
        app.renderFrame()
        terminal.type("++")
        _ = app.tick()
        #expect(app.state.status?.text.contains("not recorded") == false)
        terminal.type("+")
        _ = app.tick()
        #expect(model.commands.count == 3 && app.commandLog.total == 2 && app.commandLog.notRecorded == 1)
        #expect(app.state.status?.text.contains("not recorded: the command log is full at 2 commands") == true,
                "\(app.state.status?.text ?? "")")
    }
}
