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
    /// The terminal's size, which bounds the overlays' scrolling and paging; nil when unknown (nothing scrolls).
    public var screenSize: Size?

    public init(wallNanos: UInt64 = 0, activeNodes: Int, recentEvents: [NetworkEvent] = [], switches: Int? = nil,
                architecture: Architecture = .clientServer) {
        self.wallNanos = wallNanos; self.activeNodes = activeNodes; self.recentEvents = recentEvents
        self.switches = switches; self.architecture = architecture
    }

    /// The context of a frame that showed `snapshot`.
    public init(wallNanos: UInt64, snapshot: Snapshot) {
        self.init(wallNanos: wallNanos, activeNodes: snapshot.activeNodeCount, recentEvents: snapshot.recentEvents,
                  switches: snapshot.switches.count, architecture: snapshot.architecture)
    }
}
