/// The 95% confidence intervals of the measured figures that have a theory (`confidence` in `simulate --format
/// json`, beside `theory`): batch means (`BatchMeans`), so a reader can tell a measurement that misses its theory
/// from one that is merely noisy.
///
/// A figure's interval is nil ("not enough data yet") with fewer than `BatchMeans.minimumBatches` batches, when the
/// half-width exceeds `ConfidenceInterval.maxRelativeHalfWidth` of the mean, and when the run is not one steady
/// regime (changed mid-way, switched architecture, or a file distribution): batch means assume a stationary stream.
public struct ConfidenceView: Sendable, Equatable {
    /// The mean latency of completed requests, ms (the measured `latency_ms.mean` is the mean of every completed
    /// request; the interval's centre, the mean of the complete batches, leaves out the batch in progress).
    public var meanLatencyMs: ConfidenceInterval?

    public init(meanLatencyMs: ConfidenceInterval?) { self.meanLatencyMs = meanLatencyMs }

    /// The intervals of a run whose completed requests' latencies (ns) are `latencies`; `steady` false for a run
    /// that changed mid-way.
    public init(latencies: BatchMeans, steady: Bool) {
        let interval = steady ? latencies.interval95?.scaled(by: 1e-6) : nil
        meanLatencyMs = interval.flatMap { $0.isNarrow ? $0 : nil }
    }

    /// The confidence level of every interval here.
    public static let level = 0.95

    /// `{ "level": 0.95, "mean_latency_ms": { "low", "high", "batches", "batch_size" } or null }`.
    public var json: JSONValue {
        .object([
            ("level", .rounded(Self.level, 2)),
            ("mean_latency_ms", meanLatencyMs.map(Self.json) ?? .null),
        ])
    }

    static func json(_ c: ConfidenceInterval) -> JSONValue {
        .object([
            ("low", .rounded(c.low, 3)), ("high", .rounded(c.high, 3)),
            ("batches", .int(c.batches)), ("batch_size", .int(c.batchSize)),
        ])
    }
}
