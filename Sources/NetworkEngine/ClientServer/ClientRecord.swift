/// One client's own statistics and its session (node id = index + 1). Whether it is up is `Liveness`'s to say.
public struct ClientRecord: Sendable {
    public var sent = 0
    public var completed = 0
    public var outstanding = 0
    public var latencySum: SimTime = 0
    /// The login epoch of this client's session with the server (0: never logged in).
    public var session: UInt32 = 0
    /// The request-table slot of this client's newest request (-1: none yet), so a snapshot of a sample of clients
    /// finds their messages in flight without scanning every request. Placed after `session` to fill its padding (the
    /// record stays 48 bytes). Read only by the live view's snapshot; results never depend on it.
    public var latestSlot: Int32 = -1
    /// When this client's last ended request failed or timed out; `SimTime.min` when its last one did not (or none
    /// has ended). Read only by the live view's snapshot (`NodeActivity.failing`); results never depend on it.
    public var lastFailureAt: SimTime = .min

    public init() {}

    /// Mean latency of this client's completed requests, milliseconds.
    public var meanLatencyMs: Double { completed > 0 ? Double(latencySum) / Double(completed) / 1e6 : 0 }
}
