import NetworkEngine

/// Something the live view did to the engine.
public enum LoggedCommand: Sendable, Equatable {
    /// A command the engine was given.
    case engine(EngineCommand)
    /// `r`: the engine thrown away and the scenario started again from t=0; later times count from there.
    case restartScenario
}

/// A command with the point of the run the engine stood at when it was applied.
public struct AppliedCommand: Sendable, Equatable {
    public var time: SimTime
    public var command: LoggedCommand
    /// False when the engine refused it (nothing changed).
    public var accepted: Bool
    /// The engine's events run before it: with `time`, the exact point to apply it at again.
    public var eventsProcessed: Int
    /// What the command did (`NetworkModel.resolved(_:)`: a toggle as the crash, restart or switch it made), which a
    /// replay carries out; nil for a restart.
    public var resolved: EngineCommand?

    public init(time: SimTime, command: LoggedCommand, accepted: Bool = true, eventsProcessed: Int = 0,
                resolved: EngineCommand? = nil) {
        self.time = time
        self.command = command
        self.accepted = accepted
        self.eventsProcessed = eventsProcessed
        if resolved == nil, case .engine(let given) = command { self.resolved = given } else { self.resolved = resolved }
    }
}

/// Every command the live view applied, in order, with the point of the run each was applied at: with the scenario
/// and the seed, what it takes to replay the session (`Engine.replay`) and to export it as a lab record.
///
/// Commands are typed by a person, so all of them are kept, up to `capacity` (100,000 by default: about 6 MB, more
/// than a day of a key a second); past it `record` refuses and says so, and the session can no longer be exported
/// whole. The crash screen shows only the first `headCapacity` and the last `tailCapacity`, so it stays one screen.
public struct CommandLog: Sendable, Equatable {
    public let headCapacity: Int
    public let tailCapacity: Int
    /// The most commands kept.
    public let capacity: Int
    /// Every command recorded, in order.
    public private(set) var entries: [AppliedCommand] = []
    /// Commands applied but refused by a full log: a log with any cannot replay its session.
    public private(set) var notRecorded = 0

    /// The default `capacity`.
    public static let defaultCapacity = 100_000

    public init(headCapacity: Int = 5, tailCapacity: Int = 10, capacity: Int = CommandLog.defaultCapacity) {
        self.headCapacity = max(0, headCapacity)
        self.tailCapacity = max(0, tailCapacity)
        self.capacity = max(0, capacity)
    }

    /// Records `command`; false (and nothing recorded) once `capacity` commands are kept.
    @discardableResult
    public mutating func record(_ command: AppliedCommand) -> Bool {
        guard entries.count < capacity else { notRecorded += 1; return false }
        entries.append(command)
        return true
    }

    /// True once `record` refuses.
    public var isFull: Bool { entries.count >= capacity }

    /// Discards every command from the `count`-th on: a rewound session forked there, and that future is gone.
    public mutating func discard(from count: Int) {
        guard count >= 0, count < entries.count else { return }
        entries.removeLast(entries.count - count)
    }

    /// Every command recorded.
    public var total: Int { entries.count }

    /// The first commands, in order (the crash screen's top).
    public var head: [AppliedCommand] { Array(entries.prefix(headCapacity)) }

    /// The latest commands after the head, oldest first (the crash screen's bottom).
    public var tail: [AppliedCommand] {
        Array(entries.dropFirst(headCapacity).suffix(tailCapacity))
    }

    /// How many commands the crash screen leaves out (between `head` and `tail`).
    public var omitted: Int { total - head.count - tail.count }

    /// The commands of the history in force: those after the last restart (`r` starts the run again from t=0), in
    /// the form a replay carries out.
    public var currentHistory: [SessionCommand] {
        let start = (entries.lastIndex { $0.command == .restartScenario }).map { $0 + 1 } ?? 0
        return entries[start...].compactMap { entry in
            entry.resolved.map { SessionCommand(time: entry.time, eventsProcessed: entry.eventsProcessed,
                                                command: $0, accepted: entry.accepted) }
        }
    }
}
