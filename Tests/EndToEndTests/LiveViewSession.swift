import Foundation
import Testing

/// A terminal size the live view is tried at.
struct TerminalSize: Sendable, CustomTestStringConvertible {
    var width: Int
    var height: Int

    static let large = TerminalSize(width: 120, height: 40)
    static let small = TerminalSize(width: 80, height: 24)
    static let both = [large, small]

    var testDescription: String { "\(width)×\(height)" }
}

/// The real `netexplorer` binary running in a tmux pane, inside a shell wrapper that records the terminal
/// settings before and after it and prints its exit status:
///
///     stty -a > BEFORE; netexplorer ARGS; echo E2E-EXIT=$?; stty -a > AFTER; echo E2E-DONE; sleep 120
///
/// (What a program prints just before it exits can be lost when it is the pane's own process, and its exit
/// status could not be read at all; the wrapper keeps the pane alive so both can be captured.)
final class LiveViewSession {
    let tmux: TmuxHarness
    let size: TerminalSize
    private let sttyBeforePath: String
    private let sttyAfterPath: String

    static let exitMarker = "E2E-EXIT="
    static let doneMarker = "E2E-DONE"

    /// Starts `netexplorer ARGUMENTS` at `size` and waits until its status bar is on screen.
    init(_ arguments: [String] = [], size: TerminalSize) async throws {
        let binary = try NetExplorerBinary.path()
        tmux = try TmuxHarness()
        self.size = size
        sttyBeforePath = tmux.temporaryPath("stty-before")
        sttyAfterPath = tmux.temporaryPath("stty-after")
        let program = ([binary] + arguments).map(shellQuote).joined(separator: " ")
        let wrapper = [
            // A config directory of its own (empty): a user's config.yaml must not change the speed or theme seen here.
            "export TERM=tmux-256color LANG=\(Subprocess.utf8Locale) "
                + "XDG_CONFIG_HOME=\(shellQuote(tmux.temporaryPath("xdg-config")))",
            "unset LC_ALL LC_CTYPE NO_COLOR",
            "trap : INT",
            "stty -a > \(shellQuote(sttyBeforePath))",
            program,
            "echo \(Self.exitMarker)$?",
            "stty -a > \(shellQuote(sttyAfterPath))",
            "echo \(Self.doneMarker)",
            "exec sleep 120",
        ].joined(separator: "; ")
        try await tmux.start(command: wrapper, width: size.width, height: size.height)
        let first = try await tmux.waitFor("the live view's status bar", timeout: .seconds(20)) { screen in
            StatusBar(screen: screen) != nil || screen.contains { $0.contains(Self.doneMarker) }
        }
        if first.contains(where: { $0.contains(Self.doneMarker) }) {
            throw TmuxHarness.TmuxError(description: "\(program) exited "
                + "before showing its status bar:\n" + TmuxHarness.framed(first))
        }
    }

    func shutdown() { tmux.shutdown() }

    func capture() async throws -> [String] { try await tmux.capture() }

    /// Sends each key with its own `send-keys`, in order.
    func sendKeys(_ keys: String...) async throws {
        for key in keys { try await tmux.sendKeys(key) }
    }

    /// Polls until the status bar parses and satisfies `predicate`.
    @discardableResult
    func waitForStatus(
        _ what: String, timeout: Duration = .seconds(45), _ predicate: (StatusBar) -> Bool
    ) async throws -> StatusBar {
        let screen = try await tmux.waitFor(what, timeout: timeout) { screen in
            StatusBar(screen: screen).map(predicate) ?? false
        }
        return StatusBar(screen: screen)!
    }

    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = .seconds(15), _ predicate: ([String]) -> Bool
    ) async throws -> [String] {
        try await tmux.waitFor(what, timeout: timeout, predicate)
    }

    func statusBar() async throws -> StatusBar {
        let screen = try await capture()
        guard let status = StatusBar(screen: screen) else {
            throw TmuxHarness.TmuxError(description: "no status bar on screen:\n" + TmuxHarness.framed(screen))
        }
        return status
    }

    /// The pid of the running `netexplorer`: the child of the pane's shell.
    func programPID() async throws -> pid_t {
        guard let shell = await pid_t(try tmux.display(format: "#{pane_pid}")) else {
            throw TmuxHarness.TmuxError(description: "tmux did not report the pane's pid")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { continue }
            let name = stat[stat.index(after: open)..<close]
            let rest = stat[stat.index(after: close)...].split(separator: " ")
            if name == "netexplorer", rest.count > 1, pid_t(rest[1]) == shell { return pid }
        }
        throw TmuxHarness.TmuxError(description: "no netexplorer process under the pane's shell (pid \(shell))")
    }

    /// Waits for the wrapper to print the program's exit status and finish `stty -a`; returns the status.
    func waitForExit(timeout: Duration = .seconds(15)) async throws -> Int32 {
        let screen = try await tmux.waitFor("the program to exit (\(Self.doneMarker))", timeout: timeout) { screen in
            screen.contains { $0.contains(Self.doneMarker) }
        }
        // The marker is looked for anywhere in a row: a program that leaves the cursor mid-line gets its status
        // read all the same (and then fails the restore checks, not this one).
        let line: String = screen.first { (row: String) -> Bool in row.contains(Self.exitMarker) } ?? ""
        let pieces: [String] = line.components(separatedBy: Self.exitMarker)
        let after: String = pieces.count > 1 ? pieces[1] : ""
        let digits = String(after.prefix { (c: Character) -> Bool in c.isASCII && c.isNumber })
        guard let status = Int32(digits) else {
            throw TmuxHarness.TmuxError(description: "no \(Self.exitMarker) line:\n" + TmuxHarness.framed(screen))
        }
        return status
    }

    /// `#{alternate_on} #{cursor_flag}` of the pane, e.g. `1 0` while the live view runs.
    func terminalModes() async throws -> (alternateScreen: Bool, cursorVisible: Bool) {
        let flags = try await tmux.display(format: "#{alternate_on} #{cursor_flag}").split(separator: " ")
        return (flags.first == "1", flags.last == "1")
    }

    /// The pane's mouse reporting modes: any mode at all (1000/1002/1003), and SGR coordinates (1006).
    func mouseModes() async throws -> (reporting: Bool, sgr: Bool) {
        let flags = try await tmux.display(format: "#{mouse_any_flag} #{mouse_sgr_flag}").split(separator: " ")
        return (flags.first == "1", flags.last == "1")
    }

    /// After the program exited: the alternate screen is left, the cursor is visible, the mouse no longer reported
    /// (the shell would receive `ESC [ <0;12;5M` for every click), `stty -a` is what it was before the program
    /// started, and none of the live view is left on the shell's screen.
    func expectTerminalRestored(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let modes = try await terminalModes()
        #expect(!modes.alternateScreen, "the alternate screen is still on", sourceLocation: sourceLocation)
        #expect(modes.cursorVisible, "the cursor is still hidden", sourceLocation: sourceLocation)
        let mouse = try await mouseModes()
        #expect(!mouse.reporting && !mouse.sgr, "the mouse is still reported: \(mouse)", sourceLocation: sourceLocation)
        let before = try String(contentsOfFile: sttyBeforePath, encoding: .utf8)
        let after = try String(contentsOfFile: sttyAfterPath, encoding: .utf8)
        #expect(before.contains("speed"), "stty -a before the program printed nothing useful: \(before)",
                sourceLocation: sourceLocation)
        #expect(after == before, "stty -a differs after the program: \(Self.tokenDiff(before, after))",
                sourceLocation: sourceLocation)
        let screen = try await capture()
        let leftovers = screen.filter { $0.contains("│ t=") || $0.contains("q quit") }
        #expect(leftovers.isEmpty, "the live view is still on the shell's screen:\n\(TmuxHarness.framed(screen))",
                sourceLocation: sourceLocation)
    }

    /// The `stty -a` settings present in only one of the two outputs.
    private static func tokenDiff(_ before: String, _ after: String) -> String {
        func tokens(_ text: String) -> Set<Substring> {
            Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }))
        }
        let old = tokens(before)
        let new = tokens(after)
        return "only before: \(old.subtracting(new).sorted()), only after: \(new.subtracting(old).sorted())"
    }
}
