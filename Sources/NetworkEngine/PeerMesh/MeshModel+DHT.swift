// MARK: - The DHT overlay: lookups routed greedily around the ring to the key's owner

extension MeshModel {
    /// Sends the live lookup `ref` for `resource` one hop on from `peer` (at `rank` on the ring), or serves it there
    /// when `peer` owns the key.
    ///
    /// The last hop, from the key's predecessor, goes to a live replica holder drawn uniformly (the `reads` stream),
    /// not always to the owner: the predecessor keeps the key's successors (Chord's successor list), which are
    /// exactly the key's r holders, so any of them can answer, and a hot key's load is shared by all r instead of
    /// resting on its first holder. Uniform rather than nearest: a DHT identifier says nothing of network distance,
    /// and every hop here costs the same latency, so no holder is nearer. Hops keep their definition (the route to
    /// the key's owner): the last hop is counted once whichever holder it reaches.
    @inline(__always)
    mutating func forwardLookup(_ ref: RequestRef, from peer: Int, rank: Int, resource: Int,
                                _ ctx: inout EngineContext) {
        let key = ChordRing.key(forResource: resource)
        let next: (rank: Int, peer: Int, last: Bool)? = state.withRouting { mesh in
            guard let ends = mesh.endpoints(slot: Int(ref.slot), resource: resource),
                  let next = mesh.ring.nextRank(fromRank: rank, toward: key, ends: ends) else { return nil }
            mesh.lookupMessages += 1
            return (next, mesh.ring.peer(atRank: next), next == ends.owner)
        }
        if state.trace.lookupActive, state.trace.lookup == ref {
            state.trace.lookupAt(peer, ended: next == nil, now: ctx.now)
        }
        if let next {
            if next.last, let holder = state.liveHolder(of: resource) {
                ctx.sendMessage(.lookupReachesHolder(ref, peer: Int32(holder)), ref: ref, from: peer, to: holder)
            } else {
                ctx.sendMessage(.lookupArrives(ref, rank: Int32(next.rank)), ref: ref, from: peer, to: next.peer)
            }
        } else {
            arriveAtOwner(ref, peer, &ctx)
        }
    }

    /// A lookup's last hop reached `holder`, the replica holder the key's predecessor chose: it serves the request.
    /// (A holder that no longer has the resource, after the mesh was rebuilt larger while the hop was on the wire,
    /// routes the lookup on from where it is.)
    mutating func lookupReachedHolder(_ ref: RequestRef, at holder: Int, _ ctx: inout EngineContext) {
        guard ctx.requests.isLive(ref) else { return }
        // A departed holder drops it, as any departed peer on the route does; the timeout retries.
        guard ctx.isUp(holder) else { if ctx.timeout == 0 { ctx.strand(ref) }; return }
        ctx.requests[ref].hops &+= 1
        let resource = Int(ctx.requests[ref].resource)
        guard state.holds(holder, resource) else {
            forwardLookup(ref, from: holder, rank: state.ring.rank(of: holder), resource: resource, &ctx)
            return
        }
        if state.trace.lookupActive, state.trace.lookup == ref {
            state.trace.lookupAt(holder, ended: true, now: ctx.now)
        }
        if let cacher = cachedCopyInTurn(of: resource) {
            // The holder hands the read to a peer that cached the resource: one more message, not a hop.
            recordLookup(hops: Int(ctx.requests[ref].hops))
            state.lookupMessages += 1
            ctx.sendMessage(.meshRequestArrives(ref, holder: Int32(cacher)), ref: ref, from: holder, to: cacher)
            return
        }
        arriveAtOwner(ref, holder, &ctx)
    }

    /// With the cache on, the key's holders keep the list of the resource's cached copies and share its reads with
    /// them: a read goes to a copy with probability copies / (online replicas + copies), so every replica and copy
    /// serves an equal share, the copies in turn (`PeerCaches.nextCopy(of:)`). Nil: the holder serves it itself.
    @inline(__always) private mutating func cachedCopyInTurn(of resource: Int) -> Int? {
        guard let cache = state.cache else { return nil }
        let copies = cache.copyCount(of: resource)
        guard copies > 0 else { return nil }
        let replicas = max(1, Int(state.onlineReplicas[resource]))
        guard state.reads.below(replicas + copies) >= replicas else { return nil }
        return cache.nextCopy(of: resource)
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

    /// The key's owner (or the holder its predecessor chose) has the request: serve it if it holds a replica, or say
    /// it is not found.
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
