#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A clock that only moves forward, in nanoseconds: what the run loop paces frames and the engine by.
///
/// A protocol so tests drive frames with a `ManualClock` and never sleep.
public protocol MonotonicClock: AnyObject {
    /// Nanoseconds since an arbitrary fixed point; never decreases.
    var nanoseconds: UInt64 { get }
}

/// The system's monotonic clock (`CLOCK_MONOTONIC`): unaffected by the wall clock being set.
public final class SystemClock: MonotonicClock {
    public init() {}

    public var nanoseconds: UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}

/// A clock that moves only when told: for tests of the run loop and of pacing.
public final class ManualClock: MonotonicClock {
    public var nanoseconds: UInt64

    public init(nanoseconds: UInt64 = 0) { self.nanoseconds = nanoseconds }

    /// Moves the clock forward by `nanos`.
    public func advance(by nanos: UInt64) { nanoseconds &+= nanos }

    /// Moves the clock forward by `ms` milliseconds.
    public func advance(millis ms: UInt64) { advance(by: ms * 1_000_000) }
}
