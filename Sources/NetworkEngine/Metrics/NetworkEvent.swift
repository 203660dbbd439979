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
        /// A scenario value changed while running (`:set`, `[` `]`, a timeline's `set`).
        case setting = "set"
        /// A share of the members crashed at once (`k`, a timeline's `crash_share`): one line for the whole crash, after
        /// a `node_down` for each member.
        case crashShare = "crash_share"

        /// The event-log filter the kind belongs to.
        public var category: Category {
            switch self {
            case .overload, .recovered, .flashCrowd: .overload
            case .nodeDown, .nodeUp: .failures
            case .crashShare: .failures
            case .loginFailure, .lockout, .unauthorized, .breach, .attack: .security
            case .nodesAdded, .nodesRemoved, .toggle, .setting: .topology
            }
        }
    }

    /// Groups of kinds that the live view's event-log filter selects.
    public enum Category: String, Sendable, CaseIterable { case overload, failures, security, topology }

    /// What became of a password or a request at the node that checked it; the raw value is the `outcome` field of
    /// the JSON lines contract.
    public enum Outcome: String, Sendable, CaseIterable {
        /// A guess reached a locked account and was turned away unchecked (`login_failure`).
        case refused
        /// A guessed password, an account's or a share's, was wrong (`login_failure`).
        case wrong
        /// A client's own login was turned away because its account is locked (`login_failure`).
        case lockedOut = "locked_out"
        /// A weak password was guessed: the account or the share is broken into (`breach`).
        case broken
        /// A share without a password was read (`breach`).
        case readOpen = "read_open"
        /// The account may not read the resource it asked for (`unauthorized`).
        case denied
    }

    public var time: SimTime
    public var kind: Kind
    /// The node concerned: 0 is the server, clients are 1...N. A guess's event is at the node that checked it: the
    /// server for an account, the peer whose share it was.
    public var node: Int
    /// The account concerned, 1-based: a guess's target, a lock, a client's account. Nil when no account is.
    public var account: Int?
    /// The other node involved, as a node id (1...N): the attacker for a guess or the lockout it caused, the client
    /// for its own login or request. Nil when `node` is the only one.
    public var peer: Int?
    /// What the node made of a password or a request; nil for events that are not an answer (a lock, an overload).
    public var outcome: Outcome?
    /// The human sentence the event log and the JSON lines print; read the fields above, not this.
    public var detail: String

    public init(time: SimTime, kind: Kind, node: Int, account: Int? = nil, peer: Int? = nil, outcome: Outcome? = nil,
                detail: String) {
        self.time = time; self.kind = kind; self.node = node
        self.account = account; self.peer = peer; self.outcome = outcome; self.detail = detail
    }
}
