// MARK: - The DHT overlay: lookups routed greedily around the ring to the key's owner

extension MeshModel {
    /// Sends the live lookup `ref` for `resource` one hop on from `peer` (at `rank` on the ring), or serves it there
    /// when `peer` owns the key.
    @inline(__always)
    mutating func forwardLookup(_ ref: RequestRef, from peer: Int, rank: Int, resource: Int,
                                _ ctx: inout EngineContext) {
        let key = ChordRing.key(forResource: resource)
        let next: (rank: Int, peer: Int)? = state.withRouting { mesh in
            guard let ends = mesh.endpoints(slot: Int(ref.slot), resource: resource),
                  let next = mesh.ring.nextRank(fromRank: rank, toward: key, ends: ends) else { return nil }
            mesh.lookupMessages += 1
            return (next, mesh.ring.peer(atRank: next))
        }
        if state.trace.lookupActive, state.trace.lookup == ref {
            state.trace.lookupAt(peer, ended: next == nil, now: ctx.now)
        }
        if let next {
            ctx.sendMessage(.lookupArrives(ref, rank: Int32(next.rank)), ref: ref, from: peer, to: next.peer)
        } else {
            arriveAtOwner(ref, peer, &ctx)
        }
    }

    /// A lookup message reached the peer at `rank` on the ring.
    @inline(__always)
    mutating func lookupArrived(_ ref: RequestRef, atRank rank: Int, _ ctx: inout EngineContext) {
        let peer = state.ring.peer(atRank: rank)
        guard ctx.requests.isLive(ref) else { return }
        // A departed peer drops it; the timeout retries (with none, it is stranded).
        guard ctx.isUp(peer) else { if ctx.timeout == 0 { ctx.strand(ref) }; return }
        ctx.requests[ref].hops &+= 1
        forwardLookup(ref, from: peer, rank: rank, resource: Int(ctx.requests[ref].resource), &ctx)
    }

    /// The key's owner has the request: serve it if it holds a replica, or say it is not found.
    mutating func arriveAtOwner(_ ref: RequestRef, _ owner: Int, _ ctx: inout EngineContext) {
        recordLookup(hops: Int(ctx.requests[ref].hops))
        if state.holds(owner, Int(ctx.requests[ref].resource)) {
            lookupResolved(ref, &ctx)
            serve(ref, at: owner, &ctx)
        } else {
            lookupFailed(ref, &ctx)
            // Every replica is offline (or not yet seeded): the resource cannot be had right now.
            ctx.sendReply(ref, .failed, from: owner + 1)
        }
    }
}

extension MeshState {
    /// Runs a routing step on the mesh without retaining it: a strong reference taken on every hop is a retain and a
    /// release per hop (docs/PERFORMANCE.md, 'Design measurements'). Nothing in a step replaces the mesh.
    @inline(__always) func withRouting<T>(_ body: (MeshState) -> T) -> T {
        Unmanaged.passUnretained(self)._withUnsafeGuaranteedRef(body)
    }
}
