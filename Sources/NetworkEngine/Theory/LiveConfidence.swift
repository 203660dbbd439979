/// The live view's 95% confidence intervals (batch means, `BatchMeans`) for the measured figures that have a theory,
/// over the window since the configuration last changed (`Snapshot.confidence`).
///
/// A command (`:set`, `+`, `t`, a crash, a timeline action, a fork after a rewind) ends the steady regime the
/// batches measured, so the engine restarts them there (`MetricsRecorder.restartBatches(at:)`): the interval is of
/// the mean since `since`, to be read against the theory of the configuration in force, which changed at the same
/// moment. A rewound run's intervals are those its checkpoint held, replayed to the same point.
///
/// An interval is nil until it rests on `BatchMeans.minimumBatches` batches; one that is not yet narrow
/// (`ConfidenceInterval.isNarrow`) is given too, and the panes say "not enough data yet" for both.
public struct LiveConfidence: Sendable, Equatable {
    /// Where the window starts: t=0, or the last command accepted.
    public var since: SimTime
    /// The mean latency (ms) of the requests completed since `since`.
    public var meanLatencyMs: ConfidenceInterval?
    /// The mean hops of the DHT lookups resolved since `since` (nil without a DHT mesh in force).
    public var meanHops: ConfidenceInterval?
    /// The mean reach of the floods completed since `since` (nil without a flooding mesh in force).
    public var floodReach: ConfidenceInterval?

    public init(since: SimTime, meanLatencyMs: ConfidenceInterval?, meanHops: ConfidenceInterval? = nil,
                floodReach: ConfidenceInterval? = nil) {
        self.since = since; self.meanLatencyMs = meanLatencyMs; self.meanHops = meanHops; self.floodReach = floodReach
    }

    /// The interval when it is narrow enough to show, else nil: what the panes print as "not enough data yet".
    public static func shown(_ interval: ConfidenceInterval?) -> ConfidenceInterval? {
        interval.flatMap { $0.isNarrow ? $0 : nil }
    }
}
