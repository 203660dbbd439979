/// The figures of one architecture period: from one toggle to the next.
///
/// A request belongs to the segment that accepted it, even when it completes after the next switch, so each
/// architecture is judged on the requests it took on.
public struct SegmentStats {
    public let architecture: Architecture
    public let from: SimTime
    public internal(set) var to: SimTime?
    public internal(set) var counts = RequestCounts()
    public internal(set) var latency = LatencyRecorder()
    /// The run's message count when the segment began: a segment's messages are the difference to the next
    /// boundary, so nothing per message is kept twice.
    public let messagesAtStart: Int

    init(architecture: Architecture, from: SimTime, messagesAtStart: Int) {
        self.architecture = architecture; self.from = from; self.messagesAtStart = messagesAtStart
    }
}
