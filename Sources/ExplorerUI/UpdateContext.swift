import NetworkEngine
import TerminalCanvas

/// What `update` may know about the world besides the app state: the wall time and the last frame's network.
public struct UpdateContext: Sendable {
    /// The run loop's clock, nanoseconds: when status messages expire.
    public var wallNanos: UInt64
    /// Clients (or peers) active in the last snapshot: what `+`, `-`, `f` and selection are sized from.
    public var activeNodes: Int
    /// The last snapshot's recent events, oldest first: bounds the event log's scrolling.
    public var recentEvents: [NetworkEvent]
    /// Architecture switches since the start (`snapshot.switches.count`); nil when unknown, which flashes nothing.
    public var switches: Int?
    /// The architecture now.
    public var architecture: Architecture
    /// The last frame's snapshot and the screen's size: what a click is matched against (nil: clicks do nothing).
    public var snapshot: Snapshot?
    public var screenSize: Size?

    public init(wallNanos: UInt64 = 0, activeNodes: Int, recentEvents: [NetworkEvent] = [], switches: Int? = nil,
                architecture: Architecture = .clientServer) {
        self.wallNanos = wallNanos; self.activeNodes = activeNodes; self.recentEvents = recentEvents
        self.switches = switches; self.architecture = architecture
    }

    /// The context of a frame that showed `snapshot` on a screen of `screenSize`.
    public init(wallNanos: UInt64, snapshot: Snapshot, screenSize: Size? = nil) {
        self.init(wallNanos: wallNanos, activeNodes: snapshot.activeNodeCount, recentEvents: snapshot.recentEvents,
                  switches: snapshot.switches.count, architecture: snapshot.architecture)
        self.snapshot = snapshot
        self.screenSize = screenSize
    }
}
