import Foundation

/// A private tmux server (its own socket, no config file) holding one session whose pane runs a command.
///
/// Every tmux call goes through `Subprocess` (posix_spawn, clean signal mask, descriptors ≥ 3 closed, a
/// deadline on every wait). `shutdown()` kills the server and removes the socket and temporary files; it also
/// runs from `deinit`, so no tmux server is left behind when a test fails or throws half-way.
final class TmuxHarness {
    /// The tmux executable, or nil when tmux is not installed (the live-view tests are then skipped, visibly).
    static let tmuxPath: String? = Subprocess.which("tmux")
    static var isInstalled: Bool { tmuxPath != nil }

    /// Why tmux cannot run the live-view tests here, or nil when it can: installed is not enough (a sandbox without
    /// a pty, or a /dev/null that is no longer a device, makes every server exit at once), so a throwaway server is
    /// started and stopped once per test process.
    static let unusableReason: String? = {
        guard let tmux = tmuxPath else { return "tmux is not installed" }
        let socket = "/tmp/netexplorer-e2e-probe-\(getpid()).sock"
        defer {
            _ = try? Subprocess.runBlocking(tmux, ["-S", socket, "kill-server"], environment: Subprocess.baseEnvironment(),
                                    timeout: .seconds(5))
            unlink(socket)
        }
        do {
            let started = try Subprocess.runBlocking(
                tmux, ["-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", "probe", "-x", "20", "-y", "5",
                       "sleep 5"],
                environment: Subprocess.baseEnvironment(), timeout: .seconds(10))
            guard started.status == 0 else {
                return "tmux cannot start a server: " + started.stderrText.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return nil
        } catch {
            return "tmux cannot start a server: \(error)"
        }
    }()

    /// True when tmux is installed and can start a server: the live-view suites run only then.
    static var isUsable: Bool { unusableReason == nil }

    /// Unique per harness in this process, so concurrent tests never share a socket or a temporary file.
    let id: String
    let socket: String
    private let tmuxExecutable: String
    private var temporaryFiles: [String] = []
    private var isShutDown = false

    private static let counter = Counter()

    init() throws {
        guard let tmux = Self.tmuxPath else { throw TmuxError(description: "tmux is not installed") }
        tmuxExecutable = tmux
        id = "\(getpid())-\(Self.counter.next())"
        socket = "/tmp/netexplorer-e2e-\(id).sock"
    }

    deinit { shutdown() }

    /// A path for a temporary file of this harness; removed by `shutdown()`.
    func temporaryPath(_ suffix: String) -> String {
        let path = "/tmp/netexplorer-e2e-\(id).\(suffix)"
        temporaryFiles.append(path)
        return path
    }

    /// Starts the server with one detached session `t` of the given size running `command` (through `sh -c`).
    func start(command: String, width: Int, height: Int) async throws {
        try await tmux(["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", command])
    }

    /// `tmux send-keys`: each argument is a key name (`q`, `Space`, `C-c`, `+`, `Up`...).
    func sendKeys(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", "t"] + keys)
    }

    /// The pane's visible screen, one string per row (trailing blanks trimmed by tmux).
    func capture() async throws -> [String] {
        var lines = try await tmux(["capture-pane", "-p", "-t", "t"]).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `tmux display -p FORMAT`, e.g. `#{alternate_on} #{cursor_flag} #{pane_dead_status}`.
    func display(format: String) async throws -> String {
        try await tmux(["display-message", "-p", "-t", "t", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Any other tmux command on this server, e.g. `["set-option", "-t", "t", "status", "off"]`; returns its output.
    @discardableResult
    func command(_ arguments: [String]) async throws -> String {
        try await tmux(arguments)
    }

    func resize(width: Int, height: Int) async throws {
        try await tmux(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen every 100 ms (each poll is a new tmux client: twenty tests polling at once spawn two hundred
    /// a second) until `predicate` holds; returns that screen. Throws, with the last screen
    /// in the message, when `timeout` passes first.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = .seconds(15), _ predicate: ([String]) -> Bool
    ) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        var screen: [String] = []
        while true {
            screen = try await capture()
            if predicate(screen) { return screen }
            if ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TmuxError(description: "timed out after \(timeout) waiting for \(what); the screen was:\n"
            + Self.framed(screen))
    }

    /// Kills the server (and so the pane's processes, which get SIGHUP) and removes the socket and temp files.
    func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        _ = try? tmuxBlocking(["kill-server"], timeout: .seconds(5))
        for path in temporaryFiles + [socket] { unlink(path) }
    }

    /// A screen with a frame around it, for failure messages and notes.
    static func framed(_ screen: [String]) -> String {
        let width = screen.map(\.count).max() ?? 0
        let bar = String(repeating: "─", count: width)
        return (["┌\(bar)┐"] + screen.map { "│" + $0.padding(toLength: width, withPad: " ", startingAt: 0) + "│" }
            + ["└\(bar)┘"]).joined(separator: "\n")
    }

    /// A tmux command, waited for off Swift Testing's threads (see `Subprocess`): twenty tests polling their
    /// screens every 50 ms would otherwise keep both of CI's cooperative threads busy in `poll`.
    @discardableResult
    private func tmux(_ arguments: [String], timeout: Duration = .seconds(10)) async throws -> String {
        try Self.checked(arguments, try await Subprocess.run(
            tmuxExecutable, ["-S", socket] + arguments, environment: Subprocess.baseEnvironment(), timeout: timeout))
    }

    /// `tmux` on the calling thread, for `shutdown()`, which runs from `deinit`.
    @discardableResult
    private func tmuxBlocking(_ arguments: [String], timeout: Duration) throws -> String {
        try Self.checked(arguments, try Subprocess.runBlocking(
            tmuxExecutable, ["-S", socket] + arguments, environment: Subprocess.baseEnvironment(), timeout: timeout))
    }

    private static func checked(_ arguments: [String], _ result: ProcessResult) throws -> String {
        guard result.status == 0 else {
            throw TmuxError(description: "tmux \(arguments.joined(separator: " ")) exited \(result.status): "
                + result.stderrText.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result.stdoutText
    }

    struct TmuxError: Error, CustomStringConvertible {
        var description: String
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
