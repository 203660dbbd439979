/// One client's state and its own statistics (node id = index + 1).
public struct ClientRecord: Sendable {
    public var up = true
    public var sent = 0
    public var completed = 0
    public var outstanding = 0
    public var latencySum: SimTime = 0
    /// Identifies the node's current churn chain, so a stale departure of an earlier membership is ignored.
    public var churnToken: UInt32 = 0
    /// The login epoch of this client's session with the server (0: never logged in).
    public var session: UInt32 = 0

    public init() {}

    /// Mean latency of this client's completed requests, milliseconds.
    public var meanLatencyMs: Double { completed > 0 ? Double(latencySum) / Double(completed) / 1e6 : 0 }
}
