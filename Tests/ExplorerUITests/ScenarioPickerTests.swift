@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The scenario picker (`o`): drawn over the panes, filtered by typing, chosen with Enter, and the model replaced.
@Suite("Scenario picker")
struct ScenarioPickerTests {
    static var context: UpdateContext {
        var context = UpdateContext(wallNanos: 0, activeNodes: 20)
        context.screenSize = Size(width: 80, height: 24)
        return context
    }

    /// A state with the picker open on the fake library's list.
    static func opened(_ configure: (inout AppState) -> Void = { _ in }) -> AppState {
        var state = Fixtures.state(configure)
        #expect(update(&state, Action(key: .char("o"), state: state), context: context) == [.listScenarios])
        _ = update(&state, .scenariosListed(FakeScenarioLibrary.choices), context: context)
        return state
    }

    /// Feeds `keys` through the overlay-aware key map and `update`; returns the effects.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
        keys.flatMap { update(&state, Action(key: $0, state: state), context: context) }
    }

    static func type(_ text: String, _ state: inout AppState) { press(text.map { .char($0) }, &state) }

    @Test("at 80×24 and 120×40 the picker lists every scenario with its description, a broken file with its error",
          arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func renders(size: Size) {
        let state = Self.opened()
        let buffer = Fixtures.buffer(width: size.width, height: size.height) { _, b in
            Screen.render(snapshot: Fixtures.snapshot(), state: state, into: &b)
        }
        let lines = buffer.lines()
        let text = lines.joined(separator: "\n")
        #expect(text.contains("open a scenario"))
        #expect(text.contains("filter"))
        for choice in FakeScenarioLibrary.choices { #expect(text.contains(choice.title), "\(choice.title)") }
        #expect(lines.contains { $0.contains("broken.yaml ") && $0.contains("  cannot open: line 3: unknown key") })
        #expect(lines.contains { $0.contains("bottleneck ") && $0.contains("  Add clients (+)") })
        // The escape in a file's name is spelled out, never drawn.
        #expect(text.contains("evil\\u{1B}[2J.yaml"))
        #expect(text.contains("Enter opens"))
        // The selected row (the first) stands out on any screen: reversed.
        let row = lines.firstIndex { $0.contains("bottleneck ") && $0.contains("  Add") } ?? -1
        let column = (lines[max(0, row)].firstIndex(of: "b")).map { lines[row].distance(from: lines[row].startIndex, to: $0) } ?? 0
        #expect(buffer[column, row].style.reverse)
        // The box stays inside the panes' area, between the status and help bars.
        let body = Screen.regions(for: size).body
        #expect(lines[body.bottom].contains("quit") && lines[0].contains("classroom"))
    }

    @Test("at 80×24 the selected file's whole error shows under the list, which cuts it")
    func wholeErrorBelow() {
        var state = Self.opened()
        Self.press([.down, .down, .down], &state)
        #expect(state.picker?.current?.title == "broken.yaml")
        let lines = Fixtures.lines(width: 80, height: 24) { _, b in
            Screen.render(snapshot: Fixtures.snapshot(), state: state, into: &b)
        }
        let row = lines.firstIndex { $0.contains("broken.yaml ") } ?? 0
        #expect(!lines[row].contains("did you mean"), "the list row is cut at 80 columns")
        // The box's inside, row after row, as one text.
        let below = lines[(row + 1)...].map { line in
            line.split(separator: "║", omittingEmptySubsequences: false).dropFirst().first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }.joined(separator: " ")
        #expect(below.contains("cannot open broken.yaml: line 3: unknown key 'rat' under workload;"))
        #expect(below.contains("did you mean 'rate'?"))
    }

    @Test("typing filters by name or description, any case; Enter opens the one selected and closes the picker")
    func filterAndChoose() {
        var state = Self.opened()
        #expect(state.picker?.matches.count == 5)
        Self.type("CROWD", &state)
        #expect(state.picker?.matches.map(\.id) == ["flash-crowd"])
        Self.press([.backspace, .backspace, .backspace, .backspace, .backspace], &state)
        Self.type("server", &state)
        #expect(state.picker?.matches.map(\.id) == ["bottleneck", "classroom"])
        Self.press([.down], &state)
        #expect(state.picker?.current?.id == "classroom")
        Self.press([.down, .down, .down], &state)
        #expect(state.picker?.current?.id == "classroom", "↓ stops at the last match")
        let effects = Self.press([.enter], &state)
        #expect(effects == [.openScenario(FakeScenarioLibrary.choices[1])])
        #expect(state.picker == nil)
    }

    @Test("in the picker q types a q (it does not quit), Esc closes, tab moves nothing")
    func keysBelongToThePicker() {
        var state = Self.opened()
        #expect(Self.press([.char("q"), .tab, .left], &state) == [])
        #expect(state.picker?.filter == "q" && state.focus == .topology && state.selectedNode == 0)
        Self.press([.escape], &state)
        #expect(state.picker == nil)
        #expect(Self.press([.char("q")], &state) == [.quit])
    }

    @Test("Enter on a file that does not decode keeps the picker open and says why in the status line")
    func brokenFileRefused() {
        var state = Self.opened()
        Self.type("broken", &state)
        #expect(Self.press([.enter], &state) == [])
        #expect(state.picker != nil)
        #expect(state.status?.isWarning == true)
        #expect(state.status?.text.contains("line 3: unknown key 'rat'") == true)
        Self.type("zzz", &state)
        #expect(Self.press([.enter], &state) == [])
        #expect(state.status?.text.contains("no scenario matches") == true)
    }

    @Test("choosing replaces the running model with a fresh one from the library, keeping the run's seed")
    func choosingReplacesTheModel() throws {
        let terminal = MemoryTerminal(size: Size(width: 120, height: 40))
        let clock = ManualClock(nanoseconds: 1_000_000_000)
        let first = FakeNetworkModel(name: "fake campus")
        let library = FakeScenarioLibrary()
        let origin = RunOrigin(scenarioArgument: "campus.yaml", scenarioName: "fake campus", seed: 1234, nodes: 200)
        let app = LiveApp(model: first, origin: origin, backend: terminal, clock: clock, startPaused: true,
                          scenarios: library, description: "the campus")
        app.renderFrame()
        terminal.type("+o")
        _ = LiveAppTests.frames(1, app, clock)
        #expect(terminal.screenLines().joined().contains("open a scenario"))
        terminal.type("flash")
        terminal.enqueue(.key(.enter))
        _ = LiveAppTests.frames(1, app, clock)
        let opened = try #require(library.models.first)
        #expect(app.model === opened)
        #expect(library.opened.map(\.seed) == [1234])
        #expect(app.origin.scenarioArgument == "flash-crowd" && app.origin.seed == 1234)
        #expect(app.commandLog.total == 0, "the old run's commands do not reproduce the new one")
        #expect(app.state.scenarioName == "opened flash-crowd")
        #expect(app.state.scenarioDescription == "What to watch in flash-crowd")
        let screen = terminal.screenLines()
        #expect(screen[0].contains("opened flash-crowd"))
        #expect(screen.joined().contains("seed 1234, kept from the last run; its own node count applies"))
        #expect(!screen.joined().contains("open a scenario"))
        // The new model is the one that runs: r restarts it, not the first.
        terminal.type("r")
        _ = LiveAppTests.frames(1, app, clock)
        #expect(opened.restarts.count == 1 && first.restarts.isEmpty)
    }

    @Test("with the picker or the description open, a click closes it and does nothing else; Esc closes it first")
    func mouseAndEscapeCloseOverlays() {
        let size = Size(width: 80, height: 24)
        let regions = Screen.regions(for: size)
        var context = UpdateContext(wallNanos: 0, snapshot: Fixtures.snapshot(), screenSize: size)
        context.activeNodes = 8
        for open in [Self.opened(), Fixtures.state { $0.showsDescription = true }] {
            var state = open
            state.chartCursor = ChartCursor(second: 40)
            _ = update(&state, .mouse(MouseEvent(.wheelDown, x: regions.events.x + 2, y: regions.events.y + 2)),
                       context: context)
            #expect(state.focus == .topology && state.eventScroll == 0, "the wheel does nothing under an overlay")
            var clicked = state
            _ = update(&clicked, .mouse(MouseEvent(.press(.left), x: regions.metrics.x + 2, y: regions.metrics.y + 2)),
                       context: context)
            #expect(clicked.picker == nil && !clicked.showsDescription && clicked.focus == .topology)
            var escaped = state
            _ = update(&escaped, Action(key: .escape, state: escaped), context: context)
            #expect(escaped.picker == nil && !escaped.showsDescription)
            #expect(escaped.chartCursor == ChartCursor(second: 40), "Esc closes the overlay before the readout")
        }
    }

    @Test("without a library the picker opens empty and says there is nothing to open")
    func noLibrary() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        let clock = ManualClock(nanoseconds: 1_000_000_000)
        let app = LiveApp(model: FakeNetworkModel(), origin: RunOrigin(scenarioArgument: "x", scenarioName: "x", seed: 1),
                          backend: terminal, clock: clock, startPaused: true)
        terminal.type("o")
        _ = LiveAppTests.frames(1, app, clock)
        #expect(terminal.screenLines().joined().contains("no scenario to open"))
    }
}
