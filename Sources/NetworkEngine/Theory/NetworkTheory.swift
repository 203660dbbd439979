/// The network's part of a response time: a request and its reply each cross one hop.
public enum NetworkTheory {
    /// Mean delay of one hop whose delay is `latency` plus a uniform jitter in ±`jitter`, clamped at 0 (as the engine
    /// draws it): `latency` while `jitter` ≤ `latency`; otherwise the clamp lifts the mean to (L + J)²/(4J).
    public static func meanHopDelay(latency l: Double, jitter j: Double) -> Double {
        guard j > l, j > 0 else { return l }
        return (l + j) * (l + j) / (4 * j)
    }

    /// Mean network time of a request and its reply: two hops.
    public static func roundTrip(latency l: Double, jitter j: Double) -> Double { 2 * meanHopDelay(latency: l, jitter: j) }
}
