import Yams

/// A mapping's known keys with their values, and the section they sit in, which names their paths in messages.
struct ScenarioFields {
    var section: ScenarioSection
    var values: [String: Node]

    subscript(key: String) -> Node? { values[key] }

    /// "workload.rate" for "rate" under workload.
    func path(_ key: String) -> String { section.path(of: key) }
}

/// Walks the node tree once, filling a `Scenario` with every valid value and collecting every problem.
///
/// Which keys exist, what they accept and where they go all come from `ScenarioKeyTable`; this walk only knows the
/// shapes: plain mappings, churn (all or nothing) and the timeline (a list of entries with one action each).
struct ScenarioReader {
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

    mutating func report(_ node: Node?, _ message: String) {
        problems.append(ScenarioProblem(line: node?.mark?.line, message: message))
    }

    func shown(_ node: Node) -> String { ScenarioText.shown(node) }

    // MARK: Mappings

    mutating func scenario(from root: Node) -> Scenario {
        var scenario = Scenario(name: "")
        if case .mapping = root {} else {
            report(root, "a scenario must be a mapping of keys such as 'name: My network', got \(shown(root))")
            return scenario
        }
        guard let fields = fields(of: root, in: .topLevel) else { return scenario }
        for key in ScenarioKeyTable.keys where key.isRequired && key.parent == nil && fields[key.name] == nil {
            problems.append(ScenarioProblem(line: nil, message: "missing required key '\(key.name)'"))
        }
        read(fields, into: &scenario)
        return scenario
    }

    /// Reads a mapping's keys in the table's order: a key's value into its field, a nested mapping by its shape.
    mutating func read(_ fields: ScenarioFields, into scenario: inout Scenario) {
        for name in fields.section.keys {
            guard let node = fields[name] else { continue }
            let path = fields.path(name)
            if let key = ScenarioKeyTable.key(path) {
                if case .field(_, let set) = key.role, let value = value(node, of: key) { set(&scenario, value) }
                continue
            }
            guard let section = ScenarioSection.at(path) else { continue }
            switch section.shape {
            case .mapping:
                if let nested = self.fields(of: node, in: section) { read(nested, into: &scenario) }
            case .churn:
                scenario.mesh.churn = churn(node, in: section)
            case .timeline:
                scenario.timeline = timeline(node, in: section)
            }
        }
    }

    /// Churn is all or nothing: omitted (or empty) means none, otherwise both means are needed.
    private mutating func churn(_ node: Node, in section: ScenarioSection) -> Scenario.Churn? {
        if ScenarioText.isNull(node) { return nil }
        guard let f = fields(of: node, in: section) else { return nil }
        var churn = Scenario.Churn(meanUptime: 0, meanDowntime: 0)
        var complete = true
        let keys = section.rows
        for key in keys where f[key.name] == nil {
            let advice = "give both \(keys.map(\.name).joined(separator: " and ")), or omit \(section.name)"
            report(node, "missing key '\(key.name)' under \(section.path ?? ""); \(advice)")
            complete = false
        }
        for key in keys {
            guard let node = f[key.name] else { continue }
            if case .churn(let field) = key.role, case .number(let mean)? = value(node, of: key) {
                churn[keyPath: field] = mean
            } else {
                complete = false
            }
        }
        return complete ? churn : nil
    }

    // MARK: Timeline

    private mutating func timeline(_ node: Node, in section: ScenarioSection) -> [Scenario.TimelineAction] {
        if ScenarioText.isNull(node) { return [] }
        guard case .sequence(let entries) = node else {
            let example = "'- { at: 30, add_nodes: 40 }'"
            report(node, "'timeline' must be a list of actions such as \(example), got \(shown(node))")
            return []
        }
        var actions: [Scenario.TimelineAction] = []
        for entry in entries {
            if let action = timelineAction(entry, in: section) { actions.append(action) }
        }
        // Stable by construction: equal times keep the file's order, as the engine's queue would.
        return actions.enumerated()
            .sorted { a, b in a.element.at != b.element.at ? a.element.at < b.element.at : a.offset < b.offset }
            .map(\.element)
    }

    private mutating func timelineAction(_ entry: Node, in section: ScenarioSection) -> Scenario.TimelineAction? {
        guard case .mapping = entry else {
            let example = "'{ at: 30, add_nodes: 40 }'"
            report(entry, "each timeline entry must be a mapping such as \(example), got \(shown(entry))")
            return nil
        }
        guard let f = fields(of: entry, in: section) else { return nil }

        var at = 0.0
        var valid = true
        for key in section.rows {
            guard case .actionTime = key.role else { continue }
            if let node = f[key.name] {
                if case .number(let time)? = value(node, of: key) { at = time } else { valid = false }
            } else {
                report(entry, "timeline entry is missing '\(key.name)' (the simulated second of the action)")
                valid = false
            }
        }

        let actions = section.rows.filter { if case .action = $0.role { true } else { false } }
        let given = actions.filter { f[$0.name] != nil }
        guard given.count == 1, let key = given.first, let node = f[key.name], case .action(let make) = key.role else {
            if given.isEmpty {
                let choices = actions.map(\.name).joined(separator: ", ")
                report(entry, "timeline entry has no action; give one of \(choices)")
            } else {
                let list = given.map(\.name).joined(separator: ", ")
                report(entry, "timeline entry has more than one action (\(list)); give each its own entry")
            }
            return nil
        }
        guard let value = value(node, of: key), let kind = make(value), valid else { return nil }
        return Scenario.TimelineAction(at: at, kind: kind, line: entry.mark?.line ?? 0)
    }

    // MARK: Keys

    /// The known keys of a mapping with their values, after reporting unknown and repeated keys.
    ///
    /// An empty section (`workload:` with nothing under it) reads as an empty mapping: every default applies.
    mutating func fields(of node: Node, in section: ScenarioSection) -> ScenarioFields? {
        if section.path != nil, ScenarioText.isNull(node) { return ScenarioFields(section: section, values: [:]) }
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
        if let home = ScenarioSection.nested.first(where: { $0.path != section.path && $0.keys.contains(lowered) }),
           let path = home.path {
            return message + "; it belongs under \(path)"
        }
        if section.path != nil, ScenarioSection.topLevel.keys.contains(lowered) {
            return message + "; it belongs at top level"
        }
        if let close { return message + "; did you mean '\(close.key)'?" }
        return message + "; known keys are: " + section.keys.joined(separator: ", ")
    }
}
