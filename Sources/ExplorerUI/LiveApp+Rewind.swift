import NetworkEngine

/// Rewind and scrub in the run loop: the `travel` effect, the checkpoint once a frame, the hand-over when a played
/// run reaches the live end, the fork when a command is typed while rewound, and a lab record played back.
extension LiveApp {
    /// `b`, `n` (`offset` back or forward from the time shown) and `g` (nil: the live end).
    func travel(by offset: SimTime?) {
        let record = state.rewind?.record == true
        let result: Result<TimeMachine.Arrival, TimeMachine.Refusal>
        if let offset {
            let target = offset < 0 ? max(0, model.now + offset) : model.now &+ offset
            result = timeMachine.travel(to: target, model: &model, log: commandLog)
        } else {
            timeMachine.backToLive(model: &model)
            result = .success(.live)
        }
        snapshotIsStale = true
        meter.reset()
        let outcome: CommandOutcome
        switch result {
        case .failure(let refusal):
            outcome = CommandOutcome(accepted: false, message: refusal.message)
        case .success(.live) where record:
            // A lab record played to its end holds still there, as when it plays there by itself.
            if !state.paused { _ = update(&state, .togglePause, context: context()) }
            outcome = CommandOutcome(accepted: true, message: "end of the lab record at t=" + Format.clock(model.now)
                + ": space runs on from here")
        case .success(.live):
            outcome = CommandOutcome(accepted: true, message: "live again at t=" + Format.clock(model.now))
        case .success(.rewound(let time)):
            outcome = CommandOutcome(accepted: true, message: "rewound to t=" + Format.clock(time)
                + ": space plays the log on, g returns to the live end, a command key forks here")
        }
        _ = update(&state, .travelled(timeMachine.status(), outcome), context: context())
    }

    /// After the model moved: a checkpoint when one is due; while rewound, the hand-over at the end of the history
    /// and the banner's news (the next logged command).
    func afterAdvance() {
        timeMachine.passed(model, logCount: commandLog.total, population: snapshot.activeNodeCount)
        guard timeMachine.isRewound || state.rewind != nil else { return }
        let record = state.rewind?.record == true
        if timeMachine.caughtUp(model: &model) {
            snapshotIsStale = true
            // A lab record played to its end holds still there; a rewound session simply is live again.
            if record, !state.paused { _ = update(&state, .togglePause, context: context()) }
            let message = record ? "end of the lab record at t=" + Format.clock(model.now) + ": space runs on from here"
                : "caught up with the live end at t=" + Format.clock(model.now)
            _ = update(&state, .travelled(nil, CommandOutcome(accepted: true, message: message)), context: context())
            return
        }
        let status = timeMachine.status()
        if status != state.rewind { _ = update(&state, .travelled(status, nil), context: context()) }
    }

    /// A command typed while rewound forks history here: the played run becomes the live one and the log's future
    /// is discarded. Returns what to add to the command's message, or nil when live.
    func forkIfRewound() -> String? {
        guard timeMachine.isRewound else { return nil }
        let time = model.now
        let discarded = timeMachine.fork(model: &model, log: &commandLog)
        recorder?.forked(model)
        backend.prepareCrashScreen(CrashScreen.text(origin: origin, log: commandLog))
        snapshotIsStale = true
        meter.reset()
        _ = update(&state, .travelled(nil, nil), context: context())
        return "forked history at t=" + Format.clock(time) + ": " + (discarded == 1 ? "1 later command"
            : "\(discarded) later commands") + " discarded"
    }

    /// Plays a recorded session from its start (`netexplorer run --replay`): `commands` are carried out at their
    /// points as the run plays, paused, stepped and scrubbed with `b`, `n`, `g` like a rewound session, until `end`.
    ///
    /// Call it right after `init`, on an app whose model is the record's scenario at t=0 and whose log is empty.
    public func playRecord(_ commands: [SessionCommand], end: Playback.Point) {
        for command in commands {
            commandLog.record(AppliedCommand(time: command.time, command: .engine(command.command),
                                             accepted: command.accepted, eventsProcessed: command.eventsProcessed,
                                             resolved: command.command))
        }
        backend.prepareCrashScreen(CrashScreen.text(origin: origin, log: commandLog))
        model = timeMachine.startRecord(model, log: commandLog, end: end, population: snapshot.activeNodeCount)
        snapshotIsStale = true
        let message = "playing a lab record of \(commands.count) command\(commands.count == 1 ? "" : "s") to t="
            + Format.clock(end.time) + ": space pauses, b/n scrub, g jumps to its end"
        _ = update(&state, .travelled(timeMachine.status(), CommandOutcome(accepted: true, message: message)),
                   context: context())
    }
}

extension SessionRecorder {
    /// History was forked at `model`'s point (a command typed while rewound): the streams so far hold a future that
    /// no longer happened, so the recording starts again from the fork (an export's series and events then begin
    /// there; its report and command log still cover the whole run).
    public func forked(_ model: any NetworkModel) { started(model) }
}

extension LiveApp {
    /// The live run: the model shown, or while rewound the one waiting at the live end (what an export writes).
    public var liveModel: any NetworkModel { timeMachine.live ?? model }

    /// How many checkpoints the session keeps now (at most `TimeMachine.capacity`).
    public var checkpointCount: Int { timeMachine.shelf.entries.count }
}
