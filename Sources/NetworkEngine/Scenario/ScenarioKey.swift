/// One key of a scenario file: where it sits, what it accepts, what it means, and where its value goes.
///
/// The rows of `ScenarioKeyTable` are made with the constructors below (`number`, `integer`, `choice`, ...), so a row
/// reads as a line of a table.
public struct ScenarioKey: Sendable {
    /// The dotted path messages and the README name it by: "server.service_ms". A timeline entry's keys are
    /// "timeline.at", "timeline.add_nodes", ...
    public let path: String
    public let kind: Kind
    /// One line for the README's key table.
    public let doc: String
    /// Whether its mapping must give it: `name`, both churn means, each timeline entry's `at`.
    public let isRequired: Bool
    let role: Role

    /// What a key accepts.
    public enum Kind: Sendable, Equatable {
        /// Any scalar, trimmed.
        case text
        /// An integer from 0 to UInt64.max (past Int's range).
        case seed
        case integer(ScenarioRange)
        /// A number, integers welcome.
        case number(ScenarioRange)
        /// One of these words.
        case choice([String])
        /// `server`, or a node id of at least 0.
        case node
        /// A mapping of one `ScenarioParameter` to a value its own key accepts: `{ rate: 2 }`.
        case setting
        /// A rate in range, or classes of nodes with their rates, `[{ share: 0.5, mbps: 1 }, …]`, whose shares add
        /// up to 1 (`RateClass`).
        case rates(ScenarioRange)

        /// The raw values of an enumeration, in its declared order (the order messages list them in).
        static func choices<Choice: RawRepresentable & CaseIterable>(_: Choice.Type) -> Kind
        where Choice.RawValue == String {
            .choice(Choice.allCases.map(\.rawValue))
        }
    }

    /// Where a decoded value goes. Churn and the timeline are assembled from several keys by dedicated decoding,
    /// which still takes each key's kind, limits and text from its row.
    enum Role: Sendable {
        /// A field of `Scenario`: read (for the default) and written through.
        case field(get: @Sendable (Scenario) -> ScenarioValue, set: @Sendable (inout Scenario, ScenarioValue) -> Void)
        /// One of the means of `mesh.churn`, which is given whole or not at all.
        case churn(WritableKeyPath<Scenario.Churn, Double> & Sendable)
        /// `timeline.at`: when the entry's action happens.
        case actionTime
        /// A timeline action: the one action key of an entry, turned into the action.
        case action(@Sendable (ScenarioValue) -> Scenario.TimelineAction.Kind?)
    }

    /// The mapping the key sits in ("workload", "mesh.churn"), or nil at the top level.
    public var parent: String? {
        path.lastIndex(of: ".").map { String(path[..<$0]) }
    }

    /// The key as written in its mapping: "service_ms".
    public var name: String {
        path.lastIndex(of: ".").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// The key's value in `scenario`; nil for the keys that are not a field of their own (churn's means, the
    /// timeline's keys).
    public func value(in scenario: Scenario) -> ScenarioValue? {
        guard case .field(let get, _) = role else { return nil }
        return get(scenario)
    }

    /// The value a scenario gets when its file leaves the key out; nil where there is none (a required key, churn's
    /// means, the timeline's keys).
    public var defaultValue: ScenarioValue? { isRequired ? nil : value(in: Scenario(name: "")) }
}

/// A value read from a scenario file, as its key's kind reads it.
public enum ScenarioValue: Sendable, Equatable, CustomStringConvertible {
    case text(String)
    case seed(UInt64)
    case integer(Int)
    case number(Double)
    case choice(String)
    case node(Scenario.NodeTarget)
    /// A parameter and its new value, checked by the parameter's key.
    case setting(ScenarioParameter, Double)
    /// Classes of nodes with their rates (one class of share 1 for a single rate).
    case rates([RateClass])

    var integer: Int? { if case .integer(let n) = self { n } else { nil } }
    var number: Double? { if case .number(let x) = self { x } else { nil } }
    var choice: String? { if case .choice(let c) = self { c } else { nil } }
    var node: Scenario.NodeTarget? { if case .node(let n) = self { n } else { nil } }
    var setting: (ScenarioParameter, Double)? { if case .setting(let p, let x) = self { (p, x) } else { nil } }

    /// As a file would spell it: "40", "1.2", "zipf", "server".
    public var description: String {
        switch self {
        case .text(let t): t
        case .seed(let s): String(s)
        case .integer(let n): String(n)
        case .number(let x): ScenarioRange.formatted(x)
        case .choice(let c): c
        case .node(.server): "server"
        case .node(.node(let id)): String(id)
        case .setting(let p, let x): "{ \(p.rawValue): \(p.spelled(x)) }"
        case .rates(let classes): RateClass.spelled(classes)
        }
    }
}

// MARK: - Rows

extension ScenarioKey {
    static func text(_ path: String, _ field: WritableKeyPath<Scenario, String> & Sendable, required: Bool = false,
                     _ doc: String) -> ScenarioKey {
        ScenarioKey(path: path, kind: .text, doc: doc, isRequired: required, role: .field(
            get: { .text($0[keyPath: field]) },
            set: { if case .text(let t) = $1 { $0[keyPath: field] = t } }))
    }

    static func seed(_ path: String, _ field: WritableKeyPath<Scenario, UInt64> & Sendable, _ doc: String) -> ScenarioKey {
        ScenarioKey(path: path, kind: .seed, doc: doc, isRequired: false, role: .field(
            get: { .seed($0[keyPath: field]) },
            set: { if case .seed(let s) = $1 { $0[keyPath: field] = s } }))
    }

    static func integer(_ path: String, _ field: WritableKeyPath<Scenario, Int> & Sendable, _ range: ScenarioRange,
                        _ doc: String) -> ScenarioKey {
        ScenarioKey(path: path, kind: .integer(range), doc: doc, isRequired: false, role: .field(
            get: { .integer($0[keyPath: field]) },
            set: { if case .integer(let n) = $1 { $0[keyPath: field] = n } }))
    }

    static func number(_ path: String, _ field: WritableKeyPath<Scenario, Double> & Sendable, _ range: ScenarioRange,
                       _ doc: String) -> ScenarioKey {
        ScenarioKey(path: path, kind: .number(range), doc: doc, isRequired: false, role: .field(
            get: { .number($0[keyPath: field]) },
            set: { if case .number(let x) = $1 { $0[keyPath: field] = x } }))
    }

    static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ path: String, _ field: WritableKeyPath<Scenario, Choice> & Sendable, _ doc: String
    ) -> ScenarioKey where Choice.RawValue == String {
        ScenarioKey(path: path, kind: .choices(Choice.self), doc: doc, isRequired: false, role: .field(
            get: { .choice($0[keyPath: field].rawValue) },
            set: { if let raw = $1.choice, let choice = Choice(rawValue: raw) { $0[keyPath: field] = choice } }))
    }

    static func rates(_ path: String, _ field: WritableKeyPath<Scenario, [RateClass]> & Sendable, _ range: ScenarioRange,
                      _ doc: String) -> ScenarioKey {
        ScenarioKey(path: path, kind: .rates(range), doc: doc, isRequired: false, role: .field(
            get: { .rates($0[keyPath: field]) },
            set: { if case .rates(let classes) = $1 { $0[keyPath: field] = classes } }))
    }

    /// A yes-or-no key, written `true` or `false` as YAML does.
    static func flag(_ path: String, _ field: WritableKeyPath<Scenario, Bool> & Sendable, _ doc: String) -> ScenarioKey {
        ScenarioKey(path: path, kind: .choice(["true", "false"]), doc: doc, isRequired: false, role: .field(
            get: { .choice($0[keyPath: field] ? "true" : "false") },
            set: { if let raw = $1.choice { $0[keyPath: field] = raw == "true" } }))
    }

    static func churn(_ path: String, _ field: WritableKeyPath<Scenario.Churn, Double> & Sendable,
                      _ range: ScenarioRange, _ doc: String) -> ScenarioKey {
        ScenarioKey(path: path, kind: .number(range), doc: doc, isRequired: true, role: .churn(field))
    }

    static func actionTime(_ path: String, _ range: ScenarioRange, _ doc: String) -> ScenarioKey {
        ScenarioKey(path: path, kind: .number(range), doc: doc, isRequired: true, role: .actionTime)
    }

    static func action(_ path: String, _ kind: Kind, _ doc: String,
                       _ make: @escaping @Sendable (ScenarioValue) -> Scenario.TimelineAction.Kind?) -> ScenarioKey {
        ScenarioKey(path: path, kind: kind, doc: doc, isRequired: false, role: .action(make))
    }
}
