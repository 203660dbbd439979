import Yams

/// Turns a scenario file (the YAML of the README's Scenario files) into a validated `Scenario`.
///
/// It walks Yams' node tree rather than going through `Codable` because only the nodes know their lines,
/// and a person fixing a file needs to know where each problem is. It never stops at the first problem:
/// everything wrong is reported at once. It does no I/O; reading the file is the caller's business. Which keys exist,
/// what each accepts and where it goes come from `ScenarioKeyTable`.
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
    static func malformedYAML(_ error: any Error, in yaml: String) -> ScenarioProblem {
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
