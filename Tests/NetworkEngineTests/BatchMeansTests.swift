import Testing
@testable import NetworkEngine

/// The batch-means accumulator's rule (30 to 59 equal batches in fixed memory) and its t quantile.
@Suite("Batch means")
struct BatchMeansTests {
    /// Student's t 0.975 quantiles from the tables (to 4 decimals): the expansion must be within 1e-4 of each.
    @Test("The t quantile matches the tables from 10 to 60 degrees of freedom")
    func tQuantile() {
        let table: [(Int, Double)] = [(10, 2.2281), (20, 2.0860), (29, 2.0452), (30, 2.0423), (40, 2.0211),
                                      (58, 2.0017), (60, 2.0003)]
        for (nu, t) in table {
            #expect(abs(StudentT.quantile975(degreesOfFreedom: nu) - t) < 1e-4, "ν = \(nu)")
        }
    }

    @Test("Batches stay between 30 and 59, of one size, in memory allocated once")
    func batchRule() {
        var b = BatchMeans()
        let capacity = b.sums.capacity
        var firstViolation: String?
        for i in 1...100_000 {
            b.add(Double(i))
            let inRange = i < BatchMeans.minimumBatches || (b.batches >= 30 && b.batches < 60)
            // Every complete batch holds batchSize observations: together they are all but the partial batch.
            let equalSizes = i - b.batches * b.batchSize >= 0 && i - b.batches * b.batchSize < b.batchSize
            if firstViolation == nil && !(inRange && equalSizes) {
                firstViolation = "after \(i): \(b.batches) batches of \(b.batchSize)"
            }
        }
        #expect(firstViolation == nil)
        #expect(b.sums.capacity == capacity)
        // 100,000 = 48 × 2048 + 1,696: 48 complete batches of 2,048.
        #expect(b.batchSize == 2048 && b.batches == 48)
    }

    @Test("No interval below 30 batches; a constant stream has a zero-width interval at its value")
    func minimum() {
        var b = BatchMeans()
        for _ in 0..<29 { b.add(7) }
        #expect(b.interval95 == nil)
        b.add(7)
        let c = b.interval95
        #expect(c?.mean == 7 && c?.halfWidth == 0 && c?.batches == 30)
    }

    /// Batches of alternating 0 and 2 (batch size 1, 40 batches): mean 1, sample sd √(40/39), half-width
    /// t(0.975, 39)·sd/√40 = 2.0227·1.0127/6.3246 = 0.3239.
    @Test("The half-width is t times the batch means' standard error")
    func halfWidth() {
        var b = BatchMeans()
        for i in 0..<40 { b.add(i % 2 == 0 ? 0 : 2) }
        let c = b.interval95
        #expect(c.map { abs($0.mean - 1) < 1e-12 } == true)
        #expect(c.map { abs($0.halfWidth - 0.3239) < 1e-3 } == true)
    }

    @Test("Restarting forgets every observation, the partial batch too, and keeps the array's memory")
    func restart() {
        var b = BatchMeans()
        let capacity = b.sums.capacity
        for i in 0..<10_001 { b.add(Double(i)) }
        b.restart()
        #expect(b == BatchMeans())
        #expect(b.sums.capacity == capacity)
        // The same stream after a restart gives what it gives a fresh accumulator.
        var fresh = BatchMeans()
        for i in 0..<40 { b.add(i % 2 == 0 ? 0 : 2); fresh.add(i % 2 == 0 ? 0 : 2) }
        #expect(b.interval95 == fresh.interval95 && b.interval95 != nil)
    }

    @Test("An interval wider than 10% of its mean is not enough data yet")
    func narrow() {
        #expect(ConfidenceInterval(mean: 100, halfWidth: 10, batches: 30, batchSize: 1).isNarrow)
        #expect(!ConfidenceInterval(mean: 100, halfWidth: 10.5, batches: 30, batchSize: 1).isNarrow)
        var b = BatchMeans()
        for i in 0..<40 { b.add(i % 2 == 0 ? 0 : 2) }
        #expect(ConfidenceView(latencies: b, steady: true).meanLatencyMs == nil)
    }

    /// The mean since the start counts the batch in progress too: 1…1,000 (batches merged to 16 and 8 in progress)
    /// average 500.5 exactly; nothing yet, or after a restart, is nil.
    @Test("The mean since the start includes the batch in progress, and a restart forgets it")
    func meanSinceStart() {
        var b = BatchMeans()
        #expect(b.mean == nil)
        for i in 1...1_000 { b.add(Double(i)) }
        #expect(b.mean == 500.5)
        b.restart()
        #expect(b.mean == nil)
        b.add(3)
        #expect(b.mean == 3)
    }
}
