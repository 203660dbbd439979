/// The peer mesh: the overlay that finds a resource's holders (a DHT or flooding, `MeshModel+DHT.swift` and
/// `MeshModel+Flooding.swift` behind `locate(_:_:)`), each peer's own small server, replica seeding, and how the
/// overlay follows peers leaving and joining.
///
/// Methods that only read are still `mutating`: called through the engine's optional `mesh?`, a mutating call works
/// on the stored value in place, where a non-mutating one may copy it (retaining its two objects on every hop).
struct MeshModel {
    /// Overlay, replica holders and the mesh's counters (replaced by a bigger one when peers join beyond its size).
    private(set) var state: MeshState
    /// Every peer's server, in flat storage.
    let servers: PeerServers
    let meanService: SimTime
    let constantService: Bool

    init(scenario: Scenario, peers: Int, now: SimTime, seeded: Bool, liveness: Liveness) {
        state = MeshState(scenario: scenario, peers: peers, now: now, seeded: seeded, isUp: liveness.isUp)
        servers = PeerServers(workers: scenario.mesh.workers, queueCapacity: scenario.mesh.queue)
        meanService = .millis(scenario.mesh.serviceMs)
        constantService = scenario.server.service == .constant
    }

    var peerCount: Int { state.peerCount }

    /// The same mesh, peers' servers included, in memory of its own (a checkpoint).
    func copy() -> MeshModel {
        MeshModel(state: state.copy(), servers: servers.copy(), meanService: meanService,
                  constantService: constantService)
    }

    private init(state: MeshState, servers: PeerServers, meanService: SimTime, constantService: Bool) {
        self.state = state; self.servers = servers; self.meanService = meanService
        self.constantService = constantService
    }

    /// Makes a bigger mesh over `peers` slots (peers joined beyond the overlay's size), keeping the counters, so the
    /// figures run on; lookups in flight name their next peer by its place on the ring, re-placed on the new one.
    mutating func rebuild(scenario: Scenario, peers: Int, seeded: Bool, _ ctx: inout EngineContext) {
        let fresh = MeshState(scenario: scenario, peers: peers, now: ctx.now, seeded: seeded, isUp: ctx.liveness.isUp)
        let old = state
        fresh.carryCounters(from: old, at: ctx.now)
        ctx.kernel.updatePending { event in
            if case .lookupArrives(let ref, let rank) = event {
                event = .lookupArrives(ref, rank: Int32(fresh.ring.rank(of: old.ring.peer(atRank: Int(rank)))))
            }
        }
        state = fresh
    }

    // MARK: - Finding a holder

    /// A mesh request starts (or is retried): find a holder of its resource, then be served there. Returns whether
    /// the request now waits on the network (and needs its timeout): a peer holding the resource (a replica, or a
    /// copy in its cache) serves it at home.
    mutating func locate(_ ref: RequestRef, _ ctx: inout EngineContext) -> Bool {
        let requester = Int(ctx.requests[ref].client)
        let resource = Int(ctx.requests[ref].resource)
        ctx.requests[ref].hops = 0
        state.lookupsStarted += 1
        lookupStarted(ref, &ctx)
        if state.hasCopy(requester, resource) {
            lookupResolved(ref, &ctx)
            recordLookup(hops: 0)
            serve(ref, at: requester, &ctx)
            return false
        }
        switch state.discovery {
        case .dht:
            if state.trace.wantsLookup(at: ctx.now) || state.trace.lookup == ref {
                state.trace.startLookup(ref, at: ctx.now)
            }
            forwardLookup(ref, from: requester, rank: state.ring.rank(of: requester), resource: resource, &ctx)
        case .flooding: startFlood(ref, from: requester, resource: resource, &ctx)
        }
        return true
    }

    /// The configuration changed (a command): the mean hops' batches start again, as the latencies' do
    /// (`MetricsRecorder.restartBatches(at:)`), and so does the live view's flood reach. The running means
    /// (`hopSum / lookupsResolved`, `floodReachedSum / floodsCompleted`) are the run's and stay.
    mutating func restartBatches() {
        state.hopBatches.restart()
        state.reachBatches.restart()
    }

    func recordLookup(hops: Int) {
        state.lookupsResolved += 1
        state.hopSum += hops
        state.hopBatches.add(Double(hops))
    }

    // MARK: - Serving

    /// A request (or a guess) reaches `holder` directly.
    mutating func requestArrived(_ ref: RequestRef, at holder: Int, _ ctx: inout EngineContext) {
        if ctx.requests.isLive(ref) { serve(ref, at: holder, &ctx) }
    }

    /// Hands `ref` to peer `peer`'s own small server.
    mutating func serve(_ ref: RequestRef, at peer: Int, _ ctx: inout EngineContext) {
        guard ctx.isUp(peer) else {
            // A request's timeout deals with a departed holder; a guess has none: it is simply gone.
            if ctx.isGuess(ref) {
                ctx.requests.close(ref)
            } else if ctx.timeout == 0, ctx.requests.isLive(ref) {
                ctx.strand(ref)
            }
            return
        }
        if ctx.requests.isLive(ref) { ctx.requests[ref].phase = .atServer }
        var server = peerServer(peer)
        carryOut(server.accept(ref), peer: peer, &ctx)
    }

    mutating func serviceDone(peer: Int, worker: Int, epoch: UInt32, _ ctx: inout EngineContext) {
        guard epoch == state.epochs[peer] else { return }
        var server = peerServer(peer)
        carryOut(server.complete(worker: worker), peer: peer, &ctx)
    }

    /// Peer `peer`'s server, made (with every other peer's) when first needed.
    @inline(__always) private func peerServer(_ peer: Int) -> PeerServer {
        if servers.count < state.peerCount { servers.grow(to: state.peerCount) }
        return servers.server(peer)
    }

    /// Does what a peer server's transition asked, in the order it happened.
    @inline(__always)
    private mutating func carryOut(_ step: ServerStep<RequestRef>, peer: Int, _ ctx: inout EngineContext) {
        if let o = step.overload, o.overloaded { overloaded(peer, queueLength: o.queueLength, &ctx) }
        if let r = step.reply { reply(r.request, r.outcome, from: peer, &ctx) }
        if let s = step.start {
            let mean = ctx.isGuess(s.request) ? ctx.meanLogin : meanService
            let d = constantService ? mean : ctx.service.exponential(mean: mean)
            ctx.kernel.schedule(.peerServiceDone(peer: Int32(peer), worker: Int32(s.worker), epoch: state.epochs[peer]),
                                after: d)
        }
        // A peer's overload ending is not an event of the log.
    }

    private func reply(_ ref: RequestRef, _ outcome: ReplyOutcome, from peer: Int, _ ctx: inout EngineContext) {
        if ctx.isGuess(ref) {
            ctx.guessAnswered(ref, outcome: outcome, byPeer: peer)
        } else {
            if outcome == .completed {
                state.served[peer] += 1
                if state.cache != nil, ctx.requests.isLive(ref), !state.holds(peer, Int(ctx.requests[ref].resource)) {
                    state.cacheHits += 1
                }
            }
            // With storage in play the holder's copy is read or written (`MeshModel+Storage.swift`).
            let outcome = outcome == .completed && ctx.files.active ? servedFile(ref, at: peer, &ctx) : outcome
            ctx.sendReply(ref, outcome, from: peer + 1)
        }
    }

    private func overloaded(_ peer: Int, queueLength: Int, _ ctx: inout EngineContext) {
        state.peerOverloads += 1
        ctx.log(.overload, node: peer + 1,
                "peer \(peer + 1) overloaded: its queue is full (\(queueLength)/\(ctx.scenario.mesh.queue))")
    }

    // MARK: - Caching what peers fetched

    /// A reply reached its requester: when it completed a mesh read of a resource the requester holds no replica
    /// of, the requester caches it (or refreshes its copy), evicting its least recently used copy if full.
    mutating func fetched(_ ref: RequestRef, _ ctx: inout EngineContext) {
        guard let cache = state.cache, ctx.requests.isLive(ref), ctx.requests[ref].kind == .data,
              ctx.requests[ref].architecture == .peerMesh else { return }
        let peer = Int(ctx.requests[ref].client), resource = Int(ctx.requests[ref].resource)
        guard peer < state.peerCount, ctx.isUp(peer), !state.holds(peer, resource) else { return }
        cache.use(resource, at: peer, now: ctx.now)
    }

    /// `mesh.cache` was set while the run goes on: switched on, every peer gets its empty cache now (allocated here,
    /// once, not per event); switched off, every cached copy is forgotten.
    mutating func cacheSwitched(_ ctx: inout EngineContext) {
        let mesh = ctx.scenario.mesh
        if !mesh.cache {
            state.cache = nil
        } else if state.cache == nil {
            state.cache = PeerCaches(peers: state.peerCount, itemsPerPeer: mesh.cacheItems, resources: state.resources)
        }
    }

    /// A write made `resource`'s cached copies stale: every copy is forgotten, and each costs one invalidation
    /// message from the key's holders, who keep the list of copies (`PeerCaches`). Returns the messages sent (0 with
    /// the cache off). The copies are dropped at once: a lost invalidation is counted as sent, not modelled as a
    /// stale read.
    @discardableResult
    func invalidateCachedCopies(of resource: Int, _ ctx: inout EngineContext) -> Int {
        guard let cache = state.cache, resource >= 0, resource < state.resources else { return 0 }
        let messages = cache.invalidate(resource)
        for _ in 0..<messages { ctx.metrics.message() }
        state.cacheInvalidations += messages
        return messages
    }

    // MARK: - Peers leaving and joining

    /// Peer `peer` went down or came up (crash, churn, restart, leaving or joining the population): its replicas and
    /// server follow, and the overlay repairs. Called only when `Liveness` changed for it.
    mutating func peerChanged(_ peer: Int, up: Bool, _ ctx: inout EngineContext) {
        guard peer < state.peerCount else { return }
        if up { ctx.security.meshExhausted = false }
        // DHT peers learn of a departure at their next periodic fix-up, uniformly within the period; until then
        // lookups are still routed to the departed peer and lost (the requester's timeout retries them).
        let stabilize = ctx.scenario.mesh.stabilize
        let repairNow = up || state.discovery == .flooding || stabilize <= 0
        state.peerChanged(peer, up: up, at: ctx.now, repairNow: repairNow)
        if !repairNow {
            ctx.kernel.schedule(.ringRepair(peer: Int32(peer)), after: .seconds(stabilize * ctx.churn.unit()))
        }
        let liveness = ctx.liveness
        if up, state.discovery == .flooding { state.flood.rejoin(peer, rng: &ctx.churn, isAlive: liveness.isUp) }
        guard !up else { return }
        state.epochs[peer] &+= 1
        state.cache?.dropAll(of: peer)
        // What the departing peer was serving is lost with it (its requesters hear a reset).
        if peer < servers.count {
            var server = servers.server(peer)
            for ref in server.fail().failed { reply(ref, .failed, from: peer, &ctx) }
            server.up = true  // back up, empty, for the peer's return
        }
        if state.discovery == .flooding {
            for n in state.flood.neighbours(of: peer) {
                state.flood.replaceNeighbour(of: Int(n), lost: peer, rng: &ctx.churn, isAlive: liveness.isUp)
            }
        }
    }

    /// The periodic fix-up: routing stops using `peer` if it is still gone.
    mutating func ringRepair(_ peer: Int, _ ctx: inout EngineContext) {
        if peer < state.peerCount, !ctx.isUp(peer) { state.repairRing(peer) }
    }

    // MARK: - Seeding after a switch from client-server

    /// Sends every replica from the server to its holder, one message each; returns the number of messages.
    mutating func seed(_ ctx: inout EngineContext) -> Int {
        ctx.metrics.traffic.serverResources += state.holders.count
        for slot in state.holders.indices {
            if ctx.sendsAndLoses() { continue }
            ctx.kernel.schedule(.seedArrives(slot: Int32(slot)), after: ctx.hopDelay())
        }
        return state.holders.count
    }

    mutating func seedArrived(_ slot: Int, _ ctx: inout EngineContext) {
        state.replicaArrived(slot: slot, holderUp: ctx.isUp(Int(state.holders[slot])), at: ctx.now)
    }

    /// Resources still reachable (at least one replica online).
    var reachableResources: Int { state.resources - state.unavailable }
}
