import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The `:` command line and `/` search: line editing, Tab completion and history as pure updates, what Enter runs,
/// and, on the run loop, that keys go to the open line, `:set` reaches the engine and `:pause-on` stops the clock.
@Suite("Command line")
struct CommandLineTests {
    static let context = UpdateContext(wallNanos: 0, activeNodes: 20)

    /// A state with the line open in `mode` and `text` typed (Tab in the text completes, as the key does).
    static func typed(_ text: String, mode: Action = .openCommandLine) -> AppState {
        var state = AppState(scenarioName: "t")
        _ = update(&state, mode, context: context)
        for c in text { _ = update(&state, .editLine(c == "\t" ? .tab : .char(c)), context: context) }
        return state
    }

    static func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
        keys.flatMap { update(&state, .editLine($0), context: context) }
    }

    // MARK: - Editing

    @Test("typing inserts at the cursor; ←, →, home and end move it; backspace deletes before it")
    func editing() {
        var state = Self.typed("set rate")
        _ = Self.press([.home, .right, .right, .right, .char("!")], &state)
        #expect(state.commandLine?.text == "set! rate")
        #expect(state.commandLine?.cursor == 4)
        _ = Self.press([.backspace, .end, .left, .backspace], &state)
        #expect(state.commandLine?.text == "set rae")
        #expect(state.commandLine?.cursor == 6)
        _ = Self.press([.left, .left, .left, .left, .left, .left, .left, .left, .left], &state)
        #expect(state.commandLine?.cursor == 0, "← stops at the start")
        _ = Self.press(Array(repeating: Key.right, count: 20), &state)
        #expect(state.commandLine?.cursor == 7, "→ stops at the end")
    }

    @Test("Ctrl-U erases what is before the cursor and keeps what follows")
    func eraseLine() {
        var state = Self.typed("set workers 8")
        _ = Self.press([.left, .control("u")], &state)
        #expect(state.commandLine?.text == "8")
        #expect(state.commandLine?.cursor == 0)
    }

    @Test("esc cancels, and backspace on an empty line closes it; nothing runs")
    func cancelling() {
        var state = Self.typed("set workers 8")
        #expect(Self.press([.escape], &state).isEmpty)
        #expect(state.commandLine == nil)
        state = Self.typed("s")
        _ = Self.press([.backspace], &state)
        #expect(state.commandLine?.text == "")
        #expect(Self.press([.backspace], &state).isEmpty)
        #expect(state.commandLine == nil)
    }

    // MARK: - Completion

    @Test("tab completes a command name, then a key of :set, then a value of :pause-on")
    func completion() {
        #expect(Self.typed("se\t").commandLine?.text == "set ")
        #expect(Self.typed("set wo\t").commandLine?.text == "set workers ")
        #expect(Self.typed("set lock\t").commandLine?.text == "set lockout_after ")
        #expect(Self.typed("pa\tbr\t").commandLine?.text == "pause-on breach ")
        #expect(Self.typed("pause-on o\t").commandLine?.text == "pause-on o", "overload and off share only 'o'")
        #expect(Self.typed("pause-on o\t").commandLine?.candidates == ["overload", "off"])
        #expect(Self.typed("set workers 8\t").commandLine?.text == "set workers 8", "a value is not completed")
    }

    @Test("with several matches tab completes their common prefix and lists them until the next key")
    func severalMatches() {
        var state = Self.typed("set \t")
        #expect(state.commandLine?.text == "set ")
        #expect(state.commandLine?.candidates == ScenarioParameter.allCases.map(\.rawValue))
        state = Self.typed("set l\t")
        #expect(state.commandLine?.text == "set l")
        #expect(state.commandLine?.candidates == ["latency_ms", "loss", "lockout_after"])
        _ = Self.press([.char("a")], &state)
        #expect(state.commandLine?.candidates == [])
        _ = Self.press([.tab], &state)
        #expect(state.commandLine?.text == "set latency_ms ")
    }

    @Test("tab in the middle of a line completes the word before the cursor and keeps the rest")
    func completionMidLine() {
        var state = Self.typed("set ra 2")
        _ = Self.press([.left, .left, .tab], &state)
        #expect(state.commandLine?.text == "set rate  2")
    }

    // MARK: - History

    @Test("↑ recalls earlier lines, newest first; ↓ goes back and past the newest gives the line being typed")
    func history() {
        var state = AppState(scenarioName: "t")
        for line in ["set rate 2", "pause-on breach"] {
            _ = update(&state, .openCommandLine, context: Self.context)
            for c in line { _ = update(&state, .editLine(.char(c)), context: Self.context) }
            _ = Self.press([.enter], &state)
        }
        #expect(state.commandHistory.entries == ["set rate 2", "pause-on breach"])
        _ = update(&state, .openCommandLine, context: Self.context)
        _ = Self.press([.char("x")], &state)
        _ = Self.press([.up], &state)
        #expect(state.commandLine?.text == "pause-on breach")
        _ = Self.press([.up, .up], &state)
        #expect(state.commandLine?.text == "set rate 2", "↑ stops at the oldest")
        _ = Self.press([.down], &state)
        #expect(state.commandLine?.text == "pause-on breach")
        _ = Self.press([.down], &state)
        #expect(state.commandLine?.text == "x", "the draft comes back")
        // Searches have their own history.
        _ = update(&state, .openSearch, context: Self.context)
        _ = Self.press([.up], &state)
        #expect(state.commandLine?.text == "")
    }

    @Test("the history keeps the last entries only, and no blank or repeated line")
    func historyBounded() {
        var history = CommandHistory()
        for i in 0..<(CommandHistory.limit + 30) { history.add("set rate \(i)") }
        history.add("   ")
        history.add("set rate 129")
        #expect(history.entries.count == CommandHistory.limit)
        #expect(history.entries.first == "set rate 30")
        #expect(history.entries.last == "set rate 129")
    }

    // MARK: - Running

    @Test("enter runs :set as an engine command; the line closes")
    func enterRunsSet() {
        var state = Self.typed("set workers 8")
        #expect(Self.press([.enter], &state) == [.command(.set(.workers, 8))])
        #expect(state.commandLine == nil)
        state = Self.typed("set server.workers 3")
        #expect(Self.press([.enter], &state) == [.command(.set(.workers, 3))], "the key's dotted path works too")
    }

    @Test("a bad :set is one line in the status bar, in the scenario file's words", arguments: [
        ("set workers 0", "'server.workers' must be between 1 and 1000000, got '0'"),
        ("set loss 2", "'network.loss' must be between 0 and 1, got '2'"),
        ("set queue 1.5", "'server.queue' must be an integer (a whole number), got '1.5'"),
        ("set rat 2", "unknown key 'rat'; did you mean 'rate'?"),
        ("set replicas 2", "cannot set replicas: " + (ScenarioParameter.refused.first?.reason ?? "")),
        ("set workers", "usage: :set KEY VALUE"),
        ("sett workers 2", "unknown command 'sett'; did you mean 'set'?"),
    ])
    func badSet(line: String, message: String) {
        var state = Self.typed(line)
        #expect(Self.press([.enter], &state).isEmpty)
        #expect(state.status?.text == message)
        #expect(state.status?.isWarning == true)
    }

    @Test(":pause-on arms the trigger and :pause-on off clears it; :quit quits")
    func pauseOnAndQuit() {
        var state = Self.typed("pause-on breach")
        _ = Self.press([.enter], &state)
        #expect(state.pauseOn == .breach)
        _ = update(&state, .openCommandLine, context: Self.context)
        for c in "pause-on off" { _ = update(&state, .editLine(.char(c)), context: Self.context) }
        _ = Self.press([.enter], &state)
        #expect(state.pauseOn == nil)
        var quitting = Self.typed("quit")
        #expect(Self.press([.enter], &quitting) == [.quit])
    }

    @Test("/ sets the log search on enter; esc or an empty search clears it")
    func search() {
        var state = Self.typed("crash", mode: .openSearch)
        _ = Self.press([.enter], &state)
        #expect(state.logSearch == "crash")
        _ = update(&state, .openSearch, context: Self.context)
        _ = Self.press([.enter], &state)
        #expect(state.logSearch == nil)
        state = Self.typed("lock", mode: .openSearch)
        _ = Self.press([.enter], &state)
        _ = update(&state, .openSearch, context: Self.context)
        _ = Self.press([.char("x"), .escape], &state)
        #expect(state.logSearch == nil)
        #expect(Self.typed("ab\t", mode: .openSearch).commandLine?.text == "ab", "tab completes commands only")
    }

    @Test("[ and ] ask for one server worker fewer or more; in a mesh they say why not")
    func bracketKeys() {
        var state = AppState(scenarioName: "t")
        var context = Self.context
        context.serverWorkers = 4
        #expect(update(&state, Action(key: .char("]")), context: context) == [.command(.set(.workers, 5))])
        #expect(update(&state, Action(key: .char("[")), context: context) == [.command(.set(.workers, 3))])
        context.serverWorkers = nil
        #expect(update(&state, .addWorker, context: context).isEmpty)
        #expect(state.status?.isWarning == true)
    }

    // MARK: - Drawing

    @Test("the open line replaces the help bar: prompt, text, the cursor reversed, candidates after")
    func rendering() {
        var state = Self.typed("set l\t")
        var buffer = Buffer(size: Size(width: 80, height: 24))
        Screen.render(snapshot: Fixtures.snapshot(), state: state, into: &buffer)
        let bottom = buffer.lines()[23]
        #expect(bottom.hasPrefix(":set l "))
        #expect(bottom.contains("latency_ms  loss  lockout_after"))
        #expect(buffer[6, 23].style.reverse, "the cursor cell after the text")
        state = Self.typed("", mode: .openSearch)
        Screen.render(snapshot: Fixtures.snapshot(), state: state, into: &buffer)
        #expect(buffer.lines()[23].hasPrefix("/ "))
        #expect(buffer.lines()[23].contains("search the event log"))
    }

    @Test("a line longer than the row scrolls so the cursor stays in view")
    func longLine() throws {
        let state = Self.typed(String(repeating: "w", count: 100) + "END")
        var buffer = Buffer(size: Size(width: 80, height: 24))
        Screen.render(snapshot: Fixtures.snapshot(), state: state, into: &buffer)
        let bottom = buffer.lines()[23]
        #expect(bottom.hasPrefix(":w"))
        let end = try #require(bottom.range(of: "END")).upperBound.utf16Offset(in: bottom)
        #expect(end < 80)
        #expect(buffer[end, 23].style.reverse, "the cursor right after the text")
    }

    @Test("an armed :pause-on shows in the status bar")
    func armedShows() {
        var state = AppState(scenarioName: "t")
        state.pauseOn = .overload
        var buffer = Buffer(size: Size(width: 120, height: 40))
        Screen.render(snapshot: Fixtures.snapshot(), state: state, into: &buffer)
        #expect(buffer.lines()[0].contains("pause on overload"))
    }
}

/// The command line on the run loop with a real engine.
@Suite("Command line on the run loop")
struct CommandLineRunLoopTests {
    @Test("while the line is open keys are text: q types a q; :set workers 8 reaches the engine")
    func keysGoToTheLine() throws {
        let (app, terminal, clock) = LiveAppTests.make()
        app.renderFrame()
        terminal.type(":set workers 8 q")
        #expect(LiveAppTests.frames(1, app, clock) == nil, "q did not quit")
        #expect(app.state.commandLine?.text == "set workers 8 q")
        terminal.enqueue(.key(.backspace), .key(.backspace), .key(.enter))
        _ = LiveAppTests.frames(1, app, clock)
        #expect(app.snapshot.server?.workers == 8)
        #expect(app.state.status?.text == "workers set to 8 (was 4)")
        #expect(terminal.screenLines()[0].contains("workers set to 8") || terminal.screenLines()[23].contains("workers set to 8"))
        terminal.type("]")
        _ = LiveAppTests.frames(1, app, clock)
        #expect(app.snapshot.server?.workers == 9)
    }

    /// A live view of `scenario` at 10×, 100×30, with `:pause-on TRIGGER` typed and run.
    static func armed(_ trigger: PauseTrigger, on scenario: Scenario) -> (LiveApp, MemoryTerminal, ManualClock) {
        let terminal = MemoryTerminal(size: Size(width: 100, height: 30))
        let clock = ManualClock(nanoseconds: 1_000_000_000)
        let app = LiveApp(model: Engine(scenario: scenario), origin: RunOrigin(scenario: scenario), backend: terminal,
                          clock: clock, startSpeed: 10)
        app.renderFrame()
        terminal.type(":pause-on \(trigger.rawValue)")
        terminal.enqueue(.key(.enter))
        _ = LiveAppTests.frames(1, app, clock)
        return (app, terminal, clock)
    }

    @Test(":pause-on failure stops the clock at the server's crash, to the nanosecond, and says what stopped it")
    func pauseOnStops() throws {
        var scenario = LiveAppTests.scenario
        let crashAt = SimTime.seconds(3.01)
        scenario.timeline = [.init(at: 3.01, kind: .crash(.server))]
        let (app, terminal, clock) = Self.armed(.failure, on: scenario)
        #expect(app.state.pauseOn == .failure)
        // Frames of a simulated second each: the crash falls inside the fourth.
        _ = LiveAppTests.frames(6, of: 100, app, clock)
        #expect(app.state.paused)
        #expect(app.snapshot.now == crashAt, "stopped at \(app.snapshot.now)")
        let status = app.state.status?.text ?? ""
        #expect(status.hasPrefix("paused on failure at t=3.010s: server crashed"), "\(status)")
        // Still armed: resumed, it stops again at the next failure, a request the crashed server cannot serve.
        terminal.type(" ")
        _ = LiveAppTests.frames(3, of: 100, app, clock)
        #expect(app.state.paused)
        #expect(app.state.status?.text.contains("1 request failed") == true, "\(app.state.status?.text ?? "")")
        let stopped = app.snapshot.now
        terminal.type(":pause-on off")
        terminal.enqueue(.key(.enter), .key(.char(" ")))
        _ = LiveAppTests.frames(3, of: 100, app, clock)
        #expect(!app.state.paused && app.state.pauseOn == nil)
        #expect(app.snapshot.now > stopped + SimTime.seconds(2))
    }

    /// One worker of 1 s with room for one request in the queue, 20 clients at 1.5 a second and no timeout: the queue
    /// is full within the first second and every later arrival is rejected, while nothing ever times out. "Lost" is
    /// what the metrics' `lost` row counts (rejected, failed, timed out), so the trigger must fire on a rejection.
    @Test(":pause-on lost stops at a rejection, as the metrics' lost row counts it, even with no timeout")
    func pauseOnLostCountsRejections() throws {
        var scenario = LiveAppTests.scenario
        scenario.server.workers = 1
        scenario.server.serviceMs = 1000
        scenario.server.queue = 1
        scenario.workload.timeout = 0
        let (app, _, clock) = Self.armed(.lost, on: scenario)
        _ = LiveAppTests.frames(3, of: 100, app, clock)
        #expect(app.state.paused)
        #expect(app.snapshot.requests.rejected >= 1 && app.snapshot.requests.timedOut == 0)
        #expect(app.state.status?.text.hasPrefix("paused on lost") == true, "\(app.state.status?.text ?? "")")
    }
}
