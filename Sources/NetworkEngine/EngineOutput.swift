// MARK: - Where a run's output goes, and how much of it is kept

extension Engine {
    /// Receives each network event as it is logged and each simulated second's sample as it closes (nil: nobody).
    /// A headless run streams its `--events` file and its CSV through this instead of keeping them to the end.
    public var outputSink: (any RunOutputSink)? {
        get { ctx.metrics.sink }
        set { ctx.metrics.sink = newValue }
    }

    /// Keeps every second's sample for `report().series` (off by default: the series grows with simulated time, about
    /// 190 bytes a second; the live view reads a bounded window of it regardless).
    public var keepsSeries: Bool {
        get { ctx.metrics.keepsSeries }
        set { ctx.metrics.keepsSeries = newValue }
    }
}

extension Engine {
    /// The run's counters and series so far (for tests and reports).
    var metrics: MetricsRecorder { ctx.metrics }
}
