/// Every peer's cache of the resources it fetched (`mesh.cache`), and, per resource, the list of its cached copies
/// that the key's holders point readers to: what lets a mesh's capacity for a popular resource grow with its peers.
///
/// Each peer has `itemsPerPeer` slots (`mesh.cache_items`), in flat arrays allocated when the cache is made (slot
/// `peer * itemsPerPeer + i`), so a fetch never allocates. Eviction is LRU by the peer's own use: a slot's `lastUse`
/// is when the peer last fetched or read the resource itself; serving it to others does not refresh it (a peer's
/// cache follows what its user reads, as a browser's does). A peer scans its few slots (20 by default) to find a
/// resource or the least recently used slot: cheaper than any index at that size.
///
/// The copies of each resource form a ring (a circular doubly linked list through the slots), so the key's holders
/// can hand readers to the copies in turn (`nextCopy(of:)`, O(1)), a write can invalidate every copy
/// (`invalidate(_:)`, one message each), and a departing peer's copies leave the lists (`dropAll(of:)`). All the
/// lists together hold at most peers × cache_items entries: the directory costs what the caches cost, no more.
final class PeerCaches {
    let itemsPerPeer: Int
    /// Peers with slots.
    private(set) var peers: Int
    /// Per slot: the resource cached there (-1: empty), when its peer last used it, and its neighbours in its
    /// resource's ring of copies.
    private(set) var resource: [Int32]
    private(set) var lastUse: [SimTime]
    private(set) var next: [Int32]
    private(set) var prev: [Int32]
    /// Per resource: one slot of its ring (-1: no copy), the one the holders point to next; and its copies.
    private(set) var first: [Int32]
    private(set) var copies: [Int32]

    /// A cache never holds more distinct resources than there are, so `itemsPerPeer` is capped at `resources`: no
    /// slot is allocated, or scanned, that could never be filled.
    init(peers: Int, itemsPerPeer: Int, resources: Int) {
        self.itemsPerPeer = max(1, min(itemsPerPeer, resources))
        self.peers = peers
        let slots = peers * self.itemsPerPeer
        resource = Array(repeating: -1, count: slots)
        lastUse = Array(repeating: 0, count: slots)
        next = Array(repeating: -1, count: slots)
        prev = Array(repeating: -1, count: slots)
        first = Array(repeating: -1, count: resources)
        copies = Array(repeating: 0, count: resources)
    }

    private init(copying o: PeerCaches) {
        itemsPerPeer = o.itemsPerPeer; peers = o.peers
        resource = o.resource; lastUse = o.lastUse; next = o.next; prev = o.prev
        first = o.first; copies = o.copies
    }

    /// The same caches in memory of their own (a checkpoint).
    func copy() -> PeerCaches { PeerCaches(copying: self) }

    /// Gives peers joining beyond the present size empty slots (the mesh was rebuilt larger); the copies already
    /// cached stay where they are.
    func grow(to peers: Int) {
        guard peers > self.peers else { return }
        let added = (peers - self.peers) * itemsPerPeer
        resource += Array(repeating: -1, count: added)
        lastUse += Array(repeating: 0, count: added)
        next += Array(repeating: -1, count: added)
        prev += Array(repeating: -1, count: added)
        self.peers = peers
    }

    /// Copies of `resource` cached now.
    func copyCount(of resource: Int) -> Int { Int(copies[resource]) }

    /// Cached copies over all peers.
    var totalCopies: Int { copies.reduce(0) { $0 + Int($1) } }

    /// The slot where `peer` caches `resource`, if it does.
    @inline(__always) func slot(of resource: Int, at peer: Int) -> Int? {
        guard peer < peers else { return nil }
        let base = peer &* itemsPerPeer
        let r = Int32(truncatingIfNeeded: resource)
        for s in base..<(base + itemsPerPeer) where self.resource[s] == r { return s }
        return nil
    }

    @inline(__always) func contains(_ peer: Int, _ resource: Int) -> Bool { slot(of: resource, at: peer) != nil }

    /// `peer` used `resource` at `now` (fetched it, or read its own copy): refreshes the copy, or caches it in an
    /// empty slot, or else in place of the peer's least recently used copy. Returns the resource evicted, if any.
    @discardableResult
    func use(_ resource: Int, at peer: Int, now: SimTime) -> Int? {
        guard peer < peers else { return nil }
        if let s = slot(of: resource, at: peer) { lastUse[s] = now; return nil }
        let base = peer &* itemsPerPeer
        var victim = base
        for s in base..<(base + itemsPerPeer) {
            if self.resource[s] < 0 { victim = s; break }
            if lastUse[s] < lastUse[victim] { victim = s }
        }
        let evicted = self.resource[victim]
        if evicted >= 0 { unlink(victim) }
        self.resource[victim] = Int32(resource)
        lastUse[victim] = now
        link(victim)
        return evicted >= 0 ? Int(evicted) : nil
    }

    /// The peer holding the copy of `resource` whose turn it is, moving the turn on (round-robin over the copies, so
    /// each serves an equal share of the readers pointed to them); nil when no peer caches it.
    @inline(__always) func nextCopy(of resource: Int) -> Int? {
        let s = Int(first[resource])
        guard s >= 0 else { return nil }
        first[resource] = next[s]
        return s / itemsPerPeer
    }

    /// Forgets every copy of `resource` (a write made them stale); returns how many there were, one invalidation
    /// message each.
    func invalidate(_ resource: Int) -> Int {
        let n = Int(copies[resource])
        while first[resource] >= 0 { unlink(Int(first[resource])) }
        return n
    }

    /// Forgets every copy `peer` caches (it left: what it held may be stale by the time it returns, since a write
    /// invalidates only the copies it can reach).
    func dropAll(of peer: Int) {
        guard peer < peers else { return }
        let base = peer &* itemsPerPeer
        for s in base..<(base + itemsPerPeer) where resource[s] >= 0 { unlink(s) }
    }

    /// Adds slot `s` to its resource's ring, just before the one whose turn it is (so it comes last in the turn).
    private func link(_ s: Int) {
        let r = Int(resource[s])
        let f = Int(first[r])
        if f < 0 {
            next[s] = Int32(s); prev[s] = Int32(s); first[r] = Int32(s)
        } else {
            let p = Int(prev[f])
            next[p] = Int32(s); prev[s] = Int32(p); next[s] = Int32(f); prev[f] = Int32(s)
        }
        copies[r] += 1
    }

    /// Takes slot `s` out of its resource's ring and empties it.
    private func unlink(_ s: Int) {
        let r = Int(resource[s])
        if copies[r] == 1 {
            first[r] = -1
        } else {
            let n = Int(next[s]), p = Int(prev[s])
            next[p] = Int32(n); prev[n] = Int32(p)
            if Int(first[r]) == s { first[r] = Int32(n) }
        }
        copies[r] -= 1
        resource[s] = -1; next[s] = -1; prev[s] = -1
    }
}
