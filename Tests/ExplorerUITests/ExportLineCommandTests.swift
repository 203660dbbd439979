import ExplorerUI
import TerminalCanvas
import NetworkEngine
import Testing

/// `:export [DIR] [--force]` reads into the export effect, which the app hands its recorder with the command log.
@Suite("The :export command")
struct ExportLineCommandTests {
    @Test(":export reads its directory and --force in either order; more than one directory is a usage line")
    func parses() {
        #expect(CommandLineCommands.parse("export") == .success(.export(directory: nil, force: false)))
        #expect(CommandLineCommands.parse("export lab1 --force") == .success(.export(directory: "lab1", force: true)))
        #expect(CommandLineCommands.parse("export --force lab1") == .success(.export(directory: "lab1", force: true)))
        #expect(CommandLineCommands.parse("export a b") == .failure(LineError("usage: :export [DIR] [--force]")))
    }

    /// Records what it was asked to export, and answers as a recorder would.
    final class FakeRecorder: SessionRecorder {
        var startedModels = 0
        var exports: [(directory: String?, force: Bool, commands: Int)] = []
        func started(_ model: any NetworkModel) { startedModels += 1 }
        func export(_ model: any NetworkModel, log: CommandLog, to directory: String?, force: Bool) -> CommandOutcome {
            exports.append((directory, force, log.total))
            return CommandOutcome(accepted: true, message: "fake export to \(directory ?? "default")")
        }
    }

    @Test("typing :export hands the recorder the log and shows its answer; a restart tells it of the new run")
    func reachesTheRecorder() {
        let terminal = MemoryTerminal(size: Size(width: 120, height: 40))
        let clock = ManualClock(nanoseconds: 1_000_000_000)
        let recorder = FakeRecorder()
        let app = LiveApp(model: FakeNetworkModel(), origin: RunOrigin(scenarioArgument: "fake", scenarioName: "fake",
                                                                       seed: 1),
                          backend: terminal, clock: clock, recorder: recorder)
        #expect(recorder.startedModels == 1)
        app.renderFrame()
        terminal.type("+:export lab1")
        terminal.enqueue(.key(.enter))
        _ = app.tick()
        #expect(recorder.exports.count == 1)
        #expect(recorder.exports.first?.directory == "lab1" && recorder.exports.first?.commands == 1)
        #expect(app.state.status?.text == "fake export to lab1")
        terminal.type("r")
        _ = app.tick()
        #expect(recorder.startedModels == 2)
    }
}
