/// The simulator as the live view's model: `now`, `apply(_:)`, `advance(to:maxEvents:)`, `stepDescribed()`, `report()`
/// already have the protocol's shape; `snapshot(_:)` and `restarted()` are built on `snapshot(seriesLimit:nodes:)`
/// and `init(scenario:keepAllEvents:)`.
extension Engine: NetworkModel {
    /// A snapshot with the last `request.seriesLimit` seconds and only the clients or peers in `request.nodes`:
    /// the engine builds views of the window's nodes only, so a frame pays for the nodes it shows; flights are kept
    /// when either end is in the window.
    public func snapshot(_ request: SnapshotRequest) -> Snapshot {
        let perColumn = max(1, request.secondsPerColumn)
        var shot = snapshot(seriesLimit: perColumn > 1 ? 0 : request.seriesLimit, nodes: request.nodes,
                            stride: request.stride, focus: request.focus)
        if perColumn > 1 {
            // Columns of several seconds come from the multi-resolution history, whatever the run's length.
            shot.series = ctx.metrics.history.columns(secondsPerColumn: perColumn, count: request.seriesLimit)
            shot.secondsPerColumn = perColumn
        }
        if distribution != nil { shot.distribution = distributionSnapshot(points: request.curvePoints) }
        return shot
    }

    /// A new engine on the same scenario (seed included) at time 0, keeping all events if this one does.
    ///
    /// The output sink is not carried over: a sink writes one run's files, and the live view sets none.
    /// The metrics' running tally with the request counts it watches: a few loads, no copying.
    public var tally: EventTally {
        var tally = ctx.metrics.tally
        tally.failedRequests = ctx.metrics.counts.failed
        // "lost" as the metrics' lost row counts it (rejected, failed, timed out), and the messages stranded on the wire.
        let counts = ctx.metrics.counts
        tally.lostRequests = counts.rejected + counts.failed + counts.timedOut + ctx.metrics.stranded
        return tally
    }

    public func restarted() -> any NetworkModel {
        Engine(scenario: scenario, keepAllEvents: ctx.metrics.keepsAllEvents)
    }
}
