// MARK: - Cache prefetch hints for the next events (hints only: the run's results never depend on them)

extension Engine {
    /// Starts the memory loads of the next two events while a lookup is handled, in two stages. For the event after
    /// next: a lookup's ring place, request record and cached routing ends, or a reply's request and client records.
    /// For the next event, whose first-stage loads were asked for one event ago: if it is a lookup reaching its key's
    /// owner, that owner's server and replica flags. At 100,000 peers these lines have left the cache by the time
    /// they are read again, and their misses were a large share of a DHT run's time (docs/PERFORMANCE.md, 'Design
    /// measurements').
    @inline(__always) func prefetchAhead() {
        switch kernel.upcoming(1) {
        case .lookupArrives(let ref, let rank)?: prefetchHop(ref, rank: Int(rank))
        case .lookupReachesHolder(let ref, _)?: ctx.requests.prefetch(slot: Int(ref.slot))
        case .deliverReply(let ref, let client, _)?: prefetchReply(ref, client: Int(client))
        case nil:
            // The slot holds one more event only: its first stage, late, and no second.
            switch kernel.upcoming(0) {
            case .lookupArrives(let ref, let rank)?: prefetchHop(ref, rank: Int(rank))
            case .deliverReply(let ref, let client, _)?: prefetchReply(ref, client: Int(client))
            default: break
            }
            return
        default: break
        }
        switch kernel.upcoming(0) {
        case .lookupArrives(let ref, let rank)?: prefetchOwner(ref, rank: Int(rank))
        case .lookupReachesHolder(let ref, let peer)?: mesh?.prefetchHolder(Int(peer), slot: Int(ref.slot))
        default: break
        }
    }

    @inline(__always) func prefetchHop(_ ref: RequestRef, rank: Int) {
        mesh?.prefetch(rank: rank, slot: Int(ref.slot))
        ctx.requests.prefetch(slot: Int(ref.slot))
    }

    /// The second stage for a lookup about to arrive at `rank`: when its cached ends say `rank` owns the key, the
    /// owner's server, replica flags, epoch and served count.
    @inline(__always) func prefetchOwner(_ ref: RequestRef, rank: Int) {
        mesh?.prefetchOwner(slot: Int(ref.slot), rank: rank)
    }

    /// Starts loading what a reply arriving soon reads: its request record and its client's record (at 100,000 peers
    /// the client's record missed the cache on nearly every reply: docs/PERFORMANCE.md, 'Design measurements').
    @inline(__always) func prefetchReply(_ ref: RequestRef, client: Int) {
        ctx.requests.prefetch(slot: Int(ref.slot))
        guard client >= 0 else { return }
        prefetchHint(clients.recordsAddress, index: client, stride: MemoryLayout<ClientRecord>.stride)
    }

    /// Starts loading what issuing the next arrival's request will read. Its client and resource are the next draws of
    /// the arrival and workload streams, so copies of those generators name them without disturbing the real ones (if
    /// the population changes first, the guess is wrong and the hint merely wasted).
    @inline(__always) func prefetchNextArrival() {
        let guess = clients.nextArrivalGuess(members: ctx.activeNodes)
        prefetchHint(clients.recordsAddress, index: guess.client, stride: MemoryLayout<ClientRecord>.stride)
        guard ctx.architecture == .peerMesh else { return }
        var workloadAhead = guess.workload
        let resource = clients.picker.pick(&workloadAhead)
        mesh?.prefetchIssue(peer: guess.client, resource: resource)
    }
}

extension MeshModel {
    @inline(__always) mutating func prefetch(rank: Int, slot: Int) {
        state.withRouting { $0.prefetch(rank: rank, slot: slot) }
    }

    @inline(__always) mutating func prefetchOwner(slot: Int, rank: Int) {
        if let owner = state.withRouting({ $0.prefetchOwner(slot: slot, rank: rank) }) { servers.prefetch(peer: owner) }
    }

    /// The second stage for a lookup's last hop about to reach `holder`: its server, replica flags, epoch and served
    /// count.
    @inline(__always) mutating func prefetchHolder(_ holder: Int, slot: Int) {
        state.withRouting { $0.prefetchHolder(holder, slot: slot) }
        servers.prefetch(peer: holder)
    }

    @inline(__always) mutating func prefetchIssue(peer: Int, resource: Int) {
        state.withRouting { $0.prefetchIssue(peer: peer, resource: resource) }
    }
}
