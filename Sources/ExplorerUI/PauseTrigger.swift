import NetworkEngine

/// What `:pause-on` stops the clock at: the next event of this kind after it was set, and every one after it until
/// `:pause-on off`.
///
/// The run loop compares the model's `EventTally` before and after each event it runs (`fired(from:to:)`), so the
/// clock stops on the event itself, not a frame later.
public enum PauseTrigger: String, Sendable, Equatable, CaseIterable {
    /// A queue filled: the server's or a peer's (an `overload` event).
    case overload
    /// A password guessed (a `breach` event).
    case breach
    /// A node crashed or left (`node_down`), or a request failed.
    case failure
    /// A request lost, as the metrics' `lost` row counts it: rejected by a full queue, failed, or timed out (or lost on
    /// the wire with no timeout to notice).
    case lost

    /// What the trigger waits for, for `:pause-on`'s help and the status bar.
    public var meaning: String {
        switch self {
        case .overload: "a queue fills (server or peer)"
        case .breach: "a password is guessed"
        case .failure: "a node goes down or a request fails"
        case .lost: "a request is lost (rejected, failed or timed out)"
        }
    }

    /// Whether the tally moved in a way this trigger stops at between `before` and `after`.
    public func fired(from before: EventTally, to after: EventTally) -> Bool {
        switch self {
        case .overload: after.overloads > before.overloads
        case .breach: after.breaches > before.breaches
        case .failure: after.nodesDown > before.nodesDown || after.failedRequests > before.failedRequests
        case .lost: after.lostRequests > before.lostRequests
        }
    }

    /// The event that stopped the clock, in words for the status bar: the newest logged event of the trigger's
    /// kind when the tally says one was logged, else what the request counts say.
    public func reason(from before: EventTally, to after: EventTally, events: [NetworkEvent]) -> String {
        let kinds: [NetworkEvent.Kind]
        switch self {
        case .overload: kinds = after.overloads > before.overloads ? [.overload] : []
        case .breach: kinds = after.breaches > before.breaches ? [.breach] : []
        case .failure: kinds = after.nodesDown > before.nodesDown ? [.nodeDown] : []
        case .lost: kinds = []
        }
        if let event = events.last(where: { kinds.contains($0.kind) }) { return event.detail }
        switch self {
        case .failure:
            let n = after.failedRequests - before.failedRequests
            return "\(n) request\(n == 1 ? "" : "s") failed"
        case .lost:
            let n = after.lostRequests - before.lostRequests
            return "\(n) request\(n == 1 ? "" : "s") lost"
        case .overload, .breach:
            return rawValue
        }
    }
}
