/// Per-second samples folded into one sample that covers several seconds, exactly: what a history bucket and a
/// chart column hold.
///
/// Counts are summed; the queues and utilization (levels) are averaged over the seconds covered, each
/// second weighing the same; the mean latency is weighted by completions. The 95th percentile of a fold is the
/// largest of its parts' 95th percentiles: an upper bound of the true one (if at most 5% of each part's latencies lie
/// above its p95, at most 5% of all lie above the largest), so a spike is never averaged away.
public struct SampleAccumulator: Sendable, Equatable {
    /// Seconds added so far (a bucket's `SecondSample.seconds` count as that many).
    public private(set) var seconds = 0
    var issued = 0, completed = 0, rejected = 0, timedOut = 0, failed = 0, denied = 0
    var messages = 0, securityEvents = 0
    /// Σ latency mean × completions, ms: the mean is this over `completed`.
    var latencySum = 0.0
    var latencyP95Max = 0.0
    /// Σ queue × seconds and Σ utilization × seconds: the means are these over `seconds`.
    var queueSum = 0.0, utilizationSum = 0.0
    /// Σ peer queue × seconds: a level, averaged like the queue.
    var peerQueueSum = 0.0
    /// The newest sample's second, architecture and population: what the fold reports as its own.
    var newest: SecondSample?

    public init() {}

    /// True when nothing was added since the start or the last `reset()`.
    public var isEmpty: Bool { seconds == 0 }

    /// Adds a sample (one second, or a fold of `s.seconds` seconds), newer than any added before.
    public mutating func add(_ s: SecondSample) {
        let n = Swift.max(1, s.seconds)
        seconds += n
        issued += s.issued; completed += s.completed; rejected += s.rejected
        timedOut += s.timedOut; failed += s.failed; denied += s.denied
        messages += s.messages; securityEvents += s.securityEvents
        latencySum += s.latencyMeanMs * Double(s.completed)
        if s.completed > 0 { latencyP95Max = Swift.max(latencyP95Max, s.latencyP95Ms) }
        queueSum += s.queue * Double(n)
        peerQueueSum += s.peerQueue * Double(n)
        utilizationSum += s.utilization * Double(n)
        newest = s
    }

    /// The fold as one sample ending at `second` (the newest sample's second when nil); nil when empty.
    public func sample(endingAt second: Int? = nil) -> SecondSample? {
        guard let newest, seconds > 0 else { return nil }
        var s = SecondSample(second: second ?? newest.second, architecture: newest.architecture, nodes: newest.nodes)
        s.seconds = seconds
        s.issued = issued; s.completed = completed; s.rejected = rejected
        s.timedOut = timedOut; s.failed = failed; s.denied = denied
        s.messages = messages; s.securityEvents = securityEvents
        s.latencyMeanMs = completed > 0 ? latencySum / Double(completed) : 0
        s.latencyP95Ms = completed > 0 ? latencyP95Max : 0
        s.queue = queueSum / Double(seconds)
        s.peerQueue = peerQueueSum / Double(seconds)
        s.utilization = utilizationSum / Double(seconds)
        // A level that only grows: the fold's is its newest second's.
        s.completeShare = newest.completeShare
        return s
    }

    /// Empties the fold, keeping nothing.
    public mutating func reset() { self = SampleAccumulator() }

    /// `samples` (oldest first, each a second or a fold whose width divides `secondsPerColumn`) folded into columns of
    /// `secondsPerColumn` seconds aligned on its multiples: column `k` holds the samples ending in `k·C+1 ... (k+1)·C`
    /// and reports `second == (k+1)·C`. Samples ending after `endingBy` are left out (the column still filling), and
    /// so is a first column whose oldest samples are missing (it would show a part as the whole).
    public static func columns<S: Sequence<SecondSample>>(of samples: S, secondsPerColumn: Int,
                                                          endingBy newestEnd: Int = .max) -> [SecondSample] {
        let c = Swift.max(1, secondsPerColumn)
        var result: [SecondSample] = []
        var fold = SampleAccumulator()
        var column = -1
        var skipping = false
        for s in samples where s.second <= newestEnd {
            let k = (s.second - 1) / c
            if k != column {
                if let done = fold.sample(endingAt: (column + 1) * c) { result.append(done) }
                fold.reset()
                column = k
                // The fold's first sample must start where its column starts.
                skipping = s.second - Swift.max(1, s.seconds) > k * c
            }
            if !skipping { fold.add(s) }
        }
        if let done = fold.sample(endingAt: (column + 1) * c) { result.append(done) }
        return result
    }
}

/// The run's per-second samples kept at several resolutions, so the live view's charts can cover a few minutes at
/// 1× and several hours at 1000× from the same fixed memory.
///
/// Each level holds the latest `capacity` buckets of `levelSeconds[i]` seconds (1 s, 10 s, 100 s, 1000 s), aligned to
/// whole multiples of their width from the start: bucket `k` of width `B` holds the samples whose `second` is in
/// `k·B+1 ... (k+1)·B` (second `s` covers `(s−1, s]`). A bucket enters its ring when its last second closes; the
/// bucket still filling is kept beside it. A chart of `secondsPerColumn` `C` reads the widest level whose width divides
/// `C`, folding at most five of its buckets per column (the charts' seconds per column are 1, 2, 5 × a power of 10),
/// so 600 buckets a level give 120 columns at any such `C` up to 5000 s.
///
/// Memory is fixed when the history is made (4 × 600 samples of 136 bytes, about 330 KB) and appending a second
/// allocates nothing.
public struct SampleHistory: Sendable {
    /// Bucket widths in seconds, finest first.
    public static let levelSeconds = [1, 10, 100, 1000]
    /// Buckets kept per level.
    public let capacity: Int
    /// Closed buckets per level, a ring each: `rings[i][(start[i] + j) % capacity]` is level i's j-th oldest.
    var rings: [[SecondSample]]
    var start: [Int]
    /// The bucket still filling at each level.
    var open: [SampleAccumulator]
    /// The index (`(second − 1) / width`) of each level's open bucket.
    var openIndex: [Int]
    /// The newest second appended (0 before any).
    public private(set) var lastSecond = 0

    /// A history keeping `capacity` buckets per level (at least one).
    public init(capacity: Int = 600) {
        self.capacity = Swift.max(1, capacity)
        rings = Self.levelSeconds.map { _ in
            var ring: [SecondSample] = []
            ring.reserveCapacity(Swift.max(1, capacity))
            return ring
        }
        start = Array(repeating: 0, count: Self.levelSeconds.count)
        open = Array(repeating: SampleAccumulator(), count: Self.levelSeconds.count)
        openIndex = Array(repeating: 0, count: Self.levelSeconds.count)
    }

    /// Closed buckets held at level `i`.
    public func count(level i: Int) -> Int { rings[i].count }

    /// Storage reserved for level `i`'s ring; it never grows past `capacity`.
    public func storageCapacity(level i: Int) -> Int { rings[i].capacity }

    /// Adds the second that just closed (seconds arrive in increasing order).
    public mutating func append(_ s: SecondSample) {
        lastSecond = s.second
        for i in 0..<Self.levelSeconds.count {
            let width = Self.levelSeconds[i]
            let index = (s.second - 1) / width
            // A gap in the seconds (none in a normal run) closes the bucket it left behind.
            if !open[i].isEmpty && index != openIndex[i] { close(level: i) }
            openIndex[i] = index
            open[i].add(s)
            if s.second % width == 0 { close(level: i) }
        }
    }

    /// Moves level `i`'s open bucket into its ring, ending at its nominal end `(k+1)·width`.
    private mutating func close(level i: Int) {
        let end = (openIndex[i] + 1) * Self.levelSeconds[i]
        if let bucket = open[i].sample(endingAt: end) {
            if rings[i].count < capacity { rings[i].append(bucket) } else {
                rings[i][start[i]] = bucket
                start[i] = (start[i] + 1) % capacity
            }
        }
        open[i].reset()
    }

    /// The level a chart of `secondsPerColumn` reads: the widest whose width divides it.
    public static func level(forSecondsPerColumn c: Int) -> Int {
        var best = 0
        for (i, width) in levelSeconds.enumerated() where width <= c && c % width == 0 { best = i }
        return best
    }

    /// The newest `count` complete columns of `secondsPerColumn` seconds each, oldest first: column `k` folds the
    /// seconds `k·C+1 ... (k+1)·C` and reports `second == (k+1)·C`. The column still filling is left out (its
    /// figures would cover less than its width); so are columns older than the history holds. Columns with no
    /// sample at all (none in a run, whose seconds are consecutive) are left out too.
    public func columns(secondsPerColumn: Int, count: Int) -> [SecondSample] {
        let c = Swift.max(1, secondsPerColumn)
        let i = Self.level(forSecondsPerColumn: c)
        let ring = rings[i]
        let newestEnd = lastSecond / c * c
        guard count > 0, !ring.isEmpty, newestEnd > 0 else { return [] }
        let firstColumn = newestEnd / c - count
        // Newest first, find the buckets wanted: up to the newest complete column, back to `count` columns.
        var last = ring.count - 1
        while last >= 0 && ring[(start[i] + last) % capacity].second > newestEnd { last -= 1 }
        var first = last
        while first > 0 && (ring[(start[i] + first - 1) % capacity].second - 1) / c >= firstColumn { first -= 1 }
        guard first >= 0, first <= last else { return [] }
        let base = start[i], capacity = capacity
        let held = (first...last).lazy.map { ring[(base + $0) % capacity] }
        return SampleAccumulator.columns(of: held, secondsPerColumn: c, endingBy: newestEnd)
    }
}
