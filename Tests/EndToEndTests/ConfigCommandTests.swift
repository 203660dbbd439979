import Foundation
import Testing

/// The config file (`$XDG_CONFIG_HOME/netexplorer/config.yaml`): `netexplorer config` shows it, errors name their
/// line, unknown keys are named, and the live view's flags override it.
@Suite("Config file", .ownThreads, .timeLimit(.minutes(2)))
struct ConfigCommandTests {
    /// A fresh XDG_CONFIG_HOME holding `text` as the config (none when nil); removed by the caller.
    static func configHome(_ text: String?) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("netexplorer-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("netexplorer"),
                                                withIntermediateDirectories: true)
        if let text {
            try text.write(to: home.appendingPathComponent("netexplorer/config.yaml"), atomically: true, encoding: .utf8)
        }
        return home
    }

    static func config(_ home: URL, _ arguments: [String] = ["config"]) async throws -> ProcessResult {
        try await Subprocess.run(try NetExplorerBinary.path(), arguments,
                           environment: Subprocess.baseEnvironment(["XDG_CONFIG_HOME": home.path]), timeout: .seconds(30))
    }

    @Test("netexplorer config prints the path and each value, saying which come from the file")
    func printsPathAndValues() async throws {
        let none = try Self.configHome(nil)
        defer { try? FileManager.default.removeItem(at: none) }
        let empty = try await Self.config(none)
        #expect(empty.status == 0)
        #expect(empty.stdoutText.contains("file    " + none.path + "/netexplorer/config.yaml (not there: defaults)"))
        #expect(empty.stdoutText.contains("theme   default  (default)"))

        let set = try Self.configHome("# for the lecture hall\ntheme: projector\nspeed: 10\nmouse: false\n")
        defer { try? FileManager.default.removeItem(at: set) }
        let result = try await Self.config(set)
        #expect(result.status == 0)
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.first == "file    " + set.path + "/netexplorer/config.yaml")
        #expect(lines.contains { $0.hasPrefix("theme   projector  (from the file)") })
        #expect(lines.contains("mouse   false  (from the file)"))
        #expect(lines.contains("speed   10.0  (from the file)"))
    }

    @Test("every problem in the file is one line with its line number; an unknown key is named; run refuses too")
    func errors() async throws {
        let home = try Self.configHome("theme: loud\nmous: false\nspeed: 5000\n")
        defer { try? FileManager.default.removeItem(at: home) }
        let path = home.path + "/netexplorer/config.yaml"
        for arguments in [["config"], ["run", "--paused"]] {
            let result = try await Self.config(home, arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderrText.split(separator: "\n").map(String.init) == [
                "netexplorer: \(path): line 1: theme must be one of default, projector, colorblind, got 'loud'",
                "netexplorer: \(path): line 2: unknown key 'mous'; the keys are theme, mouse, speed",
                "netexplorer: \(path): line 3: speed must be a number from 0.1 to 1000, got '5000'",
            ], "\(arguments)")
        }
        let nested = try Self.configHome("theme:\n  [[[[[[[[\n")
        defer { try? FileManager.default.removeItem(at: nested) }
        let deep = try await Self.config(nested)
        #expect(deep.status == 1 && deep.stderrText.contains("config.yaml: line 2: the config is flat"))
    }

    @Test("without XDG_CONFIG_HOME (or with a relative one) the file is under ~/.config")
    func fallsBackToHome() async throws {
        let result = try await Subprocess.run(try NetExplorerBinary.path(), ["config"],
                                        environment: Subprocess.baseEnvironment(["HOME": "/nonexistent-home",
                                                                                 "XDG_CONFIG_HOME": "relative/dir"]))
        #expect(result.stdoutText.hasPrefix("file    /nonexistent-home/.config/netexplorer/config.yaml"))
    }

    @Test("the live view starts at the file's speed, and --speed overrides it",
          .enabled(if: TmuxHarness.isUsable, "tmux cannot run here: SKIPPED"))
    func flagsOverrideTheFile() async throws {
        let home = try Self.configHome("speed: 10\ntheme: colorblind\n")
        defer { try? FileManager.default.removeItem(at: home) }
        let binary = try NetExplorerBinary.path()
        for (arguments, speed) in [(["--paused"], "10×"), (["--paused", "--speed", "2"], "2×")] {
            let tmux = try TmuxHarness()
            defer { tmux.shutdown() }
            let command = "export TERM=tmux-256color LANG=\(Subprocess.utf8Locale) XDG_CONFIG_HOME=\(shellQuote(home.path)); "
                + "unset LC_ALL LC_CTYPE NO_COLOR; exec " + ([binary] + arguments).map(shellQuote).joined(separator: " ")
            try await tmux.start(command: command, width: 100, height: 30)
            let screen = try await tmux.waitFor("the status bar at \(speed)") { screen in
                StatusBar(screen: screen) != nil && (screen.first ?? "").contains("│ \(speed) │")
            }
            #expect(screen[0].contains("│ \(speed) │"))
        }
    }
}
