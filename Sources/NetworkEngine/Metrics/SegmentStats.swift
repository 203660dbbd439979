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
    /// Server figures (client-server) or mesh figures (peer mesh) over the segment.
    public internal(set) var serverBusyArea: Double = 0
    public internal(set) var queueArea: Double = 0
    public internal(set) var messages = 0

    init(architecture: Architecture, from: SimTime) { self.architecture = architecture; self.from = from }
}
