import NetworkEngine

/// How the live view was started, as the user gave it: what a crash screen needs to say how to run it again.
public struct RunOrigin: Sendable, Equatable {
    /// The scenario argument as typed: a built-in name or a file path.
    public var scenarioArgument: String
    /// The scenario's own name (from its file).
    public var scenarioName: String
    /// The seed the run used (the file's, or `--seed`).
    public var seed: UInt64
    /// `--architecture` as given, nil when the file's was used.
    public var architecture: String?
    /// `--nodes` as given, nil when the file's was used.
    public var nodes: Int?

    public init(scenarioArgument: String, scenarioName: String, seed: UInt64, architecture: String? = nil,
                nodes: Int? = nil) {
        self.scenarioArgument = scenarioArgument
        self.scenarioName = scenarioName
        self.seed = seed
        self.architecture = architecture
        self.nodes = nodes
    }

    /// An origin for a scenario started from code (tests): its name stands for the argument.
    public init(scenario: Scenario) {
        self.init(scenarioArgument: scenario.name, scenarioName: scenario.name, seed: scenario.seed)
    }
}

/// The text a crash in the live view prints once the terminal is restored: what ran, with which seed, and the commands
/// applied so far with their simulated times, so the run can be reproduced.
///
/// Prepared after every command (a signal handler can only print what is ready); the first line, which names the
/// signal, is added by the handler. One screen: at most ~22 lines of at most ~80 columns, however long the session;
/// ASCII apart from the user's own text, so it reads the same on a terminal whose locale is not UTF-8.
public enum CrashScreen {
    /// The body of the crash screen for a run started as `origin` that applied `log`.
    public static func text(origin: RunOrigin, log: CommandLog) -> String {
        var lines: [String] = []
        var scenario = "scenario: " + printable(origin.scenarioName)
        if origin.scenarioArgument != origin.scenarioName { scenario += " (" + printable(origin.scenarioArgument) + ")" }
        scenario += ", seed \(origin.seed)"
        if let architecture = origin.architecture { scenario += ", --architecture " + printable(architecture) }
        if let nodes = origin.nodes { scenario += ", --nodes \(nodes)" }
        lines.append(scenario)
        lines.append("to reproduce: " + commandLine(origin))
        if log.total == 0 {
            lines.append("no commands were applied")
        } else {
            lines.append("then, at each simulated time below, press its key (space resumes, . steps one event):")
            lines += log.head.map(line)
            if log.omitted > 0 {
                lines.append("  ... \(log.omitted) more command\(log.omitted == 1 ? "" : "s") left out ...")
            }
            lines += log.tail.map(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The command line that starts the same run, paused: the scenario, the seed, and the overrides as given.
    public static func commandLine(_ origin: RunOrigin) -> String {
        var words = ["netexplorer", "run", shellWord(origin.scenarioArgument), "--seed", "\(origin.seed)"]
        if let architecture = origin.architecture { words += ["--architecture", shellWord(architecture)] }
        if let nodes = origin.nodes { words += ["--nodes", "\(nodes)"] }
        words.append("--paused")
        return words.joined(separator: " ")
    }

    /// One command: its exact simulated time, the key that applies it, and what it did.
    static func line(_ applied: AppliedCommand) -> String {
        let (key, what) = describe(applied.command)
        let refused = applied.accepted ? "" : " (refused)"
        return "  t=" + exactSeconds(applied.time) + "  " + key + "  " + what + refused
    }

    /// The key that applies `command` in the live view (as the key table names it, in ASCII: the crash screen goes
    /// to whatever terminal is left) and a few words on what it does.
    static func describe(_ command: LoggedCommand) -> (key: String, what: String) {
        func key(_ action: Action) -> String { KeyBindings.name(of: action, unicode: false) }
        switch command {
        case .restartScenario:
            return (key(.restart), "restart the scenario (later times count from 0 again)")
        case .engine(let command):
            switch command {
            case .addNodes(let n): return (key(.addNodes), "add \(n) nodes")
            case .removeNodes(let n): return (key(.removeNodes), "remove \(n) nodes")
            case .toggleNode(0): return (key(.toggleSelectedNode), "crash or revive the server")
            case .toggleNode(let n): return (key(.toggleSelectedNode), "crash or revive node \(n) (select it first)")
            // Not sent by any key (scenario timelines use them); listed for completeness.
            case .crash(let target): return (" ", "crash \(target)")
            case .restart(let target): return (" ", "restart \(target)")
            case .flashCrowd(let requests): return (key(.flashCrowd), "flash crowd of \(requests) requests")
            case .toggleArchitecture: return (key(.toggleArchitecture), "switch architecture")
            case .switchArchitecture(let target): return (" ", "switch to \(target.rawValue)")
            case .toggleAttack: return (key(.toggleAttack), "start or stop the attack")
            case .set(let parameter, let value):
                return (key(.openCommandLine), "set \(parameter.rawValue) \(parameter.spelled(value))")
            case .crashShare(let share):
                return (key(share == crashShareOfKey ? .crashShare : .openCommandLine),
                        "crash \(RunReport.fixed(100 * share, 1))% of the members up")
            }
        }
    }

    /// A simulated time in seconds with all nine decimals: the exact nanosecond the command was applied at.
    static func exactSeconds(_ time: SimTime) -> String {
        let sign = time < 0 ? "-" : ""
        let magnitude = time.magnitude
        let seconds = magnitude / 1_000_000_000
        let fraction = String(magnitude % 1_000_000_000)
        return sign + "\(seconds)." + String(repeating: "0", count: 9 - fraction.count) + fraction + "s"
    }

    /// `text` with every control character (C0, DEL, C1) written as `\u{1B}`, so text from a file (a scenario name
    /// holding ESC, say) cannot move the cursor, change colours or retitle the terminal when printed.
    public static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) {
                result += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A word for a POSIX shell: as is when it is plain, else single-quoted; control characters escaped for display.
    static func shellWord(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./+:=,@".unicodeScalars.contains(scalar)
        }
        if plain { return printable(word) }
        return "'" + printable(word).split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")
            + "'"
    }
}
