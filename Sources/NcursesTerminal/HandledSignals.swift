#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses

/// What the live view does with a signal that would otherwise end the process while its screen is up.
enum SignalDisposition: Sendable, Equatable {
    /// Someone asked the program to stop: set a flag; the run loop returns, `close()` restores the terminal and the
    /// program exits with 128 + the signal. A second stop signal while the screen is still up means the loop is not
    /// answering: the handler then restores the terminal itself, prints the crash screen and dies of that signal.
    case stop
    /// Something broke: the handler restores the terminal, prints the crash screen and dies of the signal.
    case crash
}

/// A signal the live view handles while its screen is up.
struct HandledSignal: Sendable, Equatable {
    var number: Int32
    var name: String
    var disposition: SignalDisposition
}

/// The one table of signals the live view handles, with their names and what it does with each.
///
/// Every signal whose default action ends the process is here (SIGKILL and SIGSTOP cannot be caught), so none can
/// leave the terminal raw or hand the screen to the Swift runtime's interactive backtracer. Signals whose default is
/// to stop, continue or be ignored (SIGTSTP, SIGCONT, SIGCHLD, SIGWINCH, SIGURG...) are left to ncurses and the
/// kernel. See docs/TERMINAL.md for why each is a stop or a crash.
enum HandledSignals {
    /// The named signals; the real-time range is added by `all`.
    static let named: [HandledSignal] = {
        var table: [HandledSignal] = [
            HandledSignal(number: SIGHUP, name: "SIGHUP", disposition: .stop),
            HandledSignal(number: SIGINT, name: "SIGINT", disposition: .stop),
            // Ctrl-\: the user's "quit now". A stop, so the status is 131 and the terminal is restored by the
            // normal path; a second Ctrl-\ ends a view that does not answer.
            HandledSignal(number: SIGQUIT, name: "SIGQUIT", disposition: .stop),
            // Swift traps (fatalError, overflow, force-unwrap of nil) arrive as SIGILL on x86_64, SIGTRAP on arm64.
            HandledSignal(number: SIGILL, name: "SIGILL", disposition: .crash),
            HandledSignal(number: SIGTRAP, name: "SIGTRAP", disposition: .crash),
            HandledSignal(number: SIGABRT, name: "SIGABRT", disposition: .crash),
            HandledSignal(number: SIGBUS, name: "SIGBUS", disposition: .crash),
            HandledSignal(number: SIGFPE, name: "SIGFPE", disposition: .crash),
            HandledSignal(number: SIGUSR1, name: "SIGUSR1", disposition: .stop),
            HandledSignal(number: SIGSEGV, name: "SIGSEGV", disposition: .crash),
            HandledSignal(number: SIGUSR2, name: "SIGUSR2", disposition: .stop),
            // Only a kill can send it here (a tty write never raises it); the output is gone either way, so stop.
            HandledSignal(number: SIGPIPE, name: "SIGPIPE", disposition: .stop),
            HandledSignal(number: SIGALRM, name: "SIGALRM", disposition: .stop),
            HandledSignal(number: SIGTERM, name: "SIGTERM", disposition: .stop),
            // CPU and file-size limits: the kernel says stop; the soft limit leaves time for a clean one.
            HandledSignal(number: SIGXCPU, name: "SIGXCPU", disposition: .stop),
            HandledSignal(number: SIGXFSZ, name: "SIGXFSZ", disposition: .stop),
            HandledSignal(number: SIGVTALRM, name: "SIGVTALRM", disposition: .stop),
            HandledSignal(number: SIGPROF, name: "SIGPROF", disposition: .stop),
            HandledSignal(number: SIGIO, name: "SIGIO", disposition: .stop),
            // A bad system call (seccomp, a missing syscall): the program is broken, not asked to stop.
            HandledSignal(number: SIGSYS, name: "SIGSYS", disposition: .crash),
        ]
        #if os(Linux)
        table += [
            HandledSignal(number: SIGSTKFLT, name: "SIGSTKFLT", disposition: .stop),
            HandledSignal(number: SIGPWR, name: "SIGPWR", disposition: .stop),
        ]
        #elseif canImport(Darwin)
        table += [HandledSignal(number: SIGEMT, name: "SIGEMT", disposition: .crash)]
        #endif
        return table.sorted { $0.number < $1.number }
    }()

    /// Every handled signal: the named ones and the real-time range (SIGRTMIN+n), whose default ends the process too.
    static let all: [HandledSignal] = {
        var table = named
        let low = nc_sigrtmin(), high = nc_sigrtmax()
        if low > 0 && high >= low {
            for number in low...high where !table.contains(where: { $0.number == number }) {
                let name = number == low ? "SIGRTMIN" : "SIGRTMIN+\(number - low)"
                table.append(HandledSignal(number: number, name: name, disposition: .stop))
            }
        }
        return table
    }()

    /// The entry for `number`, or nil if the live view leaves that signal alone.
    static func entry(for number: Int32) -> HandledSignal? {
        all.first { $0.number == number }
    }

    /// The line the handler writes before the crash screen when it ends the process itself.
    static func header(for signal: HandledSignal) -> String {
        switch signal.disposition {
        case .crash:
            return "netexplorer: crashed (signal \(signal.name))"
        case .stop:
            return "netexplorer: stopped by \(signal.name): the live view did not answer an earlier stop signal"
        }
    }
}
