/// What the outside may ask the running engine to do: the one vocabulary of actions shared by a scenario's timeline
/// (`Scenario.TimelineAction.Kind` is this type), the live view's keys, the command log and the crash screen.
///
/// Commands are the only way in: the UI never mutates engine state directly.
public enum EngineCommand: Sendable, Equatable {
    case addNodes(Int)
    case removeNodes(Int)
    /// Crash the node (0 = the server) if it is up, bring it back if it is down.
    case toggleNode(Int)
    case crash(Scenario.NodeTarget)
    case restart(Scenario.NodeTarget)
    /// The disk of the server or of a node fails (what is lost depends on the architecture; see `StorageModel`).
    case failDisk(Scenario.NodeTarget)
    /// A burst of simultaneous requests from random active clients.
    case flashCrowd(requests: Int)
    case toggleArchitecture
    /// Switch new requests to this architecture (refused when it is already in force).
    case switchArchitecture(to: Architecture)
    /// Start or stop the scenario's password-guessing attack.
    case toggleAttack
    /// Change a scenario value for the rest of the run (`:set`, `[` `]`, a timeline's `set`), checked by its key's
    /// limits first (`ScenarioParameter.read(_:)`) and costed by `ScenarioBudget` when carried out.
    case set(ScenarioParameter, Double)
    /// Crash this share (0 < share ≤ 1) of the members up now at once, chosen at random (`k`, a timeline's
    /// `crash_share`): peers in a mesh, clients under client-server (the server stays up: crash it with `crash: server`).
    case crashShare(Double)
}

/// The engine's answer to a command: what happened, in words the status line can show.
public struct CommandOutcome: Sendable, Equatable {
    public var accepted: Bool
    public var message: String
    public init(accepted: Bool, message: String) { self.accepted = accepted; self.message = message }
}

extension EngineCommand {
    /// How a timeline entry spells the command (`add_nodes: 5`), or nil for those only the live view sends (they
    /// depend on what is on screen: the selected node, the architecture or attack in force).
    public var timelineSpelling: String? {
        switch self {
        case .addNodes(let n): "add_nodes: \(n)"
        case .removeNodes(let n): "remove_nodes: \(n)"
        case .crash(let target): "crash: \(target.spelling)"
        case .restart(let target): "restart: \(target.spelling)"
        case .failDisk(let target): "fail_disk: \(target.spelling)"
        case .flashCrowd(let requests): "flash_crowd: \(requests)"
        case .switchArchitecture(let target): "toggle: \(target.rawValue)"
        case .set(let parameter, let value): "set: { \(parameter.rawValue): \(parameter.spelled(value)) }"
        case .crashShare(let share): "crash_share: \(ScenarioRange.formatted(share))"
        case .toggleNode, .toggleArchitecture, .toggleAttack: nil
        }
    }
}

extension Scenario.NodeTarget {
    /// `server` or the node's id, as a scenario file writes it.
    public var spelling: String {
        switch self {
        case .server: "server"
        case .node(let id): String(id)
        }
    }
}
