// MARK: - Storage in the mesh: copies on the peers' disks (see `StorageModel` for the rules)

extension MeshModel {
    /// A holder served `ref` from its copy: a read of a lost file fails; a write makes the file's new version at this
    /// holder, which sends it on to every other holder with a copy (one message each).
    func servedFile(_ ref: RequestRef, at peer: Int, _ ctx: inout EngineContext) -> ReplyOutcome {
        guard ctx.requests.isLive(ref) else { return .completed }
        let resource = Int(ctx.requests[ref].resource), isWrite = ctx.requests[ref].isWrite
        guard ctx.files.serve(resource: resource, writes: isWrite) else { return .failed }
        if isWrite {
            let others = presentCopies(of: resource) - (state.holds(peer, resource) ? 1 : 0)
            ctx.metrics.message(count: max(0, others))
            // The new version makes every cached copy stale: each cacher is told (one message each).
            invalidateCachedCopies(of: resource, &ctx)
        }
        return .completed
    }

    /// Copies of `resource` on the peers' disks (online or not).
    func presentCopies(of resource: Int) -> Int {
        let base = resource * state.replicas
        var n = 0
        for i in 0..<state.replicas where state.present[base + i] { n += 1 }
        return n
    }

    /// Peer `peer`'s disk failed: every copy on it is gone. Returns how many copies it lost and the files whose last
    /// copy that was (lost for good, and counted so in `ctx.files`).
    func diskFailed(_ peer: Int, _ ctx: inout EngineContext) -> (copies: Int, filesLost: [Int]) {
        guard peer < state.peerCount else { return (0, []) }
        state.integrateAvailability(to: ctx.now)
        let up = ctx.isUp(peer)
        var copies = 0, lost: [Int] = []
        for slot in state.heldBy[peer] where state.present[Int(slot)] {
            let s = Int(slot)
            state.present[s] = false
            if up { state.replicaChanged(slot: s, online: false) }
            copies += 1
            let resource = s / state.replicas
            if presentCopies(of: resource) == 0, ctx.files.lose(resource) { lost.append(resource) }
        }
        return (copies, lost)
    }

    /// The repair of peer `peer`'s copies: each file that still has a copy elsewhere is copied back onto it, one
    /// upload of the file (`workload.size_kb`) from a surviving holder each, counted as the peers' traffic (so the
    /// cost model values it as donated bandwidth). Returns how many copies came back.
    func repairCopies(of peer: Int, _ ctx: inout EngineContext) -> Int {
        guard peer < state.peerCount else { return 0 }
        state.integrateAvailability(to: ctx.now)
        let up = ctx.isUp(peer)
        var copies = 0
        for slot in state.heldBy[peer] where !state.present[Int(slot)] {
            let s = Int(slot), resource = s / state.replicas
            guard !ctx.files.isLost(resource), presentCopies(of: resource) > 0 else { continue }
            state.present[s] = true
            if up { state.replicaChanged(slot: s, online: true) }
            copies += 1
        }
        ctx.metrics.message(count: copies)
        ctx.metrics.traffic.peerResources += copies
        return copies
    }

    /// Files by their copies on the peers' disks: none left, one left (a failure of its holder loses it), all of
    /// them. A walk over every copy: the engine redoes it only after copies changed.
    func copyCensus() -> CopyCensus {
        var census = CopyCensus(replicas: state.replicas)
        for r in 0..<state.resources {
            switch presentCopies(of: r) {
            case 0: census.none += 1
            case 1: census.single += 1
            case state.replicas: census.full += 1
            default: census.partial += 1
            }
        }
        return census
    }
}

/// The mesh's files by how many copies they have on the peers' disks (the storage panel's lines).
public struct CopyCensus: Sendable, Equatable {
    public var replicas: Int
    public var none = 0
    public var single = 0
    public var partial = 0
    public var full = 0
    public init(replicas: Int) { self.replicas = replicas }
}
