/// Counts, latency distribution, time-weighted server statistics and the per-second series, all O(1) per request.
///
/// Time-weighted quantities (queue length, busy workers, overload) are integrated as areas: before any change the
/// driver calls `integrate(to:)`, which adds the elapsed time × the current level.
public struct MetricsRecorder {
    public internal(set) var counts = RequestCounts()
    /// Whole-run latencies: the segments' merged (each completion is recorded once, in its segment).
    public var latencies: LatencyRecorder {
        guard segments.count > 1 else { return segments[0].latency }
        var all = LatencyRecorder()
        for seg in segments { all.add(seg.latency) }
        return all
    }
    /// One entry per architecture period; a request is counted in the segment that accepted it.
    public internal(set) var segments: [SegmentStats]

    // MARK: - Time-weighted levels
    var lastTime: SimTime = 0
    public var queueLevel = 0
    public var busyLevel = 0
    public var overloadedLevel = false
    var queueArea: Double = 0
    var busyArea: Double = 0
    var overloadNanos: SimTime = 0
    public internal(set) var maxQueue = 0
    public internal(set) var messages = 0

    // MARK: - The current second
    var secondStart = RequestCounts()
    var secondMessages = 0
    var secondSecurity = 0
    var secondQueueArea: Double = 0
    var secondBusyArea: Double = 0
    /// Latencies completed in the current second (reused each second; exact per-second p95).
    var secondLatencies: [SimTime] = []
    public internal(set) var series: [SecondSample] = []

    public internal(set) var recent = EventRing(capacity: 256)
    /// Every event since the start, kept only when asked for (`--events FILE`).
    public internal(set) var allEvents: [NetworkEvent] = []
    public var keepsAllEvents = false
    public internal(set) var securityEvents = 0

    public init(architecture: Architecture) {
        segments = [SegmentStats(architecture: architecture, from: 0, messagesAtStart: 0)]
        secondLatencies.reserveCapacity(1024)
    }

    /// The segment new requests are counted in.
    public var currentSegment: Int { segments.count - 1 }

    /// Messages sent during segment `i`.
    public func messages(inSegment i: Int) -> Int {
        (i + 1 < segments.count ? segments[i + 1].messagesAtStart : messages) - segments[i].messagesAtStart
    }

    /// Closes the current segment at `now` and opens one for `architecture`.
    public mutating func beginSegment(_ architecture: Architecture, at now: SimTime) {
        segments[currentSegment].to = now
        segments.append(SegmentStats(architecture: architecture, from: now, messagesAtStart: messages))
    }

    // MARK: - Recording

    /// Adds the areas under the current levels up to `now`.
    public mutating func integrate(to now: SimTime) {
        let dt = now - lastTime
        guard dt > 0 else { return }
        // Every level at zero (a mesh, whose server is off): each area would only add +0.0, which changes no bit of
        // it (areas start at +0.0 and never go negative), so the arithmetic is skipped.
        guard queueLevel | busyLevel != 0 || overloadedLevel else { lastTime = now; return }
        let d = Double(dt)
        queueArea += d * Double(queueLevel)
        busyArea += d * Double(busyLevel)
        secondQueueArea += d * Double(queueLevel)
        secondBusyArea += d * Double(busyLevel)
        if overloadedLevel { overloadNanos += dt }
        lastTime = now
    }

    public mutating func setQueue(_ n: Int) {
        queueLevel = n
        if n > maxQueue { maxQueue = n }
    }

    public mutating func issued(segment: Int) {
        counts.issued += 1; counts.inFlight += 1
        segments[segment].counts.issued += 1; segments[segment].counts.inFlight += 1
    }

    public mutating func message(count: Int = 1) {
        messages += count; secondMessages += count
    }

    public mutating func completed(latency: SimTime, segment: Int) {
        ended(segment: segment) { $0.completed += 1 }
        segments[segment].latency.record(latency)
        secondLatencies.append(latency)
    }

    public mutating func rejected(segment: Int) { ended(segment: segment) { $0.rejected += 1 } }
    public mutating func timedOut(segment: Int) { ended(segment: segment) { $0.timedOut += 1 } }
    public mutating func failed(segment: Int) { ended(segment: segment) { $0.failed += 1 } }
    public mutating func denied(segment: Int) { ended(segment: segment) { $0.denied += 1 } }

    /// A request left the in-flight count with the outcome `count` adds, in the run and in its segment.
    @inline(__always)
    private mutating func ended(segment: Int, _ count: (inout RequestCounts) -> Void) {
        count(&counts); counts.inFlight -= 1
        count(&segments[segment].counts); segments[segment].counts.inFlight -= 1
    }

    public mutating func record(_ event: NetworkEvent) {
        recent.append(event)
        if keepsAllEvents { allEvents.append(event) }
        if event.kind.category == .security { securityEvents += 1; secondSecurity += 1 }
    }

    /// Closes the second ending at `now` (a whole second) and appends its sample.
    public mutating func closeSecond(at now: SimTime, architecture: Architecture, nodes: Int, workers: Int) {
        integrate(to: now)
        var s = SecondSample(second: Int(now / SimTime.nanosPerSecond), architecture: architecture, nodes: nodes)
        s.issued = counts.issued - secondStart.issued
        s.completed = counts.completed - secondStart.completed
        s.rejected = counts.rejected - secondStart.rejected
        s.timedOut = counts.timedOut - secondStart.timedOut
        s.failed = counts.failed - secondStart.failed
        if !secondLatencies.isEmpty {
            var sum: Double = 0
            for l in secondLatencies { sum += Double(l) }
            s.latencyMeanMs = sum / Double(secondLatencies.count) / 1e6
            let rank = MetricsRecorder.rankIndex(0.95, count: secondLatencies.count)
            s.latencyP95Ms = Double(MetricsRecorder.select(rank, in: &secondLatencies)) / 1e6
        }
        s.queue = secondQueueArea / 1e9
        s.utilization = workers > 0 ? secondBusyArea / 1e9 / Double(workers) : 0
        s.messages = secondMessages
        s.securityEvents = secondSecurity
        series.append(s)
        secondStart = counts
        secondMessages = 0; secondSecurity = 0
        secondQueueArea = 0; secondBusyArea = 0
        secondLatencies.removeAll(keepingCapacity: true)
    }

    /// The value that would sit at `rank` if `values` were sorted (Hoare's quickselect: O(n), the exact same value
    /// a sort would give, without sorting the whole second). Reorders `values`.
    static func select(_ rank: Int, in values: inout [SimTime]) -> SimTime {
        var lo = 0, hi = values.count - 1
        while lo < hi {
            // Median of three as the pivot keeps sorted or repeated input from going quadratic.
            let mid = lo + (hi - lo) / 2
            let a = values[lo], b = values[mid], c = values[hi]
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = lo, j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if rank <= j { hi = j } else if rank >= i { lo = i } else { return values[rank] }
        }
        return values[rank]
    }

    /// The nearest-rank index of percentile `p` in a sorted array of `count` values.
    static func rankIndex(_ p: Double, count: Int) -> Int {
        Swift.min(count - 1, Swift.max(0, Int((p * Double(count)).rounded(.up)) - 1))
    }

    // MARK: - Reading

    /// Latency over the whole run, milliseconds.
    public var latency: LatencySummary { latencies.summary }

    /// The whole-run latency for display, recomputed at most once per simulated second and only when asked: a
    /// histogram walk costs about a millisecond, too much for every frame (and for every second of a long run).
    private var displayLatency = LatencySummary()
    private var displayLatencySecond = -1

    public mutating func latencyForDisplay() -> LatencySummary {
        if displayLatencySecond != series.count {
            displayLatency = latencies.summary
            displayLatencySecond = series.count
        }
        return displayLatency
    }

    /// Time-averaged queue length since the start.
    public func meanQueue(at now: SimTime) -> Double { now > 0 ? queueArea / Double(now) : 0 }
    /// Time-averaged share of busy workers since the start.
    public func utilization(at now: SimTime, workers: Int) -> Double {
        now > 0 && workers > 0 ? busyArea / Double(now) / Double(workers) : 0
    }
    public var overloadSeconds: Double { overloadNanos.inSeconds }
}
