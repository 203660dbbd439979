// MARK: - What peers take with them when they leave, and how lookups end (the stability figures)

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

    /// A lookup starts for `ref`: counted, and under way until it resolves, fails or its attempt times out.
    @inline(__always) func lookupStarted(_ ref: RequestRef, _ ctx: inout EngineContext) {
        ctx.requests[ref].lookingUp = true
        ctx.metrics.lookupStarted(segment: ctx.requests[ref].segment, ctx.requests[ref].architecture)
    }

    /// `ref`'s lookup found a holder.
    @inline(__always) func lookupResolved(_ ref: RequestRef, _ ctx: inout EngineContext) {
        ctx.requests[ref].lookingUp = false
    }

    /// `ref`'s lookup ended with no holder to be had; counted once, and only while its attempt still waits on it.
    func lookupFailed(_ ref: RequestRef, _ ctx: inout EngineContext) {
        guard ctx.requests.isLive(ref), ctx.requests[ref].lookingUp else { return }
        ctx.requests[ref].lookingUp = false
        ctx.metrics.lookupFailed(segment: ctx.requests[ref].segment, ctx.requests[ref].architecture)
    }
}
