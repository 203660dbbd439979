import NetworkEngine
import TerminalCanvas

/// The peer mesh as a picture: the DHT's ring, or the flooding overlay's neighbour graph, with lookups hopping
/// between peers; a heat strip of served load when there are too many peers to draw one by one.
enum MeshTopology {
    /// Draws the mesh in `picture` and its legend on `legendRow`.
    static func render(snapshot: Snapshot, state: AppState, plan: TopologyPlan?, picture: Rect, legendRow: Rect,
                       buffer: inout Buffer) {
        let n = snapshot.activeNodeCount
        guard n > 0 else {
            buffer.set(string: "no peers", at: picture.position, style: Theme.muted, clippedTo: picture)
            return
        }
        guard let plan else {
            MeshHeatStrip.render(snapshot: snapshot, state: state, area: picture, legendRow: legendRow,
                                 buffer: &buffer)
            return
        }
        let layout = MeshLayout(plan: plan, snapshot: snapshot)
        draw(layout, snapshot: snapshot, state: state, buffer: &buffer)
        drawLegend(snapshot: snapshot, state: state, bins: plan.mode == .bins, row: legendRow, buffer: &buffer)
    }

    // MARK: - Ring and graph

    static func draw(_ layout: MeshLayout, snapshot: Snapshot, state: AppState, buffer: inout Buffer) {
        let rings = layout.plan.layout
        let clip = layout.plan.picture
        let serverShown = snapshot.server != nil
        // Only a draining server occupies the centre; otherwise links and lookups may cross it freely.
        let isCentre: (Int, Int) -> Bool = { serverShown && rings.isServerCell(x: $0, y: $1) }
        let picture = snapshot.mesh?.picture ?? MeshPicture()
        if layout.plan.mode == .bins { drawCaption(layout, snapshot: snapshot, state: state, buffer: &buffer) }

        // Links first, so everything else is drawn over them.
        let links = layout.links(snapshot.mesh)
        let spacing = linkSpacing(links, area: clip)
        for (a, b) in links {
            for (x, y) in TopologyPane.dottedLine(from: a, to: b, spacing: spacing) where !isCentre(x, y) {
                buffer.set(string: Glyphs.link.description, at: Position(x: x, y: y), style: Theme.link,
                           clippedTo: clip)
            }
        }
        let selected = layout.position(of: state.selectedNode)
        // The selected peer's own links drawn solid: select peers with ← → to explore who knows whom.
        if let selected, layout.plan.mode == .nodes {
            for (a, b) in links where (a == selected) || (b == selected) {
                for (x, y) in TopologyPane.dottedLine(from: a, to: b, spacing: 1) where !isCentre(x, y) {
                    buffer.set(string: Glyphs.link.description, at: Position(x: x, y: y), style: Theme.selectedLink,
                               clippedTo: clip)
                }
            }
        }
        // The selected peer's fingers: a line of their own to each, so "log N links reach across the ring" is seen.
        if let selected {
            for finger in picture.fingers {
                guard let p = layout.position(of: finger.id, rank: finger.rank), p != selected else { continue }
                for (x, y) in TopologyPane.dottedLine(from: selected, to: p, spacing: 2) where !isCentre(x, y) {
                    buffer.set(string: Glyphs.finger.description, at: Position(x: x, y: y),
                               style: Theme.selectedLink, clippedTo: clip)
                }
            }
        }
        // The latest lookup's path, hop by hop, over the fingers: each hop at least halves the distance left.
        var previous: Position?
        for step in picture.lookupPath {
            guard let p = layout.position(of: step.id, rank: step.rank) else { previous = nil; continue }
            if let a = previous, a != p {
                for (x, y) in TopologyPane.dottedLine(from: a, to: p, spacing: 1) where !isCentre(x, y) {
                    buffer.set(string: Glyphs.path.description, at: Position(x: x, y: y), style: Theme.request,
                               clippedTo: clip)
                }
            }
            previous = p
        }
        TopologyPane.drawFlights(snapshot.flights, state: state, clip: clip, buffer: &buffer, isCentre: isCentre) {
            id in
            if id == 0 { return serverShown ? (rings.center.x, rings.center.y) : nil }
            return layout.position(of: id).map { ($0.x, $0.y) }
        }
        if serverShown {
            drawDrainingServer(snapshot: snapshot, state: state, at: (rings.center.x, rings.center.y), clip: clip,
                               buffer: &buffer)
        }

        // The flood's wave: each peer it reached keeps its own glyph (idle, busy, queueing: what the class watches)
        // and is lit in the wave's style; a digit in its place hid what the peer was doing.
        var reached = [Bool](repeating: false, count: rings.slots.count)
        for peer in picture.wave {
            guard let s = layout.slot(of: peer.id) else { continue }
            reached[s] = true
        }
        let tally = MeshLayout.Tally(layout, snapshot: snapshot)
        var overloaded = 0
        for s in rings.slots.indices where tally.overloaded[s] > 0 {
            overloaded += tally.overloaded[s]
            if layout.plan.mode == .nodes, let id = layout.id(atSlot: s) {
                drawLabel(String(id), beside: rings.slots[s], centre: rings.center, style: Theme.warning, clip: clip,
                          buffer: &buffer)
            }
        }
        if overloaded > 0 {
            buffer.set(string: "\(Glyphs.overloaded) \(overloaded) overloaded", at: clip.position,
                       style: Theme.warning, clippedTo: clip)
        }
        let selectedSlot = layout.slot(of: state.selectedNode)
        for (s, p) in rings.slots.enumerated() {
            var (glyph, style) = tally.glyph(s, mode: layout.plan.mode, snapshot: snapshot)
            // Lit unless it is full or down: those keep their alarm styles, which a class must not miss.
            if reached[s], tally.overloaded[s] == 0, tally.down[s] * 2 < max(1, tally.size[s]) {
                style = Theme.floodReached
            }
            if s == selectedSlot { style = style.patched(with: Theme.selected) }
            buffer.set(string: String(glyph), at: p, style: style, clippedTo: clip)
        }
        if let s = selectedSlot, state.selectedNode >= 1 {
            drawLabel(String(state.selectedNode), beside: rings.slots[s], centre: rings.center, style: Theme.selected,
                      clip: clip, buffer: &buffer)
        }
    }

    /// The row above the bins: what a cell stands for, and what the flood or the lookup did.
    static func drawCaption(_ layout: MeshLayout, snapshot: Snapshot, state: AppState, buffer: inout Buffer) {
        let plan = layout.plan
        let dht = layout.dht
        var text = dht ? "ring arcs of ~\(plan.perSlot) peers" : "peers 1\(Glyphs.enDash)\(plan.population) \(Glyphs.dot) \(plan.perSlot) a cell"
        if plan.stride > 1 { text += " \(Glyphs.dot) shade of 1 in \(plan.stride)" }
        text += " \(Glyphs.dot) shade: served"
        let row = Rect(x: plan.picture.x, y: plan.picture.y - 1, width: plan.picture.width, height: 1)
        buffer.set(line: Line([Span(text, style: Theme.muted)]), in: row, ellipsis: state.symbols.ellipsis)
    }

    /// One dot every `n` cells along the links, sparser as the links would cover more of the picture: a flooding
    /// overlay has about twice as many links as peers, and dots on every other cell would turn it into a fog.
    static func linkSpacing(_ links: [(Position, Position)], area: Rect) -> Int {
        let length = links.reduce(0) { $0 + max(abs($1.0.x - $1.1.x), abs($1.0.y - $1.1.y)) }
        // At most about a sixth of the cells dotted, and never sparser than one in four, or a line stops reading
        // as a line.
        let budget = max(1, area.width * area.height / 6)
        return min(4, max(2, (length + budget - 1) / budget))
    }

    /// A label beside the node at `p`, on the side away from the centre so it stays off the ring's inside.
    static func drawLabel(_ label: String, beside p: Position, centre: Position, style: Style,
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
    static func drawLegend(snapshot: Snapshot, state: AppState, bins: Bool, row: Rect, buffer: inout Buffer) {
        let trouble = TopologyPane.troubleEntries(snapshot)
        let picture = snapshot.mesh?.picture ?? MeshPicture()
        // What the picture's own marks mean, first: they are what this pane is for in a lesson.
        var own: [Legend.Entry] = []
        if !picture.wave.isEmpty {
            // Short, so that at 120×40 it fits whole beside the short legend.
            let hops = picture.waveDepth == 1 ? "1 hop" : "\(picture.waveDepth) hops"
            own.append(.init(Glyphs.idle, Theme.floodReached, "flood: \(picture.waveReached) peers in " + hops))
        }
        if !picture.lookupPath.isEmpty {
            own.append(.init(Glyphs.path, Theme.request,
                             "lookup \(max(0, picture.lookupPath.count - 1)) hop\(picture.lookupPath.count == 2 ? "" : "s")\(picture.lookupDone ? "" : "…")"))
        }
        if !picture.fingers.isEmpty { own.append(.init(Glyphs.finger, Theme.selectedLink, "fingers")) }
        if bins {
            let line = Legend.fitting(own + [.init(parts: [Span(Glyphs.shades, style: Theme.busy)], "served more"),
                                             .init(Glyphs.overloaded, Theme.overload, "full")] + trouble
                                        + [.init(Glyphs.down, Theme.down, "most down")],
                                      else: own + [.init(Glyphs.overloaded, Theme.overload, "full")] + trouble
                                        + [.init(Glyphs.down, Theme.down, "down")], width: row.width)
            buffer.set(line: line, in: row, ellipsis: state.symbols.ellipsis)
            return
        }
        let short: [Legend.Entry] = trouble.isEmpty ? [
            .init(Glyphs.idle, Theme.idle, "idle"), .init(Glyphs.busy, Theme.busy, "busy"),
            .init(Glyphs.queueing, Theme.serverQueueing, "queue"), .init(Glyphs.overloaded, Theme.overload, "full"),
            .init(Glyphs.down, Theme.down, "down"), .init(Glyphs.request, Theme.request, "msg"),
        ] : [.init(Glyphs.idle, Theme.idle, "idle"), .init(Glyphs.busy, Theme.busy, "busy")] + trouble
            + [.init(Glyphs.overloaded, Theme.overload, "full"), .init(Glyphs.down, Theme.down, "down")]
        let line = Legend.fitting(own + [
            .init(Glyphs.idle, Theme.idle, "idle"), .init(Glyphs.busy, Theme.busy, "busy"),
            .init(Glyphs.queueing, Theme.serverQueueing, "queueing"),
            .init(Glyphs.overloaded, Theme.overload, "overloaded"),
        ] + trouble + [
            .init(Glyphs.down, Theme.down, "down"), .init(Glyphs.request, Theme.request, "lookup/request"),
            .init(Glyphs.reply, Theme.reply, "reply"),
        ], else: own + short, width: row.width)
        buffer.set(line: line, in: row, ellipsis: state.symbols.ellipsis)
    }
}

