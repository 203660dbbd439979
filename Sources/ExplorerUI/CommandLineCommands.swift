import NetworkEngine

/// One command of the `:` line: its name, what it takes, what it does. A row of `CommandLineCommands.all`.
public struct LineCommandSpec: Sendable, Equatable {
    public let name: String
    /// The arguments as the help writes them: "KEY VALUE".
    public let arguments: String
    /// One line for the help overlay.
    public let help: String
    /// The words each argument completes from (Tab), in order; empty for free text.
    public let completions: [[String]]
}

/// What a line typed after `:` asks for, once read.
public enum LineCommand: Sendable, Equatable {
    /// Change a scenario value (checked by its key's limits already; the engine costs it).
    case set(ScenarioParameter, Double)
    /// Stop the clock at every event of this kind; nil clears it.
    case pauseOn(PauseTrigger?)
    /// Crash this share of the members up at once, as `k` does with its own.
    case crashShare(Double)
    /// Show the status messages so far, each whole.
    case messages
    /// Write the session's lab record into this directory (nil: `./netexplorer-<scenario>-<time>/`); `force` writes
    /// into a directory that is not empty.
    case export(directory: String?, force: Bool)
    /// Write the screen as it stands to `netexplorer-<time>.txt` and `.ansi.txt` in the current directory.
    case screenshot
    case quit
}

/// Every command of the `:` line: the one table the parser, Tab completion and the help overlay read.
public enum CommandLineCommands {
    public static let all: [LineCommandSpec] = [
        LineCommandSpec(
            name: "set", arguments: "KEY VALUE",
            help: "change a scenario value live (Tab lists the keys)",
            completions: [ScenarioParameter.allCases.map(\.rawValue)]),
        LineCommandSpec(
            name: "pause-on", arguments: "EVENT|off",
            help: "stop the clock at each " + PauseTrigger.allCases.map(\.rawValue).joined(separator: ", ") + " (off: never)",
            completions: [PauseTrigger.allCases.map(\.rawValue) + ["off"]]),
        LineCommandSpec(name: "crash-share", arguments: "SHARE",
                        help: "crash this share (0–1) of the peers up at once; k crashes 0.3", completions: []),
        LineCommandSpec(name: "messages", arguments: "", help: "the status messages so far, each whole (Esc closes)",
                        completions: []),
        LineCommandSpec(name: "export", arguments: "[DIR] [--force]",
                        help: "write the lab record (manifest, metrics, events, report) into DIR; export! forces",
                        completions: [["--force"]]),
        LineCommandSpec(name: "screenshot", arguments: "",
                        help: "write the screen to netexplorer-<time>.txt and .ansi.txt here",
                        completions: []),
        LineCommandSpec(name: "quit", arguments: "", help: "quit, as q does", completions: []),
    ]

    /// The row named `name`.
    public static func spec(_ name: String) -> LineCommandSpec? { all.first { $0.name == name } }

    /// Reads a line typed after `:` into a command, or says in one line what is wrong with it (a value out of range
    /// in the scenario file's own words).
    public static func parse(_ line: String) -> Result<LineCommand, LineError> {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let name = words.first else { return .failure(LineError("type a command: " + names)) }
        let arguments = Array(words.dropFirst())
        switch name.lowercased() {
        case "set": return parseSet(arguments)
        case "pause-on": return parsePauseOn(arguments)
        case "crash-share": return parseCrashShare(arguments)
        case "messages", "mes": return arguments.isEmpty ? .success(.messages) : usage("messages")
        case "export": return parseExport(arguments)
        // Vim's `:w!`: the bang writes where the plain command refuses to (a directory that is not empty).
        case "export!": return parseExport(arguments + ["--force"])
        case "screenshot": return arguments.isEmpty ? .success(.screenshot) : usage("screenshot")
        case "quit", "q": return arguments.isEmpty ? .success(.quit) : usage("quit")
        default:
            let close = closest(to: name.lowercased(), among: all.map(\.name))
            return .failure(LineError("unknown command '\(name)'" + (close.map { "; did you mean '\($0)'?" }
                ?? "; commands are " + names)))
        }
    }

    private static func parseSet(_ arguments: [String]) -> Result<LineCommand, LineError> {
        guard arguments.count == 2 else { return usage("set") }
        let name = arguments[0]
        guard let parameter = ScenarioParameter(named: name) else {
            if let refused = ScenarioParameter.refused.first(where: { $0.name == name }) {
                return .failure(LineError("cannot set \(name): \(refused.reason)"))
            }
            let keys = ScenarioParameter.allCases.map(\.rawValue)
            let hint = closest(to: name, among: keys).map { "did you mean '\($0)'?" }
            return .failure(LineError("unknown key '\(name)'; " + (hint ?? "keys are " + keys.joined(separator: ", "))))
        }
        switch parameter.read(arguments[1]) {
        case .success(let value): return .success(.set(parameter, value))
        case .failure(let problem): return .failure(LineError(problem.message))
        }
    }

    private static func parseExport(_ arguments: [String]) -> Result<LineCommand, LineError> {
        let force = arguments.contains("--force")
        let rest = arguments.filter { $0 != "--force" }
        guard rest.count <= 1 else { return usage("export") }
        return .success(.export(directory: rest.first, force: force))
    }

    private static func parsePauseOn(_ arguments: [String]) -> Result<LineCommand, LineError> {
        guard arguments.count == 1 else { return usage("pause-on") }
        if arguments[0] == "off" { return .success(.pauseOn(nil)) }
        guard let trigger = PauseTrigger(rawValue: arguments[0].lowercased()) else { return usage("pause-on") }
        return .success(.pauseOn(trigger))
    }

    /// A share as a timeline's `crash_share` takes it (its key's limits: more than 0, at most 1).
    private static func parseCrashShare(_ arguments: [String]) -> Result<LineCommand, LineError> {
        guard arguments.count == 1 else { return usage("crash-share") }
        guard let share = Double(arguments[0]), share > 0, share <= 1 else {
            return .failure(LineError("crash-share takes a share more than 0 and at most 1, as 0.3 for 30%"))
        }
        return .success(.crashShare(share))
    }

    private static func usage(_ name: String) -> Result<LineCommand, LineError> {
        let args = spec(name).map { $0.arguments.isEmpty ? "" : " " + $0.arguments } ?? ""
        return .failure(LineError("usage: :\(name)\(args)"))
    }

    private static var names: String { all.map(\.name).joined(separator: ", ") }

    /// The candidate within two edits of `word` (the scenario file's rule for "did you mean").
    private static func closest(to word: String, among candidates: [String]) -> String? {
        candidates.map { ($0, editDistance(Array(word), Array($0))) }
            .filter { $0.1 <= 2 && $0.1 < word.count }
            .min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance: insertions, deletions and substitutions each cost one.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let above = row[j]
                row[j] = min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }

    // MARK: - Completion

    /// Tab on `before` (the text left of the cursor): its last word completed from the command names (the first
    /// word) or from the command's argument words. One match completes it and adds a space; several complete their
    /// common prefix and come back as candidates.
    public static func complete(_ before: String) -> (text: String, candidates: [String]) {
        let endsInSpace = before.last?.isWhitespace ?? false
        let words = before.split(whereSeparator: \.isWhitespace).map(String.init)
        let partial = endsInSpace ? "" : words.last ?? ""
        let position = endsInSpace ? words.count : max(0, words.count - 1)
        let choices: [String]
        if position == 0 {
            choices = all.map(\.name)
        } else if let spec = words.first.flatMap(spec), position - 1 < spec.completions.count {
            choices = spec.completions[position - 1]
        } else {
            return (before, [])
        }
        let matches = choices.filter { $0.hasPrefix(partial) }
        let head = String(before.dropLast(partial.count))
        switch matches.count {
        case 0: return (before, [])
        case 1: return (head + matches[0] + " ", [])
        default:
            let prefix = matches.dropFirst().reduce(matches[0]) { common, word in
                String(zip(common, word).prefix { $0 == $1 }.map(\.0))
            }
            return (head + prefix, matches)
        }
    }
}

/// A line that could not be run, in one sentence for the status bar.
public struct LineError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
