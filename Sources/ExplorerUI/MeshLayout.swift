import NetworkEngine
import TerminalCanvas

/// Which peer (or bin of peers) each slot of a `TopologyPlan` holds in a mesh: one by one in ring order (DHT) or in
/// an order that keeps neighbours close (flooding); past the rings' capacity, arcs of the DHT ring by rank, or runs of
/// peer ids. Rendering and hit testing both read it.
struct MeshLayout {
    let plan: TopologyPlan
    let dht: Bool
    /// Places on the DHT ring, for placing a rank on an arc.
    let ringSize: Int
    /// One peer a slot: the peer in each slot, and each peer's slot (index = id).
    private let idAtSlot: [Int]
    private let slotOfID: [Int]
    /// Bins of the DHT ring: the rank of each sampled peer (by id), and the first sampled peer of each arc.
    private let rankOfSampled: [Int: Int]

    init(plan: TopologyPlan, snapshot: Snapshot) {
        self.plan = plan
        let picture = snapshot.mesh?.picture ?? MeshPicture()
        // A DHT's bins are arcs of the ring by rank; a snapshot without ring places (a model that gives none) bins
        // its peers by id instead.
        dht = snapshot.mesh?.discovery == .dht && (plan.mode == .nodes || !picture.ring.isEmpty)
        ringSize = max(1, picture.ringSize)
        let n = plan.population
        let slots = plan.layout.slots.count
        if plan.mode == .nodes {
            var ids: [Int] = []
            ids.reserveCapacity(n)
            var slot = [Int](repeating: -1, count: n + 1)
            // The picture's lists, or the mesh view's own (a small mesh's whole ring and overlay) without one.
            let ringOrder = picture.ring.isEmpty ? snapshot.mesh?.ringOrder ?? [] : picture.ring.map(\.id)
            let links = picture.links.isEmpty ? snapshot.mesh?.links ?? [] : picture.links
            let order = dht ? ringOrder : Self.neighbourOrder(links, peers: n)
            for id in order where id >= 1 && id <= n && slot[id] < 0 && ids.count < slots {
                slot[id] = ids.count
                ids.append(id)
            }
            // Peers the ring or the overlay does not list (yet): by id after the others.
            for id in Swift.stride(from: 1, through: n, by: 1) where slot[id] < 0 && ids.count < slots {
                slot[id] = ids.count
                ids.append(id)
            }
            idAtSlot = ids
            slotOfID = slot
            rankOfSampled = [:]
        } else if dht {
            var first = [Int](repeating: -1, count: slots)
            var ranks: [Int: Int] = [:]
            ranks.reserveCapacity(picture.ring.count)
            for peer in picture.ring {
                ranks[peer.id] = peer.rank
                let s = min(slots - 1, peer.rank * slots / max(1, picture.ringSize))
                if s >= 0, first[s] < 0 { first[s] = peer.id }
            }
            idAtSlot = first
            slotOfID = []
            rankOfSampled = ranks
        } else {
            idAtSlot = []
            slotOfID = []
            rankOfSampled = [:]
        }
    }

    /// The slot of peer `id` (nil when it is not drawn).
    func slot(of id: Int) -> Int? {
        if plan.mode == .nodes {
            guard id >= 1, id < slotOfID.count, slotOfID[id] >= 0 else { return nil }
            return slotOfID[id]
        }
        if dht { return rankOfSampled[id].flatMap { slot(ofRank: $0) } }
        return plan.slot(ofNode: id)
    }

    /// The slot of peer `id` at `rank` on the ring: fingers and a lookup's path name peers the sample may not hold.
    func slot(of id: Int, rank: Int) -> Int? {
        plan.mode == .bins && dht ? slot(ofRank: rank) : slot(of: id)
    }

    private func slot(ofRank rank: Int) -> Int? {
        let slots = plan.layout.slots.count
        guard slots > 0, rank >= 0 else { return nil }
        return min(slots - 1, rank * slots / ringSize)
    }

    func position(of id: Int) -> Position? { slot(of: id).map { plan.layout.slots[$0] } }
    func position(of id: Int, rank: Int) -> Position? { slot(of: id, rank: rank).map { plan.layout.slots[$0] } }

    /// The peer drawn in slot `s`: itself, or the first peer of its bin (the first sampled one on a DHT arc).
    func id(atSlot s: Int) -> Int? {
        guard s >= 0, s < plan.layout.slots.count else { return nil }
        if plan.mode == .nodes || dht { return s < idAtSlot.count && idAtSlot[s] >= 0 ? idAtSlot[s] : nil }
        return plan.firstNode(ofSlot: s)
    }

    /// The segments to draw as links: successor to successor around a drawn DHT ring, or the flooding overlay's
    /// edges between drawn peers; none between bins (a bin's links go everywhere).
    func links(_ mesh: MeshView?) -> [(Position, Position)] {
        guard let mesh, plan.mode == .nodes else { return [] }
        let slots = plan.layout.slots
        switch mesh.discovery {
        case .dht:
            guard idAtSlot.count >= 3 else { return [] }
            return idAtSlot.indices.map { (slots[$0], slots[($0 + 1) % idAtSlot.count]) }
        case .flooding:
            return (mesh.picture.links.isEmpty ? mesh.links : mesh.picture.links).compactMap { link in
                guard let a = position(of: link.a), let b = position(of: link.b) else { return nil }
                return (a, b)
            }
        }
    }

    /// Peer ids in Cuthill–McKee order (breadth-first from a least-connected peer, fewer neighbours first):
    /// neighbours end up close together on the rings, so most links are short and the picture stays readable.
    static func neighbourOrder(_ links: [MeshView.Link], peers n: Int) -> [Int] {
        guard n >= 1 else { return [] }
        var adjacent = [[Int]](repeating: [], count: n + 1)
        for link in links where link.a >= 1 && link.a <= n && link.b >= 1 && link.b <= n && link.a != link.b {
            adjacent[link.a].append(link.b)
            adjacent[link.b].append(link.a)
        }
        let degree = adjacent.map(\.count)
        let byDegree: (Int, Int) -> Bool = { a, b in degree[a] != degree[b] ? degree[a] < degree[b] : a < b }
        for id in 1...n { adjacent[id].sort(by: byDegree) }
        var seen = [Bool](repeating: false, count: n + 1)
        var order: [Int] = []
        order.reserveCapacity(n)
        // Every component in turn, each from its least-connected peer.
        for start in (1...n).sorted(by: byDegree) where !seen[start] {
            seen[start] = true
            var head = order.count
            order.append(start)
            while head < order.count {
                let id = order[head]
                head += 1
                for next in adjacent[id] where !seen[next] {
                    seen[next] = true
                    order.append(next)
                }
            }
        }
        return order
    }

    /// Per-slot tallies of the snapshot's peers: the view in each slot, or a bin's served load and states.
    struct Tally {
        var view: [Int]
        var size: [Int]
        var served: [Int]
        var down: [Int]
        var overloaded: [Int]
        var failing: [Int]
        var marks: SecurityMarks.Cells
        /// The busiest bin's mean served per peer: shades are relative to it.
        var hottest = 0.0

        init(_ layout: MeshLayout, snapshot: Snapshot) {
            let count = layout.plan.layout.slots.count
            view = Array(repeating: -1, count: count)
            size = Array(repeating: 0, count: count)
            served = size; down = size; overloaded = size; failing = size
            marks = SecurityMarks.Cells(count: count)
            for (index, v) in snapshot.nodes.enumerated() where v.role == .peer {
                guard let s = layout.slot(of: v.id) else { continue }
                view[s] = index
                size[s] += 1
                served[s] += v.served
                marks.add(v, cell: s)
                switch v.activity {
                case .down: down[s] += 1
                case .overloaded: overloaded[s] += 1
                case .failing: failing[s] += 1
                default: break
                }
            }
            for s in 0..<count where size[s] > 0 { hottest = max(hottest, Double(served[s]) / Double(size[s])) }
        }

        /// Slot `s`'s glyph: the peer's own (one a slot), or the bin's: full, mostly down, a security mark, mostly
        /// failing, else the shade of its served load.
        func glyph(_ s: Int, mode: TopologyPlan.Mode, snapshot: Snapshot) -> (Character, Style) {
            if mode == .nodes { return SecurityMarks.glyph(for: view[s] >= 0 ? snapshot.nodes[view[s]] : nil) }
            let n = size[s]
            guard n > 0 else { return (Glyphs.heat[0].character, Theme.muted) }
            if overloaded[s] > 0 { return (Glyphs.overloaded.character, Theme.overload) }
            if down[s] * 2 >= n { return (Glyphs.down.character, Theme.down) }
            if let mark = marks.mark(s, size: n) { return mark }
            if let trouble = TopologyPane.trouble(waiting: 0, failing: failing[s], size: n) { return trouble }
            let load = Double(served[s]) / Double(n)
            guard load > 0, hottest > 0 else { return (Glyphs.heat[0].character, Theme.idle) }
            let level = min(4, max(1, Int((load / hottest * 4).rounded(.up))))
            return (Glyphs.heat[level].character,
                    level >= 3 ? Theme.busy : Theme.busy.fg(Theme.orange).with(bold: false))
        }
    }
}
