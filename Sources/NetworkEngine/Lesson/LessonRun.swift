/// What one step of a lesson did: the learner's answer, the measurement, the theory, the verdicts.
public struct LessonStepResult: Sendable, Equatable {
    public var index: Int
    public var step: LessonStep
    /// What the step showed: its text, the question, the actions' outcomes, the check's label.
    public var text: String
    /// The learner's answer, as typed (asks; a check shows the answer of the ask it names).
    public var answer: String?
    public var measured: Double?
    public var theory: Double?
    /// A check: whether the measurement landed in its `expect` range (nil for other steps).
    public var inRange: Bool?
    /// What the learner hears about their answer: "right", "within ±10 of the measurement", "off by 23".
    public var verdict: String?
    /// The explanation shown once the answer is known.
    public var explain: String
}

/// A learner's answer to an ask: a number or an option's key.
public enum LessonAnswer: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case choice(String)

    /// Reads what was typed for `ask`, or says why it is not an answer to it.
    public static func read(_ text: String, for ask: LessonAsk) -> Result<LessonAnswer, LessonFigureError> {
        let typed = ScenarioText.trimmed(text)
        switch ask.answer {
        case .number:
            guard let x = Double(typed.filter { $0 != "_" && $0 != "," }), x.isFinite else {
                return .failure(LessonFigureError("'\(ask.id)' wants a number, got '\(typed)'"))
            }
            return .success(.number(x))
        case .choice(let options, _):
            let key = typed.lowercased()
            guard options.contains(where: { $0.key == key }) else {
                return .failure(LessonFigureError("'\(ask.id)' wants one of "
                    + options.map(\.key).joined(separator: ", ") + ", got '\(typed)'"))
            }
            return .success(.choice(key))
        }
    }

    public var description: String {
        switch self {
        case .number(let x): ScenarioRange.formatted(x)
        case .choice(let key): key
        }
    }
}

/// A lesson carried out step by step over the models it makes: what both the headless `lesson` command and the live
/// view's lesson pane drive. It does no I/O and reads no clock: headless, a `run` step runs its seconds here; the live
/// view advances the same model at the step's speed itself (`perform(runs: false)`).
public struct LessonRun {
    public let lesson: Lesson
    /// The next step to carry out.
    public private(set) var next = 0
    /// The network of the latest `load`.
    public private(set) var model: (any NetworkModel)?
    /// Makes the network of a `load` step: an `Engine` headless; the live view's library in the live view.
    private let makeModel: (LessonLoad) -> any NetworkModel
    public private(set) var answers: [String: LessonAnswer] = [:]
    public private(set) var results: [LessonStepResult] = []
    private var runStart: JSONValue?
    private var runSeconds = 0.0

    public init(lesson: Lesson, makeModel: @escaping (LessonLoad) -> any NetworkModel = { Engine(scenario: $0.scenario) }) {
        self.lesson = lesson
        self.makeModel = makeModel
    }

    public var isFinished: Bool { next >= lesson.steps.count }

    /// The step to carry out next, if any.
    public var current: LessonStep? { isFinished ? nil : lesson.steps[next] }

    /// Records the learner's answer to the current step, which must be an ask.
    public mutating func answer(_ answer: LessonAnswer?) {
        guard case .ask(let ask)? = current?.kind else { return }
        answers[ask.id] = answer
    }

    /// Carries out the current step (an ask uses the answer recorded with `answer(_:)`, if any) and returns what it
    /// showed. `runs` says whether a `run` step advances the engine here; the live view advances it itself.
    @discardableResult
    public mutating func perform(runs: Bool = true) -> LessonStepResult? {
        guard let step = current else { return nil }
        var result = LessonStepResult(index: next, step: step, text: "", explain: "")
        switch step.kind {
        case .say(let text):
            result.text = text
        case .load(let load):
            model = makeModel(load)
            runStart = nil
            runSeconds = 0
            result.text = "\(load.scenario.name): \(load.scenario.architecture.rawValue), \(load.scenario.nodes) nodes"
        case .act(let commands):
            let outcomes = commands.map { model?.apply($0).message ?? "no network loaded" }
            result.text = outcomes.joined(separator: "; ")
        case .run(let seconds, _):
            if let model {
                beginRun(seconds: seconds)
                let target = model.now + .seconds(seconds)
                if runs { while !model.advance(to: target, maxEvents: 1 << 20) {} }
            }
            result.text = "ran \(ScenarioRange.formatted(seconds)) simulated seconds"
        case .ask(let ask):
            result.text = ask.question
            result.explain = ask.explain
            let given = answers[ask.id]
            result.answer = given?.description
            if case .choice(let options, let correct) = ask.answer {
                let right = options.first { $0.key == correct }.map { "\($0.key)) \($0.text)" } ?? correct
                switch given {
                case .choice(let key)?: result.verdict = key == correct ? "right" : "not quite: the answer is \(right)"
                default: result.verdict = "no answer: the answer is \(right)"
                }
            }
        case .check(let check):
            result = checked(check, result)
        }
        results.append(result)
        next += 1
        return result
    }

    /// Notes where a run starts, so `run.PATH` figures read that run alone. The live view calls it when it starts
    /// running a step itself.
    public mutating func beginRun(seconds: Double) {
        runStart = model?.lessonRunStart()
        runSeconds = seconds
    }

    private func checked(_ check: LessonCheck, _ base: LessonStepResult) -> LessonStepResult {
        var result = base
        result.text = check.label
        result.explain = check.explain
        guard let model, let reading = model.lessonReading(runStart: runStart, runSeconds: runSeconds) else {
            result.inRange = false
            return result
        }
        result.measured = reading.value(of: check.measured)
        result.theory = check.theory.flatMap { reading.value(of: $0) }
        result.inRange = result.measured.map { check.expect.contains($0) } ?? false
        guard let id = check.prediction, let ask = lesson.asks[id] else { return result }
        let given = answers[id]
        result.answer = given?.description
        if case .number(let tolerance, _) = ask.answer {
            switch (given, result.measured) {
            case (.number(let guess)?, let measured?):
                let off = abs(guess - measured)
                result.verdict = off <= tolerance
                    ? "close: within ±\(ScenarioRange.formatted(tolerance)) of the measurement"
                    : "off by \(Self.shown(off)) (±\(ScenarioRange.formatted(tolerance)) counts as close)"
            case (nil, _): result.verdict = "no prediction"
            default: result.verdict = "nothing measured to compare with"
            }
        }
        return result
    }

    /// A figure as a lesson shows it: three significant digits, or whole when large.
    public static func shown(_ x: Double) -> String {
        let magnitude = abs(x)
        let places = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        return RunReport.fixed(x, places)
    }
}
