import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide state that signal handlers read and write.
///
/// Raw memory allocated once and touched before any handler is installed, so a handler does nothing but plain loads
/// and stores: no allocation, no locks, no lazy initialisation, no exclusivity checks.
enum SignalState {
    /// Slot indices into `slots`.
    static let quitSignalSlot = 0
    static let savedStandardErrorSlot = 1
    static let captureSlot = 2
    /// 1 while an ncurses screen is up: the crash and exit hooks only restore a terminal that needs it.
    static let screenUpSlot = 3

    nonisolated(unsafe) static let slots: UnsafeMutablePointer<sig_atomic_t> = {
        let slots = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 4)
        slots[quitSignalSlot] = 0
        slots[savedStandardErrorSlot] = -1
        slots[captureSlot] = -1
        slots[screenUpSlot] = 0
        return slots
    }()

    /// True while an ncurses screen is up.
    static var screenIsUp: Bool {
        get { slots[screenUpSlot] != 0 }
        set { slots[screenUpSlot] = newValue ? 1 : 0 }
    }

    /// The dispositions the crash handler chains to, indexed by signal number.
    static let actionCount = 65
    nonisolated(unsafe) static let previousCrashActions: UnsafeMutablePointer<sigaction> = {
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: actionCount)
        actions.initialize(repeating: sigaction(), count: actionCount)
        return actions
    }()

    /// Forces the lazy initialisers to run now, outside any handler.
    static func prepare() {
        _ = slots
        _ = previousCrashActions
    }

    /// Restores the terminal and stderr if a screen is still up. Used on the paths that bypass `close()`: a crash
    /// signal, or `exit()` called while the live view runs (argument-parser's `exit`, a library's `exit(1)`).
    static func emergencyRestore() {
        guard screenIsUp else { return }
        screenIsUp = false
        // endwin is not async-signal-safe, but the process is ending anyway and ncurses' own handlers do the same;
        // a terminal left in raw mode on the alternate screen is the worse outcome.
        if !isendwin() { endwin() }
        StandardErrorCapture.restoreFromSignalHandler()
    }
}

/// Installs, and later removes, the signal handlers that keep the terminal restorable.
///
/// - SIGINT, SIGTERM, SIGHUP only set a flag. Installed before ncurses starts, so ncurses leaves them alone; the input
///   timeout wakes the run loop, which then returns and lets `close()` restore the terminal on the normal path.
/// - SIGILL (Swift traps on x86_64), SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE call `endwin` and then hand the signal to
///   whoever had it before (the Swift runtime's backtracer prints onto a sane screen), or die of it by default.
///
/// Methods are nonisolated because teardown may run from `deinit`; in practice everything happens on the main actor.
final class SignalGuard: @unchecked Sendable {
    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// True between `install()` and `restore()`: one guard at a time, or the second would chain to the first.
    nonisolated(unsafe) private static var active = false
    /// atexit cannot be undone, so the exit hook is registered once per process and checks `screenIsUp` itself.
    nonisolated(unsafe) private static var exitHookRegistered = false

    private let savedQuitActions: UnsafeMutablePointer<sigaction>
    private var installedQuit: [(slot: Int, signal: Int32)] = []
    private var installedCrash: [Int32] = []
    private var restored = false

    private init() {
        savedQuitActions = .allocate(capacity: Self.quitSignals.count)
        savedQuitActions.initialize(repeating: sigaction(), count: Self.quitSignals.count)
    }

    deinit {
        savedQuitActions.deinitialize(count: Self.quitSignals.count)
        savedQuitActions.deallocate()
    }

    /// The signal that asked us to quit, or nil.
    static var quitSignal: Int32? {
        let value = SignalState.slots[SignalState.quitSignalSlot]
        return value == 0 ? nil : Int32(value)
    }

    /// Unblocks all signals and installs the handlers; nil if a guard is already installed.
    static func install() -> SignalGuard? {
        guard !active else { return nil }
        active = true
        SignalState.prepare()
        SignalState.slots[SignalState.quitSignalSlot] = 0
        // Inherited masks (test runners, some supervisors) can block SIGINT/SIGTERM/SIGWINCH; then neither quitting
        // nor resizing would ever be seen.
        _ = nc_unblock_all_signals()
        _ = nc_ensure_alternate_stack()
        if !exitHookRegistered {
            exitHookRegistered = true
            atexit { SignalState.emergencyRestore() }
        }

        let signalGuard = SignalGuard()
        for (slot, sig) in quitSignals.enumerated() {
            let saved = signalGuard.savedQuitActions + slot
            guard nc_current_handler(sig, saved) == 0 else { continue }
            // Started under nohup (or as a background job without job control): keep ignoring, as asked.
            if nc_handler_is_ignore(saved) != 0 { continue }
            if nc_install_handler(sig, { sig in SignalState.slots[SignalState.quitSignalSlot] = sig_atomic_t(sig) },
                                  saved) == 0 {
                signalGuard.installedQuit.append((slot, sig))
            }
        }
        for sig in crashSignals {
            let saved = SignalState.previousCrashActions + Int(sig)
            if nc_install_crash_handler(sig, crashHandler, saved) == 0 {
                signalGuard.installedCrash.append(sig)
            }
        }
        return signalGuard
    }

    /// Puts back every disposition we replaced. Safe to call more than once.
    func restore() {
        guard !restored else { return }
        restored = true
        for sig in installedCrash {
            _ = nc_restore_handler(sig, SignalState.previousCrashActions + Int(sig))
        }
        for (slot, sig) in installedQuit {
            _ = nc_restore_handler(sig, savedQuitActions + slot)
        }
        installedCrash = []
        installedQuit = []
        Self.active = false
    }
}

/// Restores the terminal, shows what was written to stderr meanwhile, then lets the crash take its course.
private let crashHandler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
    sig, info, context in
    SignalState.emergencyRestore()
    let previous = SignalState.previousCrashActions + Int(sig)
    _ = nc_restore_handler(sig, previous)
    nc_chain_crash(sig, previous, info, context)
}
