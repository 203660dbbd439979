import ExplorerUI
import Foundation
import NetworkEngine
import TerminalCanvas
import Testing

/// The run loop over the `NetworkModel` seam: a fake model records what `LiveApp` asks of it.
@Suite("Run loop on a fake model")
struct FakeNetworkModelTests {
    static func make(paused: Bool = false)
        -> (LiveApp, FakeNetworkModel, MemoryTerminal, ManualClock) {
        let model = FakeNetworkModel()
        let terminal = MemoryTerminal(size: Size(width: 160, height: 40))
        let clock = ManualClock(nanoseconds: 1_000_000_000)
        let origin = RunOrigin(scenarioArgument: "fake.yaml", scenarioName: model.name, seed: 3)
        let app = LiveApp(model: model, origin: origin, backend: terminal, clock: clock, startPaused: paused)
        return (app, model, terminal, clock)
    }

    /// A paused app on a fresh fake after one frame, then `keys` and one more frame.
    static func pressing(_ keys: String) -> (LiveApp, FakeNetworkModel, MemoryTerminal) {
        let (app, model, terminal, clock) = make(paused: true)
        app.renderFrame()
        terminal.type(keys)
        _ = LiveAppTests.frames(1, app, clock)
        return (app, model, terminal)
    }

    @Test("the frame shows the model's name, time and population, asked for as the topology's nodes and a sample per chart column")
    func frameShowsTheModel() {
        let (app, model, terminal, clock) = Self.make(paused: true)
        app.renderFrame()
        var bar = terminal.screenLines()[0]
        #expect(bar.contains("fake campus") && bar.contains("t=0:02:05.3") && bar.contains("200 clients"), "\(bar)")
        terminal.type(" ")  // run at 1×: four frames of 250 ms are one simulated second
        _ = LiveAppTests.frames(4, of: 250, app, clock)
        bar = terminal.screenLines()[0]
        #expect(model.now == .millis(126_300))
        #expect(bar.contains("t=0:02:06.3"), "\(bar)")
        #expect(!model.requests.isEmpty)
        // The first snapshot (before any plan) is whole; every later one asks for what the topology pane draws, and
        // 72 chart columns: a metrics pane 96 wide has 72; at 1× one second each covers 72 s ≥ 60 s.
        #expect(model.requests.first == SnapshotRequest(seriesLimit: 120, nodes: nil))
        #expect(model.requests.dropFirst().allSatisfy { $0.seriesLimit == 72 && $0.secondsPerColumn == 1 && $0.nodes != nil })
        var planned = TopologyPane.snapshotRequest(
            base: SnapshotRequest(seriesLimit: 120), previous: app.snapshot, state: app.state, screen: terminal.size)
        planned.seriesLimit = 72
        // And a file distribution's completion curve at the chart's width (a model without one ignores it).
        planned.curvePoints = CompletionChart.columns(paneWidth: Screen.regions(for: terminal.size).metrics.width)
        #expect(model.requests.last == planned)
    }

    @Test("t sends .toggleArchitecture to the model, and the status line shows the model's answer")
    func toggleGoesToTheModel() {
        let (app, model, terminal) = Self.pressing("t")
        let answer = FakeNetworkModel.message(for: .toggleArchitecture)
        #expect(model.commands == [.toggleArchitecture])
        #expect(app.state.status?.text == answer)
        #expect(terminal.screenLines()[0].contains(answer))
        #expect(app.commandLog.head.first
                == AppliedCommand(time: .millis(125_300), command: .engine(.toggleArchitecture)))
    }

    @Test("+ sends addNodes sized from the model's population (200 → 20), and the bar shows the new count")
    func plusGoesToTheModel() {
        let (app, model, terminal) = Self.pressing("+")
        #expect(model.commands == [.addNodes(20)])
        #expect(app.snapshot.activeNodeCount == 220)
        #expect(terminal.screenLines()[0].contains("220 clients"))
    }

    @Test("r asks the model for a fresh one; from then on only the fresh one is advanced and shown")
    func restartAsksForAFreshModel() {
        let (app, first, terminal, clock) = Self.make()
        app.renderFrame()
        terminal.type("+")
        _ = LiveAppTests.frames(3, of: 100, app, clock)
        #expect(first.advances.count == 3)
        terminal.type("r")
        _ = LiveAppTests.frames(1, of: 100, app, clock)
        #expect(first.restarts.count == 1)
        guard let fresh = first.restarts.first else { return }
        #expect(app.model === fresh)
        let advancesBefore = first.advances.count
        let requestsBefore = first.requests.count
        _ = LiveAppTests.frames(5, of: 100, app, clock)
        #expect(first.advances.count == advancesBefore && first.requests.count == requestsBefore)
        #expect(fresh.advances.count == 6 && fresh.now == .millis(600))
        #expect(app.snapshot.now == .millis(600) && app.snapshot.activeNodeCount == 200)
        #expect(terminal.screenLines()[0].contains("t=0:00:00.6"))
        #expect(app.commandLog.total == 2)
    }

    @Test("space stops advance calls until it is pressed again; . then runs one step")
    func pauseStopsAdvancing() {
        let (app, model, terminal, clock) = Self.make()
        app.renderFrame()
        _ = LiveAppTests.frames(2, of: 100, app, clock)
        #expect(model.advances == [.millis(125_400), .millis(125_500)])
        terminal.type(" ")
        _ = LiveAppTests.frames(5, of: 100, app, clock)
        #expect(model.advances.count == 2 && model.now == .millis(125_500))
        terminal.type(".")
        _ = LiveAppTests.frames(1, of: 100, app, clock)
        #expect(model.steps == 1 && model.advances.count == 2)
        terminal.type(" ")
        _ = LiveAppTests.frames(1, of: 100, app, clock)
        #expect(model.advances.count == 3)
    }
}

/// `LiveApp` drives whatever model it is given: its source names no concrete engine type.
@Suite("The model seam")
struct ModelSeamTests {
    /// The lines of Swift `source` whose code (before any `//`) names the type `Engine`: the identifier alone, not
    /// inside a longer one such as `EngineCommand`, `NetworkEngine` or `engine`.
    static func linesNamingEngine(_ source: String) -> [String] {
        func isIdentifier(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
        return source.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            var code: Substring = line
            if let comment: Range<String.Index> = line.firstRange(of: "//") { code = line[..<comment.lowerBound] }
            var from = code.startIndex
            while let r = code[from...].firstRange(of: "Engine") {
                let before = r.lowerBound > code.startIndex ? code[code.index(before: r.lowerBound)] : nil
                let after = r.upperBound < code.endIndex ? code[r.upperBound] : nil
                if !isIdentifier(before) && !isIdentifier(after) { return true }
                from = r.upperBound
            }
            return false
        }.map(String.init)
    }

    @Test("the check finds Engine( / : Engine / Engine. / as? Engine; not EngineCommand, NetworkEngine, comments")
    func checkFindsEngine() {
        let named = ["let e = Engine(scenario: s)", "var engine: Engine", "_ = Engine.maxNodes", "x as? Engine ?? y",
                     "func f() -> Engine {"]
        let clean = ["import NetworkEngine", "let c: EngineCommand = .toggleArchitecture", "engine.now",
                     "let x = 1  // an Engine in a comment", "/// the Engine, in docs", "MyEngine()", "Engine2()"]
        #expect(Self.linesNamingEngine((named + clean).joined(separator: "\n")) == named)
    }

    @Test("Sources/ExplorerUI/LiveApp.swift names no concrete engine type")
    func liveAppNamesNoEngine() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/ExplorerUI/LiveApp.swift").standardized.path
        let source = try String(contentsOfFile: path, encoding: .utf8)
        #expect(source.contains("any NetworkModel"), "not the file expected: \(path)")
        #expect(Self.linesNamingEngine(source) == [])
    }
}
