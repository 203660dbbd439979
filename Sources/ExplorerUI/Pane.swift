/// The panes that can have the focus; `tab` moves through them in this order.
///
/// The order is the screen's reading order as `Screen.regions` lays the panes out (top to bottom, then left to
/// right): the topology, the side column (server, security, inspector), then the bottom band (metrics, events). A
/// test checks it against the layout at every supported size.
public enum Pane: Int, CaseIterable, Sendable, Equatable {
    case topology, server, security, inspector, metrics, events

    /// The pane after this one, wrapping around.
    public var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count) ?? .topology }

    /// The pane before this one, wrapping around.
    public var previous: Pane {
        Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count) ?? .topology
    }

    /// The pane's name as its title shows it.
    public var title: String {
        switch self {
        case .topology: "topology"
        case .server: "server"
        case .security: "security"
        case .metrics: "metrics"
        case .events: "events"
        case .inspector: "inspector"
        }
    }
}
