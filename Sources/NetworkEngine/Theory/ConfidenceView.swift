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
    /// The mean hops of a DHT lookup (`mesh.mean_hops`), over the lookups resolved; nil without a DHT mesh.
    public var meanHops: ConfidenceInterval?
    /// The mean reach of a flood (`mesh.mean_reach`), over the floods completed; nil without a flooding mesh.
    public var floodReach: ConfidenceInterval?
    /// The share of requests turned away (rejected over those that ended), beside M/M/c/K's `blocking`.
    public var blocking: ConfidenceInterval?

    public init(meanLatencyMs: ConfidenceInterval?, meanHops: ConfidenceInterval? = nil,
                floodReach: ConfidenceInterval? = nil, blocking: ConfidenceInterval? = nil) {
        self.meanLatencyMs = meanLatencyMs
        self.meanHops = meanHops
        self.floodReach = floodReach
        self.blocking = blocking
    }

    /// The intervals of a run whose completed requests' latencies (ns) are `latencies` and whose DHT lookups' hops
    /// are `hops` (nil without a DHT mesh); `steady` false for a run that changed mid-way.
    public init(latencies: BatchMeans, hops: BatchMeans? = nil, reach: BatchMeans? = nil, blocked: BatchMeans? = nil,
                steady: Bool) {
        func shown(_ c: ConfidenceInterval?) -> ConfidenceInterval? { c.flatMap { steady && $0.isNarrow ? $0 : nil } }
        meanLatencyMs = shown(latencies.interval95?.scaled(by: 1e-6))
        meanHops = shown(hops?.interval95)
        floodReach = shown(reach?.interval95)
        // With nothing turned away the share is exactly 0: an interval of 0–0 would say nothing.
        blocking = shown(blocked?.interval95).flatMap { $0.mean > 0 ? $0 : nil }
    }

    /// The confidence level of every interval here.
    public static let level = 0.95

    /// `{ "level": 0.95, "mean_latency_ms": { "low", "high", "batches", "batch_size" } or null, "mean_hops": ... }`.
    public var json: JSONValue {
        .object([
            ("level", .rounded(Self.level, 2)),
            ("mean_latency_ms", meanLatencyMs.map(Self.json) ?? .null),
            ("mean_hops", meanHops.map(Self.json) ?? .null),
            ("flood_reach", floodReach.map(Self.json) ?? .null),
            ("blocking", blocking.map(Self.json) ?? .null),
        ])
    }

    static func json(_ c: ConfidenceInterval) -> JSONValue {
        .object([
            ("low", .rounded(c.low, 3)), ("high", .rounded(c.high, 3)),
            ("batches", .int(c.batches)), ("batch_size", .int(c.batchSize)),
        ])
    }
}
