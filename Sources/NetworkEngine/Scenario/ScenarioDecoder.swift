import Yams

/// Turns a scenario file (the YAML of the README's Scenario files) into a validated `Scenario`.
///
/// It walks Yams' node tree rather than going through `Codable` because only the nodes know their lines,
/// and a person fixing a file needs to know where each problem is. It never stops at the first problem:
/// everything wrong is reported at once. It does no I/O; reading the file is the caller's business.
public enum ScenarioDecoder {
    /// Decodes and validates; throws ScenarioError listing EVERY problem found (not just the first).
    ///
    /// - Parameters:
    ///   - yaml: The text of the scenario file.
    ///   - source: The file path or built-in name, used to prefix each problem in the error's description.
    public static func decode(yaml: String, source: String) throws -> Scenario {
        if let deep = ScenarioNesting.firstLine(deeperThan: ScenarioLimits.maxNesting, in: yaml) {
            throw ScenarioError(source: source, line: deep.line, message: "lists and mappings nest \(deep.depth) deep "
                + "here; a scenario needs about 4 and may nest at most \(ScenarioLimits.maxNesting)")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ScenarioError(source: source, problems: [malformedYAML(error, in: yaml)])
        }
        guard let root else {
            throw ScenarioError(source: source, message: "the file is empty; a scenario needs at least a 'name'")
        }
        var reader = ScenarioReader()
        var scenario = reader.scenario(from: root)
        guard reader.problems.isEmpty else {
            throw ScenarioError(source: source, problems: reader.sortedProblems)
        }
        scenario.keyLines = KeyLines(reader.keyLines)
        // Only a scenario whose every value is valid can be costed.
        let overruns = ScenarioBudget.problems(scenario, lines: reader.keyLines)
        guard overruns.isEmpty else { throw ScenarioError(source: source, problems: overruns) }
        return scenario
    }

    /// The parser's own complaint, kept with its line, behind a prefix that says the file is not YAML at all.
    private static func malformedYAML(_ error: any Error, in yaml: String) -> ScenarioProblem {
        guard let yamlError = error as? YamlError else {
            return ScenarioProblem(line: nil, message: "malformed YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem == "but found another document" {
                return ScenarioProblem(
                    line: mark.line, message: "a scenario file holds one YAML document, but another starts here")
            }
            // libyaml's context ("while scanning a simple key") reads as the start of its sentence.
            let context = context.map { "\($0.text) on line \($0.mark.line), " } ?? ""
            return ScenarioProblem(line: mark.line, message: "malformed YAML: \(context)\(problem)")
        case .reader(let problem, let offset, _, _):
            // The reader reports a character offset, not a line: count the line breaks before it.
            let line = offset.map { offset in 1 + yaml.prefix(offset).filter { $0 == "\n" || $0 == "\r\n" }.count }
            return ScenarioProblem(line: line, message: "malformed YAML: \(problem)")
        default:
            return ScenarioProblem(line: nil, message: "malformed YAML: \(yamlError)")
        }
    }
}

// MARK: - Keys

/// The keys each part of a scenario file accepts, in the order the README's Scenario files lists them.
private enum ScenarioKeys {
    static let topLevel = [
        "name", "description", "seed", "duration", "architecture", "nodes",
        "workload", "network", "server", "mesh", "security", "timeline",
    ]
    static let workload = ["rate", "resources", "popularity", "timeout", "retries"]
    static let network = ["latency_ms", "jitter_ms", "loss"]
    static let server = ["workers", "service_ms", "service", "queue", "cost_per_hour"]
    static let mesh = ["discovery", "degree", "ttl", "replicas", "workers", "service_ms", "queue", "stabilize", "churn"]
    static let churn = ["mean_uptime", "mean_downtime"]
    static let security = [
        "accounts", "lockout_after", "lockout_seconds", "share_passwords", "weak_passwords", "attackers", "attack_rate",
        "login_ms", "read_access", "dictionary",
    ]
    static let timelineActions = ["add_nodes", "remove_nodes", "toggle", "crash", "restart"]
    static let timelineEntry = ["at"] + timelineActions

    /// Every section by its path, so a key put at the wrong level can be sent where it belongs.
    static let sections: [(path: String, keys: [String])] = [
        ("workload", workload), ("network", network), ("server", server), ("mesh", mesh),
        ("mesh.churn", churn), ("security", security), ("timeline", timelineEntry),
    ]
}

/// Where a mapping sits in the file, for messages and for the keys it accepts.
private struct ScenarioSection {
    /// "workload", "mesh.churn"; nil at the top level.
    var path: String?
    var keys: [String]

    static let topLevel = ScenarioSection(path: nil, keys: ScenarioKeys.topLevel)

    /// "at top level" or "under workload".
    var place: String { path.map { "under \($0)" } ?? "at top level" }

    /// The dotted path of one of this section's keys, as messages name it: "workload.rate".
    func path(of key: String) -> String { path.map { "\($0).\(key)" } ?? key }
}

/// A mapping's known keys with their values, and the section they sit in, which names their paths in messages.
private struct ScenarioFields {
    var section: ScenarioSection
    var values: [String: Node]

    subscript(key: String) -> Node? { values[key] }

    /// "workload.rate" for "rate" under workload.
    func path(_ key: String) -> String { section.path(of: key) }
}

// MARK: - Limits

/// The range a number must fall in, with the words that say so.
private struct ScenarioLimit {
    var lower: Double
    var lowerIncluded: Bool
    var upper: Double?

    static func atLeast(_ lower: Double, atMost upper: Double? = nil) -> ScenarioLimit {
        ScenarioLimit(lower: lower, lowerIncluded: true, upper: upper)
    }

    static func above(_ lower: Double, atMost upper: Double? = nil) -> ScenarioLimit {
        ScenarioLimit(lower: lower, lowerIncluded: false, upper: upper)
    }

    /// A number of things the engine may hold in memory at once: nodes, workers, queue places, accounts.
    static func count(atLeast lower: Double) -> ScenarioLimit { .atLeast(lower, atMost: Double(ScenarioLimits.maxCount)) }
    static func count(above lower: Double) -> ScenarioLimit { .above(lower, atMost: Double(ScenarioLimits.maxCount)) }
    /// A simulated time in seconds.
    static func seconds(atLeast lower: Double) -> ScenarioLimit { .atLeast(lower, atMost: ScenarioLimits.maxSeconds) }
    static func seconds(above lower: Double) -> ScenarioLimit { .above(lower, atMost: ScenarioLimits.maxSeconds) }
    /// A simulated delay in milliseconds.
    static func millis(atLeast lower: Double) -> ScenarioLimit { .atLeast(lower, atMost: ScenarioLimits.maxMillis) }
    static func millis(above lower: Double) -> ScenarioLimit { .above(lower, atMost: ScenarioLimits.maxMillis) }

    /// What the value must be, or nil when it is in range.
    func violation(_ value: Double) -> String? {
        let lowOK = lowerIncluded ? value >= lower : value > lower
        let highOK = upper.map { value <= $0 } ?? true
        if lowOK && highOK { return nil }
        let low = formatted(lower)
        switch (lowerIncluded, upper) {
        case (true, nil): return "must be at least \(low)"
        case (false, nil): return "must be greater than \(low)"
        case (true, let upper?): return "must be between \(low) and \(formatted(upper))"
        case (false, let upper?): return "must be greater than \(low) and at most \(formatted(upper))"
        }
    }

    private func formatted(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

// MARK: - Reader

/// Walks the node tree once, filling a `Scenario` with every valid value and collecting every problem.
private struct ScenarioReader {
    private(set) var problems: [ScenarioProblem] = []
    /// The line of each key read, by its dotted path ("workload.rate"), for messages about combinations of keys.
    private(set) var keyLines: [String: Int] = [:]

    /// Problems in line order, those tied to no line first; the walk's own order is kept within a line.
    var sortedProblems: [ScenarioProblem] {
        problems.enumerated()
            .sorted { a, b in
                let (la, lb) = (a.element.line ?? 0, b.element.line ?? 0)
                return la != lb ? la < lb : a.offset < b.offset
            }
            .map(\.element)
    }

    private mutating func report(_ node: Node?, _ message: String) {
        problems.append(ScenarioProblem(line: node?.mark?.line, message: message))
    }

    private func shown(_ node: Node) -> String { ScenarioText.shown(node) }

    // MARK: Sections

    mutating func scenario(from root: Node) -> Scenario {
        var scenario = Scenario(name: "")
        if case .mapping = root {} else {
            report(root, "a scenario must be a mapping of keys such as 'name: My network', got \(shown(root))")
            return scenario
        }
        guard let fields = fields(of: root, in: .topLevel) else { return scenario }

        if let node = fields["name"] {
            let name = isNull(node) ? "" : ScenarioText.trimmed(node.scalar?.string ?? "")
            if name.isEmpty {
                report(node, "'name' must be a non-empty string, got \(shown(node))")
            } else {
                scenario.name = name
            }
        } else {
            problems.append(ScenarioProblem(line: nil, message: "missing required key 'name'"))
        }
        if let node = fields["description"] {
            // An empty `description:` is harmless, so it reads as no description rather than an error.
            if isNull(node) {
                scenario.description = ""
            } else if let description = text(node, "description") {
                scenario.description = ScenarioText.trimmed(description)
            }
        }
        readSeed(fields["seed"], into: &scenario.seed)
        read("duration", of: fields, into: &scenario.duration, .seconds(above: 0))
        read("architecture", of: fields, into: &scenario.architecture)
        read("nodes", of: fields, into: &scenario.nodes, .count(atLeast: 0))
        if let node = fields["workload"] { workload(node, into: &scenario.workload) }
        if let node = fields["network"] { network(node, into: &scenario.network) }
        if let node = fields["server"] { server(node, into: &scenario.server) }
        if let node = fields["mesh"] { mesh(node, into: &scenario.mesh) }
        if let node = fields["security"] { security(node, into: &scenario.security) }
        if let node = fields["timeline"] { scenario.timeline = timeline(node) }
        return scenario
    }

    private mutating func workload(_ node: Node, into workload: inout Scenario.Workload) {
        let section = ScenarioSection(path: "workload", keys: ScenarioKeys.workload)
        guard let f = fields(of: node, in: section) else { return }
        read("rate", of: f, into: &workload.rate, .atLeast(0, atMost: ScenarioLimits.maxRate))
        read("resources", of: f, into: &workload.resources, .count(atLeast: 1))
        read("popularity", of: f, into: &workload.popularity)
        read("timeout", of: f, into: &workload.timeout, .seconds(atLeast: 0))
        read("retries", of: f, into: &workload.retries, .atLeast(0, atMost: Double(ScenarioLimits.maxRetries)))
    }

    private mutating func network(_ node: Node, into network: inout Scenario.Network) {
        guard let f = fields(of: node, in: ScenarioSection(path: "network", keys: ScenarioKeys.network)) else { return }
        read("latency_ms", of: f, into: &network.latencyMs, .millis(atLeast: 0))
        // Jitter may exceed latency: the engine clamps each hop's delay at zero.
        read("jitter_ms", of: f, into: &network.jitterMs, .millis(atLeast: 0))
        read("loss", of: f, into: &network.loss, .atLeast(0, atMost: 1))
    }

    private mutating func server(_ node: Node, into server: inout Scenario.Server) {
        guard let f = fields(of: node, in: ScenarioSection(path: "server", keys: ScenarioKeys.server)) else { return }
        read("workers", of: f, into: &server.workers, .count(atLeast: 1))
        read("service_ms", of: f, into: &server.serviceMs, .millis(atLeast: ScenarioLimits.minServiceMillis))
        read("service", of: f, into: &server.service)
        read("queue", of: f, into: &server.queue, .count(atLeast: 0))
        read("cost_per_hour", of: f, into: &server.costPerHour, .atLeast(0, atMost: ScenarioLimits.maxDollarsPerHour))
    }

    private mutating func mesh(_ node: Node, into mesh: inout Scenario.Mesh) {
        guard let f = fields(of: node, in: ScenarioSection(path: "mesh", keys: ScenarioKeys.mesh)) else { return }
        read("discovery", of: f, into: &mesh.discovery)
        read("degree", of: f, into: &mesh.degree, .count(atLeast: 1))
        read("ttl", of: f, into: &mesh.ttl, .atLeast(1, atMost: Double(ScenarioLimits.maxTTL)))
        read("replicas", of: f, into: &mesh.replicas, .count(atLeast: 1))
        read("workers", of: f, into: &mesh.workers, .count(atLeast: 1))
        read("service_ms", of: f, into: &mesh.serviceMs, .millis(atLeast: ScenarioLimits.minServiceMillis))
        read("queue", of: f, into: &mesh.queue, .count(atLeast: 0))
        read("stabilize", of: f, into: &mesh.stabilize, .seconds(atLeast: 0))
        if let node = f["churn"] { mesh.churn = churn(node) }
    }

    /// Churn is all or nothing: omitted (or empty) means none, otherwise both means are needed.
    private mutating func churn(_ node: Node) -> Scenario.Churn? {
        if isNull(node) { return nil }
        guard let f = fields(of: node, in: ScenarioSection(path: "mesh.churn", keys: ScenarioKeys.churn)) else {
            return nil
        }
        var churn = Scenario.Churn(meanUptime: 0, meanDowntime: 0)
        var complete = true
        for key in ScenarioKeys.churn where f[key] == nil {
            let advice = "give both mean_uptime and mean_downtime, or omit churn"
            report(node, "missing key '\(key)' under mesh.churn; \(advice)")
            complete = false
        }
        complete = read("mean_uptime", of: f, into: &churn.meanUptime, .seconds(atLeast: ScenarioLimits.minChurnSeconds)) && complete
        complete = read("mean_downtime", of: f, into: &churn.meanDowntime, .seconds(atLeast: ScenarioLimits.minChurnSeconds)) && complete
        return complete ? churn : nil
    }

    private mutating func security(_ node: Node, into security: inout Scenario.Security) {
        let section = ScenarioSection(path: "security", keys: ScenarioKeys.security)
        guard let f = fields(of: node, in: section) else { return }
        read("accounts", of: f, into: &security.accounts, .count(atLeast: 0))
        read("lockout_after", of: f, into: &security.lockoutAfter, .count(atLeast: 1))
        read("lockout_seconds", of: f, into: &security.lockoutSeconds, .seconds(atLeast: 0))
        read("share_passwords", of: f, into: &security.sharePasswords, .atLeast(0, atMost: 1))
        read("weak_passwords", of: f, into: &security.weakPasswords, .atLeast(0, atMost: 1))
        read("attackers", of: f, into: &security.attackers, .count(atLeast: 0))
        read("attack_rate", of: f, into: &security.attackRate, .atLeast(0, atMost: ScenarioLimits.maxRate))
        read("login_ms", of: f, into: &security.loginMs, .millis(atLeast: ScenarioLimits.minServiceMillis))
        read("read_access", of: f, into: &security.readAccess, .atLeast(0, atMost: 1))
        read("dictionary", of: f, into: &security.dictionary, .atLeast(1, atMost: Double(ScenarioLimits.maxDictionary)))
    }

    // MARK: Timeline

    private mutating func timeline(_ node: Node) -> [Scenario.TimelineAction] {
        if isNull(node) { return [] }
        guard case .sequence(let entries) = node else {
            let example = "'- { at: 30, add_nodes: 40 }'"
            report(node, "'timeline' must be a list of actions such as \(example), got \(shown(node))")
            return []
        }
        var actions: [Scenario.TimelineAction] = []
        for entry in entries {
            if let action = timelineAction(entry) { actions.append(action) }
        }
        // Stable by construction: equal times keep the file's order, as the engine's queue would.
        return actions.enumerated()
            .sorted { a, b in a.element.at != b.element.at ? a.element.at < b.element.at : a.offset < b.offset }
            .map(\.element)
    }

    private mutating func timelineAction(_ entry: Node) -> Scenario.TimelineAction? {
        guard case .mapping = entry else {
            let example = "'{ at: 30, add_nodes: 40 }'"
            report(entry, "each timeline entry must be a mapping such as \(example), got \(shown(entry))")
            return nil
        }
        let section = ScenarioSection(path: "timeline", keys: ScenarioKeys.timelineEntry)
        guard let f = fields(of: entry, in: section) else { return nil }

        var at = 0.0
        var valid = true
        if f["at"] != nil {
            valid = read("at", of: f, into: &at, .seconds(atLeast: 0))
        } else {
            report(entry, "timeline entry is missing 'at' (the simulated second of the action)")
            valid = false
        }

        let given = ScenarioKeys.timelineActions.filter { f[$0] != nil }
        guard given.count == 1, let key = given.first, let node = f[key] else {
            if given.isEmpty {
                let choices = ScenarioKeys.timelineActions.joined(separator: ", ")
                report(entry, "timeline entry has no action; give one of \(choices)")
            } else {
                let list = given.joined(separator: ", ")
                report(entry, "timeline entry has more than one action (\(list)); give each its own entry")
            }
            return nil
        }
        guard let kind = actionKind(key, node), valid else { return nil }
        return Scenario.TimelineAction(at: at, kind: kind, line: entry.mark?.line ?? 0)
    }

    private mutating func actionKind(_ key: String, _ node: Node) -> Scenario.TimelineAction.Kind? {
        let path = "timeline.\(key)"
        switch key {
        case "add_nodes", "remove_nodes":
            var count = 0
            guard read(node, path, into: &count, .count(above: 0)) else { return nil }
            return key == "add_nodes" ? .addNodes(count) : .removeNodes(count)
        case "toggle":
            var architecture = Architecture.clientServer
            guard read(node, path, into: &architecture) else { return nil }
            return .toggle(architecture)
        default:
            guard let target = nodeTarget(node, path) else { return nil }
            return key == "crash" ? .crash(target) : .restart(target)
        }
    }

    /// `server`, or a node id: crashing a particular client or peer is as useful in a lesson as crashing the server.
    private mutating func nodeTarget(_ node: Node, _ path: String) -> Scenario.NodeTarget? {
        if case .scalar(let scalar) = node, scalar.string == "server" { return .server }
        if case .integer(let id)? = number(node), id >= 0 { return .node(id) }
        report(node, "'\(path)' must be 'server' or a node id (an integer of at least 0), got \(shown(node))")
        return nil
    }

    // MARK: Mappings

    /// The known keys of a mapping with their values, after reporting unknown and repeated keys.
    ///
    /// An empty section (`workload:` with nothing under it) reads as an empty mapping: every default applies.
    private mutating func fields(of node: Node, in section: ScenarioSection) -> ScenarioFields? {
        if section.path != nil, isNull(node) { return ScenarioFields(section: section, values: [:]) }
        guard case .mapping(let mapping) = node else {
            let name = section.path ?? "the top level"
            report(node, "'\(name)' must be a mapping of keys, got \(shown(node))")
            return nil
        }
        var found: [String: Node] = [:]
        var firstLines: [String: Int] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                report(keyNode, "keys \(section.place) must be plain words, got \(shown(keyNode))")
                continue
            }
            let key = scalar.string
            guard section.keys.contains(key) else {
                report(keyNode, unknownKeyMessage(key, in: section))
                continue
            }
            if found[key] != nil {
                let first = firstLines[key].map { " (first given on line \($0))" } ?? ""
                report(keyNode, "duplicate key '\(key)' \(section.place)\(first)")
                continue
            }
            found[key] = value
            firstLines[key] = keyNode.mark?.line
            // Timeline entries repeat their keys; the first one's line is the one worth naming.
            if keyLines[section.path(of: key)] == nil { keyLines[section.path(of: key)] = keyNode.mark?.line }
        }
        return ScenarioFields(section: section, values: found)
    }

    private func unknownKeyMessage(_ key: String, in section: ScenarioSection) -> String {
        let message = "unknown key '\(key)' \(section.place)"
        let close = ScenarioText.closestKey(to: key, among: section.keys)
        if let close, close.distance <= 1 { return message + "; did you mean '\(close.key)'?" }
        // A right key at the wrong level is a likelier slip than a two-letter typo.
        let lowered = key.lowercased()
        if let home = ScenarioKeys.sections.first(where: { $0.path != section.path && $0.keys.contains(lowered) }) {
            return message + "; it belongs under \(home.path)"
        }
        if section.path != nil, ScenarioKeys.topLevel.contains(lowered) {
            return message + "; it belongs at top level"
        }
        if let close { return message + "; did you mean '\(close.key)'?" }
        return message + "; known keys are: " + section.keys.joined(separator: ", ")
    }

    // MARK: Values

    /// A number as the file spelled it: YAML's int and float forms, with decimal digits read as decimal
    /// (YAML 1.1 would read `010` as octal 8, which nobody writing `nodes: 010` means).
    private enum Number {
        case integer(Int)
        case real(Double)
        /// An integer too big for Int; kept as a Double so a range check can still say what is wrong.
        case tooLarge(Double)
    }

    private func number(_ node: Node) -> Number? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return nil }
        let digits = scalar.string.filter { $0 != "_" }
        let unsigned = digits.first == "+" || digits.first == "-" ? digits.dropFirst() : Substring(digits)
        if !unsigned.isEmpty, unsigned.allSatisfy(\.isASCII), unsigned.allSatisfy(\.isNumber) {
            if let value = Int(digits.first == "+" ? String(unsigned) : digits) { return .integer(value) }
            return .tooLarge(Double(digits) ?? .infinity)
        }
        switch ScenarioText.resolvedTag(node) {
        case .int:
            return Int.construct(from: scalar).map(Number.integer)
        case .float:
            return Double.construct(from: scalar).map(Number.real)
        default:
            return nil
        }
    }

    // The keyed forms read one key of a section, naming it by its full path in any message.

    @discardableResult
    private mutating func read(
        _ key: String, of fields: ScenarioFields, into value: inout Int, _ limit: ScenarioLimit
    ) -> Bool {
        read(fields[key], fields.path(key), into: &value, limit)
    }

    @discardableResult
    private mutating func read(
        _ key: String, of fields: ScenarioFields, into value: inout Double, _ limit: ScenarioLimit
    ) -> Bool {
        read(fields[key], fields.path(key), into: &value, limit)
    }

    @discardableResult
    private mutating func read<Choice: RawRepresentable & CaseIterable>(
        _ key: String, of fields: ScenarioFields, into value: inout Choice
    ) -> Bool where Choice.RawValue == String {
        read(fields[key], fields.path(key), into: &value)
    }

    /// Reads an integer in range into `value`, or reports why not and leaves it alone.
    @discardableResult
    private mutating func read(
        _ node: Node?, _ path: String, into value: inout Int, _ limit: ScenarioLimit
    ) -> Bool {
        guard let node else { return true }
        switch number(node) {
        case .integer(let n):
            if let violation = limit.violation(Double(n)) {
                report(node, "'\(path)' \(violation), got \(shown(node))")
                return false
            }
            value = n
            return true
        case .tooLarge(let x):
            let violation = limit.violation(x) ?? "is too large"
            report(node, "'\(path)' \(violation), got \(shown(node))")
        case .real:
            report(node, "'\(path)' must be an integer (a whole number), got \(shown(node))")
        case nil:
            report(node, "'\(path)' must be an integer, got \(shown(node))")
        }
        return false
    }

    /// Reads a number in range into `value`; integers are welcome where a fraction would do.
    @discardableResult
    private mutating func read(
        _ node: Node?, _ path: String, into value: inout Double, _ limit: ScenarioLimit
    ) -> Bool {
        guard let node else { return true }
        let x: Double
        switch number(node) {
        case .integer(let n): x = Double(n)
        case .real(let r): x = r
        case .tooLarge(let big): x = big
        case nil:
            report(node, "'\(path)' must be a number, got \(shown(node))")
            return false
        }
        guard x.isFinite else {
            report(node, "'\(path)' must be a finite number, got \(shown(node))")
            return false
        }
        if let violation = limit.violation(x) {
            report(node, "'\(path)' \(violation), got \(shown(node))")
            return false
        }
        value = x
        return true
    }

    /// Reads one of an enumeration's raw values into `value`.
    @discardableResult
    private mutating func read<Choice: RawRepresentable & CaseIterable>(
        _ node: Node?, _ path: String, into value: inout Choice
    ) -> Bool where Choice.RawValue == String {
        guard let node else { return true }
        if case .scalar(let scalar) = node, let choice = Choice(rawValue: scalar.string) {
            value = choice
            return true
        }
        let choices = Choice.allCases.map(\.rawValue).joined(separator: ", ")
        report(node, "'\(path)' must be one of \(choices), got \(shown(node))")
        return false
    }

    /// Seeds span all of UInt64, past Int's range, so they get their own reading.
    private mutating func readSeed(_ node: Node?, into seed: inout UInt64) {
        guard let node else { return }
        let range = "between 0 and \(UInt64.max)"
        switch number(node) {
        case .integer(let n) where n >= 0:
            seed = UInt64(n)
        case .integer:
            report(node, "'seed' must be \(range), got \(shown(node))")
        case .tooLarge:
            let digits = node.scalar?.string.filter { $0 != "_" } ?? ""
            if let big = UInt64(digits.hasPrefix("+") ? String(digits.dropFirst()) : digits) {
                seed = big
            } else {
                report(node, "'seed' must be \(range), got \(shown(node))")
            }
        case .real:
            report(node, "'seed' must be an integer (a whole number), got \(shown(node))")
        case nil:
            report(node, "'seed' must be an integer, got \(shown(node))")
        }
    }

    /// Any scalar reads as text, so `name: 2024` is a fine name; null and collections are not text.
    private mutating func text(_ node: Node, _ path: String) -> String? {
        if case .scalar(let scalar) = node, !isNull(node) { return scalar.string }
        report(node, "'\(path)' must be text, got \(shown(node))")
        return nil
    }

    private func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return ScenarioText.resolvedTag(node) == .null && (scalar.style == .plain || scalar.style == .any)
    }
}

// MARK: - Text

/// Small text helpers for messages and keys, kept in a namespace so they cannot clash with the module's other files.
private enum ScenarioText {

    /// How a value appears in a message: the scalar as written, or what kind of thing stood there instead.
    static func shown(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            switch scalar.style {
            // Keep the quotes in sight: they are why `nodes: "20"` is text rather than a number.
            case .singleQuoted, .doubleQuoted: return "'\"\(scalar.string)\"'"
            default: return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
            }
        case .mapping:
            return "a mapping"
        case .sequence:
            return "a list"
        }
    }

    /// The tag YAML resolved for a node (int, float, null, str...).
    ///
    /// Yams keeps a tag's name internal, but a tag describes itself by that name.
    static func resolvedTag(_ node: Node) -> Tag.Name {
        Tag.Name(rawValue: node.tag.description)
    }

    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0.isNewline }
        guard let start = text.firstIndex(where: { !isSpace($0) }),
              let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }

    /// The known key nearest to a mistyped one, if it is within two edits and the key is more than its typos.
    static func closestKey(to key: String, among known: [String]) -> (key: String, distance: Int)? {
        let typed = Array(key.lowercased())
        var best: (key: String, distance: Int)?
        for candidate in known {
            let distance = ScenarioText.editDistance(typed, Array(candidate))
            guard distance <= 2, distance < typed.count else { continue }
            if best == nil || distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        return best
    }

    /// Levenshtein distance: insertions, deletions and substitutions each cost one.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
