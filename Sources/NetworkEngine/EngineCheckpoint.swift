// MARK: - Checkpoints: the whole run copied, to resume from later

extension Engine {
    /// A copy of the whole run as it stands: advancing it gives exactly what advancing this engine would, and the two
    /// go on independently. The copy has no output sink (its future must not write into this run's files).
    ///
    /// What it costs is a copy of the run's state (the pending events, the requests in flight, the clients, the mesh),
    /// in proportion to the population and the load, never to the time simulated so far: the flight recorder keeps
    /// checkpoints so that rewinding resumes from the nearest one instead of from t = 0.
    public func checkpoint() -> Engine { Engine(copying: self) }
}

extension Engine {
    /// `checkpoint()` as the live view's model sees it.
    public func checkpointCopy() -> (any NetworkModel)? { checkpoint() }
}
