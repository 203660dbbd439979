/// The range a scenario number must fall in, built from `ScenarioLimits`, with the words that say so.
public struct ScenarioRange: Sendable, Equatable {
    public var lower: Double
    /// Whether `lower` itself is accepted (`timeout: 0` is, `duration: 0` is not).
    public var lowerIncluded: Bool
    public var upper: Double?

    public static func atLeast(_ lower: Double, atMost upper: Double? = nil) -> ScenarioRange {
        ScenarioRange(lower: lower, lowerIncluded: true, upper: upper)
    }

    public static func above(_ lower: Double, atMost upper: Double? = nil) -> ScenarioRange {
        ScenarioRange(lower: lower, lowerIncluded: false, upper: upper)
    }

    /// A number of things the engine may hold in memory at once: nodes, workers, queue places, accounts.
    static func count(atLeast lower: Double) -> ScenarioRange { .atLeast(lower, atMost: Double(ScenarioLimits.maxCount)) }
    static func count(above lower: Double) -> ScenarioRange { .above(lower, atMost: Double(ScenarioLimits.maxCount)) }
    /// A simulated time in seconds.
    static func seconds(atLeast lower: Double) -> ScenarioRange { .atLeast(lower, atMost: ScenarioLimits.maxSeconds) }
    static func seconds(above lower: Double) -> ScenarioRange { .above(lower, atMost: ScenarioLimits.maxSeconds) }
    /// A simulated delay in milliseconds.
    static func millis(atLeast lower: Double) -> ScenarioRange { .atLeast(lower, atMost: ScenarioLimits.maxMillis) }
    /// A share of something: a probability.
    static let share = ScenarioRange.atLeast(0, atMost: 1)

    /// What the value must be, or nil when it is in range.
    public func violation(_ value: Double) -> String? {
        let lowOK = lowerIncluded ? value >= lower : value > lower
        let highOK = upper.map { value <= $0 } ?? true
        if lowOK && highOK { return nil }
        let low = Self.formatted(lower)
        switch (lowerIncluded, upper) {
        case (true, nil): return "must be at least \(low)"
        case (false, nil): return "must be greater than \(low)"
        case (true, let upper?): return "must be between \(low) and \(Self.formatted(upper))"
        case (false, let upper?): return "must be greater than \(low) and at most \(Self.formatted(upper))"
        }
    }

    /// "0 to 10000", "more than 0, at most 1000000000": the range for the README's key table; an integer's range
    /// starts at its first whole number.
    func text(integer: Bool) -> String {
        let high = upper.map { " to \(Self.formatted($0))" } ?? " or more"
        if lowerIncluded { return Self.formatted(lower) + high }
        if integer { return Self.formatted(lower.rounded(.down) + 1) + high }
        return "more than \(Self.formatted(lower))" + (upper.map { ", at most \(Self.formatted($0))" } ?? "")
    }

    /// A bound as people write it: 1000000 rather than 1e+06, 0.001 rather than 0.0010.
    static func formatted(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
