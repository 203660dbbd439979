import ExplorerUI
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
