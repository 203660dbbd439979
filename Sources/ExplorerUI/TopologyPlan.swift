import NetworkEngine
import TerminalCanvas

/// What the topology pane draws for a population in an area, decided before the snapshot is taken (so the snapshot
/// asks only for what will be drawn) and again when rendering and hit testing, from the same inputs.
///
/// Up to the rings' capacity every node has its own slot on rings around the centre; past it each slot is a bin of
/// consecutive nodes (client-server, flooding) or an arc of the DHT ring, shaded from a sample of its nodes. Either
/// way the server (or the ring's centre) stays in the middle and requests are drawn moving along the spokes.
struct TopologyPlan: Equatable {
    enum Mode: Equatable {
        /// One slot per node.
        case nodes
        /// One slot per `perSlot` nodes.
        case bins
    }

    /// The most nodes a sampled snapshot asks for: a few for each bin's shade at a few hundred bins, few enough that
    /// a frame of a million clients costs what a frame of a few thousand does.
    static let sampleBudget = 2048

    /// Ids past the population a request still asks for (the window is clamped to the real population).
    static let joinMargin = 64

    let mode: Mode
    /// The inner area's picture part: above the legend rows (and below the caption row for bins).
    let picture: Rect
    let layout: RingLayout
    let population: Int
    /// Nodes a slot stands for (1 for `.nodes`).
    let perSlot: Int
    /// The snapshot's sampling stride (1: every node).
    let stride: Int

    /// Legend rows under the picture: the security marks' row joins the legend when there is room.
    static func legendRows(inner: Rect, security: Bool) -> Int { security && inner.height >= 8 ? 2 : 1 }

    /// The plan for `population` nodes in the pane's `inner` area; `maxRings` is 1 for the DHT's single ring.
    /// nil when the area is too small for any picture.
    init?(population n: Int, inner: Rect, security: Bool, maxRings: Int = .max) {
        let legend = Self.legendRows(inner: inner, security: security)
        guard inner.height - legend >= 5, inner.width >= 12 else { return nil }
        let full = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - legend)
        let labelRoom = String(max(1, n)).count + 1
        population = max(0, n)
        let fullRings = RingLayout.rings(area: full, maxRings: maxRings, labelRoom: labelRoom)
        if let layout = RingLayout(slots: population, area: full, rings: fullRings) {
            mode = .nodes
            picture = full
            self.layout = layout
            perSlot = 1
            stride = 1
            return
        }
        // Bins: the top row says what a cell stands for.
        let below = Rect(x: full.x, y: full.y + 1, width: full.width, height: full.height - 1)
        let belowRings = RingLayout.rings(area: below, maxRings: maxRings, labelRoom: 1)
        let capacity = belowRings.reduce(0) { $0 + $1.count }
        guard capacity >= 1 else { return nil }
        let per = (population + capacity - 1) / capacity
        let slots = (population + per - 1) / per
        guard let layout = RingLayout(slots: slots, area: below, rings: belowRings) else { return nil }
        mode = .bins
        picture = below
        self.layout = layout
        perSlot = per
        stride = max(1, (population + Self.sampleBudget - 1) / Self.sampleBudget)
    }

    /// The slot of client or peer `id` placed by id (nil for the server or an id out of range).
    func slot(ofNode id: Int) -> Int? {
        guard id >= 1, id <= population else { return nil }
        let s = (id - 1) / perSlot
        return s < layout.slots.count ? s : nil
    }

    /// The first node of slot `s` placed by id.
    func firstNode(ofSlot s: Int) -> Int? {
        guard s >= 0, s < layout.slots.count else { return nil }
        return s * perSlot + 1
    }

    /// The snapshot request for a frame that draws this plan: every node, or a sample anchored on the selection.
    func request(base: SnapshotRequest, selected: Int) -> SnapshotRequest {
        var r = base
        let lower = stride > 1 && selected >= 1 && selected <= population ? (selected - 1) % stride + 1 : 1
        // A little past the population, so clients that join before the next plan are drawn at once.
        r.nodes = lower..<(population + 1 + Self.joinMargin)
        r.stride = stride
        r.focus = selected >= 1 ? selected : nil
        return r
    }
}

extension TopologyPane {
    /// The plan for the pane at `area` given what the snapshot says of the network (nil: too small to draw).
    static func plan(snapshot: Snapshot, area: Rect) -> TopologyPlan? {
        let inner = Block(title: "", borders: .all).inner(area)
        let dht = snapshot.architecture == .peerMesh && snapshot.mesh?.discovery == .dht
        return TopologyPlan(population: snapshot.activeNodeCount, inner: inner, security: snapshot.security != nil,
                            maxRings: dht ? 1 : .max)
    }

    /// What the next frame should ask the model for, from the last snapshot (its population, architecture and
    /// security) and the screen's size: only the nodes the topology pane will draw, so a frame costs what is shown.
    public static func snapshotRequest(base: SnapshotRequest, previous: Snapshot, state: AppState,
                                       screen: Size) -> SnapshotRequest {
        snapshotRequest(base: base, plan: plan(snapshot: previous, screen: screen), state: state)
    }

    /// The plan for `snapshot` on a screen of `size`; nil when the screen is too small for the panes or the pane
    /// for a picture.
    static func plan(snapshot: Snapshot, screen: Size) -> TopologyPlan? {
        guard screen.width >= TooSmallMessage.minimum.width, screen.height >= TooSmallMessage.minimum.height else {
            return nil
        }
        return plan(snapshot: snapshot, area: Screen.regions(for: screen).topology)
    }

    /// The request for a frame that draws `plan` (made from the last snapshot: `plan(snapshot:screen:)`).
    static func snapshotRequest(base: SnapshotRequest, plan: TopologyPlan?, state: AppState) -> SnapshotRequest {
        var r = base
        r.focus = state.selectedNode >= 1 ? state.selectedNode : nil
        guard let plan else {
            // Nothing drawn node by node: the selection alone, for the inspector.
            let s = max(1, state.selectedNode)
            r.nodes = s..<(s + 1)
            return r
        }
        return plan.request(base: base, selected: state.selectedNode)
    }
}
