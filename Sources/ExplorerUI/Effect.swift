import NetworkEngine

/// Work `update` asks the run loop to do: the only way an action reaches the engine or ends the program.
public enum Effect: Sendable, Equatable {
    /// Apply a command to the engine and show its answer in the status line.
    case command(EngineCommand)
    /// Run exactly one engine event.
    case stepOnce
    /// Throw the engine away and start the scenario again from time 0.
    case restartScenario
    case quit
}
