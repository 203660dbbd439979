/// One thing wrong with a scenario file, tied to its line when there is one.
public struct ScenarioProblem: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line in the file, or nil when the problem is not tied to a line (a missing key, an empty file).
    public var line: Int?
    /// What is wrong, in words a user can act on: "unknown key 'rat' under workload; did you mean 'rate'?".
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    /// "line 12: <message>", or just the message when there is no line.
    public var description: String {
        guard let line else { return message }
        return "line \(line): \(message)"
    }
}

/// Why a scenario could not be loaded: every problem found, not just the first.
///
/// Validation goes on past the first problem so that one run of `netexplorer check` shows a user
/// everything to fix at once.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file path or built-in name the problems are about, as the user gave it.
    public var source: String
    /// The problems, in the order of their lines; those tied to no line come first.
    public var problems: [ScenarioProblem]

    public init(source: String, problems: [ScenarioProblem]) {
        self.source = source
        self.problems = problems
    }

    /// A convenience for the common case of a single problem.
    public init(source: String, line: Int? = nil, message: String) {
        self.init(source: source, problems: [ScenarioProblem(line: line, message: message)])
    }

    /// One line per problem: "<source>: line 12: <message>" (without "<source>: " if the source is empty).
    public var description: String {
        let prefix = source.isEmpty ? "" : "\(source): "
        return problems.map { prefix + $0.description }.joined(separator: "\n")
    }
}
