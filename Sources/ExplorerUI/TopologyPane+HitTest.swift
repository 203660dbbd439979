import NetworkEngine
import TerminalCanvas

extension TopologyPane {
    /// The node drawn at cell (`x`, `y`) of the topology pane at `area` (the pane's whole rectangle, border included,
    /// as `render` takes it): 0 for the server's box, 1...N for a client or peer, the first node of a bin for a cell
    /// that stands for many (the first sampled peer of a DHT arc), nil for anything else. A click on the cell just
    /// left or right of a node's glyph finds that node.
    ///
    /// It reads the same `TopologyPlan` and `MeshLayout` that rendering draws from, so a click lands on what is seen.
    static func node(atX x: Int, y: Int, snapshot: Snapshot, state: AppState, area: Rect) -> Int? {
        guard area.contains(Position(x: x, y: y)), let plan = plan(snapshot: snapshot, area: area) else { return nil }
        let centre = plan.layout.center
        // The server's box: under client-server, and while it drains after a switch to the mesh.
        let serverDrawn = snapshot.architecture == .clientServer || snapshot.server != nil
        if serverDrawn, y == centre.y, abs(x - centre.x) <= 1 { return 0 }
        // A glyph is one cell wide: a click beside it (slots are never side by side) counts too, the exact cell first.
        let slots = plan.layout.slots
        guard let s = slots.firstIndex(of: Position(x: x, y: y)) ?? slots.firstIndex(of: Position(x: x - 1, y: y))
                ?? slots.firstIndex(of: Position(x: x + 1, y: y)) else { return nil }
        if snapshot.architecture == .peerMesh {
            return MeshLayout(plan: plan, snapshot: snapshot).id(atSlot: s)
        }
        return plan.firstNode(ofSlot: s)
    }
}
