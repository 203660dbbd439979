/// Whether a check's figure names fields the report of its scenario has: a typo in a lesson file is caught by
/// `check`, not at the projector.
enum LessonShape {
    /// What is missing, in one sentence, or nil when every term of `figure` exists in `scenario`'s report (a field
    /// under an object that is null in this architecture, such as `mesh` under client-server, counts as existing).
    static func missingField(in figure: LessonFigure, for scenario: Scenario) -> String? {
        var small = scenario
        // The report's shape does not depend on the population, and a few nodes cost nothing to build.
        small.nodes = min(scenario.nodes, 4)
        let report = Engine(scenario: small).report()
        let json = report.json
        let theory = report.theory?.json ?? .null
        for term in [figure.numerator, figure.denominator].compactMap({ $0 }) {
            switch term {
            case .report(let path), .runRate(let path):
                if LessonReading.lookup(path, in: json) == nil { return unknown(path, in: json, prefix: "") }
            case .theory(let name):
                if LessonReading.lookup([name], in: theory) == nil { return unknown([name], in: theory, prefix: "theory.") }
            case .scenario, .constant:
                continue
            }
        }
        return nil
    }

    /// "no figure 'latency_ms.avg' in the report; did you mean 'latency_ms.mean'?"
    private static func unknown(_ path: [String], in json: JSONValue, prefix: String) -> String {
        let names = leafPaths(json)
        let typed = prefix + path.joined(separator: ".")
        let close = ScenarioText.closestKey(to: path.joined(separator: "."), among: names)
        if let close { return "no figure '\(typed)' in the report; did you mean '\(prefix)\(close.key)'?" }
        // The theory's figures are few enough to list.
        let list = prefix.isEmpty ? "" : "; theory's figures are: " + names.filter { $0 != "assumptions_broken" }
            .map { prefix + $0 }.joined(separator: ", ")
        return "no figure '\(typed)' in the report" + list
    }

    /// Every dotted path to a leaf of a JSON object.
    private static func leafPaths(_ json: JSONValue, prefix: String = "") -> [String] {
        guard case .object(let pairs) = json else { return prefix.isEmpty ? [] : [prefix] }
        return pairs.flatMap { key, value in leafPaths(value, prefix: prefix.isEmpty ? key : prefix + "." + key) }
    }
}
