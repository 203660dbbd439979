@testable import NetworkEngine
import Testing

/// Utilization is one formula, busy worker-time over the worker-time the server offered, for the run and for each
/// second, before and after `set workers` changes the server's size.
@Suite("Utilization formula")
struct UtilizationFormulaTests {
    /// Two workers busy throughout; the server has 2 until `set workers 4` at 10.5 s, then 4 until 20 s. Offered
    /// worker-seconds: 2 a second, then 2·0.5 + 4·0.5 = 3 in second 11, then 4. Busy: 2 a second. So each second
    /// reads 1 before, 2/3 in the second of the change, 1/2 after; the run 40 / (2·10.5 + 4·9.5) = 40/59. Dividing by
    /// the final 4 workers throughout would give 1/2 before the change and 40/80 for the run.
    @Test("before and after a change of size, each second and the run divide busy time by the worker-time offered")
    func oneFormulaBeforeAndAfter() {
        var m = MetricsRecorder(architecture: .clientServer)
        m.keepsSeries = true
        m.busyLevel = 2
        for s in 1...10 { m.closeSecond(at: .seconds(Double(s)), architecture: .clientServer, nodes: 8, workers: 2) }
        #expect(abs(m.utilization(at: .seconds(10), workers: 2) - 1) < 1e-12)
        m.integrate(to: .seconds(10.5))
        m.workersChanged(from: 2, at: .seconds(10.5))
        for s in 11...20 { m.closeSecond(at: .seconds(Double(s)), architecture: .clientServer, nodes: 8, workers: 4) }
        let shares = m.series.map(\.utilization)
        let expected = Array(repeating: 1.0, count: 10) + [2.0 / 3] + Array(repeating: 0.5, count: 9)
        #expect(zip(shares, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(shares)")
        #expect(abs(m.utilization(at: .seconds(20), workers: 4) - 40.0 / 59) < 1e-12)
    }
}
