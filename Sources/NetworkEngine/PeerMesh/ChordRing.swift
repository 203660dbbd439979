/// A Chord ring of peers with 64-bit identifiers, routing greedily through full finger tables that are never stored.
///
/// Peers are numbered `0..<peerCount`; each has a distinct random identifier. The ring keeps the identifiers sorted
/// (a peer's *rank* is its place in that order) and a bucket index over their top bits, so finding the peer that
/// follows a key costs one bucket read and a search over a handful of identifiers.
///
/// Finger `i` of peer `n` is `successor(id(n) + 2^i)` over the peers alive *now*: Chord's tables after stabilisation
/// has caught up with churn. Computing fingers on demand instead of storing 64 per peer keeps memory O(N) (a
/// million-peer ring holds 21 MB, where stored fingers alone would take 256 MB), and means there is no stale table
/// to model here: the engine decides what a lookup routed through a departed peer costs.
public struct ChordRing: Sendable {
    /// One place on the ring: its identifier and the peer there.
    private struct Place {
        var id: UInt64
        var peer: Int32
    }
    /// Places in ascending identifier order: `places[rank]`. Identifier and peer share a cache line, so a routing
    /// step that finds a rank has its peer too (two parallel arrays missed the cache more: docs/PERFORMANCE.md,
    /// 'Design measurements').
    private let places: [Place]
    /// The rank of each peer.
    private let rankOfPeer: [Int32]
    /// `bucketStart[b]` is the first rank whose identifier's top bits are ≥ `b`; one past the last bucket holds
    /// `peerCount`. Identifiers are uniform, so a successor query is a bucket read plus a search over a handful of
    /// identifiers rather than a binary search over them all, whose first probes miss the cache on every hop.
    private let bucketStart: [Int32]
    /// Identifier bits dropped to get a bucket number.
    private let bucketShift: UInt64
    /// The alive peers, by rank.
    private var alive: AliveBitmap
    /// Where `places` and `rankOfPeer` keep their elements (neither changes after `init`), for prefetch hints (see
    /// Prefetch.swift).
    private let placesAddress: UInt
    private let rankOfPeerAddress: UInt

    // MARK: - Making a ring

    /// A ring of `peerCount` peers, all alive, with identifiers drawn from `rng` (redrawn on collision).
    ///
    /// Identifiers are drawn in peer order, so equal seeds give equal rings. Any generator works (the engine passes
    /// its `SeededRandom` topology stream); the tests pass one that collides on purpose.
    public init<Generator: RandomNumberGenerator>(peerCount: Int, rng: inout Generator) {
        precondition(peerCount >= 0 && peerCount < Int(Int32.max), "peer count out of range")
        var ids = (0..<peerCount).map { _ in rng.next() }
        var order: [Int32] = []
        // Two peers in the same place would make one of them unreachable; the later one redraws until none collide.
        // With 64-bit identifiers this loop runs once in practice (a collision among a million peers has odds of
        // about 1 in 37 million), but placement must not depend on that luck.
        while true {
            order = Self.order(of: ids)
            var redrew = false
            for k in 1..<max(1, peerCount) where ids[Int(order[k])] == ids[Int(order[k - 1])] {
                ids[Int(order[k])] = rng.next()
                redrew = true
            }
            if !redrew { break }
        }
        self.init(ids: ids, order: order)
    }

    /// A ring with the given identifiers (peer `i` has `identifiers[i]`), all alive; for hand-made rings in tests
    /// and lessons. Identifiers must be distinct.
    public init(identifiers: [UInt64]) {
        precondition(identifiers.count < Int(Int32.max), "peer count out of range")
        let order = Self.order(of: identifiers)
        for k in 1..<max(1, order.count) {
            precondition(identifiers[Int(order[k])] != identifiers[Int(order[k - 1])], "identifiers must be distinct")
        }
        self.init(ids: identifiers, order: order)
    }

    /// Peer numbers sorted by (identifier, peer): ties keep peer order, so the collision rule is deterministic.
    private static func order(of ids: [UInt64]) -> [Int32] {
        var order = (0..<Int32(ids.count)).map { $0 }
        order.sort { ids[Int($0)] < ids[Int($1)] || (ids[Int($0)] == ids[Int($1)] && $0 < $1) }
        return order
    }

    private init(ids unsorted: [UInt64], order: [Int32]) {
        let n = unsorted.count
        var rankOfPeer = [Int32](repeating: 0, count: n)
        for (rank, peer) in order.enumerated() { rankOfPeer[Int(peer)] = Int32(rank) }
        let places = order.map { Place(id: unsorted[Int($0)], peer: $0) }
        // 4 to 8 identifiers per bucket (2^bits ≥ n/8), a cache line or two: the bucket table stays small enough to
        // live in cache (64 KB for 100,000 peers), so a hop costs about one cache miss, in the identifiers. One
        // identifier per bucket measured slower, its table competing with the identifiers for cache. At least one bit,
        // so the shift stays below 64.
        let bits = n <= 2 ? 1 : max(1, min(31, 61 - (n - 1).leadingZeroBitCount))
        let shift = UInt64(64 - bits)
        let buckets = 1 << bits
        var bucketStart = [Int32](repeating: Int32(n), count: buckets + 1)
        var rank = 0
        for b in 0..<buckets {
            while rank < n && Int(places[rank].id >> shift) < b { rank += 1 }
            bucketStart[b] = Int32(rank)
        }
        self.places = places
        placesAddress = elementsAddress(of: places)
        self.rankOfPeer = rankOfPeer
        rankOfPeerAddress = elementsAddress(of: self.rankOfPeer)
        self.bucketStart = bucketStart
        self.bucketShift = shift
        self.alive = AliveBitmap(allOf: n)
    }

    // MARK: - Peers

    /// How many peers the ring has, alive or not.
    public var peerCount: Int { places.count }

    /// How many peers are alive.
    public var aliveCount: Int { alive.count }

    /// The identifier of `peer`.
    public func identifier(of peer: Int) -> UInt64 { places[Int(rankOfPeer[peer])].id }

    /// The place of `peer` in ring order (0 has the smallest identifier), for drawing the ring.
    public func rank(of peer: Int) -> Int { Int(rankOfPeer[peer]) }

    /// The peer at place `rank` in ring order.
    public func peer(atRank rank: Int) -> Int { Int(places[rank].peer) }

    /// Starts loading the place at `rank` (a lookup will arrive there).
    @inline(__always) func prefetch(rank: Int) {
        prefetchHint(placesAddress, index: rank, stride: MemoryLayout<Place>.stride)
    }

    /// Starts loading `peer`'s rank (its place follows once the rank is known; this hint stops at the rank).
    @inline(__always) func prefetchPlace(of peer: Int) {
        prefetchHint(rankOfPeerAddress, index: peer, stride: MemoryLayout<Int32>.stride)
    }

    /// Whether `peer` is alive.
    public func isAlive(_ peer: Int) -> Bool { alive.contains(Int(rankOfPeer[peer])) }

    /// Marks `peer` alive or departed; queries and routing from then on see only alive peers.
    public mutating func setAlive(_ peer: Int, _ isAlive: Bool) {
        let rank = Int(rankOfPeer[peer])
        if isAlive { alive.insert(rank) } else { alive.remove(rank) }
    }

    // MARK: - Keys

    /// The key of resource number `resource`: the SplitMix64 finalizer, so consecutive resources land far apart.
    ///
    /// Fixed forever: changing it would move every resource to other peers and change every seeded run.
    public static func key(forResource resource: Int) -> UInt64 {
        mix64(UInt64(bitPattern: Int64(resource)) &+ 0x9E37_79B9_7F4A_7C15)
    }

    /// The first alive peer whose identifier is ≥ `key`, wrapping past the top; nil when no peer is alive.
    public func successor(of key: UInt64) -> Int? {
        aliveRank(atOrAfter: lowerBound(key)).map { Int(places[$0].peer) }
    }

    /// The alive peer responsible for `key`: its successor.
    public func owner(of key: UInt64) -> Int? { successor(of: key) }

    /// The `count` distinct peers that follow `key` on the full ring, alive or not, starting with its successor.
    ///
    /// Placement ignores the alive flags because it is fixed when resources are placed: a departing peer takes its
    /// replicas offline rather than handing them on. `count` is capped at `peerCount`.
    public func replicaHolders(of key: UInt64, count: Int) -> [Int] {
        var holders: [Int] = []
        replicaHolders(of: key, count: count, into: &holders)
        return holders
    }

    /// `replicaHolders(of:count:)` written into `holders` (emptied first, capacity kept), to place many resources
    /// without an allocation each.
    public func replicaHolders(of key: UInt64, count: Int, into holders: inout [Int]) {
        holders.removeAll(keepingCapacity: true)
        let n = peerCount
        guard n > 0 else { return }
        let first = lowerBound(key) % n
        for k in 0..<min(max(0, count), n) { holders.append(Int(places[(first + k) % n].peer)) }
    }

    // MARK: - Routing

    /// The peer that `peer` forwards a lookup for `key` to, or nil when `peer` owns the key (or no peer is alive).
    ///
    /// Chord's rule with full finger tables over the alive ring: when `key` lies in (id(n), id(successor(n))] the next
    /// hop is the successor, which owns the key; otherwise it is the closest preceding finger, the finger with the
    /// largest `i` whose identifier lies in (id(n), key). A departed `peer` routes as if it were still up.
    public func nextHop(from peer: Int, toward key: UInt64) -> Int? {
        nextRank(fromRank: Int(rankOfPeer[peer]), toward: key).map { Int(places[$0].peer) }
    }

    /// `nextHop(from:toward:)` in ranks: the rank a lookup at `rank` goes to next, or nil when `rank` owns `key`.
    /// The engine routes in ranks, so a hop reads one place rather than a peer's rank and then its place.
    public func nextRank(fromRank rank: Int, toward key: UInt64) -> Int? {
        guard let ends = endpoints(of: key) else { return nil }
        return nextRank(fromRank: rank, toward: key, ends: ends)
    }

    /// What every hop of a lookup for a key steers by: the ranks of the key's alive owner and of the alive peer before
    /// it, and that peer's identifier. The same at every hop while no peer joins or leaves routing.
    public struct LookupEnds: Equatable, Sendable {
        public var owner: Int
        public var predecessor: Int
        public var predecessorID: UInt64
    }

    /// The `LookupEnds` of `key`; nil when no peer is alive.
    public func endpoints(of key: UInt64) -> LookupEnds? {
        guard let owner = aliveRank(atOrAfter: lowerBound(key)) else { return nil }
        let predecessor = aliveRank(before: owner)
        return LookupEnds(owner: owner, predecessor: predecessor, predecessorID: places[predecessor].id)
    }

    /// `nextRank(fromRank:toward:)` with the key's `endpoints(of:)` already found (a lookup finds them at its first
    /// hop and keeps them: that saves a search over the identifiers, a cache miss at 100,000 peers, on every other hop).
    @inline(__always)
    public func nextRank(fromRank rank: Int, toward key: UInt64, ends: LookupEnds) -> Int? {
        step(from: rank, toward: key, owner: ends.owner, predecessor: ends.predecessor,
             predecessorID: ends.predecessorID)
    }

    /// Hops a lookup for `key` takes from `peer` to the key's owner (the final predecessor → owner hop counted; 0 when
    /// `peer` owns the key or no peer is alive), following `nextHop` each time.
    public func route(from peer: Int, toward key: UInt64) -> Int {
        guard let owner = aliveRank(atOrAfter: lowerBound(key)) else { return 0 }
        // The key's owner and alive predecessor do not change along the way: find them once, not once per hop.
        let predecessor = aliveRank(before: owner)
        var rank = Int(rankOfPeer[peer])
        var hops = 0
        let predecessorID = places[predecessor].id
        while let next = step(from: rank, toward: key, owner: owner, predecessor: predecessor,
                              predecessorID: predecessorID) {
            rank = next
            hops += 1
            // Each finger hop drops floor(log2(distance to the predecessor)), so 64 of them plus the last one bound it.
            assert(hops <= 65, "Chord routing failed to converge")
        }
        return hops
    }

    /// One routing step, in ranks. `owner` is the key's alive successor and `predecessor` the alive peer before it.
    ///
    /// Why no scan over 64 fingers: finger `i` lies in (id(n), key) exactly when some alive peer lies in
    /// [id(n) + 2^i, key), and the farthest alive peer before the key is its predecessor p, at distance
    /// d_p = id(p) − id(n) (mod 2^64). So the closest preceding finger is finger floor(log2 d_p), found with one
    /// successor query. (The brief's downward search from floor(log2(key − id(n))) stops at the same finger; this
    /// jumps straight to it.)
    @inline(__always)
    private func step(from rank: Int, toward key: UInt64, owner: Int, predecessor: Int,
                      predecessorID: UInt64) -> Int? {
        if rank == owner { return nil }
        let id = places[rank].id
        let toKey = key &- id
        let toPredecessor = predecessorID &- id
        // No alive peer strictly between n and the key: the key is in (id(n), id(successor(n))], hand it to the owner.
        // (toPredecessor ≥ toKey also covers a departed n that sits between the predecessor and the key.)
        if rank == predecessor || toPredecessor >= toKey { return owner }
        let finger = UInt64(63 - toPredecessor.leadingZeroBitCount)
        // Some alive peer (p itself) lies at distance ≥ 2^finger, so this successor query cannot come back empty.
        return aliveRank(atOrAfter: lowerBound(id &+ (1 << finger))) ?? owner
    }

    // MARK: - Searching the sorted identifiers

    /// The first rank whose identifier is ≥ `key`, or `peerCount` when every identifier is smaller.
    @inline(__always)
    private func lowerBound(_ key: UInt64) -> Int {
        let bucket = Int(key >> bucketShift)
        let low = Int(bucketStart[bucket]), high = Int(bucketStart[bucket + 1])
        // Identifiers in later buckets are all ≥ key, so the answer is `low` plus the bucket's identifiers below it.
        // Counted, not binary-searched: the loads do not depend on each other, so the bucket's cache lines (often
        // two, missing at 100,000 peers) are fetched together rather than one after the other.
        var below = 0
        for rank in low..<high where places[rank].id < key { below &+= 1 }
        return low &+ below
    }

    /// The first alive rank at or after `rank`, wrapping past the top; nil when no peer is alive.
    @inline(__always)
    private func aliveRank(atOrAfter rank: Int) -> Int? {
        // With every peer alive (no churn) the answer is `rank` itself: skip the bitmap.
        if alive.count == places.count, rank < places.count { return rank }
        return alive.next(atOrAfter: rank) ?? alive.next(atOrAfter: 0)
    }

    /// The last alive rank strictly before `rank`, wrapping below zero; `rank` itself when it is the only one alive.
    @inline(__always)
    private func aliveRank(before rank: Int) -> Int {
        if alive.count == places.count { return rank > 0 ? rank - 1 : places.count - 1 }
        return alive.previous(atOrBefore: rank - 1) ?? alive.previous(atOrBefore: peerCount - 1) ?? rank
    }
}
