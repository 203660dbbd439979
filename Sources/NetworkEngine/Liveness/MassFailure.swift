/// A share of the members failing at once (`k` in the live view, a timeline's `crash_share`): which ones fail is drawn
/// from a stream of its own (`RandomStream.crashShare`), so a run that never asks for one draws exactly what it always
/// drew, and one that does changes nothing else's draws.
struct MassFailure {
    private var picks: SeededRandom

    init(scenario: Scenario) { picks = SeededRandom(seed: scenario.seed, stream: .crashShare) }

    /// How many of `up` members a share takes: the nearest whole number (30% of 45 is 14, of 5 is 2).
    static func count(share: Double, of up: Int) -> Int {
        min(up, max(0, Int((share * Double(up)).rounded())))
    }

    /// `count` distinct members of `candidates`, each set of that size equally likely (a partial Fisher–Yates
    /// shuffle), in ascending order so what follows happens in an order that does not depend on the draw.
    mutating func choose(_ count: Int, from candidates: [Int]) -> [Int] {
        var pool = candidates
        let k = min(max(0, count), pool.count)
        for i in 0..<k { pool.swapAt(i, i + picks.below(pool.count - i)) }
        return pool[..<k].sorted()
    }
}
