import NetworkEngine
import TerminalCanvas

// MARK: - The mouse

/// Panes the wheel scrolls, with the action one notch repeats: the pane's own ↑ or ↓, so the wheel and the arrows
/// always agree on what scrolling means there.
let wheelScrolledPanes: Set<Pane> = [.events]

/// Rows one wheel notch scrolls: three, as most desktops do; one row a notch makes a long log tedious.
let wheelRows = 3

/// Applies a click or a wheel notch at a cell, htop's and btop's way:
/// - a left press anywhere focuses the pane under it; on a node in the topology it selects the node; on a chart
///   column in the metrics it opens the readout of that moment (any other press closes it);
/// - the wheel scrolls the pane under the pointer when that pane scrolls (the event log), focusing it;
/// - with an overlay open (help, picker, description), a press closes it and does nothing else (the panes are
///   hidden under it), and the wheel does nothing;
/// - releases, the middle and right buttons, and anything below the minimum screen do nothing.
func updateForMouse(_ state: inout AppState, _ event: MouseEvent, context: UpdateContext) -> [Effect] {
    guard let size = context.screenSize, size.width >= TooSmallMessage.minimum.width,
          size.height >= TooSmallMessage.minimum.height else { return [] }
    let regions = Screen.regions(for: size)
    let pane = regions.pane(atX: event.x, y: event.y)
    switch event.kind {
    case .press(.left):
        if state.showsHelp || state.picker != nil || state.showsDescription || state.showsMessages {
            state.showsHelp = false
            closeFindingOverlays(&state)
            return []
        }
        state.chartCursor = nil
        guard let pane else { return [] }
        state.focus = pane
        guard let snapshot = context.snapshot else { return [] }
        switch pane {
        case .topology:
            if let id = TopologyPane.node(atX: event.x, y: event.y, snapshot: snapshot, state: state,
                                          area: regions.topology) {
                state.selectedNode = id
            }
        case .metrics:
            if let second = MetricsPane.second(atX: event.x, y: event.y, snapshot: snapshot,
                                               area: regions.metrics) {
                state.chartCursor = ChartCursor(second: second)
            }
        default:
            break
        }
        return []
    case .wheelUp, .wheelDown:
        guard !state.showsHelp, state.picker == nil, !state.showsDescription, let pane,
              wheelScrolledPanes.contains(pane) else { return [] }
        state.focus = pane
        let action: Action = event.kind == .wheelUp ? .selectUp : .selectDown
        var effects: [Effect] = []
        for _ in 0..<wheelRows { effects += update(&state, action, context: context) }
        return effects
    case .press, .release:
        return []
    }
}

/// Drops the chart readout once its moment has left the charts (scrolled off the left edge), so it never comes
/// back by surprise; needs the screen size to know the charts' width (without it, the readout stays).
func expireChartCursor(_ state: inout AppState, context: UpdateContext) {
    guard let cursor = state.chartCursor, let snapshot = context.snapshot, let size = context.screenSize,
          size.width >= TooSmallMessage.minimum.width, size.height >= TooSmallMessage.minimum.height else { return }
    let area = Screen.regions(for: size).metrics
    if MetricsPane.chartColumn(ofSecond: cursor.second, snapshot: snapshot, area: area) == nil {
        state.chartCursor = nil
    }
}

extension Screen.Regions {
    /// The pane drawn at cell (`x`, `y`), border included; nil for the status bar, the help bar and outside.
    func pane(atX x: Int, y: Int) -> Pane? {
        let panes: [(Rect, Pane)] = [(topology, .topology), (server, .server), (security, .security),
                                     (inspector, .inspector), (metrics, .metrics), (events, .events)]
        return panes.first { $0.0.contains(x: x, y: y) }?.1
    }
}
