/// Batch means of a stream of observations in fixed memory: the data of a confidence interval for their mean.
///
/// The batch rule: observations are summed into batches of `batchSize` consecutive values (1 at the start); a full
/// batch's sum goes into a bounded array of `capacity` (60) sums. When the array fills, neighbouring batches are
/// merged in pairs: 30 batches of twice the size, and new batches take the doubled size from then on. So however
/// long a run goes, the interval rests on between 30 and 59 complete batches (the partial batch in progress is left
/// out), each of at least `count / 60` observations, and memory never grows after `init`. Thirty batches or more is
/// the usual advice (Law & Kelton: 10 to 30 batches of equal size keep the batch means close to independent and
/// normal once each batch is much longer than the observations' correlation); a fixed count that grows the batches
/// with the run makes the batches longer exactly as the run gets longer, where a fixed batch size would keep short
/// batches, and their correlated means, however long the run.
///
/// Equal batch sizes throughout: a merge only ever joins two batches of the same size, and the partial batch is
/// never counted, so every batch in the array has exactly `batchSize` observations.
public struct BatchMeans: Sendable, Equatable {
    /// The most batches kept before a merge.
    public static let capacity = 60
    /// The fewest complete batches an interval rests on (`interval`: nil below).
    public static let minimumBatches = capacity / 2

    /// Sums of the complete batches, oldest first (allocated once, at `capacity`).
    private(set) var sums: [Double]
    /// Observations in each complete batch.
    public private(set) var batchSize = 1
    private var partialSum = 0.0
    private var partialCount = 0

    public init() {
        sums = []
        sums.reserveCapacity(Self.capacity)
    }

    /// Complete batches now.
    public var batches: Int { sums.count }

    /// The mean of every observation since the start or the last `restart()`, the batch in progress included; nil
    /// before the first. O(`capacity`).
    public var mean: Double? {
        let count = sums.count * batchSize + partialCount
        guard count > 0 else { return nil }
        return (sums.reduce(0, +) + partialSum) / Double(count)
    }

    /// Forgets every observation and starts again with batches of one (the live view's window restarts when the
    /// configuration changes): the array keeps its capacity, so nothing is allocated unless a checkpoint shares it.
    public mutating func restart() {
        sums.removeAll(keepingCapacity: true)
        batchSize = 1
        partialSum = 0
        partialCount = 0
    }

    /// Adds one observation: O(1), and a merge of 60 sums once every time the batches double.
    @inline(__always)
    public mutating func add(_ x: Double) {
        partialSum += x
        partialCount += 1
        if partialCount == batchSize { closeBatch() }
    }

    @inline(never)
    private mutating func closeBatch() {
        sums.append(partialSum)
        partialSum = 0
        partialCount = 0
        guard sums.count == Self.capacity else { return }
        for i in 0..<(Self.capacity / 2) { sums[i] = sums[2 * i] + sums[2 * i + 1] }
        sums.removeLast(Self.capacity / 2)
        batchSize *= 2
    }

    /// The 95% interval for the mean, from the complete batches: their mean ± t(0.975, k − 1)·s/√k, with s the
    /// batch means' sample standard deviation and k the batches (`StudentT.quantile975`). Nil with fewer than
    /// `minimumBatches` batches.
    public var interval95: ConfidenceInterval? {
        let k = sums.count
        guard k >= Self.minimumBatches else { return nil }
        let size = Double(batchSize)
        var total = 0.0
        for s in sums { total += s / size }
        let mean = total / Double(k)
        var squares = 0.0
        for s in sums { let d = s / size - mean; squares += d * d }
        let sd = (squares / Double(k - 1)).squareRoot()
        let half = StudentT.quantile975(degreesOfFreedom: k - 1) * sd / Double(k).squareRoot()
        return ConfidenceInterval(mean: mean, halfWidth: half, batches: k, batchSize: batchSize)
    }
}

/// A 95% confidence interval for a mean, from batch means.
public struct ConfidenceInterval: Sendable, Equatable {
    /// The mean of the batch means (the complete batches' observations only).
    public var mean: Double
    public var halfWidth: Double
    public var batches: Int
    public var batchSize: Int

    public init(mean: Double, halfWidth: Double, batches: Int, batchSize: Int) {
        self.mean = mean; self.halfWidth = halfWidth; self.batches = batches; self.batchSize = batchSize
    }

    public var low: Double { mean - halfWidth }
    public var high: Double { mean + halfWidth }

    /// An interval wider than this share of its mean says too little to show: "not enough data yet".
    public static let maxRelativeHalfWidth = 0.10

    /// True when the half-width is at most `maxRelativeHalfWidth` of the mean.
    public var isNarrow: Bool { halfWidth <= Self.maxRelativeHalfWidth * abs(mean) }

    /// True when `x` lies in the interval.
    public func covers(_ x: Double) -> Bool { low <= x && x <= high }

    /// The interval with its ends scaled by `factor` (nanoseconds to milliseconds).
    public func scaled(by factor: Double) -> ConfidenceInterval {
        ConfidenceInterval(mean: mean * factor, halfWidth: halfWidth * factor, batches: batches, batchSize: batchSize)
    }
}

/// Student's t distribution's 0.975 quantile, the factor of a two-sided 95% interval.
public enum StudentT {
    /// The normal distribution's 0.975 quantile.
    static let z975 = 1.959963984540054

    /// t(0.975, ν) by the Cornish–Fisher expansion in 1/ν (Abramowitz & Stegun 26.7.5): z + g1/ν + g2/ν² + g3/ν³
    /// + g4/ν⁴. Within 1e-4 of the tables from ν = 10 on (2.2281 at 10, 2.0452 at 29, 2.0003 at 60), which covers
    /// the 29 to 58 degrees of freedom of `BatchMeans`; exact in the limit (1.96).
    public static func quantile975(degreesOfFreedom nu: Int) -> Double {
        let z = z975, v = Double(nu)
        let z2 = z * z
        let g1 = z * (z2 + 1) / 4
        let g2 = z * ((5 * z2 + 16) * z2 + 3) / 96
        let g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384
        let g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v)
    }
}
