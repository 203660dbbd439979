import NetworkEngine

/// The real-time rules of the run loop: frame rate, how long to wait for input, how far to move the engine.
///
/// Kept apart from the loop and free of clocks, so the rules are tested with plain numbers.
public struct Pacing: Sendable, Equatable {
    /// Time between frames while the simulation runs: 30 frames a second.
    public var frameNanos: UInt64 = 33_333_333
    /// Time between frames while paused and idle: the screen barely changes, so the CPU should rest.
    public var idleFrameNanos: UInt64 = 500_000_000
    /// Wall time one frame may spend advancing the engine before it gives up on catching up.
    public var budgetNanos: UInt64 = 25_000_000
    /// The most wall time one frame accounts for: after a suspend (Ctrl-Z, a laptop lid) the simulation resumes
    /// where it was instead of racing through the gap.
    public var maxStepNanos: UInt64 = 250_000_000
    /// Engine events run between two looks at the budget: small enough that a look comes every millisecond or so
    /// whatever the load, large enough that reading the clock costs nothing.
    public var eventsPerCheck: Int = 2_000

    public init() {}

    /// Simulated nanoseconds that `wallNanos` of wall time stand for at `speed`.
    public func simulatedDelta(wallNanos: UInt64, speed: Double) -> SimTime {
        let wall = min(wallNanos, maxStepNanos)
        return SimTime((Double(wall) * max(0, speed)).rounded(.down))
    }

    /// Milliseconds to wait for input before the next frame is due (0 when it is due already).
    public func inputTimeoutMs(now: UInt64, lastFrame: UInt64, paused: Bool) -> Int {
        let interval = paused ? idleFrameNanos : frameNanos
        let due = lastFrame &+ interval
        guard due > now else { return 0 }
        return Int((due - now + 999_999) / 1_000_000)
    }
}

/// The speed the engine really reached over about a second of frames, reported only when it fell behind.
struct SpeedMeter {
    private var wall: UInt64 = 0
    private var simulated: SimTime = 0
    private var behind = false
    /// The last full window's figure: nil while the engine keeps up.
    private(set) var actualSpeed: Double?

    /// Records one frame: `wall` nanoseconds passed, the engine moved `simulated`, and whether it hit the budget.
    mutating func record(wall frameWall: UInt64, simulated frameSim: SimTime, hitBudget: Bool) {
        wall &+= frameWall
        simulated += frameSim
        behind = behind || hitBudget
        guard wall >= 1_000_000_000 else { return }
        actualSpeed = behind ? Double(simulated) / Double(wall) : nil
        wall = 0; simulated = 0; behind = false
    }

    /// Forgets the window (after a speed change, a pause or a restart, the old figure means nothing).
    mutating func reset() { self = SpeedMeter() }
}
