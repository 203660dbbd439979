import NetworkEngine
import TerminalCanvas

extension TopologyPane {
    /// The node drawn at cell (`x`, `y`) of the topology pane in `area`: 0 for the server, 1...N for a client or
    /// peer, nil for a link, a legend or empty space. What a click selects.
    ///
    /// Reads the same layouts the pane draws with (`StarLayout`, `MeshLayout`, `StripGeometry`), so it cannot
    /// disagree with the picture. A click one cell beside a node's glyph still finds it: cells are small targets. In a heat strip a cell groups several nodes, and a click selects the first of them (the cell's
    /// label counts from it).
    static func node(atX x: Int, y: Int, snapshot: Snapshot, state: AppState, area: Rect) -> Int? {
        // PaneFrame draws all four borders; the picture is what `render` leaves above the legend rows.
        let inner = Block().inner(area)
        guard inner.height >= 3, inner.width >= 10 else { return nil }
        let legendRows = snapshot.security != nil && inner.height >= 8 ? 2 : 1
        let picture = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - legendRows)
        guard picture.contains(x: x, y: y) else { return nil }
        let n = snapshot.activeNodeCount
        if snapshot.architecture == .peerMesh {
            guard n > 0 else { return nil }
            if let layout = MeshLayout(snapshot: snapshot, area: picture) {
                let star = layout.star
                // Only a draining server is drawn in the middle of the ring.
                if snapshot.server != nil, star.isServerCell(x: x, y: y) { return 0 }
                return nearest(x: x, y: y, among: layout.ids.lazy.compactMap { id in
                    layout.position(of: id).map { (id, $0) }
                })
            }
            return stripNode(x: x, y: y, nodes: n, picture: picture, summaryIsServer: snapshot.server != nil)
        }
        if let star = StarLayout(clients: n, area: picture) {
            if star.isServerCell(x: x, y: y) { return 0 }
            return nearest(x: x, y: y, among: star.clients.enumerated().lazy.map { ($0.offset + 1, $0.element) })
        }
        return stripNode(x: x, y: y, nodes: n, picture: picture, summaryIsServer: snapshot.server != nil)
    }

    /// The node whose glyph is at (`x`, `y`), else the one whose glyph is one column beside it on the same row;
    /// nil when there are two such (a click exactly between two glyphs two columns apart picks neither).
    private static func nearest<S: Sequence>(x: Int, y: Int, among nodes: S) -> Int?
    where S.Element == (Int, (x: Int, y: Int)) {
        var beside: [Int] = []
        for (id, p) in nodes where p.y == y {
            if p.x == x { return id }
            if abs(p.x - x) == 1 { beside.append(id) }
        }
        return beside.count == 1 ? beside[0] : nil
    }

    /// The first node of the heat-strip cell at (`x`, `y`); the server for the summary row above the strip (when
    /// there is a server); nil for the caption, the labels and empty cells.
    private static func stripNode(x: Int, y: Int, nodes n: Int, picture: Rect, summaryIsServer: Bool) -> Int? {
        if y == picture.y { return summaryIsServer ? 0 : nil }
        let geometry = StripGeometry(nodes: n, area: picture)
        let row = y - picture.y - 2, column = x - picture.x - geometry.labelWidth
        guard row >= 0, row < geometry.rows, column >= 0, column < geometry.columns else { return nil }
        let cell = row * geometry.columns + column
        guard cell < geometry.cellCount else { return nil }
        let id = 1 + cell * geometry.perCell
        return id <= n ? id : nil
    }
}
