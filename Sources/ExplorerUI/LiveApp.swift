import NetworkEngine
import TerminalCanvas

/// The live view's run loop: input → `update` → effects on the model, then pace, snapshot, render, diff, draw.
///
/// It drives the network only through `NetworkModel` and the terminal only through `TerminalBackend`, so tests drive
/// it with a fake model or a real one, a `MemoryTerminal` and a `ManualClock`, one `tick()` at a time, without
/// sleeping.
public final class LiveApp {
    /// The network being shown: the model given at start, or the fresh one `r` asked it for.
    public internal(set) var model: any NetworkModel
    public internal(set) var state: AppState
    /// The snapshot the last frame showed.
    public private(set) var snapshot: Snapshot
    /// Frame rate, idle wait and catch-up budget.
    public var pacing = Pacing()
    /// How the run was started (or, after `o`, how the scenario opened would be started), for the crash screen.
    public internal(set) var origin: RunOrigin
    /// The commands applied so far with their simulated times (bounded), for the crash screen.
    public internal(set) var commandLog = CommandLog()
    /// Checkpoints and time travel: `b`, `n`, `g`, and a played lab record (`LiveApp+Rewind.swift`).
    let timeMachine = TimeMachine()
    /// Where `:screenshot` writes its files: the current directory (tests give a temporary one).
    public var screenshotDirectory = "."

    let backend: TerminalBackend
    /// What writes the session's lab record (`:export`, `--export`); nil when the program gave none.
    public let recorder: (any SessionRecorder)?
    /// What `o` lists and opens; nil when the program gave none (the picker then says there is nothing to open).
    private let scenarios: (any ScenarioLibrary)?
    /// What `l` lists and opens; nil when the program gave none.
    let lessons: (any LessonLibrary)?
    /// The open lesson's steps, carried out on `model` (`LiveApp+Lesson.swift`); nil when none is open.
    public internal(set) var lessonRun: LessonRun?
    private let clock: MonotonicClock
    /// What the terminal shows (`front`) and the frame being drawn (`back`); swapped after each draw.
    private var front = Buffer(size: Size(width: 0, height: 0))
    private var back = Buffer(size: Size(width: 0, height: 0))
    private var changes: [CellChange] = []
    private var lastFrameWall: UInt64
    private var lastAdvanceWall: UInt64
    var meter = SpeedMeter()
    private var needsFullRedraw = true
    var snapshotIsStale = false
    /// The snapshot was taken again since the last frame was drawn (`context()` refreshes it for `update`): the
    /// screen shows an older one, so a paused view is not still.
    private var drawnSnapshotIsOld = false
    /// The topology's plan for `snapshot` at the size it was drawn: the next frame's request is planned with it
    /// rather than planning again, so a frame plans once. Nil when `snapshot` changed since it was drawn.
    private var topologyPlan: (size: Size, plan: TopologyPlan?)?

    /// The start of each frame's request (`frameRequest()`): the first snapshot, taken before any frame, asks for
    /// every node and 120 seconds; later ones narrow it to what the topology draws and the charts' columns.
    private static let snapshotRequest = SnapshotRequest(seriesLimit: 120, nodes: nil)

    /// Creates the app on `model` at whatever time it stands; nothing is drawn until `run()` or `renderFrame()`.
    ///
    /// The status bar takes the scenario's name from the model's snapshot; `r` replaces the model with
    /// `model.restarted()`.
    ///
    /// - Parameter origin: how the run was started (the scenario argument, name, seed and overrides as given), for the
    ///   crash screen; `RunOrigin(scenario:)` for a scenario started from code.
    /// - Parameter recorder: what writes the session's lab record (`:export`); `commandLogCapacity` the most commands
    ///   the log keeps (`CommandLog.defaultCapacity`; tests use fewer).
    /// - Parameter scenarios: what `o` lists and opens (the program's built-ins and files); `description` is the
    ///   running scenario's, for `i`; `theme` the look (`--theme`).
    public init(model: any NetworkModel, origin: RunOrigin, backend: TerminalBackend,
                clock: MonotonicClock = SystemClock(), startSpeed: Double = 1, startPaused: Bool = false,
                scenarios: (any ScenarioLibrary)? = nil, description: String = "", theme: ThemeName = .default,
                recorder: (any SessionRecorder)? = nil, commandLogCapacity: Int = CommandLog.defaultCapacity,
                lessons: (any LessonLibrary)? = nil) {
        self.lessons = lessons
        self.origin = origin
        commandLog = CommandLog(capacity: commandLogCapacity)
        self.recorder = recorder
        recorder?.started(model)
        self.scenarios = scenarios
        self.backend = backend
        self.clock = clock
        self.model = model
        snapshot = model.snapshot(Self.snapshotRequest)
        state = AppState(scenarioName: snapshot.scenarioName, speed: startSpeed, paused: startPaused,
                         colorSupport: backend.colorSupport, unicode: backend.supportsUnicode)
        state.scenarioDescription = description
        state.theme = theme
        let now = clock.nanoseconds
        lastFrameWall = now
        lastAdvanceWall = now
        // First-time users should learn where the keys are without reading a manual.
        state.status = StatusMessage(text: "press ? for every key", expiresAtNanos: now &+ 2 * AppState.statusLifetimeNanos)
        // Ready before the first frame: a crash with no command applied still says what ran and with which seed.
        backend.prepareCrashScreen(CrashScreen.text(origin: self.origin, log: commandLog))
        timeMachine.started(model, logCount: 0, population: snapshot.activeNodeCount)
    }

    // MARK: - Running

    /// Runs frames until the user quits, a signal arrives or the terminal goes away.
    public func run() -> LiveExit {
        renderFrame()
        while true {
            if let exit = tick() { return exit }
        }
    }

    /// One frame: waits for input until the frame is due, applies it, advances the model and draws.
    ///
    /// - Returns: why the loop must stop, or nil to go on.
    public func tick() -> LiveExit? {
        let timeout = pacing.inputTimeoutMs(now: clock.nanoseconds, lastFrame: lastFrameWall, paused: state.paused)
        var hadInput = false
        if let event = backend.readInput(timeoutMs: timeout) {
            hadInput = true
            if let exit = process(event) { return exit }
            // Take whatever else is queued (a held key, a paste) now, so input never lags behind frames.
            var drained = 0
            while drained < 64, let next = backend.readInput(timeoutMs: 0) {
                if let exit = process(next) { return exit }
                drained += 1
            }
        }
        advanceSimulation()
        if !hadInput && isStill() { return nil }
        renderFrame()
        return nil
    }

    /// True when the screen cannot have changed: paused, model untouched, same size, and the frame's bookkeeping
    /// (status expiry) left the state as it was. Skipping the snapshot and render then keeps a paused view at ~0% CPU.
    private func isStill() -> Bool {
        guard state.paused, !snapshotIsStale, !drawnSnapshotIsOld, !needsFullRedraw, backend.size == front.size
        else { return false }
        let before = state
        let now = clock.nanoseconds
        _ = update(&state, .frame(FrameInfo(wallNanos: now, actualSpeed: nil)),
                   context: UpdateContext(wallNanos: now, snapshot: snapshot))
        guard state == before else { return false }
        lastFrameWall = now
        return true
    }

    /// Handles one input event: a key becomes an action for `update`, whose effects are carried out here.
    public func process(_ event: InputEvent) -> LiveExit? {
        switch event {
        case .quitRequested: return .signal
        case .endOfInput: return .endOfInput
        case .resize(let size):
            needsFullRedraw = true
            return dispatch(.resize(size))
        case .key(let key):
            // While the command line is open every key is text for it (`q` types a q); Ctrl-C still quits.
            if state.commandLine != nil, key != .interrupt { return dispatch(.editLine(key)) }
            return dispatch(Action(key: key, state: state))
        case .mouse(let mouse):
            return dispatch(.mouse(mouse))
        }
    }

    /// Runs `action` through `update` and carries out its effects.
    public func dispatch(_ action: Action) -> LiveExit? {
        let effects = update(&state, action, context: context())
        for effect in effects {
            switch effect {
            case .quit:
                return .quit
            case .command(let command):
                let forked = forkIfRewound()
                let time = model.now, events = model.eventsProcessed
                let resolved = model.resolved(command)
                let outcome = model.apply(command)
                snapshotIsStale = true
                let kept = record(AppliedCommand(time: time, command: .engine(command), accepted: outcome.accepted,
                                                 eventsProcessed: events, resolved: resolved))
                let said = kept ? outcome : unlogged(outcome)
                _ = update(&state, .commandOutcome(forked.map { CommandOutcome(accepted: said.accepted,
                    message: said.message + " (\($0))") } ?? said), context: context())
            case .stepOnce:
                let what = model.stepDescribed()
                snapshotIsStale = true
                afterAdvance()
                // The status line says it and the event log keeps it, among the events it caused.
                _ = update(&state, .stepped(what.map { StepLogEntry(time: model.now, text: $0) }), context: context())
            case .restartScenario:
                let time = model.now, events = model.eventsProcessed
                closeLesson(because: "r restarted the scenario")
                model = model.restarted()
                recorder?.started(model)
                meter.reset()
                snapshotIsStale = true
                record(AppliedCommand(time: time, command: .restartScenario, eventsProcessed: events))
                timeMachine.started(model, logCount: commandLog.total, population: context().activeNodes)
                _ = update(&state, .travelled(nil, nil), context: context())
            case .listScenarios:
                _ = update(&state, .scenariosListed(scenarios?.choices() ?? []), context: context())
            case .openScenario(let choice) where choice.source == .lesson:
                openLesson(choice.id)
            case .openScenario(let choice):
                open(choice)
            case .listLessons:
                _ = update(&state, .lessonsListed(lessons?.choices() ?? []), context: context())
            case .answerLesson(let answer):
                answerLesson(answer)
            case .continueLesson:
                continueLesson()
            case .travel(let offset):
                travel(by: offset)
            case .export(let directory, let force):
                let outcome = recorder?.export(liveModel, log: commandLog, to: directory, force: force)
                    ?? CommandOutcome(accepted: false, message: "this session has no recorder to export with")
                _ = update(&state, .commandOutcome(outcome), context: context())
            case .screenshot:
                // A fresh frame first: the screen without the command line that asked for it.
                renderFrame()
                let outcome = Screenshot.write(front, colorSupport: backend.colorSupport, into: screenshotDirectory)
                _ = update(&state, .commandOutcome(outcome), context: context())
            }
        }
        return nil
    }

    /// Replaces the model with a fresh one on `choice` (the run's seed kept), or says why it cannot.
    private func open(_ choice: ScenarioChoice) {
        guard let scenarios else { return }
        switch scenarios.open(choice, seed: origin.seed) {
        case .failure(let why):
            _ = update(&state, .commandOutcome(CommandOutcome(accepted: false, message: why.message)),
                       context: context())
        case .success(let opened):
            closeLesson(because: "another scenario was opened")
            var dropped: [String] = []
            if origin.nodes != nil { dropped.append("node count") }
            if origin.architecture != nil { dropped.append("architecture") }
            model = opened.model
            recorder?.started(model)
            origin = opened.origin
            meter.reset()
            snapshotIsStale = true
            // A new run: the commands of the old one would not reproduce it, so the crash screen starts afresh.
            commandLog = CommandLog(capacity: commandLog.capacity)
            timeMachine.started(model, logCount: 0, population: context().activeNodes)
            _ = update(&state, .travelled(nil, nil), context: context())
            backend.prepareCrashScreen(CrashScreen.text(origin: origin, log: commandLog))
            let news = ScenarioOpenedNews(title: choice.title, name: origin.scenarioName,
                                          description: opened.description, seed: origin.seed,
                                          droppedOverrides: dropped)
            _ = update(&state, .scenarioOpened(news), context: context())
        }
    }

    /// Logs a command and hands the backend the crash screen that now applies. (A step, like speed and pause, is not
    /// logged: it only moves time, and the next command's point, time and events run, says where it was applied.)
    ///
    /// - Returns: false when the log is full (`CommandLog.capacity`) and the command was not recorded.
    @discardableResult
    private func record(_ applied: AppliedCommand) -> Bool {
        guard commandLog.record(applied) else { return false }
        backend.prepareCrashScreen(CrashScreen.text(origin: origin, log: commandLog))
        return true
    }

    /// `outcome` with a word that the command log is full, so the user knows the session can no longer be exported
    /// whole.
    func unlogged(_ outcome: CommandOutcome) -> CommandOutcome {
        CommandOutcome(accepted: outcome.accepted, message: outcome.message
            + " (not recorded: the command log is full at \(commandLog.capacity) commands, so "
            + "an export of this session cannot replay it)")
    }

    // MARK: - Pacing

    /// Moves the model forward by the wall time since the last call × speed, unless paused.
    ///
    /// The advance runs a bounded number of events at a time and stops once the frame's budget is spent, so a speed
    /// the machine cannot reach slows the simulation (and the status bar says how much) instead of freezing the
    /// screen; a burst of events (a flash crowd, a large mesh) is cut as finely as a steady load.
    public func advanceSimulation() {
        let now = clock.nanoseconds
        let wall = now > lastAdvanceWall ? now - lastAdvanceWall : 0
        lastAdvanceWall = now
        guard !state.paused else {
            meter.reset()
            return
        }
        let delta = pacing.simulatedDelta(wallNanos: wall, speed: state.speed)
        guard delta > 0 else { return }
        let start = model.now
        // A lesson's run stops at its end, exactly: what its check then reads is that many simulated seconds.
        let target = lessonRunEnd.map { min($0, start + delta) } ?? start + delta
        var hitBudget = false
        // Waiting for an event (`:pause-on`), the loop runs one event at a time and reads the model's tally after
        // each, so the clock stops at the very event that fired (`advance` with no events to run only says whether
        // one is due, or moves the clock to the target when none is).
        let trigger = state.pauseOn
        let before = trigger == nil ? EventTally() : model.tally
        var fired: EventTally?
        while !model.advance(to: target, maxEvents: trigger == nil ? max(1, pacing.eventsPerCheck) : 0) {
            if let trigger {
                guard model.step() else { break }
                let after = model.tally
                if trigger.fired(from: before, to: after) { fired = after; break }
            }
            if clock.nanoseconds &- now > pacing.budgetNanos {
                hitBudget = true
                break
            }
        }
        snapshotIsStale = true
        meter.record(wall: wall, simulated: model.now - start, hitBudget: hitBudget)
        if let end = lessonRunEnd, model.now >= end { lessonRunFinished() }
        afterAdvance()
        if let trigger, let after = fired {
            let events = model.snapshot(SnapshotRequest(seriesLimit: 0, nodes: 0..<0)).recentEvents
            let what = trigger.reason(from: before, to: after, events: events)
            let time = "t=" + Format.fixed(model.now.inSeconds, decimals: 3) + "s"
            _ = dispatch(.pauseTriggered("paused on \(trigger.rawValue) at \(time): \(what)"))
        }
    }

    // MARK: - Drawing

    /// What a frame asks for: the nodes the topology pane draws (`TopologyPane.snapshotRequest`, planned on the last
    /// snapshot), and one sample per column of the metrics charts, of as many seconds as the speed and the screen's
    /// width want (`ChartTimeScale`).
    func frameRequest() -> SnapshotRequest {
        let size = backend.size
        let plan = topologyPlan.flatMap { $0.size == size ? $0.plan : nil }
            ?? TopologyPane.plan(snapshot: snapshot, screen: size)
        var request = TopologyPane.snapshotRequest(base: Self.snapshotRequest, plan: plan, state: state)
        let charts = ChartTimeScale.request(speed: state.speed, screen: backend.size)
        request.seriesLimit = charts.seriesLimit
        request.secondsPerColumn = charts.secondsPerColumn
        request.curvePoints = CompletionChart.columns(paneWidth: Screen.regions(for: size).metrics.width)
        return request
    }

    /// Takes a snapshot, renders it into the back buffer and sends only the changed cells to the terminal.
    public func renderFrame() {
        snapshot = model.snapshot(frameRequest())
        snapshotIsStale = false
        drawnSnapshotIsOld = false
        let now = clock.nanoseconds
        _ = update(&state, .frame(FrameInfo(wallNanos: now, actualSpeed: meter.actualSpeed)),
                   context: UpdateContext(wallNanos: now, snapshot: snapshot, screenSize: backend.size))
        let size = backend.size
        if back.size != size { back.resize(to: size) }
        let plan = TopologyPane.plan(snapshot: snapshot, screen: size)
        Screen.render(snapshot: snapshot, state: state, into: &back, topologyPlan: .some(plan))
        topologyPlan = (size, plan)
        if needsFullRedraw {
            // After a resize the terminal's picture is gone: clear it and diff against nothing, so every cell goes out.
            backend.clear()
            front = Buffer(size: Size(width: 0, height: 0))
            needsFullRedraw = false
        }
        back.diff(previous: front, into: &changes)
        if !changes.isEmpty { backend.draw(changes) }
        swap(&front, &back)
        lastFrameWall = now
    }

    /// What the next snapshot asks for: only the nodes the topology pane will draw (every one while they fit its
    /// rings, else a sample anchored on the selection), planned from the last snapshot's population and the terminal's
    /// size, so a frame's cost follows what is shown rather than the population.

    /// The context `update` sees: the wall time and the model's current population.
    func context() -> UpdateContext {
        if snapshotIsStale {
            snapshot = model.snapshot(frameRequest())
            snapshotIsStale = false
            drawnSnapshotIsOld = true
            topologyPlan = nil
        }
        return UpdateContext(wallNanos: clock.nanoseconds, snapshot: snapshot, screenSize: front.size)
    }
}
