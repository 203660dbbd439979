import Histogram

/// Latencies of completed requests: exact mean and max, percentiles from an HdrHistogram (3 significant digits, so
/// within 0.1%), O(1) per request.
public struct LatencyRecorder {
    var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    var sumNanos: Double = 0
    var maxNanos: SimTime = 0
    public private(set) var count = 0

    public init() {}

    mutating func record(_ latency: SimTime) {
        count += 1
        sumNanos += Double(latency)
        if latency > maxNanos { maxNanos = latency }
        // Microseconds: the histogram's range (1 µs … 1 h) covers every latency a scenario can produce.
        _ = histogram.record(UInt64(max(0, latency) / 1000))
    }

    /// Adds another recorder's latencies (same histogram layout: the merge is lossless; sums of whole nanoseconds
    /// stay exact in a Double up to 2^53 ns, so a merged mean equals the one recorded in one piece).
    mutating func add(_ other: LatencyRecorder) {
        histogram.add(other.histogram)
        sumNanos += other.sumNanos
        maxNanos = max(maxNanos, other.maxNanos)
        count += other.count
    }

    /// The summary in milliseconds.
    public var summary: LatencySummary {
        var l = LatencySummary()
        guard count > 0 else { return l }
        l.mean = sumNanos / Double(count) / 1e6
        l.p50 = Double(histogram.valueAtPercentile(50)) / 1e3
        l.p95 = Double(histogram.valueAtPercentile(95)) / 1e3
        l.p99 = Double(histogram.valueAtPercentile(99)) / 1e3
        l.max = Double(maxNanos) / 1e6
        return l
    }
}
