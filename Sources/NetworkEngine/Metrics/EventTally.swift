/// Running counts of the happenings the live view can stop the clock at (`:pause-on`): cheap to read after every
/// event, where a snapshot would copy the whole picture.
public struct EventTally: Sendable, Equatable {
    /// `overload` events: the server's or a peer's queue filled.
    public var overloads = 0
    /// `breach` events: a password guessed, an account or a share broken into.
    public var breaches = 0
    /// `node_down` events: the server, a client or a peer crashed or left.
    public var nodesDown = 0
    /// Requests that failed (a crashed or missing server).
    public var failedRequests = 0
    /// Requests lost, as the metrics' `lost` row counts them (rejected by a full queue, failed, timed out), and those
    /// lost on the wire with no timeout to notice (stranded).
    public var lostRequests = 0

    public init() {}

    /// Counts `kind` if it is one of the events tallied.
    @inline(__always) mutating func count(_ kind: NetworkEvent.Kind) {
        switch kind {
        case .overload: overloads += 1
        case .breach: breaches += 1
        case .nodeDown: nodesDown += 1
        default: break
        }
    }
}
