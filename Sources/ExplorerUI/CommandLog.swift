import NetworkEngine

/// Something the live view did to the engine.
public enum LoggedCommand: Sendable, Equatable {
    /// A command the engine was given.
    case engine(EngineCommand)
    /// `r`: the engine thrown away and the scenario started again from t=0; later times count from there.
    case restartScenario
}

/// A command with the simulated time the engine was at when it was applied.
public struct AppliedCommand: Sendable, Equatable {
    public var time: SimTime
    public var command: LoggedCommand
    /// False when the engine refused it (nothing changed).
    public var accepted: Bool

    public init(time: SimTime, command: LoggedCommand, accepted: Bool = true) {
        self.time = time
        self.command = command
        self.accepted = accepted
    }
}

/// The commands the live view applied, in order, with their simulated times: what it takes to reproduce a run.
///
/// Bounded however long a session lasts: it keeps the first `headCapacity` commands and the last `tailCapacity`
/// (a ring), and counts those dropped in between.
public struct CommandLog: Sendable, Equatable {
    public let headCapacity: Int
    public let tailCapacity: Int
    /// The first commands, in order.
    public private(set) var head: [AppliedCommand] = []
    /// The latest commands after `head`, in a ring whose oldest entry is at `tailStart`.
    private var ring: [AppliedCommand] = []
    private var tailStart = 0
    /// Every command recorded, kept or not.
    public private(set) var total = 0

    public init(headCapacity: Int = 5, tailCapacity: Int = 10) {
        self.headCapacity = max(0, headCapacity)
        self.tailCapacity = max(0, tailCapacity)
        head.reserveCapacity(self.headCapacity)
        ring.reserveCapacity(self.tailCapacity)
    }

    /// Records `command`; once both ends are full the oldest of the tail is dropped.
    public mutating func record(_ command: AppliedCommand) {
        total += 1
        if head.count < headCapacity {
            head.append(command)
        } else if tailCapacity == 0 {
            return
        } else if ring.count < tailCapacity {
            ring.append(command)
        } else {
            ring[tailStart] = command
            tailStart = (tailStart + 1) % tailCapacity
        }
    }

    /// The latest commands after the head, oldest first.
    public var tail: [AppliedCommand] {
        Array(ring[tailStart...] + ring[..<tailStart])
    }

    /// How many commands were recorded but are no longer kept (between `head` and `tail`).
    public var omitted: Int { total - head.count - ring.count }
}
