/// Where a run's output goes while it runs: each network event as it is logged, and each simulated second's sample as
/// the second closes.
///
/// Streaming keeps a headless run's memory flat however long it runs: the events and the per-second series are
/// written out as they happen instead of being kept for the end. The engine calls the sink only for logged network
/// events (overloads, crashes, logins…) and once a simulated second, never per kernel event.
public protocol RunOutputSink: AnyObject {
    func record(_ event: NetworkEvent)
    func record(_ sample: SecondSample)
}
