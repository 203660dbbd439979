import NetworkEngine

/// A run played back from a point of its past: a copy of the model that, as it advances, carries out the logged
/// commands at the exact points they were applied (time and events run), up to where the history ends.
///
/// It is itself a `NetworkModel`, so the live view shows, steps, pauses and paces a rewound run exactly as a live
/// one: rewinding goes through the model seam, not around it. It never runs past `end` (the live end, or the end of a
/// lab record): there `reachedEnd` turns true and the owner (`TimeMachine`) hands over.
public final class Playback: NetworkModel {
    /// A point of a run: the clock and the events run.
    public struct Point: Sendable, Equatable {
        public var time: SimTime
        public var events: Int
        public init(time: SimTime, events: Int) { self.time = time; self.events = events }
    }

    /// The copy being played.
    public private(set) var base: any NetworkModel
    /// The logged commands still ahead, in order.
    private let pending: [SessionCommand]
    /// How many of `pending` have been carried out.
    public private(set) var consumed = 0
    /// Where the history ends; nil plays on freely once the commands are spent.
    public let end: Point?
    /// True once the run stands at `end`: it advances no further.
    public private(set) var reachedEnd = false
    /// False once the end no longer applies (a command typed, a log that diverged): the run then plays on freely.
    private var stopsAtEnd: Bool
    /// Set when the run did not reach a command's point (a log of another run): the rest is then dropped.
    public private(set) var diverged: String?

    /// Plays `base` on from where it stands, carrying out `commands` (all at or after that point) and stopping at `end`.
    public init(base: any NetworkModel, commands: [SessionCommand], end: Point?) {
        self.base = base
        pending = commands
        self.end = end
        stopsAtEnd = end != nil
        settle()
    }

    /// The next logged command, if any is left.
    public var next: SessionCommand? { consumed < pending.count ? pending[consumed] : nil }

    /// The commands not yet carried out.
    public var remaining: Int { pending.count - consumed }

    /// Where the run must stop next: the next command's point, else the end.
    private var nextStop: Point? {
        if let next { return Point(time: next.time, events: next.eventsProcessed) }
        return stopsAtEnd && !reachedEnd ? end : nil
    }

    /// Carries out whatever stands due exactly here: the commands at this point, then the end.
    private func settle() {
        while let stop = nextStop, base.eventsProcessed == stop.events, base.now == stop.time {
            arrive()
        }
    }

    /// At the next stop: carry out its command, or mark the end.
    private func arrive() {
        if let next {
            _ = base.apply(next.command)
            consumed += 1
        } else {
            reachedEnd = true
        }
    }

    /// The rest of the log is not of this run: play on without it.
    private func diverge(_ why: String) {
        diverged = why
        consumed = pending.count
        stopsAtEnd = false
    }

    // MARK: - NetworkModel

    public var now: SimTime { base.now }
    public var eventsProcessed: Int { base.eventsProcessed }
    public var tally: EventTally { base.tally }

    /// A command typed into a played-back run (the owner forks first, so this only serves a bare playback): the
    /// logged future no longer applies.
    public func apply(_ command: EngineCommand) -> CommandOutcome {
        consumed = pending.count
        stopsAtEnd = false
        reachedEnd = false
        return base.apply(command)
    }

    /// Like the base's, but never past the next command's point: there the command is carried out and the run goes
    /// on; at `end` it stops and reports `time` reached, so a frame's loop ends (the owner then hands over).
    @discardableResult
    public func advance(to time: SimTime, maxEvents: Int) -> Bool {
        var budget = maxEvents
        while true {
            if reachedEnd { return true }
            guard let stop = nextStop, stop.time <= time else { return base.advance(to: time, maxEvents: budget) }
            let owed = stop.events - base.eventsProcessed
            if owed < 0 {
                diverge("the run passed a logged command's point")
                continue
            }
            if owed > 0 {
                let before = base.eventsProcessed
                let reached = base.advance(to: stop.time, maxEvents: min(budget, owed))
                budget -= base.eventsProcessed - before
                if base.eventsProcessed < stop.events {
                    if reached { diverge("fewer events than logged before a command") ; continue }
                    return false  // the budget ran out on the way
                }
            }
            if base.now < stop.time, !base.advance(to: stop.time, maxEvents: 0) {
                diverge("an event the log did not run came before a command")
                continue
            }
            arrive()
            settle()
        }
    }

    /// One event, after carrying out the commands logged before it.
    public func stepDescribed() -> String? {
        guard prepareStep() else { return nil }
        let what = base.stepDescribed()
        settle()
        return what
    }

    @discardableResult
    public func step() -> Bool {
        guard prepareStep() else { return false }
        let ran = base.step()
        settle()
        return ran
    }

    /// Brings the run to a command due before the next event (its clock moved there) and carries it out; false at
    /// the end.
    private func prepareStep() -> Bool {
        if reachedEnd { return false }
        if let stop = nextStop, base.eventsProcessed == stop.events, base.now < stop.time {
            if base.advance(to: stop.time, maxEvents: 0) { settle() } else { diverge("an event came before a command") }
        }
        return !reachedEnd
    }

    public func snapshot(_ request: SnapshotRequest) -> Snapshot { base.snapshot(request) }
    public func report() -> RunReport { base.report() }
    public func restarted() -> any NetworkModel { base.restarted() }
    public func resolved(_ command: EngineCommand) -> EngineCommand { base.resolved(command) }

    /// A copy of the played run with the same future ahead.
    public func checkpointCopy() -> (any NetworkModel)? {
        guard let copy = base.checkpointCopy() else { return nil }
        return Playback(base: copy, commands: Array(pending[consumed...]), end: stopsAtEnd ? end : nil)
    }
}
