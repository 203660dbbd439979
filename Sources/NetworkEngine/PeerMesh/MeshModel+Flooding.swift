// MARK: - The flooding overlay: queries flooded to neighbours with a TTL, hits back along the reverse path

extension MeshModel {
    /// Starts flooding a query for `resource` from `requester`.
    mutating func startFlood(_ ref: RequestRef, from requester: Int, resource: Int, _ ctx: inout EngineContext) {
        let serial = state.nextFlood
        state.nextFlood &+= 1
        var flood = MeshState.Flood(request: ref, origin: Int32(requester), resource: Int32(resource))
        flood.parent[Int32(requester)] = -1
        state.floods[serial] = flood
        if state.trace.wantsFlood(at: ctx.now) { state.trace.startFlood(serial, origin: requester, at: ctx.now) }
        ctx.requests[ref].phase = .toServer
        floodOut(serial, from: requester, except: -1, ttl: ctx.scenario.mesh.ttl, &ctx)
        finishFloodIfDone(serial, &ctx)
    }

    /// Sends flood `serial` from `peer` to each up neighbour but `except`, with `ttl` hops left.
    mutating func floodOut(_ serial: UInt32, from peer: Int, except: Int, ttl: Int, _ ctx: inout EngineContext) {
        guard ttl > 0 else { return }
        // Links to departed peers are repaired away; a neighbour that is down right now is not sent to.
        for n in state.flood.neighbours(of: peer) where Int(n) != except && ctx.isUp(Int(n)) {
            state.floods[serial]?.pending += 1
            state.floods[serial]?.queryMessages += 1
            state.lookupMessages += 1
            if ctx.peerSendsAndLoses() {
                state.floods[serial]?.pending -= 1
                continue
            }
            ctx.kernel.schedule(.floodArrives(flood: serial, peer: Int32(n), from: Int32(peer), ttl: UInt8(ttl - 1)),
                                after: ctx.hopDelay())
        }
    }

    /// A query reached `peer` from `from`: duplicates stop here; first receptions answer if they hold it and pass on.
    mutating func floodArrived(_ serial: UInt32, at peer: Int, from: Int, ttl: Int, _ ctx: inout EngineContext) {
        // In place throughout: a copy of the flood would copy its parent table on the first write.
        guard state.floods[serial] != nil else { return }
        state.floods[serial]?.pending -= 1
        let seen = state.floods[serial]?.parent[Int32(peer)] != nil
        if !seen && ctx.isUp(peer) {
            state.floods[serial]?.parent[Int32(peer)] = Int32(from)
            if state.trace.floodActive, state.trace.flood == serial {
                state.trace.reached(peer, hop: ctx.scenario.mesh.ttl - ttl)
            }
            // A peer with a cached copy answers like a replica holder (`mesh.cache`).
            if let resource = state.floods[serial]?.resource, state.hasCopy(peer, Int(resource)) {
                sendHit(serial, toward: from, holder: peer, &ctx)
            }
            floodOut(serial, from: peer, except: from, ttl: ttl, &ctx)
        }
        finishFloodIfDone(serial, &ctx)
    }

    mutating func sendHit(_ serial: UInt32, toward peer: Int, holder: Int, _ ctx: inout EngineContext) {
        state.lookupMessages += 1
        state.floods[serial]?.pending += 1
        if ctx.peerSendsAndLoses() {
            state.floods[serial]?.pending -= 1
            return
        }
        ctx.kernel.schedule(.hitArrives(flood: serial, peer: Int32(peer), holder: Int32(holder)), after: ctx.hopDelay())
    }

    /// A query hit travels back along the reverse path; the first to reach the requester wins.
    mutating func hitArrived(_ serial: UInt32, at peer: Int, holder: Int, _ ctx: inout EngineContext) {
        guard state.floods[serial] != nil else { return }
        state.floods[serial]?.pending -= 1
        let origin = state.floods[serial]?.origin ?? -1
        if peer == Int(origin) {
            if let ref = state.floods[serial]?.request, state.floods[serial]?.answered == false,
               ctx.requests.isLive(ref), ctx.requests[ref].phase == .toServer {
                state.floods[serial]?.answered = true
                lookupResolved(ref, &ctx)
                recordLookup(hops: 0)
                ctx.sendMessage(.meshRequestArrives(ref, holder: Int32(holder)), ref: ref, from: peer, to: holder)
            }
        } else if ctx.isUp(peer), let parent = state.floods[serial]?.parent[Int32(peer)], parent >= 0 {
            sendHit(serial, toward: Int(parent), holder: holder, &ctx)
        }
        finishFloodIfDone(serial, &ctx)
    }

    /// Forgets a flood once none of its messages is on the wire, and adds it to the fidelity sums.
    mutating func finishFloodIfDone(_ serial: UInt32, _ ctx: inout EngineContext) {
        guard let flood = state.floods[serial], flood.pending == 0 else { return }
        state.floods[serial] = nil
        if state.trace.floodActive, state.trace.flood == serial { state.trace.floodEnded(at: ctx.now) }
        // A flood that found nobody: its lookup failed (the request still waits for its timeout; with none, it is
        // stranded).
        if !flood.answered { lookupFailed(flood.request, &ctx) }
        if !flood.answered, ctx.timeout == 0, ctx.requests.isLive(flood.request),
           ctx.requests[flood.request].phase == .toServer {
            ctx.strand(flood.request)
        }
        state.floodsCompleted += 1
        state.floodReachedSum += flood.parent.count - 1
        state.reachBatches.add(Double(flood.parent.count - 1))
        state.floodQueryMessageSum += flood.queryMessages
    }

    /// What a flood from peer `peer` with the scenario's TTL costs on the current overlay, by a breadth-first count.
    func floodPrediction(from peer: Int, ttl: Int, _ ctx: EngineContext) -> (reached: Int, messages: Int) {
        let liveness = ctx.liveness
        return state.flood.bfsPrediction(from: peer, ttl: ttl, isAlive: liveness.isUp)
    }
}
