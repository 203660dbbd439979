// MARK: - Replaying a live session headless

extension Engine {
    /// `command` as it would act now, so a log records what it did rather than which key asked: the node toggle becomes
    /// the crash or restart of that node, the architecture toggle the switch to the other one. Others are unchanged.
    public func resolved(_ command: EngineCommand) -> EngineCommand {
        switch command {
        case .toggleNode(let id):
            let target: Scenario.NodeTarget = id == 0 ? .server : .node(id)
            return isUp(node: id) ? .crash(target) : .restart(target)
        case .toggleArchitecture:
            return .switchArchitecture(to: architecture == .clientServer ? .peerMesh : .clientServer)
        default:
            return command
        }
    }

    /// Runs events until the engine stands exactly where a live session stood: `events` events processed and the
    /// clock at `time`. The live view leaves the clock either at its last event (a chunk that ran out of budget) or,
    /// with nothing due before it, at its target; both are reached by running the events, then moving the clock.
    ///
    /// - Returns: false when the point cannot be reached from here (it lies in the past, or more events are due by
    ///   `time` than the count allows): the log does not belong to this scenario and seed.
    public func advance(toTime time: SimTime, events: Int) -> Bool {
        guard time >= now, events >= eventsProcessed else { return false }
        while eventsProcessed < events {
            if advance(to: time, maxEvents: events - eventsProcessed) { break }
        }
        guard eventsProcessed == events else { return false }
        if now < time, !advance(to: time, maxEvents: 0) { return false }
        return now == time
    }

    /// Re-simulates a live session on a fresh engine: each command carried out at its exact point, then the run taken
    /// to where the session ended. Same scenario, seed and log ⇒ the same report, byte for byte, as the live run's.
    ///
    /// - Parameters:
    ///   - configure: called on the fresh engine before anything runs (an output sink, `keepsSeries`).
    /// - Throws: one line naming the first command that cannot be placed or that the engine answers differently
    ///   (a node that does not exist, a log from another scenario).
    public static func replay(_ scenario: Scenario, commands: [SessionCommand], endTime: SimTime, endEvents: Int,
                              configure: (Engine) -> Void = { _ in }) throws(SessionLogError) -> Engine {
        let engine = Engine(scenario: scenario)
        configure(engine)
        for (index, entry) in commands.enumerated() {
            let what = "command \(index + 1) (\(SessionCommand.spelling(of: entry.command) ?? "?") at "
                + "\(entry.time) ns, event \(entry.eventsProcessed))"
            guard engine.advance(toTime: entry.time, events: entry.eventsProcessed) else {
                throw SessionLogError("\(what): the run never stands there (now \(engine.now) ns, event "
                    + "\(engine.eventsProcessed)); the log is not of this scenario and seed")
            }
            let outcome = engine.apply(entry.command)
            guard outcome.accepted == entry.accepted else {
                throw SessionLogError("\(what): " + (outcome.accepted ? "taken on replay but refused live"
                    : "refused on replay: \(outcome.message)"))
            }
        }
        guard engine.advance(toTime: endTime, events: endEvents) else {
            throw SessionLogError("the end (\(endTime) ns, event \(endEvents)) is never reached (now \(engine.now) ns, "
                + "event \(engine.eventsProcessed)); the log is not of this scenario and seed")
        }
        return engine
    }
}
