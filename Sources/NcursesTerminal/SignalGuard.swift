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
    /// Set by the first handler that ends the process itself; any other thread arriving later waits for it.
    static let endingSlot = 4
    /// Which of `CrashScreenMemory`'s two buffers holds the crash screen: 0, 1, or -1 for none.
    static let crashScreenSlot = 5
    /// 1 when no run loop polls the stop flag (an offscreen terminal): a stop signal then ends the process at once.
    static let stopAtOnceSlot = 6
    /// 1 while the terminal may report the mouse: whoever ends the screen switches reporting off.
    static let mouseSlot = 7
    static let slotCount = 8

    nonisolated(unsafe) static let slots: UnsafeMutablePointer<sig_atomic_t> = {
        let slots = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slotCount)
        slots[quitSignalSlot] = 0
        slots[savedStandardErrorSlot] = -1
        slots[captureSlot] = -1
        slots[screenUpSlot] = 0
        slots[endingSlot] = 0
        slots[crashScreenSlot] = -1
        slots[stopAtOnceSlot] = 0
        slots[mouseSlot] = 0
        return slots
    }()

    /// True while an ncurses screen is up.
    static var screenIsUp: Bool {
        get { nc_load_acquire(slots + screenUpSlot) != 0 }
        set { nc_store_release(slots + screenUpSlot, newValue ? 1 : 0) }
    }

    /// True while the terminal may report the mouse (set before reporting is turned on).
    static var mouseReportingOn: Bool {
        get { nc_load_acquire(slots + mouseSlot) != 0 }
        set { nc_store_release(slots + mouseSlot, newValue ? 1 : 0) }
    }

    /// Switches mouse reporting off if it is on, once: after a crash or a quit the shell must not receive
    /// `ESC [ <0;12;5M` for every click. Async-signal-safe.
    static func mouseReportingOff() {
        guard nc_exchange(slots + mouseSlot, 0) != 0 else { return }
        nc_mouse_reporting_off(STDOUT_FILENO)
    }

    /// The dispositions we replaced, indexed by signal number, put back by `SignalGuard.restore()`.
    static let actionCount = CrashScreenMemory.signalLimit
    nonisolated(unsafe) static let previousActions: UnsafeMutablePointer<sigaction> = {
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: actionCount)
        actions.initialize(repeating: sigaction(), count: actionCount)
        return actions
    }()

    /// Forces the lazy initialisers to run now, outside any handler.
    static func prepare() {
        _ = slots
        _ = previousActions
        CrashScreenMemory.prepare()
    }

    /// Restores the terminal and stderr if a screen is still up. Used on the paths that bypass `close()`: a crash
    /// signal, or `exit()` called while the live view runs (argument-parser's `exit`, a library's `exit(1)`).
    static func emergencyRestore() {
        // Also when teardown was half-way (screen down, reporting not yet off): the flag says what is left to do.
        defer { mouseReportingOff() }
        guard nc_exchange(slots + screenUpSlot, 0) != 0 else { return }
        // endwin is not async-signal-safe, but the process is ending anyway and ncurses' own handlers do the same;
        // a terminal left in raw mode on the alternate screen is the worse outcome.
        if !isendwin() { endwin() }
        StandardErrorCapture.restoreFromSignalHandler()
    }

    /// Ends the process from a handler: the terminal restored, what stderr caught replayed, the crash screen printed,
    /// then death by `signal` itself (so the status is 128 + signal). Only the first caller does this; a second thread
    /// crashing meanwhile waits for it. Never returns.
    static func endFromHandler(signal: Int32) -> Never {
        if nc_exchange(slots + endingSlot, 1) != 0 { nc_wait_forever() }
        emergencyRestore()
        CrashScreenMemory.write(signal: signal, to: STDERR_FILENO)
        nc_die_of_signal(signal)
    }
}

/// Installs, and later removes, the handlers for every signal in `HandledSignals`, so that none of them can leave the
/// terminal raw or let the Swift runtime's interactive backtracer take the screen.
///
/// - Stop signals only set a flag (the first one) and are installed before ncurses starts, so ncurses leaves SIGINT
///   and SIGTERM alone; the input timeout wakes the run loop, which returns and lets `close()` restore the terminal.
///   A second stop signal while the screen is still up ends the process from the handler (the loop is not answering).
/// - Crash signals restore the terminal, print the prepared crash screen and die of the signal. They do not chain to
///   the handler they replaced: that is the runtime's backtracer, which would prompt "Press space to interact".
///
/// Methods are nonisolated because teardown may run from `deinit`; in practice everything happens on the main actor.
final class SignalGuard: @unchecked Sendable {
    /// True between `install()` and `restore()`: one guard at a time, or the second would save the first's handlers.
    nonisolated(unsafe) private static var active = false
    /// atexit cannot be undone, so the exit hook is registered once per process and checks `screenIsUp` itself.
    nonisolated(unsafe) private static var exitHookRegistered = false

    private var installed: [Int32] = []
    private var restored = false

    private init() {}

    /// The signal that asked us to quit, or nil.
    static var quitSignal: Int32? {
        let value = nc_load_acquire(SignalState.slots + SignalState.quitSignalSlot)
        return value == 0 ? nil : Int32(value)
    }

    /// Unblocks all signals and installs the handlers; nil if a guard is already installed.
    ///
    /// - Parameter loopPollsStops: true when a run loop reads `quitSignal` (the live view); false when nothing does
    ///   (an offscreen terminal in a benchmark), and a stop signal must then end the process at once rather than set
    ///   a flag nobody reads.
    static func install(loopPollsStops: Bool = true) -> SignalGuard? {
        guard !active else { return nil }
        active = true
        SignalState.prepare()
        nc_store_release(SignalState.slots + SignalState.quitSignalSlot, 0)
        nc_store_release(SignalState.slots + SignalState.stopAtOnceSlot, loopPollsStops ? 0 : 1)
        // Inherited masks (test runners, some supervisors) can block SIGINT/SIGTERM/SIGWINCH; then neither quitting
        // nor resizing would ever be seen.
        _ = nc_unblock_all_signals()
        _ = nc_ensure_alternate_stack()
        if !exitHookRegistered {
            exitHookRegistered = true
            atexit { SignalState.emergencyRestore() }
        }

        let signalGuard = SignalGuard()
        for signal in HandledSignals.all where Int(signal.number) < SignalState.actionCount {
            let saved = SignalState.previousActions + Int(signal.number)
            guard nc_current_handler(signal.number, saved) == 0 else { continue }
            let result: Int32
            switch signal.disposition {
            case .stop:
                // Started under nohup (or in the background without job control): keep ignoring, as asked.
                if nc_handler_is_ignore(saved) != 0 { continue }
                result = nc_install_handler(signal.number, stopHandler, saved)
            case .crash:
                result = nc_install_crash_handler(signal.number, crashHandler, saved)
            }
            if result == 0 { signalGuard.installed.append(signal.number) }
        }
        return signalGuard
    }

    /// The signals this guard handles now (for tests).
    var handledSignals: [Int32] { installed }

    /// Puts back every disposition we replaced. Safe to call more than once.
    func restore() {
        guard !restored else { return }
        restored = true
        for signal in installed {
            _ = nc_restore_handler(signal, SignalState.previousActions + Int(signal))
        }
        installed = []
        CrashScreenMemory.clear()
        Self.active = false
    }
}

/// A stop signal: the first one sets the flag the run loop polls; another while the screen is still up means the
/// loop is not answering, so the handler ends the process itself. (During teardown the screen is already down: a
/// second signal then changes nothing, and the exit status stays the first one's.)
private let stopHandler: @convention(c) (Int32) -> Void = { signal in
    // Nothing polls the flag (an offscreen terminal): no user's terminal to restore either, so just end.
    if nc_load_acquire(SignalState.slots + SignalState.stopAtOnceSlot) != 0 { nc_die_of_signal(signal) }
    let flag = SignalState.slots + SignalState.quitSignalSlot
    if nc_load_acquire(flag) == 0 {
        nc_store_release(flag, sig_atomic_t(signal))
        return
    }
    guard SignalState.screenIsUp else { return }
    SignalState.endFromHandler(signal: signal)
}

/// A crash signal: restore, print the crash screen, die of it.
private let crashHandler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
    signal, _, _ in
    SignalState.endFromHandler(signal: signal)
}
