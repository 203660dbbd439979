/// One architecture period of the run as the live view shows it: the figures of a `SegmentStats`, read from the same
/// bookkeeping the headless `segments` print, so the screen and `simulate` always agree.
public struct PhaseFigures: Sendable, Equatable {
    public var architecture: Architecture
    /// When the period began (0 for the first).
    public var from: SimTime
    /// When it ended; nil for the period in force.
    public var to: SimTime?
    /// The requests this period accepted, by outcome. A request counts in the period that accepted it even when it
    /// ends after the next switch (a request the old server still drains), as in the headless `segments`.
    public var requests = RequestCounts()
    /// Latencies of this period's completed requests (see `MetricsRecorder.phaseView()` for how fresh).
    public var latency = LatencySummary()
    /// Messages sent during the period.
    public var messages = 0

    public init(architecture: Architecture, from: SimTime, to: SimTime? = nil) {
        self.architecture = architecture; self.from = from; self.to = to
    }
}

/// The period in force and the one before it, so a switch reads as a before/after comparison.
public struct PhaseView: Sendable, Equatable {
    public var current: PhaseFigures
    /// The period the last switch closed; nil before the first switch.
    public var previous: PhaseFigures?
    /// Switches since the start (0 before the first).
    public var switches = 0

    public init(current: PhaseFigures, previous: PhaseFigures? = nil, switches: Int = 0) {
        self.current = current; self.previous = previous; self.switches = switches
    }
}

/// One node's figures since the period in force began (the last switch), for the inspector.
public struct NodePhaseFigures: Sendable, Equatable {
    /// Requests the node issued since the switch.
    public var sent = 0
    /// Requests of the node that completed since the switch (some may have been sent before it).
    public var completed = 0
    /// Mean latency of those completions, milliseconds (0 when none).
    public var meanLatencyMs = 0.0
    /// Requests a peer served for others since the switch (the server: requests it served).
    public var served = 0

    public init(sent: Int = 0, completed: Int = 0, meanLatencyMs: Double = 0, served: Int = 0) {
        self.sent = sent; self.completed = completed; self.meanLatencyMs = meanLatencyMs; self.served = served
    }
}

extension Snapshot {
    /// The period in force: the engine's, or for a snapshot that does not split the run (a model without phases),
    /// the whole run as one period.
    public var currentPhase: PhaseFigures {
        if let phases { return phases.current }
        var whole = PhaseFigures(architecture: architecture, from: 0)
        whole.requests = requests
        whole.latency = latency
        return whole
    }

    /// The period before the last switch, or nil before the first.
    public var previousPhase: PhaseFigures? { phases?.previous }
}
