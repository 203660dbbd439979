import NetworkEngine
import TerminalCanvas

/// How many simulated seconds a column of the metrics charts covers: chosen from the speed, so the charts always span
/// a stretch of wall-clock time long enough to read, at 1× as at 1000×.
///
/// The rule (stated in the README): seconds per column is the smallest of 1, 2, 5, 10, 20, 50, … 5000 for which the
/// charts' columns cover at least 60 simulated seconds and at least 20 wall-clock seconds at the current speed
/// (`columns × s/col ≥ max(60, 20 × speed)`). The 1-2-5 steps keep the title's figures round, and each is 1, 2 or 5
/// buckets of the engine's history (`SampleHistory`), so a column is always an exact fold.
public enum ChartTimeScale {
    /// The least a chart spans in simulated seconds, whatever the speed (a minute: a few arrivals even at 0.1×).
    public static let minimumSimulatedSeconds = 60.0
    /// The least a chart spans in wall-clock seconds at the current speed: long enough to read a trend.
    public static let minimumWallSeconds = 20.0
    /// The seconds per column on offer, smallest first.
    public static let steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]

    /// The seconds per column for `columns` columns at `speed` (simulated seconds per wall second).
    public static func secondsPerColumn(speed: Double, columns: Int) -> Int {
        let width = Double(max(1, columns))
        let speed = speed.isFinite && speed > 0 ? speed : 1
        let wanted = max(minimumSimulatedSeconds, minimumWallSeconds * speed)
        return steps.first { Double($0) * width >= wanted } ?? steps[steps.count - 1]
    }

    /// What a frame of a `size` screen asks the model for at `speed`: one sample per column of the metrics charts,
    /// each `secondsPerColumn` seconds, and the nodes in `nodes` (nil: every node).
    public static func request(speed: Double, screen size: Size, nodes: Range<Int>? = nil) -> SnapshotRequest {
        let columns = MetricsPane.chartWidth(paneWidth: Screen.regions(for: size).metrics.width)
        return SnapshotRequest(seriesLimit: columns, secondsPerColumn: secondsPerColumn(speed: speed, columns: max(1, columns)),
                               nodes: nodes)
    }

    /// A span of simulated time in words, rounded down so it never claims more than it covers: `45 s`,
    /// `6 min 40 s`, `16 min`, `5 h 33 min`, `2 d 3 h`.
    public static func span(seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 120 { return "\(s) s" }
        if s < 3600 { return s % 60 == 0 ? "\(s / 60) min" : "\(s / 60) min \(s % 60) s" }
        if s < 172_800 {
            let m = s / 60 % 60
            return m == 0 ? "\(s / 3600) h" : "\(s / 3600) h \(m) min"
        }
        let h = s / 3600 % 24
        return h == 0 ? "\(s / 86_400) d" : "\(s / 86_400) d \(h) h"
    }
}
