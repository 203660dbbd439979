import NetworkEngine
import TerminalCanvas

/// The peer mesh as a picture: the DHT's ring, or the flooding overlay's neighbour graph, with lookups hopping
/// between peers; a heat strip of served load when there are too many peers to draw one by one.
enum MeshTopology {
    /// Draws the mesh in `picture` and its legend on `legendRow`.
    static func render(snapshot: Snapshot, state: AppState, picture: Rect, legendRow: Rect, buffer: inout Buffer) {
        let n = snapshot.activeNodeCount
        guard n > 0 else {
            buffer.set(string: "no peers", at: picture.position, style: Theme.muted, clippedTo: picture)
            return
        }
        if let layout = MeshLayout(snapshot: snapshot, area: picture) {
            draw(layout, snapshot: snapshot, state: state, buffer: &buffer)
            drawLegend(snapshot: snapshot, state: state, row: legendRow, buffer: &buffer)
        } else {
            MeshHeatStrip.render(snapshot: snapshot, state: state, area: picture, legendRow: legendRow,
                                 buffer: &buffer)
        }
    }

    // MARK: - Ring and graph

    static func draw(_ layout: MeshLayout, snapshot: Snapshot, state: AppState, buffer: inout Buffer) {
        let star = layout.star
        let clip = star.area
        let serverShown = snapshot.server != nil
        // Only a draining server occupies the centre; otherwise links and lookups may cross it freely.
        let isCentre: (Int, Int) -> Bool = { serverShown && star.isServerCell(x: $0, y: $1) }

        // Links first, so everything else is drawn over them.
        let links = layout.links(snapshot.mesh)
        let spacing = linkSpacing(links, area: clip)
        for (a, b) in links {
            for (x, y) in star.line(from: a, to: b, spacing: spacing) where !isCentre(x, y) {
                buffer.set(string: Glyphs.link.description, at: Position(x: x, y: y), style: Theme.link,
                           clippedTo: clip)
            }
        }
        // The selected peer's own links drawn solid: select peers with ← → to explore who knows whom.
        if let selected = layout.position(of: state.selectedNode) {
            for (a, b) in links where (a == selected) || (b == selected) {
                for (x, y) in star.line(from: a, to: b, spacing: 1) where !isCentre(x, y) {
                    buffer.set(string: Glyphs.link.description, at: Position(x: x, y: y), style: Theme.selectedLink,
                               clippedTo: clip)
                }
            }
        }
        TopologyPane.drawFlights(snapshot.flights, state: state, clip: clip, buffer: &buffer, isCentre: isCentre) {
            id in id == 0 ? (serverShown ? star.center : nil) : layout.position(of: id)
        }
        if serverShown { drawDrainingServer(snapshot: snapshot, state: state, at: star.center, clip: clip,
                                            buffer: &buffer) }

        // Overloaded peers carry their id beside them, so "which peers are full" is read, not guessed from colour.
        var overloaded = 0
        for id in layout.ids where TopologyPane.node(id, in: snapshot)?.activity == .overloaded {
            overloaded += 1
            if let p = layout.position(of: id) {
                drawLabel(String(id), beside: p, centre: star.center, style: Theme.warning, clip: clip, buffer: &buffer)
            }
        }
        if overloaded > 0 {
            buffer.set(string: "\(Glyphs.overloaded) \(overloaded) overloaded", at: clip.position, style: Theme.warning,
                       clippedTo: clip)
        }

        for id in layout.ids {
            guard let p = layout.position(of: id) else { continue }
            var (glyph, style) = SecurityMarks.glyph(for: TopologyPane.node(id, in: snapshot))
            if state.selectedNode == id { style = style.patched(with: Theme.selected) }
            buffer.set(string: String(glyph), at: Position(x: p.x, y: p.y), style: style, clippedTo: clip)
        }
        if state.selectedNode >= 1, let p = layout.position(of: state.selectedNode) {
            drawLabel(String(state.selectedNode), beside: p, centre: star.center, style: Theme.selected, clip: clip,
                      buffer: &buffer)
        }
    }

    /// One dot every `n` cells along the links, sparser as the links would cover more of the picture: a flooding
    /// overlay has about twice as many links as peers, and dots on every other cell would turn it into a fog.
    static func linkSpacing(_ links: [((x: Int, y: Int), (x: Int, y: Int))], area: Rect) -> Int {
        let length = links.reduce(0) { $0 + max(abs($1.0.x - $1.1.x), abs($1.0.y - $1.1.y)) }
        // At most about a sixth of the cells dotted, and never sparser than one in four, or a line stops reading
        // as a line.
        let budget = max(1, area.width * area.height / 6)
        return min(4, max(2, (length + budget - 1) / budget))
    }

    /// A label beside the node at `p`, on the side away from the centre so it stays off the ring's inside.
    static func drawLabel(_ label: String, beside p: (x: Int, y: Int), centre: (x: Int, y: Int), style: Style,
                          clip: Rect, buffer: inout Buffer) {
        let x = p.x >= centre.x ? p.x + 2 : p.x - 1 - label.count
        buffer.set(string: label, at: Position(x: x, y: p.y), style: style, clippedTo: clip)
    }

    /// The old server, dimmed, with what it still has to do: it takes no new requests, it only drains.
    static func drawDrainingServer(snapshot: Snapshot, state: AppState, at c: (x: Int, y: Int), clip: Rect,
                                   buffer: inout Buffer) {
        guard let server = snapshot.server else { return }
        var style = Theme.draining
        if state.selectedNode == 0 { style = style.patched(with: Theme.selected) }
        let box = server.up ? "[S]" : "[\(Glyphs.down)]"
        buffer.set(string: box, at: Position(x: c.x - 1, y: c.y), style: style, clippedTo: clip)
        buffer.set(centred: "draining", onColumn: c.x, row: c.y - 1, style: Theme.draining, clippedTo: clip)
        buffer.set(centred: "queue \(server.queueLength)", onColumn: c.x, row: c.y + 1, style: Theme.draining,
                   clippedTo: clip)
    }

    /// The long legend when it fits, else a short one; every shape named, as the glyphs alone would not say.
    /// While a peer is failing, the short one names that in place of the queue and the messages.
    static func drawLegend(snapshot: Snapshot, state: AppState, row: Rect, buffer: inout Buffer) {
        let trouble = TopologyPane.troubleEntries(snapshot)
        let short: [Legend.Entry] = trouble.isEmpty ? [
            .init(Glyphs.idle, Theme.idle, "idle"), .init(Glyphs.busy, Theme.busy, "busy"),
            .init(Glyphs.queueing, Theme.serverQueueing, "queue"), .init(Glyphs.overloaded, Theme.overload, "full"),
            .init(Glyphs.down, Theme.down, "down"), .init(Glyphs.request, Theme.request, "msg"),
        ] : [.init(Glyphs.idle, Theme.idle, "idle"), .init(Glyphs.busy, Theme.busy, "busy")] + trouble
            + [.init(Glyphs.overloaded, Theme.overload, "full"), .init(Glyphs.down, Theme.down, "down")]
        let line = Legend.fitting([
            .init(Glyphs.idle, Theme.idle, "idle"), .init(Glyphs.busy, Theme.busy, "busy"),
            .init(Glyphs.queueing, Theme.serverQueueing, "queueing"),
            .init(Glyphs.overloaded, Theme.overload, "overloaded"),
        ] + trouble + [
            .init(Glyphs.down, Theme.down, "down"), .init(Glyphs.request, Theme.request, "lookup/request"),
            .init(Glyphs.reply, Theme.reply, "reply"),
        ], else: short, width: row.width)
        buffer.set(line: line, in: row, ellipsis: state.symbols.ellipsis)
    }
}

// MARK: - Geometry

/// Where each peer goes: on an ellipse in ring order (DHT) or in id order (flooding), or nil when the peers would
/// not be legible in `area`.
struct MeshLayout {
    /// The ellipse's geometry (the same as the client-server star's, so the two pictures line up across a switch).
    let star: StarLayout
    /// Peer ids in the order they sit on the ellipse, clockwise from the top.
    let ids: [Int]
    /// Slot on the ellipse of each id (index = id; -1 when not drawn).
    private let slot: [Int]

    init?(snapshot: Snapshot, area: Rect) {
        let n = snapshot.activeNodeCount
        guard n >= 1, let star = StarLayout(clients: n, area: area) else { return nil }
        self.star = star
        var ids: [Int] = []
        ids.reserveCapacity(n)
        var slot = [Int](repeating: -1, count: n + 1)
        if let mesh = snapshot.mesh {
            let order = mesh.discovery == .dht ? mesh.ringOrder : MeshLayout.neighbourOrder(mesh.links, peers: n)
            for id in order where id >= 1 && id <= n && slot[id] < 0 {
                slot[id] = ids.count
                ids.append(id)
            }
        }
        // Peers the ring or the overlay does not list (yet): by id after the others.
        for id in 1...n where slot[id] < 0 {
            slot[id] = ids.count
            ids.append(id)
        }
        self.ids = ids
        self.slot = slot
    }

    /// Peer ids in Cuthill–McKee order (breadth-first from a least-connected peer, fewer neighbours first):
    /// neighbours end up close together on the ellipse, so most links are short and the picture stays readable.
    static func neighbourOrder(_ links: [MeshView.Link], peers n: Int) -> [Int] {
        var adjacent = [[Int]](repeating: [], count: n + 1)
        for link in links where link.a >= 1 && link.a <= n && link.b >= 1 && link.b <= n && link.a != link.b {
            adjacent[link.a].append(link.b)
            adjacent[link.b].append(link.a)
        }
        let degree = adjacent.map(\.count)
        let byDegree: (Int, Int) -> Bool = { a, b in degree[a] != degree[b] ? degree[a] < degree[b] : a < b }
        for id in 1...max(1, n) { adjacent[id].sort(by: byDegree) }
        var seen = [Bool](repeating: false, count: n + 1)
        var order: [Int] = []
        order.reserveCapacity(n)
        // Every component in turn, each from its least-connected peer.
        for start in (1...max(1, n)).sorted(by: byDegree) where n >= 1 && !seen[start] {
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

    /// The cell of peer `id`, or nil when it is not drawn.
    func position(of id: Int) -> (x: Int, y: Int)? {
        guard id >= 1, id < slot.count, slot[id] >= 0 else { return nil }
        return star.clients[slot[id]]
    }

    /// The segments to draw as links: successor to successor around the DHT's ring, or the flooding overlay's edges.
    func links(_ mesh: MeshView?) -> [((x: Int, y: Int), (x: Int, y: Int))] {
        guard let mesh else { return [] }
        switch mesh.discovery {
        case .dht:
            guard ids.count >= 3 else { return [] }
            return ids.indices.map { (star.clients[$0], star.clients[($0 + 1) % ids.count]) }
        case .flooding:
            return mesh.links.compactMap { link in
                guard let a = position(of: link.a), let b = position(of: link.b) else { return nil }
                return (a, b)
            }
        }
    }
}
