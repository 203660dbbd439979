/// A figure a lesson's check reads: one term, or one term divided by another (`run.requests.completed /
/// scenario.workload.rate`).
///
/// A term is one of:
/// - a field path of the run's JSON report (`latency_ms.mean`, `server.utilization`, `mesh.mean_hops`): the whole
///   run since the last `load`, as `simulate --format json` reports it;
/// - `theory.NAME`: the `theory` object's figure for the network as it stands (the steady state of the values,
///   members and crashed peers in force, whatever the lesson's actions changed), because that is the network the
///   learner was asked about;
/// - `run.PATH`: how fast a count of the report grew during the last `run` step, per simulated second
///   (`run.requests.completed` is the throughput of that run alone);
/// - `scenario.KEY`: a scenario value in force (`scenario.workload.rate`, `scenario.nodes`);
/// - a plain number.
public struct LessonFigure: Sendable, Equatable, CustomStringConvertible {
    public var numerator: Term
    public var denominator: Term?

    public enum Term: Sendable, Equatable, CustomStringConvertible {
        case report([String])
        case theory(String)
        case runRate([String])
        case scenario(String)
        case constant(Double)

        public var description: String {
            switch self {
            case .report(let path): path.joined(separator: ".")
            case .theory(let name): "theory." + name
            case .runRate(let path): "run." + path.joined(separator: ".")
            case .scenario(let key): "scenario." + key
            case .constant(let x): ScenarioRange.formatted(x)
            }
        }
    }

    public var description: String {
        denominator.map { "\(numerator) / \($0)" } ?? numerator.description
    }

    /// Reads `text` (`a`, or `a / b`), or says in one sentence what is wrong with it.
    public static func parse(_ text: String) -> Result<LessonFigure, LessonFigureError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            .map { ScenarioText.trimmed(String($0)) }
        guard parts.count <= 2 else {
            return .failure(LessonFigureError("a figure divides at most once ('a / b'), got '\(text)'"))
        }
        var terms: [Term] = []
        for part in parts {
            switch term(part) {
            case .success(let t): terms.append(t)
            case .failure(let e): return .failure(e)
            }
        }
        return .success(LessonFigure(numerator: terms[0], denominator: terms.count > 1 ? terms[1] : nil))
    }

    private static func term(_ text: String) -> Result<Term, LessonFigureError> {
        if text.isEmpty { return .failure(LessonFigureError("a figure needs a name on each side of '/'")) }
        if let x = Double(text), x.isFinite { return .success(.constant(x)) }
        let path = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard path.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) else {
            return .failure(LessonFigureError("'\(text)' is not a figure's name (words joined by dots, such as "
                + "'latency_ms.mean')"))
        }
        switch path[0] {
        case "theory" where path.count == 2: return .success(.theory(path[1]))
        case "theory": return .failure(LessonFigureError("'\(text)': theory figures are one name, such as "
            + "'theory.saturation_nodes'"))
        case "run" where path.count > 1: return .success(.runRate(Array(path.dropFirst())))
        case "scenario" where path.count > 1:
            let key = path.dropFirst().joined(separator: ".")
            guard let row = ScenarioKeyTable.key(key), row.value(in: Scenario(name: "")).flatMap(Self.number) != nil
            else {
                let numeric = ScenarioKeyTable.keys.filter { $0.value(in: Scenario(name: "")).flatMap(Self.number) != nil }
                let close = ScenarioText.closestKey(to: key, among: numeric.map(\.path))
                return .failure(LessonFigureError("'\(text)' is not a numeric scenario key"
                    + (close.map { "; did you mean 'scenario.\($0.key)'?" } ?? "")))
            }
            return .success(.scenario(key))
        default: return .success(.report(path))
        }
    }

    /// A scenario value as a number, when it is one.
    static func number(_ value: ScenarioValue) -> Double? {
        switch value {
        case .integer(let n): Double(n)
        case .number(let x): x
        case .seed(let s): Double(s)
        default: nil
        }
    }
}

/// Why a figure cannot be read, in one sentence.
public struct LessonFigureError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What a figure is read from at a check: the report since the last load, the theory of the network as it stands,
/// the report as the last run started, and the values in force.
public struct LessonReading: Sendable {
    public var report: JSONValue
    public var theory: JSONValue
    public var runStart: JSONValue?
    public var runSeconds: Double
    public var scenario: Scenario

    public init(report: JSONValue, theory: JSONValue, runStart: JSONValue?, runSeconds: Double, scenario: Scenario) {
        self.report = report
        self.theory = theory
        self.runStart = runStart
        self.runSeconds = runSeconds
        self.scenario = scenario
    }

    /// The figure's value; nil when it does not exist in this run (a null figure, a division by zero, no run yet).
    public func value(of figure: LessonFigure) -> Double? {
        guard let top = value(of: figure.numerator) else { return nil }
        guard let bottom = figure.denominator else { return top }
        guard let b = value(of: bottom), b != 0 else { return nil }
        return top / b
    }

    func value(of term: LessonFigure.Term) -> Double? {
        switch term {
        case .constant(let x): return x
        case .report(let path): return Self.number(at: path, in: report)
        case .theory(let name): return Self.number(at: [name], in: theory)
        case .scenario(let key): return ScenarioKeyTable.key(key)?.value(in: scenario).flatMap(LessonFigure.number)
        case .runRate(let path):
            guard let start = runStart, runSeconds > 0, let a = Self.number(at: path, in: start),
                  let b = Self.number(at: path, in: report) else { return nil }
            return (b - a) / runSeconds
        }
    }

    /// The number at a dotted path of a JSON value, or nil (missing, null, or not a number).
    public static func number(at path: [String], in json: JSONValue) -> Double? {
        switch lookup(path, in: json) {
        case .int(let n)?: Double(n)
        case .unsigned(let u)?: Double(u)
        case .number(let x)?: x
        default: nil
        }
    }

    /// Where a path leads: the value, `.null` where it meets a null object on the way, or nil where a key is missing.
    static func lookup(_ path: [String], in json: JSONValue) -> JSONValue? {
        var here = json
        for key in path {
            switch here {
            case .object(let pairs):
                guard let next = pairs.first(where: { $0.0 == key })?.1 else { return nil }
                here = next
            case .null: return .null
            default: return nil
            }
        }
        return here
    }
}
