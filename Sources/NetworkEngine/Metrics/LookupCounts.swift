/// How a peer mesh's lookups ended: the stability figures (`mesh.lookups`, `lookups_failed`, `lookups_timed_out`,
/// `lookup_failure_share` in the JSON, per architecture period in its `segments` and for the whole run).
///
/// A lookup is one attempt of a mesh request to find a holder of its resource (a retry is a new lookup; a requester
/// holding a replica itself resolves its lookup at once). It resolves, fails, or times out; the rest are still under
/// way, or their requester crashed first.
public struct LookupCounts: Sendable, Equatable {
    /// Lookups started.
    public internal(set) var started = 0
    /// Lookups that ended knowing no holder could be had: a DHT lookup reached its key's owner and no replica there
    /// is online (every copy down, or not seeded yet); a flood died out (its TTL spent) with no hit.
    public internal(set) var failed = 0
    /// Lookups the requester's timeout ended while they were still under way: lost at a departed peer that routing
    /// still used (until the next `mesh.stabilize` fix-up), or a message lost on the wire. With no timeout
    /// (`workload.timeout: 0`) nothing ends a lost lookup, and none is counted.
    public internal(set) var timedOut = 0

    public init() {}

    /// (failed + timed out) / started; nil with no lookup.
    public var failureShare: Double? {
        started > 0 ? Double(failed + timedOut) / Double(started) : nil
    }

    mutating func add(_ other: LookupCounts) {
        started += other.started
        failed += other.failed
        timedOut += other.timedOut
    }
}

extension MetricsRecorder {
    /// Counted in the period that accepted the request, as its outcome is.
    @inline(__always) mutating func lookupStarted(segment tag: UInt16, _ architecture: Architecture) {
        segments[segmentIndex(tag: tag, architecture: architecture)].lookups.started += 1
    }

    mutating func lookupFailed(segment tag: UInt16, _ architecture: Architecture) {
        segments[segmentIndex(tag: tag, architecture: architecture)].lookups.failed += 1
    }

    mutating func lookupTimedOut(segment tag: UInt16, _ architecture: Architecture) {
        segments[segmentIndex(tag: tag, architecture: architecture)].lookups.timedOut += 1
    }

    /// The whole run's lookups: every period's, merged ones included.
    public var lookups: LookupCounts {
        segments.reduce(into: LookupCounts()) { $0.add($1.lookups) }
    }
}

extension EngineContext {
    /// The requester's timer ended request `ref`'s attempt: if its lookup was still under way, the lookup timed out.
    @inline(__always) mutating func attemptTimedOut(_ ref: RequestRef) {
        guard requests[ref].lookingUp else { return }
        requests[ref].lookingUp = false
        metrics.lookupTimedOut(segment: requests[ref].segment, requests[ref].architecture)
    }
}
