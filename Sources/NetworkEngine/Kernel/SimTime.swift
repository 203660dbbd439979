/// Simulated time in integer nanoseconds.
///
/// Integer time keeps runs byte-identical across machines: no floating-point drift decides which event runs first.
/// It spans about ±292 years; a time computed beyond that saturates at `never` instead of trapping, so an absurd
/// value from a scenario means "this does not happen within the run", never a crash.
public typealias SimTime = Int64

extension SimTime {
    /// Nanoseconds in one simulated second.
    public static let nanosPerSecond: SimTime = 1_000_000_000

    /// The end of simulated time: an event due then never runs within any run the scenario checker accepts.
    public static let never: SimTime = .max

    /// `nanos` rounded to the nearest nanosecond, saturated to the representable range (NaN reads as 0).
    @inlinable public static func saturating(nanos: Double) -> SimTime {
        // 2^63 is exactly representable; anything at or past it would trap in the conversion.
        let limit = 9_223_372_036_854_775_808.0
        let x = nanos.rounded()
        if x >= limit { return .max }
        if x <= -limit { return .min }
        return x == x ? SimTime(x) : 0
    }

    /// A duration of `s` seconds, rounded to the nearest nanosecond (saturating).
    @inlinable public static func seconds(_ s: Double) -> SimTime { saturating(nanos: s * 1e9) }

    /// A duration of `ms` milliseconds, rounded to the nearest nanosecond (saturating).
    @inlinable public static func millis(_ ms: Double) -> SimTime { saturating(nanos: ms * 1e6) }

    /// This time in seconds.
    @inlinable public var inSeconds: Double { Double(self) / 1e9 }

    /// This time in milliseconds.
    @inlinable public var inMillis: Double { Double(self) / 1e6 }
}
