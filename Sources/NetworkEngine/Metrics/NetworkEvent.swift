/// Something noteworthy that happened in the network, for the event log and `--events FILE`.
public struct NetworkEvent: Sendable, Equatable {
    /// Kinds of event; the raw value is the `kind` field of the JSON lines contract.
    public enum Kind: String, Sendable, CaseIterable {
        case overload, recovered
        case nodeDown = "node_down", nodeUp = "node_up"
        case nodesAdded = "nodes_added", nodesRemoved = "nodes_removed"
        case flashCrowd = "flash_crowd"
        case toggle
        case loginFailure = "login_failure", lockout, unauthorized, breach
        /// An attack started or stopped.
        case attack

        /// The event-log filter the kind belongs to.
        public var category: Category {
            switch self {
            case .overload, .recovered, .flashCrowd: .overload
            case .nodeDown, .nodeUp: .failures
            case .loginFailure, .lockout, .unauthorized, .breach, .attack: .security
            case .nodesAdded, .nodesRemoved, .toggle: .topology
            }
        }
    }

    /// Groups of kinds that the live view's event-log filter selects.
    public enum Category: String, Sendable, CaseIterable { case overload, failures, security, topology }

    public var time: SimTime
    public var kind: Kind
    /// The node concerned: 0 is the server, clients are 1...N.
    public var node: Int
    public var detail: String

    public init(time: SimTime, kind: Kind, node: Int, detail: String) {
        self.time = time; self.kind = kind; self.node = node; self.detail = detail
    }
}
