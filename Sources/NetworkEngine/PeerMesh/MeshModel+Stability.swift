// MARK: - What peers take with them when they leave

extension MeshModel {
    /// Replicas online on `peers` now (arrived, on a peer that is up): what they take offline if they leave at once.
    func onlineReplicas(on peers: [Int], _ ctx: EngineContext) -> Int {
        var n = 0
        for p in peers where p < state.peerCount && ctx.isUp(p) {
            for slot in state.heldBy[p] where state.present[Int(slot)] { n += 1 }
        }
        return n
    }

    /// Resources with no replica online right now.
    var unavailableResources: Int { state.unavailable }
}
