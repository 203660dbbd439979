/// The simulator as the live view's model: `now`, `apply(_:)`, `advance(to:maxEvents:)`, `step()` and `report()`
/// already have the protocol's shape; `snapshot(_:)` and `restarted()` are built on `snapshot(seriesLimit:nodes:)`
/// and `init(scenario:keepAllEvents:)`.
extension Engine: NetworkModel {
    /// A snapshot with the last `request.seriesLimit` seconds and only the clients or peers in `request.nodes`:
    /// the engine builds views of the window's nodes only, so a frame pays for the nodes it shows; flights are kept
    /// when either end is in the window.
    public func snapshot(_ request: SnapshotRequest) -> Snapshot {
        // Client and peer ids start at 1: a window reaching down to 0 must not pull in every flight to the server.
        let ids = request.nodes?.clamped(to: 1..<Int.max)
        var snapshot = snapshot(seriesLimit: request.seriesLimit, nodes: ids)
        if let ids { snapshot.flights.removeAll { !ids.contains($0.from) && !ids.contains($0.to) } }
        return snapshot
    }

    /// A new engine on the same scenario (seed included) at time 0, keeping all events if this one does.
    ///
    /// The output sink is not carried over: a sink writes one run's files, and the live view sets none.
    public func restarted() -> any NetworkModel {
        Engine(scenario: scenario, keepAllEvents: metrics.keepsAllEvents)
    }
}
