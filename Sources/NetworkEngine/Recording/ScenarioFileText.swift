/// A scenario written back as a scenario file with every key of `ScenarioKeyTable` given (defaults included), so the
/// file means the same run whatever defaults a later version has: what a lab record keeps as "the scenario as
/// resolved". `ScenarioDecoder.decode(yaml:source:)` reads it back to an equal scenario.
public enum ScenarioFileText {
    /// The file text of `scenario`: its keys in the table's order, nested as the table's paths are, then its timeline.
    public static func text(of scenario: Scenario) -> String {
        var lines: [String] = []
        var open: [Substring] = []  // the mappings the previous key sat in
        for key in ScenarioKeyTable.keys {
            guard let value = spelled(key, in: scenario) else { continue }
            let parts = key.path.split(separator: ".")
            let parents = Array(parts.dropLast())
            var shared = 0
            while shared < min(open.count, parents.count), open[shared] == parents[shared] { shared += 1 }
            for depth in shared..<parents.count {
                lines.append(String(repeating: "  ", count: depth) + parents[depth] + ":")
            }
            open = parents
            lines.append(String(repeating: "  ", count: parents.count) + parts.last! + ": " + value)
        }
        if !scenario.timeline.isEmpty {
            lines.append("timeline:")
            for action in scenario.timeline {
                lines.append("  - { at: \(number(action.at)), \(action.kind.timelineSpelling ?? "") }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The key's value as the file writes it; nil for the keys that are not written on their own line (the timeline's)
    /// and for churn when the scenario has none.
    static func spelled(_ key: ScenarioKey, in scenario: Scenario) -> String? {
        switch key.role {
        case .field(let get, _):
            switch get(scenario) {
            case .text(let text): return quoted(text)
            case .number(let x): return number(x)
            case let other: return other.description
            }
        case .churn(let field):
            return scenario.mesh.churn.map { number($0[keyPath: field]) }
        case .actionTime, .action:
            return nil
        }
    }

    /// The shortest spelling that reads back to the same double.
    static func number(_ x: Double) -> String { ScenarioRange.formatted(x) }

    /// A YAML double-quoted scalar: quotes, backslashes and control characters escaped. A JSON string is one (YAML
    /// 1.2 reads JSON's escapes), so `JSONValue.quote` writes it.
    static func quoted(_ text: String) -> String {
        var out = ""
        JSONValue.quote(text, into: &out)
        return out
    }
}
