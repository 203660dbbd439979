import NetworkEngine

/// One scenario the picker (`o`) offers: a built-in one, or a `.yaml`/`.yml` file in the current directory.
public struct ScenarioChoice: Sendable, Equatable {
    /// Where the scenario comes from: the picker lists the built-ins first, then the files.
    public enum Source: Sendable, Equatable {
        case builtin, file
        /// A lesson (`l`): opening it opens the lesson pane, which loads its own scenarios.
        case lesson
    }

    /// What `ScenarioLibrary.open` is handed back: a built-in name or the file's path, as the library gave it.
    public var id: String
    /// The name the picker shows: a built-in's name, a file's name; control characters already escaped.
    public var title: String
    /// The scenario's description on one line, or, when it cannot be opened, why (the first problem, with its line).
    public var summary: String
    public var source: Source
    /// False for a file that cannot be opened: listed, with `summary` saying why, but refused by Enter.
    public var opens: Bool

    public init(id: String, title: String, summary: String, source: Source, opens: Bool = true) {
        self.id = id; self.title = title; self.summary = summary; self.source = source; self.opens = opens
    }
}

/// A scenario the library opened: a fresh model at t=0, and what the live view says about it.
public struct OpenedScenario {
    public var model: any NetworkModel
    /// How to start this run again from the command line (for the crash screen).
    public var origin: RunOrigin
    /// The scenario's description as its file gives it (what to watch), for `i`.
    public var description: String

    public init(model: any NetworkModel, origin: RunOrigin, description: String) {
        self.model = model; self.origin = origin; self.description = description
    }
}

/// What the scenario picker lists and opens: injected into `LiveApp` by the program, so the live view never names
/// the engine or reads a file itself (as `NetworkModel.restarted()` makes a fresh run without the view knowing how).
public protocol ScenarioLibrary: AnyObject {
    /// The built-in scenarios, then the scenario files of the current directory, each with its one-line summary.
    ///
    /// Never throws: a file that cannot be read or decoded is listed with `opens == false` and its error.
    func choices() -> [ScenarioChoice]

    /// A fresh model on `choice` at t=0 with `seed` (the running scenario's seed: a class comparing scenarios keeps
    /// its random streams), or the one-line reason it cannot be opened.
    func open(_ choice: ScenarioChoice, seed: UInt64) -> Result<OpenedScenario, ScenarioOpenFailure>
}

/// Why a scenario could not be opened, in one line a user can act on.
public struct ScenarioOpenFailure: Error, Sendable, Equatable {
    public var message: String
    public init(message: String) { self.message = message }
}
