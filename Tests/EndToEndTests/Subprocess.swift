#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// How a child process ended: its exit code, or 128 + the signal that killed it (as a shell reports it).
struct ProcessResult: Sendable {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

struct SubprocessError: Error, CustomStringConvertible {
    var description: String
}

/// Runs a program with `posix_spawn`, never with Foundation `Process`.
///
/// Why (see docs/TERMINAL.md): `Process` + `waitUntilExit()` on `tmux new-session -d` hangs, because
/// the tmux daemon inherits one of Foundation's internal descriptors; and a process started from Swift Testing
/// inherits a signal mask with SIGINT/SIGTERM/SIGHUP/SIGWINCH blocked, which the tmux server and the program in
/// its pane would inherit too. So every child here gets an empty signal mask, default signal dispositions, and
/// only descriptors 0, 1 and 2 (stdin from /dev/null, stdout and stderr into pipes that are read to EOF before
/// `waitpid`). Every wait has a deadline; a child that overstays it is killed and the call throws.
///
/// `run` waits on a thread of its own, never on one of Swift Testing's: the cooperative pool has one thread per
/// core (two on CI), and a test blocked in `poll`/`waitpid` for a headless run of several seconds holds one of them.
/// Two such tests starved every other test, including the twenty tmux tests whose live views went on burning the
/// CPU the headless runs needed: the whole suite stalled for minutes, then dozens of tests hit their time limits
/// together. `runBlocking` is for tmux's own control commands only (`send-keys`, `capture-pane`), which return in
/// milliseconds.
enum Subprocess {
    static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        timeout: Duration = .seconds(10)
    ) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result {
                    try runBlocking(executable, arguments, environment: environment, timeout: timeout)
                })
            }
            thread.start()
        }
    }

    /// `run` on the calling thread: only for commands that return in milliseconds (see the type's comment).
    static func runBlocking(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        timeout: Duration = .seconds(10)
    ) throws -> ProcessResult {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        // (pipe2 is not exported by the Glibc module; a descriptor leaked into a child spawned concurrently by
        // another test before FD_CLOEXEC is set is closed there anyway by the close-from-3 action.)
        guard pipe(&outPipe) == 0 else { throw SubprocessError(description: "pipe: \(errnoText())") }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw SubprocessError(description: "pipe: \(errnoText())")
        }
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var parentEnds = [outPipe[0], errPipe[0]]
        defer { for fd in parentEnds where fd >= 0 { close(fd) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        addCloseFrom3(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        // A session of its own (POSIX_SPAWN_SETSID, glibc ≥ 2.26; not exported to Swift, so its value from spawn.h):
        // Linux's scheduler autogroups share the CPU between sessions first, and every tmux server the live-view
        // tests start is a session. A child left in the test process's session shared one share among twenty with
        // the unit suites' busy threads: runnable for 30 s, it got 0.2 s of CPU (seen in /proc) and timed out.
        let spawnSetsid: Int32 = 0x80
        posix_spawnattr_setflags(
            &attributes, Int16(truncatingIfNeeded: POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | spawnSetsid))

        let argv = cStrings([executable] + arguments)
        let envp = cStrings(environment.map { "\($0.key)=\($0.value)" }.sorted())
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv + [nil], envp + [nil])
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            throw SubprocessError(description: "posix_spawn \(executable): \(String(cString: strerror(spawned)))")
        }

        let deadline = ContinuousClock.now + timeout
        var output: [[UInt8]] = [[], []]
        var open = [true, true]
        var timedOut = false
        while open.contains(true) {
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero { timedOut = true; break }
            var fds = (0..<2).filter { open[$0] }.map { pollfd(fd: parentEnds[$0], events: Int16(POLLIN), revents: 0) }
            let milliseconds = Int32(min(remaining.milliseconds, 50))
            let ready = poll(&fds, nfds_t(fds.count), max(milliseconds, 1))
            if ready < 0 {
                if errno == EINTR { continue }
                throw SubprocessError(description: "poll: \(errnoText())")
            }
            for entry in fds where entry.revents != 0 {
                let index = parentEnds.firstIndex(of: entry.fd)!
                var buffer = [UInt8](repeating: 0, count: 65536)
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    output[index].append(contentsOf: buffer[0..<count])
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open[index] = false
                    close(parentEnds[index])
                    parentEnds[index] = -1
                }
            }
        }

        // A child past its deadline may be blocked writing into a pipe nobody reads any more: a blocking wait for it
        // would never return, so it is killed first; what it was doing is kept for the message (running and slow, or
        // asleep, and where).
        var childState: String?
        if timedOut { childState = Self.describe(pid); kill(pid, SIGKILL) }
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, timedOut ? 0 : WNOHANG)
            if waited == pid { break }
            if waited < 0 && errno == EINTR { continue }
            if waited < 0 { throw SubprocessError(description: "waitpid: \(errnoText())") }
            // Output closed but the child still runs (or the deadline passed): wait a little, then kill it.
            if ContinuousClock.now >= deadline {
                timedOut = true
                kill(pid, SIGKILL)
                continue
            }
            usleep(10_000)
        }
        if timedOut {
            throw SubprocessError(description: """
                \(([executable] + arguments).joined(separator: " ")) did not finish within \(timeout); killed \
                (it was \(childState ?? "gone")). \
                stdout so far: \(String(decoding: output[0], as: UTF8.self).debugDescription) \
                stderr so far: \(String(decoding: output[1], as: UTF8.self).debugDescription)
                """)
        }
        return ProcessResult(status: decode(status), stdout: output[0], stderr: output[1])
    }

    /// The absolute path of `name` on `PATH`, or nil.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// The environment given to every child: a known, small one (no TMUX, no NO_COLOR, a UTF-8 locale).
    static func baseEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment = [
            "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": inherited["HOME"] ?? "/tmp",
            "LANG": utf8Locale,
            "SHELL": "/bin/sh",
            "TERM": "tmux-256color",
        ]
        environment.merge(extra) { $1 }
        return environment
    }

    /// A UTF-8 locale that exists here. glibc ≥ 2.35 has C.UTF-8 built in; older ones list it in `locale -a`.
    static let utf8Locale: String = {
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocaleWorks(candidate) {
            return candidate
        }
        return "C.UTF-8"
    }()

    private static func setlocaleWorks(_ name: String) -> Bool {
        guard let locale = newlocale(LC_CTYPE_MASK, name, nil) else { return false }
        freelocale(locale)
        return true
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }

    /// A live child's state from /proc: `R (running), 1.23 s of CPU, waiting in do_select`.
    private static func describe(_ pid: pid_t) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state, ppid, ..., utime is the 12th and stime the 13th field from the state.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let wchan = (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) ?? "?"
        return "state \(fields[0]), " + String(format: "%.2f", (user + system) / max(1, ticks))
            + " s of CPU, waiting in \(wchan.isEmpty ? "-" : wchan)"
    }

    private static func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
        strings.map { strdup($0) }
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc ≥ 2.34 has `posix_spawn_file_actions_addclosefrom_np`, but the Glibc module does not export it
    /// (it sits behind `__USE_GNU`), so it is looked up at run time; without it, close 3..<1024 one by one
    /// (glibc ignores EBADF on a close action for a descriptor that is not open).
    private static let addCloseFrom: AddCloseFrom? = {
        guard let handle = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(handle, "posix_spawn_file_actions_addclosefrom_np")
        else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    private static func addCloseFrom3(_ actions: inout posix_spawn_file_actions_t) {
        if let addCloseFrom, addCloseFrom(&actions, 3) == 0 { return }
        for fd in Int32(3)..<1024 { posix_spawn_file_actions_addclose(&actions, fd) }
    }
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

/// Quotes a word for `/bin/sh`.
func shellQuote(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
