/// One command of a live session, where it happened: enough to carry it out again at exactly the same point.
///
/// The simulated time alone does not place a command: the live view advances the engine in chunks that can stop
/// part-way through an instant (several events share a nanosecond), and `.` runs one event. The number of events the
/// engine had processed does: together with the time it names one point of a deterministic run.
public struct SessionCommand: Sendable, Equatable {
    /// The engine's clock when the command was applied.
    public var time: SimTime
    /// The engine's `eventsProcessed` when the command was applied.
    public var eventsProcessed: Int
    /// The command in its resolved form (`Engine.resolved(_:)`): what it did, not which key asked for it.
    public var command: EngineCommand
    /// Whether the engine took it; a replay that gets another answer is not the same session.
    public var accepted: Bool

    public init(time: SimTime, eventsProcessed: Int, command: EngineCommand, accepted: Bool) {
        self.time = time
        self.eventsProcessed = eventsProcessed
        self.command = command
        self.accepted = accepted
    }
}

extension SessionCommand {
    /// The word a session log uses for the attack toggle: the timeline has no attack action, and replayed at the same
    /// event the toggle meets the same state, so it starts or stops the attack exactly as it did live.
    public static let attackToggleSpelling = "toggle_attack"

    /// The command as a session log writes it: its timeline spelling (`add_nodes: 5`, `crash: 3`,
    /// `set: { rate: 2 }`), or `toggle_attack`; nil for a command left unresolved (`toggleNode`,
    /// `toggleArchitecture`), which a log never holds.
    public static func spelling(of command: EngineCommand) -> String? {
        if command == .toggleAttack { return attackToggleSpelling }
        return command.timelineSpelling
    }

    /// Reads a command as `spelling(of:)` writes it, with the scenario file's own reader (so every action with a
    /// timeline spelling reads back without a change here), or says in one line what is wrong with it.
    public static func command(spelled text: String) -> Result<EngineCommand, SessionLogError> {
        if text == attackToggleSpelling { return .success(.toggleAttack) }
        // A one-entry timeline: the reader checks the action's key, its value and its limits as a file's.
        let yaml = "name: session log\ntimeline:\n  - { at: 0, \(text) }\n"
        guard !text.contains("\n"), let scenario = try? ScenarioDecoder.decode(yaml: yaml, source: "log"),
              scenario.timeline.count == 1 else {
            return .failure(SessionLogError("'\(text)' is not an action a session log holds (such as "
                + "'add_nodes: 5', 'crash: 3', 'set: { rate: 2 }' or '\(attackToggleSpelling)')"))
        }
        return .success(scenario.timeline[0].kind)
    }
}

/// What is wrong with a session log or its replay, in one line.
public struct SessionLogError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
