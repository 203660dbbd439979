/// Counts, latency distribution, time-weighted server statistics and the per-second series, all O(1) per request.
///
/// Time-weighted quantities (queue length, busy workers, overload) are integrated as areas: before any change the
/// driver calls `integrate(to:)`, which adds the elapsed time × the current level.
///
/// Memory stays flat however long a run goes: the per-second series is handed to `sink` as each second closes and
/// only a window of it is kept (the whole series only when `keepsSeries` asks), events likewise, and the segments
/// are bounded (the last `exactSegments` one by one, older ones folded per architecture).
public struct MetricsRecorder {
    public internal(set) var counts = RequestCounts()
    /// Whole-run latencies: the segments' merged (each completion is recorded once, in its segment).
    public var latencies: LatencyRecorder {
        guard segments.count > 1 else { return segments[0].latency }
        var all = LatencyRecorder()
        for seg in segments { all.add(seg.latency) }
        return all
    }
    /// One entry per architecture period, oldest first; a request is counted in the segment that accepted it. The
    /// first `mergedCount` entries (at most one per architecture) fold every period older than the last
    /// `exactSegments`.
    public internal(set) var segments: [SegmentStats]
    /// Periods kept one by one. Each holds a latency histogram of about 180 KB, so 32 bound the segments near 6 MB
    /// (when every toggle kept one, memory grew with each press of `t`: docs/PERFORMANCE.md, 'Design measurements'),
    /// while any run toggled fewer than 32 times (every lesson and built-in scenario, a handful at most) keeps every
    /// period exact and its output unchanged.
    public static let exactSegments = 32
    /// Merged entries at the front of `segments` (0, 1 or 2).
    public private(set) var mergedCount = 0
    /// The number of the current period, counting from 0 at the start of the run (requests carry it, truncated to
    /// 16 bits, to find their segment when they end).
    public private(set) var currentSegment = 0
    /// Completed requests' latencies (ns) in batches, in completion order, since `batchesSince`: the confidence
    /// interval of the mean latency (`ConfidenceView`, `LiveConfidence`). Fixed memory, O(1) per completion.
    public internal(set) var latencyBatches = BatchMeans()
    /// Whether each request that ended was turned away (1, rejected) or taken (0: completed, timed out, failed), in
    /// batches since `batchesSince`: the interval of the share rejected, beside M/M/c/K's `blocking`.
    public internal(set) var blockingBatches = BatchMeans()
    /// When the batches began: t=0, or the last command accepted (`restartBatches(at:)`). A headless report shows
    /// an interval only for a run no command changed, so there this is always 0.
    public internal(set) var batchesSince: SimTime = 0
    /// Every node's counters at the last switch, for its figures since (see `NodeBaselines`).
    public internal(set) var nodeBaselines = NodeBaselines()
    /// The live view's latency summaries of the current and previous periods (see `phaseView()`).
    var phaseLatencies = PhaseLatencyCache()

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
    /// Resources and other messages sent by the server and by the peers: the bandwidth of the bill (`CostModel`).
    public internal(set) var traffic = Traffic()
    /// Requests lost with no timeout to notice (see `Engine.strand`): in flight forever, their slots freed.
    public internal(set) var stranded = 0
    /// Worker-nanoseconds the server offered up to its last change of size (`set workers`; the start before any),
    /// since the start and within the current second, and the time of that change: utilization is busy time over
    /// this plus the time since × the workers it has now (`utilization(busy:offered:)`, one formula for the run
    /// and for a second, before and after a change).
    var workerArea: (run: Double, second: Double, since: SimTime) = (0, 0, 0)

    // MARK: - The current second
    var secondStart = RequestCounts()
    var secondMessages = 0
    var secondSecurity = 0
    var secondQueueArea: Double = 0
    var secondBusyArea: Double = 0
    /// Latencies completed in the current second (reused each second; exact per-second p95).
    var secondLatencies: [SimTime] = []
    /// Every second's sample since the start, kept only when asked for (tests, small runs): `--format csv` streams
    /// the rows through `sink` instead.
    public internal(set) var series: [SecondSample] = []
    public var keepsSeries = false
    /// The latest seconds, for the live view (ten minutes: its sparklines show two at most).
    public internal(set) var recentSeries = SampleRing(capacity: 600)
    /// The whole run at 1, 10, 100 and 1000 s a bucket, fixed memory: the live view's charts at any speed.
    public internal(set) var history = SampleHistory()
    /// Seconds closed since the start.
    public internal(set) var secondsClosed = 0
    /// Times of the latest architecture switches, for the sparklines' markers (bounded like the series window).
    public internal(set) var recentSwitches: [SimTime] = []
    static let switchesKept = 256

    public internal(set) var recent = EventRing(capacity: 256)
    /// Every event since the start, kept only when asked for (tests); `--events FILE` streams them through `sink`.
    public internal(set) var allEvents: [NetworkEvent] = []
    public var keepsAllEvents = false
    public internal(set) var securityEvents = 0
    /// Overloads, breaches and crashes since the start (the request counts are filled in by `Engine.tally`).
    public internal(set) var tally = EventTally()
    /// Receives each event and each closed second as it happens (nil: nobody listens).
    public var sink: (any RunOutputSink)?

    public init(architecture: Architecture) {
        segments = [SegmentStats(architecture: architecture, from: 0, messagesAtStart: 0)]
        secondLatencies.reserveCapacity(1024)
    }

    /// Messages sent during segment `i`.
    public func messages(inSegment i: Int) -> Int {
        if segments[i].merged { return segments[i].mergedMessages }
        return (i + 1 < segments.count ? segments[i + 1].messagesAtStart : messages) - segments[i].messagesAtStart
    }

    /// Closes the current segment at `now` and opens one for `architecture`; beyond `exactSegments`, folds the
    /// oldest exact one into its architecture's merged entry.
    public mutating func beginSegment(_ architecture: Architecture, at now: SimTime) {
        segments[segments.count - 1].to = now
        segments.append(SegmentStats(architecture: architecture, from: now, messagesAtStart: messages))
        currentSegment += 1
        recentSwitches.append(now)
        if recentSwitches.count > Self.switchesKept { recentSwitches.removeFirst() }
        guard segments.count - mergedCount > Self.exactSegments else { return }
        let oldest = mergedCount
        var folded = segments[oldest]
        let sent = segments[oldest + 1].messagesAtStart - folded.messagesAtStart
        if let m = segments[..<mergedCount].firstIndex(where: { $0.architecture == folded.architecture }) {
            segments[m].fold(folded, messages: sent)
            segments.remove(at: oldest)
        } else {
            folded.merged = true
            folded.mergedMessages = sent
            segments[oldest] = folded
            mergedCount += 1
        }
    }

    /// The index in `segments` of the period numbered `tag` (a request's truncated segment number), which ran
    /// `architecture`: its exact entry while kept, else its architecture's merged entry. (A request outliving 65,536
    /// switches would be misfiled; nothing lives that long.)
    @inline(__always) public func segmentIndex(tag: UInt16, architecture: Architecture) -> Int {
        let back = Int(UInt16(truncatingIfNeeded: currentSegment) &- tag)
        if back < segments.count - mergedCount { return segments.count - 1 - back }
        return segments[..<mergedCount].firstIndex { $0.architecture == architecture } ?? 0
    }

    /// `segmentIndex` for the outcomes: the common case (the request ends in the period that accepted it) inline,
    /// the rest out of line. Mutating, so the recorder is passed by address: a non-mutating out-of-line call copied
    /// the whole recorder onto the stack on every request (callgrind: a memcpy per outcome).
    @inline(__always) private mutating func resolve(_ tag: UInt16, _ architecture: Architecture) -> Int {
        tag == UInt16(truncatingIfNeeded: currentSegment) ? segments.count - 1 : resolveOlder(tag, architecture)
    }

    @inline(never) private mutating func resolveOlder(_ tag: UInt16, _ architecture: Architecture) -> Int {
        segmentIndex(tag: tag, architecture: architecture)
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

    /// A request was issued in period `segment`, the current one (`currentSegment`): counted in the last entry.
    public mutating func issued(segment: Int) {
        assert(segment == currentSegment, "requests are issued in the current period")
        let segment = segments.count - 1
        counts.issued += 1; counts.inFlight += 1
        segments[segment].counts.issued += 1; segments[segment].counts.inFlight += 1
    }

    /// A command changed the configuration: the steady regime the batches measured is over, so they start again
    /// (a mean across two regimes estimates neither, and its interval would be read against the new theory).
    public mutating func restartBatches(at now: SimTime) {
        latencyBatches.restart()
        blockingBatches.restart()
        batchesSince = now
    }

    public mutating func message(count: Int = 1) {
        messages += count; secondMessages += count
    }

    // The outcomes take the request's segment number (truncated) and architecture, resolved by `segmentIndex`
    // here, inside a mutating call: resolved by the engine through a getter, the whole recorder was copied.
    public mutating func completed(latency: SimTime, segment tag: UInt16, _ architecture: Architecture) {
        let segment = resolve(tag, architecture)
        ended(segment: segment) { $0.completed += 1 }
        segments[segment].latency.record(latency)
        latencyBatches.add(Double(latency))
        blockingBatches.add(0)
        secondLatencies.append(latency)
    }

    public mutating func rejected(segment tag: UInt16, _ architecture: Architecture) {
        ended(segment: resolve(tag, architecture)) { $0.rejected += 1 }
        blockingBatches.add(1)
    }
    public mutating func timedOut(segment tag: UInt16, _ architecture: Architecture) {
        ended(segment: resolve(tag, architecture)) { $0.timedOut += 1 }
        blockingBatches.add(0)
    }
    public mutating func failed(segment tag: UInt16, _ architecture: Architecture) {
        ended(segment: resolve(tag, architecture)) { $0.failed += 1 }
        blockingBatches.add(0)
    }
    public mutating func denied(segment tag: UInt16, _ architecture: Architecture) {
        ended(segment: resolve(tag, architecture)) { $0.denied += 1 }
    }

    /// A request left the in-flight count with the outcome `count` adds, in the run and in its segment.
    @inline(__always)
    private mutating func ended(segment: Int, _ count: (inout RequestCounts) -> Void) {
        count(&counts); counts.inFlight -= 1
        count(&segments[segment].counts); segments[segment].counts.inFlight -= 1
    }

    public mutating func record(_ event: NetworkEvent) {
        recent.append(event)
        if keepsAllEvents { allEvents.append(event) }
        sink?.record(event)
        if event.kind.category == .security { securityEvents += 1; secondSecurity += 1 }
        tally.count(event.kind)
    }

    /// Closes the second ending at `now` (a whole second) and appends its sample; `peerWaiting` is what waits at the
    /// mesh's peers now (0 without a mesh).
    public mutating func closeSecond(at now: SimTime, architecture: Architecture, nodes: Int, workers: Int,
                                     peerWaiting: Int = 0, completeShare: Double? = nil) {
        integrate(to: now)
        var s = SecondSample(second: Int(now / SimTime.nanosPerSecond), architecture: architecture, nodes: nodes)
        s.issued = counts.issued - secondStart.issued
        s.completed = counts.completed - secondStart.completed
        s.rejected = counts.rejected - secondStart.rejected
        s.timedOut = counts.timedOut - secondStart.timedOut
        s.failed = counts.failed - secondStart.failed
        s.denied = counts.denied - secondStart.denied
        if !secondLatencies.isEmpty {
            var sum: Double = 0
            for l in secondLatencies { sum += Double(l) }
            s.latencyMeanMs = sum / Double(secondLatencies.count) / 1e6
            let rank = MetricsRecorder.rankIndex(0.95, count: secondLatencies.count)
            s.latencyP95Ms = Double(MetricsRecorder.select(rank, in: &secondLatencies)) / 1e6
        }
        s.queue = secondQueueArea / 1e9
        s.peerQueue = Double(peerWaiting)
        let since = max(workerArea.since, now - SimTime.nanosPerSecond)
        s.utilization = Self.utilization(busy: secondBusyArea,
                                         offered: workerArea.second + Double(now - since) * Double(workers))
        workerArea.second = 0
        s.messages = secondMessages
        s.securityEvents = secondSecurity
        s.completeShare = completeShare
        if keepsSeries { series.append(s) }
        recentSeries.append(s)
        history.append(s)
        secondsClosed += 1
        sink?.record(s)
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
        if displayLatencySecond != secondsClosed {
            displayLatency = latencies.summary
            displayLatencySecond = secondsClosed
        }
        return displayLatency
    }

    /// Time-averaged queue length since the start.
    public func meanQueue(at now: SimTime) -> Double { now > 0 ? queueArea / Double(now) : 0 }
    /// Time-averaged share of busy workers since the start.
    public func utilization(at now: SimTime, workers: Int) -> Double {
        Self.utilization(busy: busyArea, offered: workerArea.run + Double(now - workerArea.since) * Double(workers))
    }

    /// Utilization: busy worker-time over the worker-time the server offered (0 when it offered none). Workers
    /// removed while busy finish their request past the change and are no longer offered: their few milliseconds
    /// can lift the share a hair above 1 where the server was in fact full, so it stops at 1.
    static func utilization(busy: Double, offered: Double) -> Double { offered > 0 ? min(1, busy / offered) : 0 }

    /// The server had `old` workers until `now` (a `set workers`): utilization divides by the worker-time it had.
    mutating func workersChanged(from old: Int, at now: SimTime) {
        let since = workerArea.since
        let secondStart = now - now % SimTime.nanosPerSecond
        let inSecond = Double(now - max(since, secondStart)) * Double(old)
        let run = workerArea.run + Double(now - since) * Double(old)
        let second = (since >= secondStart ? workerArea.second : 0) + inSecond
        workerArea = (run, second, now)
    }
    public var overloadSeconds: Double { overloadNanos.inSeconds }
}
