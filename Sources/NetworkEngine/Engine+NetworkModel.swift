/// The simulator as the live view's model, written only with `Engine`'s public API: `now`, `apply(_:)`,
/// `advance(to:maxEvents:)`, `step()` and `report()` already have the protocol's shape; `snapshot(_:)` and
/// `restarted()` are built on `snapshot(seriesLimit:)` and `init(scenario:keepAllEvents:)`.
extension Engine: NetworkModel {
    /// A snapshot with the last `request.seriesLimit` seconds and only the clients or peers in `request.nodes`.
    ///
    /// For now the window is applied after the fact: the engine builds the full snapshot (every node, every flight)
    /// and the nodes and flights outside the window are then dropped, so a window costs as much as the whole
    /// population. The engine's restructure will build only the window's views instead; the result stays the same.
    public func snapshot(_ request: SnapshotRequest) -> Snapshot {
        var snapshot = snapshot(seriesLimit: request.seriesLimit)
        guard let window = request.nodes else { return snapshot }
        // Client and peer ids start at 1: a window reaching down to 0 must not pull in every flight to the server.
        let ids = window.clamped(to: 1..<Int.max)
        snapshot.nodes.removeAll { $0.role != .server && !ids.contains($0.id) }
        snapshot.flights.removeAll { !ids.contains($0.from) && !ids.contains($0.to) }
        return snapshot
    }

    /// A new engine on the same scenario (seed included) at time 0, keeping all events if this one does.
    ///
    /// The output sink is not carried over: a sink writes one run's files, and the live view sets none.
    public func restarted() -> any NetworkModel {
        Engine(scenario: scenario, keepAllEvents: metrics.keepsAllEvents)
    }
}
