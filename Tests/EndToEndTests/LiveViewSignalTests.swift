import Foundation
import Testing

/// A signal and its name, as a test argument.
struct NamedSignal: Sendable, CustomTestStringConvertible {
    var number: Int32
    var name: String
    var testDescription: String { name }

    static let quit = NamedSignal(number: SIGQUIT, name: "SIGQUIT")
    static let pipe = NamedSignal(number: SIGPIPE, name: "SIGPIPE")
    static let user1 = NamedSignal(number: SIGUSR1, name: "SIGUSR1")
    static let alarm = NamedSignal(number: SIGALRM, name: "SIGALRM")
}

/// Signals other than SIGINT/SIGTERM sent to the live view: every one that ends the program restores the terminal
/// first and exits with 128 + its number; the Swift runtime's interactive backtracer never takes the screen; a crash
/// prints one screen saying how to reproduce the run.
@Suite(
    "Live view signals in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(2))
)
struct LiveViewSignalTests {
    /// What the runtime's backtracer prints; none of it may appear after a signal to the live view.
    static let backtracerWords = ["Press space", "Program crashed", "Backtrace took", "crashed:"]

    @Test("A stop signal exits with 128 + n, restores the terminal and shows no backtracer",
          arguments: [NamedSignal.quit, .pipe, .user1, .alarm])
    func stopSignal(signal: NamedSignal) async throws {
        let view = try await LiveViewSession(size: .small)
        defer { view.shutdown() }
        await #expect(try view.terminalModes().alternateScreen, "the live view is not on the alternate screen")

        await #expect(kill(try view.programPID(), signal.number) == 0)
        let status = try await view.waitForExit()
        #expect(status == 128 + signal.number)
        try await view.expectTerminalRestored()
        let screen = try await view.capture()
        for word in Self.backtracerWords + ["netexplorer:"] {
            #expect(!screen.contains { $0.contains(word) }, "'\(word)' on screen:\n\(TmuxHarness.framed(screen))")
        }
    }

    @Test("SIGSEGV restores the terminal, prints the crash screen with the seed and the commands, and exits 139")
    func crashSignal() async throws {
        let view = try await LiveViewSession(["classroom", "--seed", "99"], size: .large)
        defer { view.shutdown() }

        try await view.sendKeys("t")
        try await view.waitForStatus("the peer mesh in the status bar") { $0.line.contains("peer") }
        try await view.sendKeys("+")
        try await view.waitForStatus("25 peers") { $0.clients == 25 }

        await #expect(kill(try view.programPID(), SIGSEGV) == 0)
        let status = try await view.waitForExit()
        #expect(status == 128 + SIGSEGV)
        try await view.expectTerminalRestored()
        let screen = try await view.capture()
        let framed = TmuxHarness.framed(screen)
        #expect(screen.contains { $0 == "netexplorer: crashed (signal SIGSEGV)" }, "\(framed)")
        #expect(screen.contains { $0.hasPrefix("scenario: Classroom network (classroom), seed 99") }, "\(framed)")
        #expect(screen.contains { $0.contains("to reproduce: netexplorer run classroom --seed 99 --paused") },
                "\(framed)")
        let commands = screen.filter { $0.range(of: #"^  t=\d+\.\d{9}s  "#, options: .regularExpression) != nil }
        #expect(commands.count == 2, "\(framed)")
        #expect(commands.first?.hasSuffix("  t  switch architecture") == true, "\(framed)")
        #expect(commands.last?.hasSuffix("  +  add 5 nodes") == true, "\(framed)")
        for word in Self.backtracerWords {
            #expect(!screen.contains { $0.contains(word) }, "'\(word)' on screen:\n\(framed)")
        }
    }

    @Test("A second stop signal before the loop could answer the first: the handler restores and says so, 143")
    func unansweredStop() async throws {
        // Paused, so the crowd is sized by the classroom's first 20 clients even when the screen is read late.
        let view = try await LiveViewSession(["--paused"], size: .large)
        defer { view.shutdown() }
        try await view.sendKeys("f")
        try await view.waitFor("the flash crowd's status message") { screen in
            screen.first?.contains("flash") == true || screen.contains { $0.contains("flash crowd") }
        }

        // Stopped, the program cannot run its loop: both signals wait, and arrive one after the other on SIGCONT.
        let pid = try await view.programPID()
        #expect(kill(pid, SIGSTOP) == 0)
        try await Self.waitUntil("netexplorer to be stopped") { Self.state(of: pid) == "T" }
        #expect(kill(pid, SIGINT) == 0)
        #expect(kill(pid, SIGTERM) == 0)
        #expect(kill(pid, SIGCONT) == 0)
        let status = try await view.waitForExit()
        #expect(status == 128 + SIGTERM)
        try await view.expectTerminalRestored()
        let screen = try await view.capture()
        let framed = TmuxHarness.framed(screen)
        #expect(screen.contains { $0.hasPrefix("netexplorer: stopped by SIGTERM: ") }, "\(framed)")
        #expect(screen.contains { $0.hasSuffix("  f  flash crowd of 60 requests") }, "\(framed)")
    }

    @Test("A headless command sent SIGQUIT in a terminal prints the runtime's backtrace but never waits for a key")
    func headlessQuitDoesNotPrompt() async throws {
        let binary = try NetExplorerBinary.path()
        let tmux = try TmuxHarness()
        defer { tmux.shutdown() }
        let program = [binary, "simulate", "classroom", "--duration", "100000000", "--format", "table"]
            .map(shellQuote).joined(separator: " ")
        try await tmux.start(command: [
            "export TERM=tmux-256color LANG=\(Subprocess.utf8Locale)",
            "unset SWIFT_BACKTRACE",
            "trap : INT QUIT",
            "echo E2E-STARTED",
            program,
            "echo \(LiveViewSession.exitMarker)$?",
            "echo \(LiveViewSession.doneMarker)",
            "exec sleep 120",
        ].joined(separator: "; "), width: 120, height: 40)
        try await tmux.waitFor("the wrapper to start") { $0.contains { $0.contains("E2E-STARTED") } }
        let pid = try await Self.processPID(named: "netexplorer", under: tmux)
        // Once it has re-executed itself with the backtracer told not to prompt, and the runtime's handler is in.
        try await Self.waitUntil("netexplorer to run with interactive=no and catch SIGQUIT") {
            let environment = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))) ?? Data()
            let variables = environment.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return variables.contains("SWIFT_BACKTRACE=interactive=no") && Self.catches(SIGQUIT, pid: pid)
        }
        // The runtime's answer to SIGQUIT: a backtrace, then the program carries on (its handler returns).
        #expect(kill(pid, SIGQUIT) == 0)
        try await tmux.waitFor("the backtrace", timeout: .seconds(60)) { screen in
            screen.contains { $0.contains("Backtrace took") }
        }
        // The backtrace is written by a child process, swift-backtrace, which prompts if interactive: wait until it
        // has gone (or prompted).
        try await Self.waitUntil("swift-backtrace to finish or prompt", timeout: .seconds(40)) {
            if Self.children(of: pid).isEmpty { return true }
            return ((try? await tmux.capture()) ?? []).contains { $0.contains("Press space") }
        }
        // The handler has put back the default, so a second SIGQUIT ends it, prompting or not; a prompt would be on
        // screen between the backtrace and the exit status.
        #expect(kill(pid, SIGQUIT) == 0)
        let screen = try await tmux.waitFor("the program to exit", timeout: .seconds(20)) { screen in
            screen.contains { $0.contains(LiveViewSession.doneMarker) }
        }
        let framed = TmuxHarness.framed(screen)
        #expect(!screen.contains { $0.contains("Press space") }, "the backtracer prompted:\n\(framed)")
        #expect(screen.contains { $0.contains("\(LiveViewSession.exitMarker)\(128 + SIGQUIT)") }, "\(framed)")
    }

    /// The pid of the process called `name` whose parent is the pane's shell, once it has started.
    static func processPID(named name: String, under tmux: TmuxHarness) async throws -> pid_t {
        guard let shell = await pid_t(try tmux.display(format: "#{pane_pid}")) else {
            throw TmuxHarness.TmuxError(description: "tmux did not report the pane's pid")
        }
        var found: pid_t?
        try await waitUntil("a \(name) process under the pane's shell (pid \(shell))") {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = pid_t(entry), let fields = statFields(of: pid), fields.name == name,
                      fields.rest.count > 1, pid_t(fields.rest[1]) == shell
                else { continue }
                found = pid
                return true
            }
            return false
        }
        return found!
    }

    /// The pids of the processes whose parent is `pid`.
    static func children(of pid: pid_t) -> [pid_t] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { entry in
            guard let child = pid_t(entry), let fields = statFields(of: child), fields.rest.count > 1,
                  pid_t(fields.rest[1]) == pid else { return nil }
            return child
        }
    }

    /// `/proc/PID/stat`: the command name and the fields after it (state first, then the parent's pid).
    static func statFields(of pid: pid_t) -> (name: Substring, rest: [Substring])? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
        else { return nil }
        return (stat[stat.index(after: open)..<close], stat[stat.index(after: close)...].split(separator: " "))
    }

    /// The process state letter (`R`, `S`, `T` for stopped...).
    static func state(of pid: pid_t) -> Substring? { statFields(of: pid)?.rest.first }

    /// True when `pid` has a handler for `signal` (its bit in `SigCgt` of `/proc/PID/status`).
    static func catches(_ signal: Int32, pid: pid_t) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    /// Polls `condition` every 50 ms until it holds; throws after `timeout`.
    static func waitUntil(_ what: String, timeout: Duration = .seconds(15), _ condition: () async -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !(await condition()) {
            guard ContinuousClock.now < deadline else {
                throw TmuxHarness.TmuxError(description: "timed out after \(timeout) waiting for \(what)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
