/// The peer mesh's state: the overlay, where each resource's replicas live, and the counters behind the mesh figures
/// (each peer's small server is in `MeshModel.servers`).
///
/// A class, not a struct: `MeshModel` is reached through the engine's optional on every hop, and for this large
/// struct the optional's tag check was an outlined call, where for a class it is a null test (docs/PERFORMANCE.md).
/// A rebuild makes a new one; a checkpoint copies it (`copy()`).
final class MeshState {
    let discovery: Scenario.Discovery
    let replicas: Int
    let resources: Int
    var ring: ChordRing
    var flood: FloodingOverlay
    /// Replica holders, resource-major: `holders[r * replicas + i]` is a peer index.
    var holders: [Int32]
    /// Whether each replica has arrived (false until seeding delivers it after a switch from client-server).
    var present: [Bool]
    /// Replicas of each resource that are present on an up peer.
    var onlineReplicas: [Int32]
    /// Per peer, the replica slots it holds (indices into `holders`).
    var heldBy: [[Int32]]
    /// Resources with no online replica right now, and the time integral of that count.
    var unavailable = 0
    var unavailableArea: Double = 0
    var lastAvailabilityTime: SimTime
    var startedAt: SimTime

    /// Each peer's server epoch: bumped when it leaves, so its pending service completions are ignored.
    /// (The peers' servers themselves live in `Engine.peerServers`, apart, so a server can run while its effects
    /// update these counters.)
    var epochs: [UInt32]
    /// Requests each peer served (load).
    var served: [Int]

    /// Each DHT lookup's `ChordRing.LookupEnds` (owner and predecessor ranks, the predecessor's identifier), by
    /// request slot, found at its first hop and valid while `ringVersion` stands: later hops skip a search over the
    /// identifiers and a read of the predecessor's place, each a cache miss at 100,000 peers. An entry is tagged with
    /// its resource, not its request: a later request in the same slot for the same resource steers to the same ends.
    /// A fresh mesh starts with none.
    var lookupEnds: [CachedEnds] = []
    /// Bumped whenever a peer joins or leaves routing (`ring.setAlive`), which may move any key's owner.
    var ringVersion: UInt32 = 1
    /// Where `lookupEnds` keeps its elements (refreshed when it grows), and `holders`, `present`, `epochs` and
    /// `served` theirs (none is resized after `init`), for prefetch hints (see Prefetch.swift).
    var lookupEndsAddress: UInt = 0
    var holdersAddress: UInt = 0
    var presentAddress: UInt = 0
    var epochsAddress: UInt = 0
    var servedAddress: UInt = 0

    struct CachedEnds {
        var resource: Int32 = -1
        var version: UInt32 = 0
        var ends = ChordRing.LookupEnds(owner: 0, predecessor: 0, predecessorID: 0)
    }

    /// Lookups resolved, their hops, and the messages every lookup cost (hops, floods, duplicates, hits).
    var lookupsResolved = 0
    var hopSum = 0
    /// Each resolved DHT lookup's hops in batches: the mean hops' confidence interval (`ConfidenceView`).
    var hopBatches = BatchMeans()
    /// Batch means of the peers each completed flood reached since the configuration last changed: `mean_reach`'s
    /// interval (`confidence.flood_reach`), and the live view's reach beside the theory in force (`mean`).
    var reachBatches = BatchMeans()
    var lookupMessages = 0
    var lookupsStarted = 0
    var peerOverloads = 0

    /// Each peer's cache of what it fetched, and each resource's cached copies (`mesh.cache`; nil when off).
    var cache: PeerCaches?
    /// Reads a cached copy served (at home or for another peer), and the invalidation messages writes sent.
    var cacheHits = 0
    var cacheInvalidations = 0

    /// Which live holder serves each DHT read (`liveHolder(of:)`): a stream of its own, so adding it changed no other
    /// draw. Carried over when the mesh is rebuilt larger, so a rebuild does not replay earlier draws.
    var reads: SeededRandom

    /// The latest followed lookup's path and flood's wave, for the live view.
    var trace = MeshTrace()

    /// Floods in progress, by serial number.
    var floods: [UInt32: Flood] = [:]
    var nextFlood: UInt32 = 0
    /// Sums over completed floods, for the fidelity comparison with a breadth-first count.
    var floodsCompleted = 0
    var floodReachedSum = 0
    var floodQueryMessageSum = 0

    /// One flooded query: who asked, who heard it first from whom, and how many of its messages are still on the wire.
    struct Flood {
        var request: RequestRef
        var origin: Int32
        var resource: Int32
        /// Peer → the neighbour it first heard the query from (the reverse path for hits).
        var parent: [Int32: Int32] = [:]
        var pending = 0
        var queryMessages = 0
        /// Hit already acted on: later hits are counted and ignored.
        var answered = false
    }

    init(scenario: Scenario, peers: Int, now: SimTime, seeded: Bool, isUp: (Int) -> Bool) {
        var topology = SeededRandom(seed: scenario.seed, stream: .topology)
        reads = SeededRandom(seed: scenario.seed, stream: .reads)
        cache = scenario.mesh.cache
            ? PeerCaches(peers: peers, itemsPerPeer: scenario.mesh.cacheItems, resources: scenario.workload.resources)
            : nil
        discovery = scenario.mesh.discovery
        replicas = min(scenario.mesh.replicas, max(1, peers))
        resources = scenario.workload.resources
        ring = ChordRing(peerCount: peers, rng: &topology)
        // A DHT never floods, so it gets no flooding overlay (the overlay's draws come after the ring's: DHT runs are
        // unchanged, and a million-peer DHT saves a million small adjacency arrays and a tenth of its start-up).
        flood = discovery == .flooding
            ? FloodingOverlay(peerCount: peers, degree: scenario.mesh.degree, rng: &topology)
            : FloodingOverlay(peerCount: 0, edges: [])
        if discovery == .dht {
            var h: [Int32] = []
            h.reserveCapacity(resources * replicas)
            for r in 0..<resources {
                for p in ring.replicaHolders(of: ChordRing.key(forResource: r), count: replicas) { h.append(Int32(p)) }
            }
            holders = h
        } else {
            holders = placeReplicas(resources: resources, replicas: replicas, peers: peers, rng: &topology)
        }
        present = Array(repeating: seeded, count: holders.count)
        heldBy = Array(repeating: [], count: peers)
        for (slot, p) in holders.enumerated() { heldBy[Int(p)].append(Int32(slot)) }
        onlineReplicas = Array(repeating: 0, count: resources)
        epochs = Array(repeating: 0, count: peers)
        served = Array(repeating: 0, count: peers)
        lastAvailabilityTime = now
        startedAt = now
        // The ring's alive flags are the overlay's routing view, which learns of a departure only at the next
        // fix-up (DHT with `stabilize` > 0); whether a peer is up is `Liveness`'s to say.
        for p in 0..<peers { ring.setAlive(p, isUp(p)) }
        for (slot, p) in holders.enumerated() where present[slot] && isUp(Int(p)) {
            onlineReplicas[slot / replicas] += 1
        }
        unavailable = onlineReplicas.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        holdersAddress = elementsAddress(of: holders)
        presentAddress = elementsAddress(of: present)
        epochsAddress = elementsAddress(of: epochs)
        servedAddress = elementsAddress(of: served)
    }

    var peerCount: Int { served.count }

    /// The same mesh in memory of its own (a checkpoint). The arrays whose addresses are kept for prefetch hints get
    /// buffers of their own now, so neither mesh's hints point into the other's memory after a write.
    func copy() -> MeshState { MeshState(copying: self) }

    private init(copying o: MeshState) {
        func own<T>(_ a: [T]) -> [T] { a.withUnsafeBufferPointer { Array($0) } }
        discovery = o.discovery; replicas = o.replicas; resources = o.resources
        ring = o.ring; flood = o.flood
        holders = own(o.holders); present = own(o.present); onlineReplicas = o.onlineReplicas; heldBy = o.heldBy
        unavailable = o.unavailable; unavailableArea = o.unavailableArea
        lastAvailabilityTime = o.lastAvailabilityTime; startedAt = o.startedAt
        epochs = own(o.epochs); served = own(o.served); lookupEnds = own(o.lookupEnds); ringVersion = o.ringVersion
        lookupsResolved = o.lookupsResolved; hopSum = o.hopSum; hopBatches = o.hopBatches; lookupMessages = o.lookupMessages
        lookupsStarted = o.lookupsStarted; peerOverloads = o.peerOverloads
        floods = o.floods; nextFlood = o.nextFlood; reads = o.reads
        cache = o.cache?.copy(); cacheHits = o.cacheHits; cacheInvalidations = o.cacheInvalidations
        trace = o.trace
        trace.path = own(o.trace.path); trace.wavePeers = own(o.trace.wavePeers); trace.waveHops = own(o.trace.waveHops)
        floodsCompleted = o.floodsCompleted; floodReachedSum = o.floodReachedSum
        reachBatches = o.reachBatches
        floodQueryMessageSum = o.floodQueryMessageSum
        lookupEndsAddress = elementsAddress(of: lookupEnds)
        holdersAddress = elementsAddress(of: holders)
        presentAddress = elementsAddress(of: present)
        epochsAddress = elementsAddress(of: epochs)
        servedAddress = elementsAddress(of: served)
    }

    /// Starts loading what a lookup arriving at `rank` for request `slot` reads: the place and the cached ends.
    @inline(__always) func prefetch(rank: Int, slot: Int) {
        ring.prefetch(rank: rank)
        if slot < lookupEnds.count { prefetchHint(lookupEndsAddress, index: slot, stride: MemoryLayout<CachedEnds>.stride) }
    }

    /// Starts loading what a request of `peer` for `resource` reads first: whether the peer holds a replica, and the
    /// peer's place on the ring.
    @inline(__always) func prefetchIssue(peer: Int, resource: Int) {
        ring.prefetchPlace(of: peer)
        prefetchReplicas(of: resource)
    }

    /// Starts loading `resource`'s replica holders and flags.
    @inline(__always) func prefetchReplicas(of resource: Int) {
        prefetchHint(holdersAddress, index: resource &* replicas, stride: MemoryLayout<Int32>.stride)
        prefetchHint(presentAddress, index: resource &* replicas, stride: MemoryLayout<Bool>.stride)
    }

    /// If the cached ends of the lookup in request `slot` say `rank` owns its key: starts loading that owner's
    /// replica flags for the resource, its epoch and its served count, and returns the owner (for its server).
    @inline(__always) func prefetchOwner(slot: Int, rank: Int) -> Int? {
        guard slot < lookupEnds.count else { return nil }
        let cached = lookupEnds[slot]
        guard cached.ends.owner == rank, cached.resource >= 0 else { return nil }
        let owner = ring.peer(atRank: rank)
        prefetchReplicas(of: Int(cached.resource))
        prefetchHint(epochsAddress, index: owner, stride: MemoryLayout<UInt32>.stride)
        prefetchHint(servedAddress, index: owner, stride: MemoryLayout<Int>.stride)
        return owner
    }

    /// Starts loading what a lookup's last hop reaching `holder` reads: the resource's replica flags (its resource is
    /// the cached ends' of request `slot`), the holder's epoch and served count.
    @inline(__always) func prefetchHolder(_ holder: Int, slot: Int) {
        if slot < lookupEnds.count, lookupEnds[slot].resource >= 0 { prefetchReplicas(of: Int(lookupEnds[slot].resource)) }
        prefetchHint(epochsAddress, index: holder, stride: MemoryLayout<UInt32>.stride)
        prefetchHint(servedAddress, index: holder, stride: MemoryLayout<Int>.stride)
    }

    /// The routing ends of the lookup in request slot `slot` for `resource`, from the cache when the ring has not
    /// changed since they were found; nil when no peer is alive.
    @inline(__always)
    func endpoints(slot: Int, resource: Int) -> ChordRing.LookupEnds? {
        if slot < lookupEnds.count {
            let cached = lookupEnds[slot]
            if cached.version == ringVersion && cached.resource == Int32(resource) { return cached.ends }
        }
        return findEndpoints(slot: slot, resource: resource)
    }

    /// `endpoints(slot:resource:)` when the cache does not have them (a lookup's first hop, or the ring changed).
    @inline(never)
    func findEndpoints(slot: Int, resource: Int) -> ChordRing.LookupEnds? {
        if slot >= lookupEnds.count {
            lookupEnds += Array(repeating: CachedEnds(), count: max(64, slot + 1 - lookupEnds.count))
            lookupEndsAddress = elementsAddress(of: lookupEnds)
        }
        guard let ends = ring.endpoints(of: ChordRing.key(forResource: resource)) else { return nil }
        lookupEnds[slot] = CachedEnds(resource: Int32(resource), version: ringVersion, ends: ends)
        return ends
    }

    /// Marks `peer` alive or departed in routing, which may move the owner of any key.
    private func setRouting(_ peer: Int, alive: Bool) {
        ring.setAlive(peer, alive)
        ringVersion &+= 1
        // After 2^32 changes a stale entry could match again: forget them all instead (0 marks an entry unfilled).
        if ringVersion == 0 {
            ringVersion = 1
            for i in lookupEnds.indices { lookupEnds[i] = CachedEnds() }
        }
    }

    /// Takes over the running totals of the mesh this one replaces (in-flight floods are forgotten: they fail over
    /// to their requesters' timeouts).
    func carryCounters(from old: MeshState, at now: SimTime) {
        old.integrateAvailability(to: now)  // the old mesh is being replaced: bringing its area up to date is harmless
        lookupsResolved = old.lookupsResolved; hopSum = old.hopSum; hopBatches = old.hopBatches
        lookupMessages = old.lookupMessages
        lookupsStarted = old.lookupsStarted; peerOverloads = old.peerOverloads
        floodsCompleted = old.floodsCompleted; floodReachedSum = old.floodReachedSum
        reachBatches = old.reachBatches
        floodQueryMessageSum = old.floodQueryMessageSum; nextFlood = old.nextFlood; reads = old.reads
        cacheHits = old.cacheHits; cacheInvalidations = old.cacheInvalidations
        // The copies peers cached stay theirs, the new peers get empty slots; whether there is a cache at all
        // follows the old mesh, which a live `set` of mesh.cache may have changed.
        cache = old.cache
        cache?.grow(to: peerCount)
        for p in 0..<min(served.count, old.served.count) { served[p] = old.served[p] }
        // Availability goes on as one time average: the old mesh's unavailable time counts (same resources).
        unavailableArea = old.unavailableArea
        startedAt = old.startedAt
    }

    /// True when `peer` holds a replica of `resource` that has arrived.
    func holds(_ peer: Int, _ resource: Int) -> Bool {
        let base = resource * replicas
        for i in 0..<replicas where Int(holders[base + i]) == peer && present[base + i] { return true }
        return false
    }

    /// True when `peer` can serve `resource`: it holds a replica that has arrived, or a cached copy.
    @inline(__always) func hasCopy(_ peer: Int, _ resource: Int) -> Bool {
        if holds(peer, resource) { return true }
        guard let cache else { return false }
        return cache.contains(peer, resource)
    }

    /// A replica holder of `resource` drawn uniformly among those whose replica has arrived and that routing
    /// believes alive (a departure not yet noticed by the fix-up still draws its holder, and that read is lost and
    /// retried, as a lookup routed through the departed peer is); nil when there is none. One draw only when there
    /// is a choice.
    @inline(__always) func liveHolder(of resource: Int) -> Int? {
        let base = resource &* replicas
        var live = 0
        for i in 0..<replicas where present[base + i] && ring.isAlive(Int(holders[base + i])) { live += 1 }
        guard live > 0 else { return nil }
        var pick = live > 1 ? reads.below(live) : 0
        for i in 0..<replicas where present[base + i] && ring.isAlive(Int(holders[base + i])) {
            if pick == 0 { return Int(holders[base + i]) }
            pick -= 1
        }
        return nil
    }

    // MARK: - Availability

    func integrateAvailability(to now: SimTime) {
        guard now > lastAvailabilityTime else { return }
        unavailableArea += Double(now - lastAvailabilityTime) * Double(unavailable)
        lastAvailabilityTime = now
    }

    /// A peer went down or came up (called only on a change): its present replicas go offline or online with it. A
    /// joining peer announces itself, so routing knows it at once; a departure reaches routing now only when
    /// `repairNow`, else at the next fix-up (`repairRing`).
    func peerChanged(_ peer: Int, up: Bool, at now: SimTime, repairNow: Bool = true) {
        integrateAvailability(to: now)
        if up || repairNow { setRouting(peer, alive: up) }
        for slot in heldBy[peer] where present[Int(slot)] { replicaChanged(slot: Int(slot), online: up) }
    }

    /// The periodic fix-up found `peer` still gone: routing stops using it.
    func repairRing(_ peer: Int) { setRouting(peer, alive: false) }

    /// A seeded replica arrived on its holder.
    func replicaArrived(slot: Int, holderUp: Bool, at now: SimTime) {
        guard !present[slot] else { return }
        integrateAvailability(to: now)
        present[slot] = true
        if holderUp { replicaChanged(slot: slot, online: true) }
    }

    func replicaChanged(slot: Int, online: Bool) {
        let r = slot / replicas
        if online {
            if onlineReplicas[r] == 0 { unavailable -= 1 }
            onlineReplicas[r] += 1
        } else {
            onlineReplicas[r] -= 1
            if onlineReplicas[r] == 0 { unavailable += 1 }
        }
    }

    /// Time-averaged share of resources with at least one replica online, since the mesh started.
    func availability(at now: SimTime) -> Double {
        let span = Double(now - startedAt)
        guard span > 0, resources > 0 else { return Double(resources - unavailable) / Double(max(1, resources)) }
        let area = unavailableArea + Double(now - lastAvailabilityTime) * Double(unavailable)
        return 1 - area / span / Double(resources)
    }

    // MARK: - Load

    /// The busiest peer's served count over the mean over all peers (1 = perfectly even).
    var maxOverMeanLoad: Double {
        let total = served.reduce(0, +)
        guard total > 0 else { return 0 }
        return Double(served.max() ?? 0) / (Double(total) / Double(served.count))
    }

    var meanHops: Double { lookupsResolved > 0 ? Double(hopSum) / Double(lookupsResolved) : 0 }
    var messagesPerLookup: Double { lookupsStarted > 0 ? Double(lookupMessages) / Double(lookupsStarted) : 0 }
}
