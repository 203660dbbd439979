import NetworkEngine

/// What the lesson pane shows: the lesson's transcript so far, and what it waits for (an answer, Enter, a run).
///
/// Pure state: `LiveApp` carries the lesson's steps out on the model (`LessonRun`) and writes what each showed here;
/// `update` edits the answer being typed.
public struct LessonPaneState: Sendable, Equatable {
    public var title: String
    public var claim: String
    /// Every line shown so far, oldest first; the pane shows the newest that fit.
    public var transcript: [LessonLine] = []
    public var phase: Phase = .waiting
    /// The answer being typed while an ask waits.
    public var input = ""
    /// Why the last answer was refused, until the next key.
    public var refusal: String?

    public enum Phase: Sendable, Equatable {
        /// An ask waits for its answer (a number, or an option's key) and Enter.
        case asking(LessonAsk)
        /// A run step is under way until the model's clock reaches `until`.
        case running(until: SimTime)
        /// A check has been shown: Enter goes on.
        case waiting
        case finished
    }

    public init(title: String, claim: String) {
        self.title = title
        self.claim = claim
    }

    public var isAsking: Bool { if case .asking = phase { true } else { false } }
}

/// One line of the lesson's transcript, with what it is (which decides its style).
public struct LessonLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A `say` step's text, or a question.
        case text
        /// What a step did: a load, actions, a run.
        case note
        /// The learner's answer.
        case answer
        /// A check's label and its figures: prediction · measured · theory.
        case figure
        case inRange
        case outOfRange
        case explanation
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
