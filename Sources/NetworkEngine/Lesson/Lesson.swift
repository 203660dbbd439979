/// A guided lesson: predict → run → check. Read from a lesson file (`Assets/Lessons/*.yaml`) by `LessonDecoder`.
///
/// A lesson teaches one claim: it loads a scenario, asks the learner to commit to a prediction before anything is
/// visible, runs the network, then checks: the prediction beside the measurement beside the theory. Every check
/// carries the range its measurement must land in, so a lesson that would teach a wrong number fails its test.
public struct Lesson: Sendable, Equatable {
    /// The name it is opened by: the file's stem (`saturation`).
    public var id: String = ""
    public var title: String
    /// The claim of the comparison it tests, as the learner would hear it.
    public var claim: String
    /// How long it takes at the projector, minutes.
    public var minutes: Double
    public var steps: [LessonStep]

    public init(id: String = "", title: String, claim: String, minutes: Double, steps: [LessonStep]) {
        self.id = id
        self.title = title
        self.claim = claim
        self.minutes = minutes
        self.steps = steps
    }

    /// The lesson's asks, by id.
    public var asks: [String: LessonAsk] {
        var all: [String: LessonAsk] = [:]
        for step in steps { if case .ask(let ask) = step.kind { all[ask.id] = ask } }
        return all
    }
}

/// One step of a lesson, with the line it starts on.
public struct LessonStep: Sendable, Equatable {
    public var kind: Kind
    /// The 1-based line of the step in its file.
    public var line: Int

    public enum Kind: Sendable, Equatable {
        /// Text shown in the lesson pane.
        case say(String)
        /// A fresh network from a scenario, with the file's overrides already applied.
        case load(LessonLoad)
        /// Actions carried out now, in the timeline's vocabulary.
        case act([EngineCommand])
        /// Run for simulated seconds; at `speed` in the live view (nil: the speed in force).
        case run(seconds: Double, speed: Double?)
        /// A question answered before anything is shown.
        case ask(LessonAsk)
        /// The prediction beside the measurement beside the theory.
        case check(LessonCheck)
    }

    /// The word a lesson file uses for the step.
    public var word: String {
        switch kind {
        case .say: "say"
        case .load: "load"
        case .act: "do"
        case .run: "run"
        case .ask: "ask"
        case .check: "check"
        }
    }
}

/// A scenario to load, as named in the file, and the scenario that results (overrides applied).
public struct LessonLoad: Sendable, Equatable {
    /// The name or path as written.
    public var source: String
    public var scenario: Scenario
}

/// A question the learner answers before the answer can be seen.
public struct LessonAsk: Sendable, Equatable {
    public var id: String
    public var question: String
    public var answer: Answer
    /// Shown once answered.
    public var explain: String

    public enum Answer: Sendable, Equatable {
        /// A number, judged at the check that names this ask: within `tolerance` of the measurement.
        case number(tolerance: Double, unit: String)
        /// One of the options (key → text, in the file's order); `correct` is the right key.
        case choice(options: [LessonOption], correct: String)
    }

    public var isNumber: Bool { if case .number = answer { true } else { false } }
}

/// One option of a choice: the key the learner types and its text.
public struct LessonOption: Sendable, Equatable {
    public var key: String
    public var text: String
    public init(key: String, text: String) { self.key = key; self.text = text }
}

/// A measured figure beside the learner's prediction and the theory, with the range it must land in.
public struct LessonCheck: Sendable, Equatable {
    /// What is shown: "clients the server keeps up with".
    public var label: String
    public var measured: LessonFigure
    /// The theory's figure for the same quantity, when there is one.
    public var theory: LessonFigure?
    /// The ask whose answer is shown beside the measurement.
    public var prediction: String?
    /// The measurement must land in this closed range, or the lesson teaches a wrong number.
    public var expect: ClosedRange<Double>
    public var explain: String

    /// The range as the file writes it: `[63.3, 70]`.
    public var expectText: String {
        "[\(ScenarioRange.formatted(expect.lowerBound)), \(ScenarioRange.formatted(expect.upperBound))]"
    }
}
