/// What the outside (the live view, a timeline) may ask the running engine to do.
///
/// Commands are the only way in: the UI never mutates engine state directly.
public enum EngineCommand: Sendable, Equatable {
    case addNodes(Int)
    case removeNodes(Int)
    /// Crash the node (0 = the server) if it is up, bring it back if it is down.
    case toggleNode(Int)
    case crash(Scenario.NodeTarget)
    case restart(Scenario.NodeTarget)
    /// A burst of simultaneous requests from random active clients.
    case flashCrowd(requests: Int)
    case toggleArchitecture
    /// Start or stop the scenario's password-guessing attack.
    case toggleAttack
}

/// The engine's answer to a command: what happened, in words the status line can show.
public struct CommandOutcome: Sendable, Equatable {
    public var accepted: Bool
    public var message: String
    public init(accepted: Bool, message: String) { self.accepted = accepted; self.message = message }
}
