/// Simulated time in integer nanoseconds.
///
/// Integer time keeps runs byte-identical across machines: no floating-point drift decides which event runs first.
public typealias SimTime = Int64

extension SimTime {
    /// Nanoseconds in one simulated second.
    public static let nanosPerSecond: SimTime = 1_000_000_000

    /// A duration of `s` seconds, rounded to the nearest nanosecond.
    @inlinable public static func seconds(_ s: Double) -> SimTime { SimTime((s * 1e9).rounded()) }

    /// A duration of `ms` milliseconds, rounded to the nearest nanosecond.
    @inlinable public static func millis(_ ms: Double) -> SimTime { SimTime((ms * 1e6).rounded()) }

    /// This time in seconds.
    @inlinable public var inSeconds: Double { Double(self) / 1e9 }

    /// This time in milliseconds.
    @inlinable public var inMillis: Double { Double(self) / 1e6 }
}
