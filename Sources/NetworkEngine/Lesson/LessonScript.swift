import Yams

/// A learner's scripted answers (`netexplorer lesson NAME --script FILE`): a YAML or JSON mapping of ask ids to
/// answers, `{ n_star: 70, who_sees: a }`, each read as its ask wants (a number, or an option's key).
public enum LessonScript {
    /// The answers by ask id; throws `ScenarioError` with every problem (an unknown id, an answer of the wrong kind).
    public static func read(yaml: String, source: String, for lesson: Lesson) throws -> [String: LessonAnswer] {
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw ScenarioError(source: source, message: "malformed YAML or JSON: \(error)")
        }
        let asks = lesson.asks
        guard case .mapping(let mapping)? = root else {
            throw ScenarioError(source: source, message: "a script is a mapping of ask ids to answers, such as "
                + "'{ n_star: 70 }'")
        }
        var out: [String: LessonAnswer] = [:]
        var problems: [ScenarioProblem] = []
        for (key, value) in mapping {
            let id = key.scalar?.string ?? ""
            guard let ask = asks[id] else {
                problems.append(ScenarioProblem(line: key.mark?.line, message: "no ask '\(id)' in lesson "
                    + "'\(lesson.id)'; its asks are: " + asks.keys.sorted().joined(separator: ", ")))
                continue
            }
            switch LessonAnswer.read(value.scalar?.string ?? "", for: ask) {
            case .success(let a): out[id] = a
            case .failure(let e): problems.append(ScenarioProblem(line: value.mark?.line, message: e.message))
            }
        }
        guard problems.isEmpty else { throw ScenarioError(source: source, problems: problems) }
        return out
    }
}
