import Yams

/// Turns a lesson file into a validated `Lesson`, reporting every problem at once with its line, as scenario files
/// are: the same `ScenarioError`, the same messages for a key under `load` (the scenario reader reads the overrides),
/// the timeline's own reader for `do` actions.
///
/// A lesson file is told from a scenario file by its top-level `steps` key (`isLesson(yaml:)`).
public enum LessonDecoder {
    /// The keys at the top of a lesson file.
    static let topKeys = ["title", "claim", "minutes", "steps"]
    /// The step kinds, one key each.
    public static let stepKinds = ["say", "load", "do", "run", "ask", "check"]
    static let loadKeys = ["scenario"]
    static let runKeys = ["seconds", "speed"]
    static let askKeys = ["id", "question", "tolerance", "unit", "options", "answer", "explain"]
    static let checkKeys = ["label", "measured", "theory", "prediction", "expect", "explain"]
    /// A lesson at the projector: the brief says 3–8 minutes; longer is refused so lessons stay one claim each.
    static let minutesRange = 1.0...30.0
    /// The longest single `run` step, simulated seconds (a day): lessons run at the projector, not overnight.
    static let maxRunSeconds = 86_400.0
    /// The live view's speeds span 0.1× to 1000× (its speed ladder); a lesson asks for one of those.
    static let speedRange = 0.1...1000.0

    /// Whether `yaml` is a lesson rather than a scenario: its top level is a mapping with a `steps` key.
    public static func isLesson(yaml: String) -> Bool {
        guard ScenarioNesting.firstLine(deeperThan: ScenarioLimits.maxNesting, in: yaml) == nil,
              let root = try? Yams.compose(yaml: yaml), case .mapping(let mapping) = root else { return false }
        return mapping.contains { $0.key.scalar?.string == "steps" }
    }

    /// Decodes and validates; throws `ScenarioError` listing every problem found.
    ///
    /// - Parameters:
    ///   - scenarios: loads a scenario by the name or path a `load` step gives (relative paths are the caller's to
    ///     resolve); its error becomes a problem on the step's line.
    public static func decode(yaml: String, source: String,
                              scenarios: @escaping (String) throws -> Scenario) throws -> Lesson {
        if let deep = ScenarioNesting.firstLine(deeperThan: ScenarioLimits.maxNesting, in: yaml) {
            throw ScenarioError(source: source, line: deep.line, message: "lists and mappings nest \(deep.depth) deep "
                + "here; a lesson may nest at most \(ScenarioLimits.maxNesting)")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw ScenarioError(source: source, problems: [ScenarioDecoder.malformedYAML(error, in: yaml)])
        }
        guard let root else {
            throw ScenarioError(source: source, message: "the file is empty; a lesson needs a title, a claim, minutes "
                + "and steps")
        }
        var reader = LessonReader(scenarios: scenarios)
        let lesson = reader.lesson(from: root)
        let problems = reader.problems.enumerated()
            .sorted { a, b in (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset) }
            .map { $0.element }
        guard problems.isEmpty, let lesson else { throw ScenarioError(source: source, problems: problems) }
        return lesson
    }
}

/// One walk over a lesson's node tree, collecting every problem.
struct LessonReader {
    var scenarios: (String) throws -> Scenario
    var problems: [ScenarioProblem] = []
    /// The scenario of the latest `load` while walking: checks' figures are validated against its report.
    private var loaded: Scenario?
    /// Whether a `load` step came before, valid or not (a check after a broken load is not also told to add one).
    private var sawLoad = false
    private var askIDs: [String: LessonAsk] = [:]

    init(scenarios: @escaping (String) throws -> Scenario) { self.scenarios = scenarios }

    mutating func report(_ node: Node?, _ message: String) {
        problems.append(ScenarioProblem(line: node?.mark?.line, message: message))
    }

    mutating func lesson(from root: Node) -> Lesson? {
        guard let f = fields(root, LessonDecoder.topKeys, place: "at top level") else { return nil }
        for key in LessonDecoder.topKeys where f[key] == nil {
            problems.append(ScenarioProblem(line: nil, message: "missing required key '\(key)'"))
        }
        let title = f["title"].flatMap { text($0, "title") }
        let claim = f["claim"].flatMap { text($0, "claim") }
        let minutes = f["minutes"].flatMap { number($0, "minutes", LessonDecoder.minutesRange) }
        var steps: [LessonStep] = []
        if let node = f["steps"] {
            if case .sequence(let items) = node, !items.isEmpty {
                for item in items { if let step = step(item) { steps.append(step) } }
                // Counted on the file's words, so a check with a mistake of its own is not also reported missing.
                if !items.contains(where: { $0.mapping?.keys.contains { $0.scalar?.string == "check" } ?? false }) {
                    report(node, "a lesson needs at least one 'check' step: what it teaches must be measured")
                }
            } else {
                report(node, "'steps' must be a non-empty list of steps such as '- say: Hello', got "
                    + ScenarioText.shown(node))
            }
        }
        guard let title, let claim, let minutes, problems.isEmpty else { return nil }
        return Lesson(title: title, claim: claim, minutes: minutes, steps: steps)
    }

    // MARK: Steps

    private mutating func step(_ node: Node) -> LessonStep? {
        let line = node.mark?.line ?? 0
        guard case .mapping(let mapping) = node, mapping.count == 1, let (keyNode, value) = mapping.first,
              let word = keyNode.scalar?.string else {
            report(node, "each step is a mapping of one key, one of \(LessonDecoder.stepKinds.joined(separator: ", ")),"
                + " got \(ScenarioText.shown(node))")
            return nil
        }
        guard LessonDecoder.stepKinds.contains(word) else {
            let close = ScenarioText.closestKey(to: word, among: LessonDecoder.stepKinds)
            report(keyNode, "unknown step '\(word)'; " + (close.map { "did you mean '\($0.key)'?" }
                ?? "a step is one of " + LessonDecoder.stepKinds.joined(separator: ", ")))
            return nil
        }
        let kind: LessonStep.Kind?
        switch word {
        case "say": kind = text(value, "say").map(LessonStep.Kind.say)
        case "load": kind = load(value).map(LessonStep.Kind.load)
        case "do": kind = actions(value).map(LessonStep.Kind.act)
        case "run": kind = run(value)
        case "ask": kind = ask(value).map(LessonStep.Kind.ask)
        default: kind = check(value).map(LessonStep.Kind.check)
        }
        return kind.map { LessonStep(kind: $0, line: line) }
    }

    /// `load: bottleneck`, or `load: { scenario: bottleneck, nodes: 150, workload: { timeout: 0 } }`: any scenario
    /// key overrides the file's value, read and checked as in a scenario file.
    private mutating func load(_ node: Node) -> LessonLoad? {
        var name: String?
        var overrides: [(Node, Node)] = []
        if case .scalar(let scalar) = node, !scalar.string.isEmpty {
            name = scalar.string
        } else if case .mapping(let mapping) = node {
            for (key, value) in mapping {
                if key.scalar?.string == "scenario" { name = value.scalar?.string } else { overrides.append((key, value)) }
            }
            if name == nil { report(node, "'load' needs 'scenario': a built-in name or a path") }
        } else {
            report(node, "'load' must be a scenario's name or a mapping such as '{ scenario: bottleneck, nodes: 150 }',"
                + " got \(ScenarioText.shown(node))")
        }
        sawLoad = true
        guard let name else { return nil }
        var scenario: Scenario
        do { scenario = try scenarios(name) } catch let e as ScenarioError {
            let first = e.problems.first.map(\.description) ?? "cannot be loaded"
            report(node, "load: \(first)" + (e.problems.count > 1 ? " (and \(e.problems.count - 1) more)" : ""))
            return nil
        } catch {
            report(node, "load: \(error)")
            return nil
        }
        if !overrides.isEmpty {
            var reader = ScenarioReader()
            if let f = reader.fields(of: .mapping(Node.Mapping(overrides, .implicit, .any, node.mark)), in: .topLevel) {
                reader.read(f, into: &scenario)
            }
            for p in reader.problems {
                problems.append(ScenarioProblem(line: p.line ?? node.mark?.line,
                    message: "load: " + p.message.replacingOccurrences(of: "at top level", with: "under load")))
            }
            guard reader.problems.isEmpty else { return nil }
            for p in ScenarioBudget.problems(scenario, lines: reader.keyLines) {
                problems.append(ScenarioProblem(line: p.line ?? node.mark?.line, message: "load: " + p.message))
            }
        }
        loaded = scenario
        return LessonLoad(source: name, scenario: scenario)
    }

    /// The actions a `do` spells as one word: the live view's `t` and `a`, which depend on what is in force (the
    /// architecture, whether an attack runs), as a session log spells the attack's (`toggle_attack`).
    static let wordActions: [(word: String, command: EngineCommand)] = [
        ("toggle", .toggleArchitecture), (SessionCommand.attackToggleSpelling, .toggleAttack),
    ]

    /// `do: { add_nodes: 40 }` or a list of such entries: the timeline's actions, without `at` (they happen now);
    /// also `toggle` (switch to the other architecture) and `toggle_attack` (start or stop the scenario's attack).
    private mutating func actions(_ node: Node) -> [EngineCommand]? {
        let entries: [Node]
        if case .sequence(let items) = node { entries = Array(items) } else { entries = [node] }
        guard !entries.isEmpty, let section = ScenarioSection.at("timeline") else {
            report(node, "'do' needs an action such as '{ add_nodes: 40 }'")
            return nil
        }
        let actionRows = section.rows.filter { if case .action = $0.role { true } else { false } }
        var commands: [EngineCommand] = []
        var valid = true
        for entry in entries {
            if case .scalar(let scalar) = entry {
                if let word = Self.wordActions.first(where: { $0.word == scalar.string }) {
                    commands.append(word.command)
                } else {
                    let words = Self.wordActions.map(\.word)
                    let close = ScenarioText.closestKey(to: scalar.string, among: words + actionRows.map(\.name))
                    report(entry, "unknown action '\(scalar.string)' under do; " + (close.map { "did you mean '\($0.key)'?" }
                        ?? "give " + words.joined(separator: " or ") + ", or a mapping such as '{ crash: server }'"))
                    valid = false
                }
                continue
            }
            guard case .mapping(let mapping) = entry, mapping.count == 1, let (keyNode, value) = mapping.first,
                  let word = keyNode.scalar?.string else {
                report(entry, "each 'do' action is a mapping of one action such as '{ crash: server }', got "
                    + ScenarioText.shown(entry))
                valid = false
                continue
            }
            if word == "at" {
                report(keyNode, "'do' acts when the lesson reaches it; leave out 'at'")
                valid = false
                continue
            }
            guard let row = actionRows.first(where: { $0.name == word }), case .action(let make) = row.role else {
                report(keyNode, unknown(word, among: actionRows.map(\.name), place: "under do"))
                valid = false
                continue
            }
            var reader = ScenarioReader()
            if let v = reader.value(value, of: row), let command = make(v) {
                commands.append(command)
            } else {
                problems.append(contentsOf: reader.problems.map {
                    ScenarioProblem(line: $0.line, message: "do: " + $0.message.replacingOccurrences(of: "'timeline.", with: "'"))
                })
                valid = false
            }
        }
        return valid ? commands : nil
    }

    /// `run: 60` or `run: { seconds: 60, speed: 10 }`.
    private mutating func run(_ node: Node) -> LessonStep.Kind? {
        let range = 0.001...LessonDecoder.maxRunSeconds
        if case .scalar = node {
            return number(node, "run", range).map { .run(seconds: $0, speed: nil) }
        }
        guard let f = fields(node, LessonDecoder.runKeys, place: "under run") else { return nil }
        guard let s = f["seconds"] else {
            report(node, "'run' needs 'seconds': simulated seconds to run")
            return nil
        }
        let seconds = number(s, "run.seconds", range)
        let speed = f["speed"].flatMap { number($0, "run.speed", LessonDecoder.speedRange) }
        if f["speed"] != nil && speed == nil { return nil }
        return seconds.map { .run(seconds: $0, speed: speed) }
    }

    private mutating func ask(_ node: Node) -> LessonAsk? {
        guard let f = fields(node, LessonDecoder.askKeys, place: "under ask") else { return nil }
        for key in ["id", "question"] where f[key] == nil { report(node, "'ask' needs '\(key)'") }
        let id = f["id"].flatMap { identifier($0, "ask.id") }
        let question = f["question"].flatMap { text($0, "ask.question") }
        let explain = f["explain"].flatMap { text($0, "ask.explain") } ?? ""
        var answer: LessonAsk.Answer?
        if let optionsNode = f["options"] {
            if f["tolerance"] != nil || f["unit"] != nil {
                report(optionsNode, "an ask is a choice (options, answer) or a number (tolerance, unit), not both")
            }
            let options = self.options(optionsNode)
            if let a = f["answer"] {
                let key = a.scalar?.string ?? ""
                if let options, !options.contains(where: { $0.key == key }) {
                    report(a, "'ask.answer' must be one of the options' keys (\(options.map(\.key).joined(separator: ", "))),"
                        + " got \(ScenarioText.shown(a))")
                } else if let options { answer = .choice(options: options, correct: key) }
            } else {
                report(node, "a choice needs 'answer': the key of the right option")
            }
        } else if let t = f["tolerance"] {
            if let a = f["answer"] {
                report(a, "a number's answer is the measurement, shown at the check that names this ask; leave out "
                    + "'answer'")
            }
            let unit = f["unit"].flatMap { text($0, "ask.unit") } ?? ""
            answer = number(t, "ask.tolerance", 0...Double.greatestFiniteMagnitude).map { .number(tolerance: $0, unit: unit) }
        } else {
            report(node, "'ask' needs 'options' and 'answer' (a choice) or 'tolerance' (a number)")
        }
        guard let id, let question, let answer else { return nil }
        if askIDs[id] != nil { report(f.node("id"), "duplicate ask id '\(id)'") }
        let ask = LessonAsk(id: id, question: question, answer: answer, explain: explain)
        askIDs[id] = ask
        return ask
    }

    private mutating func options(_ node: Node) -> [LessonOption]? {
        guard case .mapping(let mapping) = node, mapping.count >= 2 else {
            report(node, "'ask.options' must be a mapping of at least two keys to their text, such as "
                + "'{ a: the server, b: every peer }', got \(ScenarioText.shown(node))")
            return nil
        }
        var options: [LessonOption] = []
        for (key, value) in mapping {
            guard let k = key.scalar?.string, k.count == 1, let c = k.first, c.isLetter || c.isNumber else {
                report(key, "an option's key is one letter or digit (the key the learner presses), got "
                    + ScenarioText.shown(key))
                continue
            }
            if options.contains(where: { $0.key.lowercased() == k.lowercased() }) {
                report(key, "duplicate option '\(k)' (keys are case-insensitive)")
                continue
            }
            if let t = text(value, "ask.options.\(k)") { options.append(LessonOption(key: k.lowercased(), text: t)) }
        }
        return options.count == mapping.count ? options : nil
    }

    private mutating func check(_ node: Node) -> LessonCheck? {
        guard let f = fields(node, LessonDecoder.checkKeys, place: "under check") else { return nil }
        for key in ["label", "measured", "expect"] where f[key] == nil {
            report(node, "'check' needs '\(key)'" + (key == "expect" ? ": the range the measurement must land in, "
                + "such as '[60, 73]'" : ""))
        }
        let label = f["label"].flatMap { text($0, "check.label") }
        let measured = f["measured"].flatMap { figure($0, "check.measured") }
        var theory: LessonFigure?
        if let t = f["theory"] {
            theory = figure(t, "check.theory")
            if theory == nil { return nil }
        }
        var prediction: String?
        if let p = f["prediction"] {
            prediction = p.scalar?.string
            if let id = prediction, askIDs[id] == nil {
                let known = askIDs.keys.sorted()
                report(p, "'check.prediction' names no earlier ask: '\(id)'"
                    + (known.isEmpty ? "; add an ask before this check" : "; earlier asks are: "
                        + known.joined(separator: ", ")))
                prediction = nil
            }
        }
        let expect = f["expect"].flatMap { range($0) }
        let explain = f["explain"].flatMap { text($0, "check.explain") } ?? ""
        if !sawLoad { report(node, "a check needs a 'load' step before it: there is nothing to measure yet") }
        guard let label, let measured, let expect else { return nil }
        return LessonCheck(label: label, measured: measured, theory: theory, prediction: prediction, expect: expect,
                           explain: explain)
    }

    /// A figure that parses and, where the loaded scenario's report has no such field, says so.
    private mutating func figure(_ node: Node, _ path: String) -> LessonFigure? {
        guard let text = node.scalar?.string else {
            report(node, "'\(path)' must be a figure's name such as 'latency_ms.mean', got \(ScenarioText.shown(node))")
            return nil
        }
        switch LessonFigure.parse(text) {
        case .failure(let e):
            report(node, "'\(path)': \(e.message)")
            return nil
        case .success(let figure):
            if let loaded, let missing = LessonShape.missingField(in: figure, for: loaded) {
                report(node, "'\(path)': \(missing)")
                return nil
            }
            return figure
        }
    }

    /// `[low, high]` with low ≤ high.
    private mutating func range(_ node: Node) -> ClosedRange<Double>? {
        guard case .sequence(let items) = node, items.count == 2 else {
            report(node, "'check.expect' must be a list of two numbers, '[low, high]', got \(ScenarioText.shown(node))")
            return nil
        }
        let bounds = items.compactMap { number($0, "check.expect", -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) }
        guard bounds.count == 2 else { return nil }
        guard bounds[0] <= bounds[1] else {
            report(node, "'check.expect' must be [low, high] with low ≤ high, got \(ScenarioRange.formatted(bounds[0])) "
                + "above \(ScenarioRange.formatted(bounds[1]))")
            return nil
        }
        return bounds[0]...bounds[1]
    }

    // MARK: Values

    /// A mapping's values by key, after reporting unknown (with the nearest known key) and repeated keys.
    private mutating func fields(_ node: Node, _ known: [String], place: String) -> LessonFields? {
        guard case .mapping(let mapping) = node else {
            report(node, "expected a mapping of keys \(place) (\(known.joined(separator: ", "))), got "
                + ScenarioText.shown(node))
            return nil
        }
        var found = LessonFields()
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string, known.contains(key) else {
                report(keyNode, unknown(keyNode.scalar?.string ?? ScenarioText.shown(keyNode), among: known, place: place))
                continue
            }
            if found[key] != nil {
                report(keyNode, "duplicate key '\(key)' \(place)")
                continue
            }
            found.values[key] = value
            found.keyNodes[key] = keyNode
        }
        return found
    }

    private func unknown(_ key: String, among known: [String], place: String) -> String {
        let message = "unknown key '\(key)' \(place)"
        if let close = ScenarioText.closestKey(to: key, among: known) { return message + "; did you mean '\(close.key)'?" }
        return message + "; known keys are: " + known.joined(separator: ", ")
    }

    private mutating func text(_ node: Node, _ path: String) -> String? {
        if case .scalar(let scalar) = node, !ScenarioText.isNull(node) {
            let t = ScenarioText.trimmed(scalar.string)
            if !t.isEmpty { return t }
        }
        report(node, "'\(path)' must be non-empty text, got \(ScenarioText.shown(node))")
        return nil
    }

    private mutating func identifier(_ node: Node, _ path: String) -> String? {
        guard let t = node.scalar?.string, !t.isEmpty,
              t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            report(node, "'\(path)' must be a word of letters, digits, '_' or '-', got \(ScenarioText.shown(node))")
            return nil
        }
        return t
    }

    private mutating func number(_ node: Node, _ path: String, _ range: ClosedRange<Double>) -> Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
              let x = Double(scalar.string.filter { $0 != "_" }), x.isFinite else {
            report(node, "'\(path)' must be a number, got \(ScenarioText.shown(node))")
            return nil
        }
        guard range.contains(x) else {
            report(node, "'\(path)' must be between \(ScenarioRange.formatted(range.lowerBound)) and "
                + "\(ScenarioRange.formatted(range.upperBound)), got \(ScenarioText.shown(node))")
            return nil
        }
        return x
    }
}

/// A lesson mapping's values by key, with the key nodes for messages.
struct LessonFields {
    var values: [String: Node] = [:]
    var keyNodes: [String: Node] = [:]
    subscript(key: String) -> Node? { values[key] }
    func node(_ key: String) -> Node? { keyNodes[key] }
}
