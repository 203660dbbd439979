/// The undirected random overlay that Gnutella-style flooding runs on, with its churn repair and the breadth-first
/// count that predicts what a flood costs.
///
/// Each peer opens ⌈degree/2⌉ links of its own to distinct random peers and accepts any number opened by others, so the
/// mean degree is 2·⌈degree/2⌉ exactly (an even `degree` is met exactly; an odd one is rounded up). Who opened a link
/// matters under churn, as with Gnutella servents that keep a fixed number of outgoing connections: when a peer
/// leaves, the peers whose links to it were their own open new ones, and the links it had opened leave with it. So a
/// departure costs exactly its share of links, and with `rejoin` on return the alive peers keep mean degree
/// 2·⌈degree/2⌉ through any amount of churn, instead of drifting up by a peer's share on every leave-and-return.
public struct FloodingOverlay: Sendable {
    /// Links each peer opens itself.
    public let linksPerPeer: Int
    /// Each peer's neighbours: first the links it opened, then the ones others opened to it. Nested arrays rather
    /// than one CSR block because churn repair changes degrees; small at low degrees (docs/PERFORMANCE.md, 'Design
    /// measurements').
    private var adjacency: [[Int32]]
    /// How many of `adjacency[p]` (the leading ones) peer `p` opened.
    private var ownLinkCount: [Int32]

    // MARK: - Making an overlay

    /// An overlay over `peerCount` peers of mean degree `degree` (rounded up to even), links drawn from `rng`.
    ///
    /// A peer already linked to every other peer opens fewer links, which only happens in graphs too small for the
    /// degree asked.
    public init(peerCount: Int, degree: Int, rng: inout SeededRandom) {
        precondition(peerCount >= 0 && peerCount < Int(Int32.max), "peer count out of range")
        linksPerPeer = (max(0, degree) + 1) / 2
        adjacency = Array(repeating: [], count: peerCount)
        ownLinkCount = Array(repeating: 0, count: peerCount)
        for peer in 0..<peerCount {
            for _ in 0..<linksPerPeer {
                guard let other = randomPartner(for: peer, excluding: -1, rng: &rng, isAlive: { _ in true }) else { break }
                link(peer, to: other)
            }
        }
    }

    /// An overlay with exactly the given links (the first peer of each pair opened it), for hand-made graphs in tests
    /// and lessons. No self-loops or repeated links. `linksPerPeer` is 0, so `rejoin` opens nothing.
    public init(peerCount: Int, edges: [(Int, Int)]) {
        linksPerPeer = 0
        adjacency = Array(repeating: [], count: peerCount)
        ownLinkCount = Array(repeating: 0, count: peerCount)
        for (a, b) in edges {
            precondition(a != b && !adjacency[a].contains(Int32(b)), "self-loop or repeated link \(a)–\(b)")
            link(a, to: b)
        }
    }

    // MARK: - Reading the graph

    /// How many peers the overlay has, alive or not.
    public var peerCount: Int { adjacency.count }

    /// The neighbours of `peer`, alive or not.
    public func neighbours(of peer: Int) -> [Int32] { adjacency[peer] }

    /// How many neighbours `peer` has, alive or not.
    public func degree(of peer: Int) -> Int { adjacency[peer].count }

    /// Links in the overlay.
    public var linkCount: Int { ownLinkCount.reduce(0) { $0 + Int($1) } }

    /// The mean degree over all peers.
    public var meanDegree: Double { peerCount == 0 ? 0 : 2 * Double(linkCount) / Double(peerCount) }

    /// Whether `a` and `b` are linked.
    public func areLinked(_ a: Int, _ b: Int) -> Bool { adjacency[a].contains(Int32(b)) }

    /// Whether `peer` opened its link to `neighbour` (rather than accepting it); false when they are not linked.
    public func ownsLink(_ peer: Int, to neighbour: Int) -> Bool {
        adjacency[peer].prefix(Int(ownLinkCount[peer])).contains(Int32(neighbour))
    }

    // MARK: - Churn repair

    /// `peer` lost its link to `lost` (which left): the link goes, and if `peer` had opened it, `peer` opens a new one
    /// to a random alive peer it is not yet linked to. Returns that new neighbour, or nil when the link was `lost`'s
    /// own (it leaves with `lost`), when they were not linked, or when no alive peer is left to link to.
    ///
    /// Call it for every neighbour of a departing peer; afterwards the departed peer has no links.
    @discardableResult
    public mutating func replaceNeighbour(
        of peer: Int, lost: Int, rng: inout SeededRandom, isAlive: (Int) -> Bool
    ) -> Int? {
        guard let wasOpenedByPeer = unlink(peer, lost) else { return nil }
        guard wasOpenedByPeer,
              let other = randomPartner(for: peer, excluding: lost, rng: &rng, isAlive: isAlive) else { return nil }
        link(peer, to: other)
        return other
    }

    /// A returning peer opens links to random alive peers until it has its `linksPerPeer` own links again (its old
    /// ones left with it). Returns how many it opened.
    @discardableResult
    public mutating func rejoin(_ peer: Int, rng: inout SeededRandom, isAlive: (Int) -> Bool) -> Int {
        var count = 0
        while Int(ownLinkCount[peer]) < linksPerPeer,
              let other = randomPartner(for: peer, excluding: -1, rng: &rng, isAlive: isAlive) {
            link(peer, to: other)
            count += 1
        }
        return count
    }

    // MARK: - What a flood costs

    /// Peers reached and messages sent by a flood from `source` with hop limit `ttl` and duplicate suppression, when
    /// every hop takes the same time (so each peer first hears the query along a shortest path).
    ///
    /// The source sends to each alive neighbour; a peer at breadth-first distance d (1 ≤ d ≤ ttl) over alive peers is
    /// reached; a reached peer with d < ttl forwards to each alive neighbour but the one it first heard from;
    /// duplicates are sent and counted but not forwarded; a departed neighbour is not sent to. Hence, with deg′ the
    /// number of alive neighbours:
    ///
    ///     reached  = #{ v ≠ source : 1 ≤ d(v) ≤ ttl }
    ///     messages = deg′(source) + Σ over reached v with d(v) < ttl of (deg′(v) − 1)
    ///
    /// `source` is taken to be alive. Query hits travelling back are not included.
    public func bfsPrediction(from source: Int, ttl: Int, isAlive: (Int) -> Bool) -> (reached: Int, messages: Int) {
        guard ttl > 0 else { return (0, 0) }
        var distance = [Int32](repeating: -1, count: peerCount)
        var queue: [Int32] = [Int32(source)]
        distance[source] = 0
        var messages = 0, reached = 0, head = 0
        while head < queue.count {
            let v = Int(queue[head])
            head += 1
            let d = distance[v]
            if v != source { reached += 1 }
            guard d < ttl else { continue }
            var aliveDegree = 0
            for w in adjacency[v] where isAlive(Int(w)) {
                aliveDegree += 1
                if distance[Int(w)] < 0 {
                    distance[Int(w)] = d + 1
                    queue.append(w)
                }
            }
            // The source has no sender to skip; everyone else skips the (alive) neighbour it first heard from.
            messages += v == source ? aliveDegree : aliveDegree - 1
        }
        return (reached, messages)
    }

    // MARK: - Links

    /// Adds the link `a`–`b`, opened by `a`.
    private mutating func link(_ a: Int, to b: Int) {
        // Keep `a`'s own links first: append, then swap into the slot just past them.
        adjacency[a].append(Int32(b))
        let slot = Int(ownLinkCount[a])
        adjacency[a].swapAt(slot, adjacency[a].count - 1)
        ownLinkCount[a] += 1
        adjacency[b].append(Int32(a))
    }

    /// Removes the link `a`–`b`; returns whether `a` had opened it, or nil when they were not linked.
    private mutating func unlink(_ a: Int, _ b: Int) -> Bool? {
        guard let byA = remove(b, from: a) else { return nil }
        _ = remove(a, from: b)
        return byA
    }

    /// Removes `neighbour` from `peer`'s list, keeping the opened links first; returns whether it was one of them.
    private mutating func remove(_ neighbour: Int, from peer: Int) -> Bool? {
        guard let index = adjacency[peer].firstIndex(of: Int32(neighbour)) else { return nil }
        let ownCount = Int(ownLinkCount[peer])
        if index < ownCount {
            // Fill the hole with the last own link, and that slot with the last link of all.
            adjacency[peer].swapAt(index, ownCount - 1)
            adjacency[peer].swapAt(ownCount - 1, adjacency[peer].count - 1)
            ownLinkCount[peer] -= 1
        } else {
            adjacency[peer].swapAt(index, adjacency[peer].count - 1)
        }
        adjacency[peer].removeLast()
        return index < ownCount
    }

    /// A random alive peer other than `peer` and `excluded` that `peer` is not linked to, or nil when there is none.
    private func randomPartner(
        for peer: Int, excluding excluded: Int, rng: inout SeededRandom, isAlive: (Int) -> Bool
    ) -> Int? {
        let n = peerCount
        func fits(_ q: Int) -> Bool {
            q != peer && q != excluded && isAlive(q) && !adjacency[peer].contains(Int32(q))
        }
        // Random draws almost always succeed at once; a bounded number of them, then a scan from a random start,
        // keeps the answer uniform-ish when most peers are down and definite when nobody fits.
        guard n > 1 else { return nil }
        for _ in 0..<32 {
            let q = rng.below(n)
            if fits(q) { return q }
        }
        let start = rng.below(n)
        for k in 0..<n where fits((start + k) % n) { return (start + k) % n }
        return nil
    }
}
