import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// Rewind and scrub: the checkpoint shelf's bound and thinning, `b`/`n`/`g` in the in-memory terminal, and the
/// promise that matters, that a rewound run is the run at that point (the same report as a fresh engine given the
/// log up to there) and that forking it gives what a fresh engine gives with the forked log.
@Suite("Rewind")
struct RewindTests {
    /// `LiveAppTests`' small classroom, on a seed of its own.
    static var scenario: Scenario {
        var s = LiveAppTests.scenario
        s.seed = 13
        return s
    }

    static func make(speed: Double = 10, scenario: Scenario = scenario) -> (LiveApp, MemoryTerminal, ManualClock) {
        let terminal = MemoryTerminal(size: Size(width: 100, height: 30))
        let clock = ManualClock(nanoseconds: 1_000_000_000)
        let app = LiveApp(model: Engine(scenario: scenario), origin: RunOrigin(scenario: scenario), backend: terminal,
                          clock: clock, startSpeed: speed)
        app.renderFrame()
        return (app, terminal, clock)
    }

    /// Types `keys` (one string a frame) into frames of 250 ms, the most a frame advances.
    static func play(_ keys: [String], _ app: LiveApp, _ terminal: MemoryTerminal, _ clock: ManualClock) {
        for typed in keys {
            terminal.type(typed)
            clock.advance(millis: 250)
            _ = app.tick()
        }
    }

    /// The report of a model as it stands, taken on a copy (a report brings running averages up to now, which the
    /// run itself must not do out of turn).
    static func report(_ model: any NetworkModel) throws -> String {
        try #require(model.checkpointCopy()).report().json.serialized(pretty: false)
    }

    // MARK: - The shelf

    @Test("the shelf never holds more than its capacity, keeps t=0, and doubles its spacing as it thins")
    func shelfThins() {
        var shelf = CheckpointShelf<Int>(capacity: 64, spacing: .seconds(1))
        var spacings: [SimTime] = [shelf.spacing]
        var time: SimTime = 0
        var taken = 0
        while time <= .seconds(3_600) {  // an hour, offered every tenth of a second
            if shelf.isDue(at: time) {
                shelf.add(taken, at: time)
                taken += 1
            }
            #expect(shelf.entries.count < 64)
            if shelf.spacing != spacings.last { spacings.append(shelf.spacing) }
            time += .millis(100)
        }
        #expect(shelf.entries.first?.time == 0 && shelf.entries.first?.saved == 0)
        // 3,600 s at 1 s spacing fills 64 after 64 s: the spacing then doubles at 64, 128, 256, ... s; an hour ends
        // with 2^6 = 64 s (at 2,048 s the sixth doubling; the seventh would need 4,096 s).
        #expect(spacings == (0...6).map { SimTime.seconds(1) << $0 })
        let gaps = zip(shelf.entries.dropFirst(), shelf.entries).map { $0.time - $1.time }
        #expect(gaps.allSatisfy { $0 >= shelf.spacing / 2 }, "kept checkpoints are spread, not bunched")
        #expect(taken > 64, "checkpoints kept coming as the session grew")
        #expect(shelf.latest { $0.time <= .seconds(1_000) }.map { $0.time <= .seconds(1_000) } == true)
        // A larger population allows fewer copies: the shelf thins at once to below its new capacity.
        let spacing = shelf.spacing
        shelf.limit(to: 6)
        #expect(shelf.entries.count < 6 && shelf.entries.first?.time == 0 && shelf.spacing > spacing)
    }

    @Test("a rewinding app never keeps more than 64 checkpoints however long the session")
    func appBounded() {
        var quiet = Self.scenario  // two clients, a request every 10 s: days pass in a debug build's seconds
        quiet.nodes = 2
        quiet.workload.rate = 0.05
        let (app, terminal, clock) = Self.make(speed: 1000, scenario: quiet)
        Self.play(Array(repeating: "", count: 200), app, terminal, clock)  // 200 frames of 250 s
        #expect(app.model.now >= .seconds(40_000))
        #expect(app.checkpointCount <= 64 && app.checkpointCount >= 16)
    }

    @Test("the larger the population the fewer the checkpoints, and none beyond what the copies may hold")
    func populationBoundsCopies() {
        let engine = Engine(scenario: Self.scenario)
        for (population, most) in [(10_000, 64), (100_000, 6), (TimeMachine.nodeCopies + 1, 0)] {
            let machine = TimeMachine()
            machine.started(engine.checkpoint(), logCount: 0, population: population)
            let run = engine.checkpoint()
            for second in 1...200 {
                run.advance(to: .seconds(Double(second)))
                machine.passed(run, logCount: 0, population: population)
                #expect(machine.shelf.entries.count <= most)
            }
            var model: any NetworkModel = run
            let travelled = machine.travel(to: .seconds(100), model: &model, log: CommandLog())
            if most == 0 {
                #expect(machine.shelf.entries.isEmpty)
                #expect((try? travelled.get()) == nil, "a run too large to copy cannot be rewound, and says so")
            } else {
                #expect(machine.shelf.entries.count >= most / 2 && travelled == .success(.rewound(.seconds(100))))
            }
        }
    }

    // MARK: - b, n, g

    @Test("b rewinds a tenth of the charts' span and says REWOUND, n goes forward again, g returns to the live run")
    func keysTravel() throws {
        let (app, terminal, clock) = Self.make()
        Self.play(Array(repeating: "", count: 40), app, terminal, clock)
        Self.play(["x"] + Array(repeating: "", count: 3), app, terminal, clock)  // crash the server, 7.5 s before the end
        let live = app.model
        let end = (time: live.now, events: live.eventsProcessed)
        let crashAt = try #require(app.commandLog.currentHistory.last).time
        let step = ChartTimeScale.rewindStep(speed: app.state.speed, screen: terminal.size)
        #expect(step > end.time - crashAt, "one step lands before the crash")
        #expect(end.time > 2 * step, "two steps back stay after t=0")

        Self.play(["b"], app, terminal, clock)
        #expect(app.model.now == end.time - step)
        #expect(app.state.paused, "a rewound picture holds still")
        #expect(terminal.screenLines()[0].contains("REWOUND to t="))
        #expect(terminal.screenLines().contains { $0.contains("next: crash: server at t=") })
        #expect(app.snapshot.server?.up == true, "before the crash, the server is up again")

        Self.play(["b"], app, terminal, clock)
        #expect(app.model.now == end.time - 2 * step)
        Self.play(["n"], app, terminal, clock)
        #expect(app.model.now == end.time - step)

        Self.play(["g"], app, terminal, clock)
        #expect(app.state.rewind == nil)
        #expect(app.model === live, "g returns to the live model itself")
        #expect(app.model.now == end.time && app.model.eventsProcessed == end.events)
        #expect(!terminal.screenLines().joined().contains("REWOUND"))
        #expect(app.snapshot.server?.up == false)
    }

    @Test("n and g at the live end only say so")
    func liveEndKeys() {
        let (app, terminal, clock) = Self.make()
        Self.play(["", "", "n"], app, terminal, clock)
        #expect(app.state.rewind == nil)
        #expect(app.state.status?.text.contains("live end") == true)
        Self.play(["g"], app, terminal, clock)
        #expect(app.state.status?.text.contains("already at the live end") == true)
    }

    @Test("played on from a rewound point, the run carries out the logged commands and is live again at the end")
    func playsBackToLive() throws {
        let (app, terminal, clock) = Self.make()
        Self.play(Array(repeating: "", count: 20) + ["x", "", "", "+", "", ""], app, terminal, clock)
        let live = app.model
        let end = app.model.now
        Self.play(["b", " "], app, terminal, clock)
        #expect(app.state.rewind != nil)
        Self.play(Array(repeating: "", count: 40), app, terminal, clock)
        #expect(app.state.rewind == nil, "caught up with the live end")
        #expect(app.model.now > end)
        #expect(app.model === live, "the live model was handed back where it was left, then ran on")
        #expect(app.commandLog.currentHistory.count == 2, "playing the log back logs nothing new")
    }

    // MARK: - Forking

    @Test("a rewound run is the run at that point, and forking it gives what a fresh engine gives with the forked log")
    func forkMatchesFreshRun() throws {
        let (app, terminal, clock) = Self.make()
        app.pacing.eventsPerCheck = 3  // chunks of three events: frames and steps stop part-way through instants
        // Steps (`.`) pause and leave the clock part-way through an instant; space resumes.
        Self.play(Array(repeating: "", count: 12) + ["+", "", ".", "..x ", "", "f", "", "t", "", ". ", "k", "", "x",
                  "", "-", "", ""], app, terminal, clock)
        let before = app.commandLog.currentHistory
        #expect(before.count == 7)

        Self.play(["b"], app, terminal, clock)
        let rewound = app.model
        let point = (time: rewound.now, events: rewound.eventsProcessed)
        let upToHere = before.filter { $0.time <= point.time }
        #expect(upToHere.count < before.count, "the rewind went back past some commands")
        let fresh = try Engine.replay(Self.scenario, commands: upToHere, endTime: point.time, endEvents: point.events)
        #expect(try Self.report(rewound) == Self.report(fresh), "the rewound run is the run at that point")

        Self.play(["a"], app, terminal, clock)  // forks here: the attack starts in the rewound past
        #expect(app.state.rewind == nil)
        #expect(app.state.status?.text.contains("forked history at t=") == true)
        let forked = app.commandLog.currentHistory
        #expect(forked.count == upToHere.count + 1, "the future after the fork is discarded")
        #expect(Array(forked.dropLast()) == upToHere)
        Self.play(["", "", "+", "", ".", ". ", ""], app, terminal, clock)

        let log = app.commandLog.currentHistory
        let replayed = try Engine.replay(Self.scenario, commands: log, endTime: app.model.now,
                                         endEvents: app.model.eventsProcessed)
        #expect(try Self.report(app.model) == Self.report(replayed))
    }

    /// Remembers the model each export was handed and each run the recorder heard of.
    final class ModelRecorder: SessionRecorder {
        var started: [ObjectIdentifier] = []
        var exported: [ObjectIdentifier] = []
        func started(_ model: any NetworkModel) { started.append(ObjectIdentifier(model)) }
        func export(_ model: any NetworkModel, log: CommandLog, to directory: String?, force: Bool) -> CommandOutcome {
            exported.append(ObjectIdentifier(model))
            return CommandOutcome(accepted: true, message: "exported")
        }
    }

    @Test(":export while rewound writes the live run, and after a fork the recorder starts again on the forked one")
    func exportWhileRewound() {
        let terminal = MemoryTerminal(size: Size(width: 100, height: 30))
        let clock = ManualClock(nanoseconds: 1_000_000_000)
        let recorder = ModelRecorder()
        let live = Engine(scenario: Self.scenario)
        let app = LiveApp(model: live, origin: RunOrigin(scenario: Self.scenario), backend: terminal, clock: clock,
                          startSpeed: 10, recorder: recorder)
        app.renderFrame()
        Self.play(Array(repeating: "", count: 30), app, terminal, clock)
        Self.play(["b", ":"], app, terminal, clock)
        terminal.type("export lab")
        terminal.enqueue(.key(.enter))
        Self.play([""], app, terminal, clock)
        #expect(app.state.rewind != nil)
        #expect(recorder.exported == [ObjectIdentifier(live)], "the live run, not the rewound copy")
        #expect(app.liveModel === live)
        Self.play(["+"], app, terminal, clock)
        #expect(app.liveModel === app.model && app.model !== live)
        #expect(recorder.started == [ObjectIdentifier(live), ObjectIdentifier(app.model)], "the fork is a new recording")
    }

    // MARK: - The time machine on its own

    /// No jitter, so a flash crowd's requests reach the server at one instant, which steps then cut part-way.
    static var flashy: Scenario {
        var s = scenario
        s.network.jitterMs = 0
        return s
    }

    @Test("a rewind replays the commands logged after its checkpoint, part-way through instants too, and a fork from there is a fresh run with the forked log")
    func replaysLoggedCommands() throws {
        let engine = Engine(scenario: Self.flashy)
        let machine = TimeMachine(spacing: .seconds(1_000))  // only the t=0 checkpoint: every rewind replays the log
        var log = CommandLog()
        machine.started(engine, logCount: 0, population: engine.activeClients)
        func type(_ command: EngineCommand) {
            let time = engine.now, events = engine.eventsProcessed, resolved = engine.resolved(command)
            let outcome = engine.apply(command)
            log.record(AppliedCommand(time: time, command: .engine(command), accepted: outcome.accepted,
                                      eventsProcessed: events, resolved: resolved))
        }
        let commands: [EngineCommand] = [.flashCrowd(requests: 60), .addNodes(5), .toggleNode(0), .toggleAttack,
                                         .toggleNode(0), .removeNodes(5)]
        for (i, command) in commands.enumerated() {
            engine.advance(to: .seconds(2 * Double(i + 1)))
            engine.step(); engine.step()  // after the flash crowd, part-way through its instant
            type(command)
            machine.passed(engine, logCount: log.total, population: engine.activeClients)
        }
        engine.advance(to: .seconds(14))
        let end = (time: engine.now, events: engine.eventsProcessed)
        // Out of order and repeated: a rewind must never change the checkpoint it resumed from.
        for seconds in [3.0, 9.5, 6.0, 3.0, 9.5] {
            var model: any NetworkModel = engine
            let target = SimTime.seconds(seconds)
            #expect(machine.travel(to: target, model: &model, log: log) == .success(.rewound(target)))
            let upToHere = log.sessionCommands(from: 0).filter { $0.time <= target }
            let fresh = try Engine.replay(Self.flashy, commands: upToHere, endTime: target,
                                          endEvents: model.eventsProcessed)
            #expect(try Self.report(model) == Self.report(fresh), "rewound to \(seconds) s")
            machine.backToLive(model: &model)
            #expect(model === engine && engine.now == end.time && engine.eventsProcessed == end.events)
        }
        var model: any NetworkModel = engine
        _ = machine.travel(to: .seconds(7), model: &model, log: log)
        #expect(machine.fork(model: &model, log: &log) == 3, "the crash, the attack toggle and the removal are gone")
        #expect(log.total == 3 && machine.isRewound == false)
        let forked = try #require(model as? Engine)
        forked.advance(to: .seconds(8))
        let time = forked.now, events = forked.eventsProcessed
        log.record(AppliedCommand(time: time, command: .engine(.crashShare(0.5)), accepted: forked.apply(.crashShare(0.5)).accepted,
                                  eventsProcessed: events))
        forked.advance(to: .seconds(12))
        let replayed = try Engine.replay(Self.flashy, commands: log.sessionCommands(from: 0), endTime: forked.now,
                                         endEvents: forked.eventsProcessed)
        #expect(try Self.report(forked) == Self.report(replayed))
    }
}
