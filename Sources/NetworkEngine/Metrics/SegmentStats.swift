/// The figures of one architecture period: from one toggle to the next.
///
/// A request belongs to the segment that accepted it, even when it completes after the next switch, so each
/// architecture is judged on the requests it took on.
///
/// Only the latest `MetricsRecorder.exactSegments` periods are kept one by one; older ones are folded, per
/// architecture, into one entry marked `merged` (see `MetricsRecorder.beginSegment`).
public struct SegmentStats {
    public let architecture: Architecture
    /// The start of the period; for a merged entry, of the earliest period folded into it.
    public internal(set) var from: SimTime
    /// The end of the period (nil while it runs); for a merged entry, of the latest period folded into it.
    public internal(set) var to: SimTime?
    public internal(set) var counts = RequestCounts()
    public internal(set) var latency = LatencyRecorder()
    /// The period's mesh lookups and how they ended (none under client-server).
    public internal(set) var lookups = LookupCounts()
    /// The run's message count when the segment began: a segment's messages are the difference to the next
    /// boundary, so nothing per message is kept twice.
    public let messagesAtStart: Int
    /// True for an entry that folds several older periods of one architecture together.
    public internal(set) var merged = false
    /// Periods this entry stands for: 1, or how many were folded into a merged entry.
    public internal(set) var periods = 1
    /// A merged entry's messages (its periods' boundaries are gone).
    var mergedMessages = 0

    init(architecture: Architecture, from: SimTime, messagesAtStart: Int) {
        self.architecture = architecture; self.from = from; self.messagesAtStart = messagesAtStart
    }

    /// Adds a closed period's figures (with `messages` sent during it) to this merged entry.
    mutating func fold(_ other: SegmentStats, messages: Int) {
        from = min(from, other.from)
        if let t = other.to { to = max(to ?? t, t) }
        counts.issued += other.counts.issued
        counts.completed += other.counts.completed
        counts.rejected += other.counts.rejected
        counts.timedOut += other.counts.timedOut
        counts.failed += other.counts.failed
        counts.denied += other.counts.denied
        counts.inFlight += other.counts.inFlight
        latency.add(other.latency)
        lookups.add(other.lookups)
        mergedMessages += messages
        periods += other.periods
    }
}
