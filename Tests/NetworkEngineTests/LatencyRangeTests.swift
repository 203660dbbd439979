import Testing
@testable import NetworkEngine

/// Latencies beyond the percentile histogram's range (one hour) are recorded at its top and counted, and the
/// report says how many: before, the histogram refused them and they vanished from the percentiles.
@Suite("Latency beyond the histogram's range")
struct LatencyRangeTests {
    @Test("a latency beyond the histogram's hour is recorded at its top and counted, not dropped")
    func latencyBeyondRangeIsClamped() {
        var l = LatencyRecorder()
        l.record(.seconds(1))
        l.record(.seconds(7_200))
        l.record(.seconds(10_800))
        let summary = l.summary
        #expect(summary.clamped == 2)
        // Two of three at the top: the median reads one hour (within the histogram's 0.1%), not one second.
        #expect(abs(summary.p50 - 3_600_000) / 3_600_000 < 0.001, "p50 \(summary.p50)")
        #expect(summary.max == 10_800_000)
        #expect(summary.mean == (1 + 7_200 + 10_800) * 1000 / 3.0)
    }

    /// M/M/1 at rho = 1.6 with no timeout and an endless queue: the backlog grows by about 0.6 requests a second, so
    /// after about 6,000 s a new request waits over an hour (3,600 requests ahead at 1 s each). Over 12,000 s about
    /// a quarter of the completed requests waited longer; p99 must read the histogram's top, not a smaller value.
    @Test("an overloaded queue with no timeout: latencies over an hour are counted and the p99 reads one hour")
    func overloadedQueueReportsClamped() {
        var s = Scenario(name: "overload")
        s.nodes = 8
        s.workload.rate = 0.2
        s.workload.timeout = 0
        s.workload.retries = 0
        s.network.latencyMs = 0
        s.network.jitterMs = 0
        s.server.workers = 1
        s.server.serviceMs = 1000
        s.server.queue = 1_000_000
        s.security.accounts = 0
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(12_000))
        let r = engine.report()
        #expect(r.latency.clamped > r.requests.completed / 10, "\(r.latency.clamped) of \(r.requests.completed)")
        #expect(abs(r.latency.p99 - 3_600_000) / 3_600_000 < 0.001, "p99 \(r.latency.p99)")
        #expect(r.latency.max > 3_600_000)
        #expect(r.json.serialized().contains("\"clamped_count\":\(r.latency.clamped)"))
        #expect(r.table.contains("latency over 1 h"))
    }
}
