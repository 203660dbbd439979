import NetworkEngine

/// Rewind and scrub for the live view: checkpoints of the run (a bounded `CheckpointShelf`), and travel to any point
/// of the history by resuming the nearest checkpoint and replaying the command log from there.
///
/// It works only through `NetworkModel`: a checkpoint is `checkpointCopy()`, a rewound run is a `Playback` (itself a
/// model), so the panes see a rewound run exactly as a live one. While rewound it holds the live model, untouched, so
/// `g` returns to it at once and an export still writes the live run; a command typed while rewound forks history:
/// the live model and the log's future are discarded and the played run goes on as the live one.
public final class TimeMachine {
    /// What a checkpoint keeps: the copy, the events it had run, and how many logged commands came before it.
    public struct Saved {
        public var model: any NetworkModel
        public var events: Int
        public var logCount: Int
    }

    /// The checkpoints of the history in force.
    public private(set) var shelf: CheckpointShelf<Saved>
    /// The live model while rewound (nil when live, and while a lab record plays before its end was ever reached).
    public private(set) var live: (any NetworkModel)?
    /// The point a played lab record ends at, until played to it (`run --replay`).
    public private(set) var recordEnd: Playback.Point?
    /// The run being shown while rewound; nil when live.
    public private(set) var playback: Playback?
    /// How many logged commands came before the point `playback` started from.
    private var playbackLogStart = 0
    /// The spacing a new run starts with.
    private let firstSpacing: SimTime

    /// The most checkpoints a rewind keeps.
    public static let capacity = 64
    /// Clients (or peers) copied in all the checkpoints together, at most: a copy costs about 800 bytes a client
    /// (`rewind_ms_10min_10k` measured ~8 MB at 10,000), so this bounds the shelf near 512 MB whatever the
    /// population: 64 checkpoints up to 10,000 clients, 6 at 100,000, only the one at t=0 from 320,000 on (a shelf
    /// of 2 thins to it), and none beyond 640,000 (a run that large cannot be rewound).
    public static let nodeCopies = 640_000
    private let maxCapacity: Int

    public init(capacity: Int = TimeMachine.capacity, spacing: SimTime = .seconds(1)) {
        shelf = CheckpointShelf(capacity: capacity, spacing: spacing)
        firstSpacing = spacing
        maxCapacity = capacity
    }

    /// True while the view shows a point behind the end of the history.
    public var isRewound: Bool { playback != nil }

    /// A new run on `model` (the start, `r`, a scenario opened): the old history's checkpoints go, the new one's
    /// first is taken here. `logCount` is the log's length now (the new run's commands come after it);
    /// `population` the clients or peers the model has (what a copy costs).
    public func started(_ model: any NetworkModel, logCount: Int, population: Int) {
        shelf.reset(spacing: firstSpacing)
        live = nil
        recordEnd = nil
        playback = nil
        take(model, logCount: logCount, population: population)
    }

    /// Plays a recorded session from its start: `fresh` is its model at t=0, `log` holds every recorded command (all
    /// of them ahead), `end` where the record ends. Returns the model to show.
    public func startRecord(_ fresh: any NetworkModel, log: CommandLog, end: Playback.Point,
                            population: Int) -> any NetworkModel {
        started(fresh, logCount: 0, population: population)
        guard let first = shelf.entries.first?.saved.model.checkpointCopy() else { return fresh }
        let played = Playback(base: first, commands: log.sessionCommands(from: 0), end: end)
        recordEnd = end
        playback = played
        playbackLogStart = 0
        return played
    }

    /// Called once a frame with the model shown: keeps a checkpoint when one is due (a copy taken between frames,
    /// never inside the event loop). A rewound session's past already has its checkpoints; a played record gets them
    /// as it plays.
    public func passed(_ model: any NetworkModel, logCount: Int, population: Int) {
        guard shelf.isDue(at: model.now) else { return }
        if let playback {
            guard live == nil, playback.diverged == nil else { return }
            take(playback.base, logCount: playbackLogStart + playback.consumed, population: population)
        } else {
            take(model, logCount: logCount, population: population)
        }
    }

    private func take(_ model: any NetworkModel, logCount: Int, population: Int) {
        // The population now (it grows with +): fewer checkpoints for a larger one, none past `nodeCopies`, so
        // memory stays bounded whatever the population.
        let nodes = max(1, population)
        guard nodes <= Self.nodeCopies else { return }
        let allowed = min(maxCapacity, max(2, Self.nodeCopies / nodes))
        if allowed != shelf.capacity { shelf.limit(to: allowed) }
        guard let copy = model.checkpointCopy() else { return }
        shelf.add(Saved(model: copy, events: model.eventsProcessed, logCount: logCount), at: model.now)
    }

    /// The end of the history: the live model's point, or a played record's end.
    private func end(of model: any NetworkModel) -> Playback.Point {
        if let live { return Playback.Point(time: live.now, events: live.eventsProcessed) }
        if let recordEnd { return recordEnd }
        return Playback.Point(time: model.now, events: model.eventsProcessed)
    }

    /// Why a travel cannot happen, in one line.
    public struct Refusal: Error, Equatable {
        public var message: String
    }

    /// Where a travel left the view.
    public enum Arrival: Equatable {
        /// At a point behind the end (the time it stands at).
        case rewound(SimTime)
        /// At the live end.
        case live
    }

    /// Takes the view to `target` (clamped to the history): `model` becomes a `Playback` standing at the last
    /// point at or before `target` (every event due by then run, every command logged by then carried out), or the
    /// live model when `target` is at or past the end.
    public func travel(to target: SimTime, model: inout any NetworkModel,
                       log: CommandLog) -> Result<Arrival, Refusal> {
        guard log.notRecorded == 0 else {
            return .failure(Refusal(message: "cannot rewind: the command log is full, so the past cannot be replayed"))
        }
        let end = end(of: model)
        if target >= end.time, recordEnd == nil || live != nil {
            backToLive(model: &model)
            return .success(.live)
        }
        let target = min(max(0, target), end.time)
        guard let checkpoint = shelf.latest(where: { $0.time <= target }) else {
            return .failure(Refusal(message: "cannot rewind: no checkpoint that early (none are kept of a model that "
                + "cannot be copied, nor beyond \(Self.nodeCopies) clients or peers)"))
        }
        let played: Playback
        if let current = playback, current.diverged == nil, current.now <= target, current.now >= checkpoint.time {
            played = current  // forward from where it stands costs less than from the checkpoint
        } else {
            guard let copy = checkpoint.saved.model.checkpointCopy() else {
                return .failure(Refusal(message: "cannot rewind: this model cannot be copied"))
            }
            played = Playback(base: copy, commands: log.sessionCommands(from: checkpoint.saved.logCount), end: end)
            playbackLogStart = checkpoint.saved.logCount
        }
        while !played.advance(to: target, maxEvents: 1 << 20) {}
        if playback == nil, recordEnd == nil { live = model }
        playback = played
        if caughtUp(model: &model) { return .success(.live) }
        model = played
        return .success(.rewound(played.now))
    }

    /// `g`: the view back at the live end (a played record: played to its end).
    public func backToLive(model: inout any NetworkModel) {
        if let live {
            model = live
        } else if let playback {
            while !playback.advance(to: .max, maxEvents: 1 << 20) {}
            model = playback.base
        }
        live = nil
        playback = nil
        recordEnd = nil
    }

    /// After a frame: true (and `model` the live one) when the played run reached the end of the history, where it
    /// stands exactly as the live model does.
    @discardableResult
    public func caughtUp(model: inout any NetworkModel) -> Bool {
        guard let playback, playback.reachedEnd else { return false }
        model = live ?? playback.base
        live = nil
        self.playback = nil
        recordEnd = nil
        return true
    }

    /// A command is about to be typed while rewound: the played run becomes the live one, and the log's future (the
    /// commands after this point) and the checkpoints taken after it are discarded.
    ///
    /// - Returns: how many logged commands were discarded.
    public func fork(model: inout any NetworkModel, log: inout CommandLog) -> Int {
        guard let playback else { return 0 }
        let kept = playbackLogStart + playback.consumed
        let discarded = max(0, log.total - kept)
        log.discard(from: kept)
        let events = playback.eventsProcessed
        shelf.removeAll { $0.saved.events > events || $0.saved.logCount > kept }
        model = playback.base
        live = nil
        recordEnd = nil
        self.playback = nil
        return discarded
    }

    /// What the view says while rewound: where the history ends and the next logged command; nil when live.
    public func status() -> RewindStatus? {
        guard let playback else { return nil }
        let end = live.map { $0.now } ?? recordEnd?.time ?? playback.now
        return RewindStatus(end: end, next: playback.next.map { RewindStatus.Next(time: $0.time, command: $0.command) },
                            record: live == nil)
    }
}

/// What the live view shows while rewound (`REWOUND to t=…` and what happens next).
public struct RewindStatus: Sendable, Equatable {
    /// A logged command still ahead.
    public struct Next: Sendable, Equatable {
        public var time: SimTime
        public var command: EngineCommand
    }

    /// Where the history ends: the live end, or the end of a played lab record.
    public var end: SimTime
    /// The next logged command, if any is ahead.
    public var next: Next?
    /// True when playing a lab record (`run --replay`) rather than a rewound live session.
    public var record: Bool
}

extension CommandLog {
    /// The commands from the `index`-th entry on, in the form a replay carries out (a restart ends a history, so
    /// none follows a checkpoint).
    public func sessionCommands(from index: Int) -> [SessionCommand] {
        guard index < entries.count else { return [] }
        return entries[max(0, index)...].compactMap { entry in
            entry.resolved.map { SessionCommand(time: entry.time, eventsProcessed: entry.eventsProcessed,
                                                command: $0, accepted: entry.accepted) }
        }
    }
}
