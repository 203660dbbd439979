/// The speeds `<` and `>` step through: simulated seconds per wall-clock second.
///
/// A ladder rather than doubling keeps the steps a teacher lands on round (1×, 10×, 100×) and spans 0.1× to 1000×
/// in twelve presses.
public enum SpeedLadder {
    /// Every speed, slowest first.
    public static let speeds: [Double] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]

    /// The slowest speed on the ladder.
    public static var slowest: Double { speeds[0] }
    /// The fastest speed on the ladder.
    public static var fastest: Double { speeds[speeds.count - 1] }

    /// The next speed above `speed`, or the fastest when there is none.
    public static func faster(than speed: Double) -> Double {
        speeds.first { $0 > speed * (1 + 1e-9) } ?? fastest
    }

    /// The next speed below `speed`, or the slowest when there is none.
    public static func slower(than speed: Double) -> Double {
        speeds.last { $0 < speed * (1 - 1e-9) } ?? slowest
    }

    /// `speed` kept inside the ladder's range; a speed between two rungs is kept as given (e.g. `--speed 3`).
    public static func clamped(_ speed: Double) -> Double {
        guard speed.isFinite, speed > 0 else { return 1 }
        return min(fastest, max(slowest, speed))
    }
}
