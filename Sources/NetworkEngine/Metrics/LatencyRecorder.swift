import Histogram

/// Latencies of completed requests: exact mean and max, percentiles from an HdrHistogram (3 significant digits, so
/// within 0.1%), O(1) per request.
public struct LatencyRecorder {
    /// The histogram's top, in microseconds: one hour. A latency beyond it (possible with no timeout and a queue that
    /// only grows) is recorded at one hour and counted in `clamped`, so it still weighs in the percentiles (which then
    /// read "at least one hour") instead of vanishing from them.
    static let highestMicros: UInt64 = 3_600_000_000
    var histogram = Histogram<UInt64>(highestTrackableValue: highestMicros, numberOfSignificantValueDigits: .three)
    var sumNanos: Double = 0
    var maxNanos: SimTime = 0
    public private(set) var count = 0
    /// Latencies beyond the histogram's range, recorded at its top (the mean and max stay exact).
    public private(set) var clamped = 0

    public init() {}

    mutating func record(_ latency: SimTime) {
        count += 1
        sumNanos += Double(latency)
        if latency > maxNanos { maxNanos = latency }
        let micros = UInt64(max(0, latency) / 1000)
        if micros > Self.highestMicros {
            clamped += 1
            _ = histogram.record(Self.highestMicros)
        } else {
            _ = histogram.record(micros)
        }
    }

    /// Adds another recorder's latencies (same histogram layout: the merge is lossless; sums of whole nanoseconds
    /// stay exact in a Double up to 2^53 ns, so a merged mean equals the one recorded in one piece).
    mutating func add(_ other: LatencyRecorder) {
        histogram.add(other.histogram)
        sumNanos += other.sumNanos
        maxNanos = max(maxNanos, other.maxNanos)
        count += other.count
        clamped += other.clamped
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
        l.clamped = clamped
        return l
    }
}
