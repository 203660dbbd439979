import NetworkEngine

/// Work `update` asks the run loop to do: the only way an action reaches the model or ends the program.
public enum Effect: Sendable, Equatable {
    /// Apply a command to the model and show its answer in the status line.
    case command(EngineCommand)
    /// Run exactly one event of the model (`step()`).
    case stepOnce
    /// Throw the model away and go on with its `restarted()`: the same run again from time 0.
    case restartScenario
    case quit
    /// Ask the scenario library for its list (`o`), then show it in the picker.
    case listScenarios
    /// Replace the model with a fresh one on `choice`, keeping the run's seed.
    case openScenario(ScenarioChoice)
    /// Write the session's lab record (`:export`) through the app's `SessionRecorder`.
    case export(directory: String?, force: Bool)
    /// Ask the lesson library for its list (`l`), then show it in the picker.
    case listLessons
    /// The learner answered the lesson's ask: record it, show the verdict, go on.
    case answerLesson(LessonAnswer)
    /// Go on with the lesson's next steps (Enter after a check).
    case continueLesson
    /// Take the view `by` simulated time back (negative) or forward through the history, or to its live end (nil).
    case travel(by: SimTime?)
    /// Write the screen as it stands to text files (`:screenshot`).
    case screenshot
}
