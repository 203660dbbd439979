import CNcurses

/// Undoes everything `NcursesTerminal.open` did, exactly once.
///
/// A separate, nonisolated object so that both `close()` and `deinit` (which cannot hop to the main actor on every
/// platform) can reach it. Only ever used by the one terminal that owns it.
final class TerminalTeardown: @unchecked Sendable {
    /// The ncurses SCREEN from `newterm`, nil once deleted.
    private var screen: OpaquePointer?
    private let signalGuard: SignalGuard
    private let standardError: StandardErrorCapture?
    private(set) var isDone = false

    init(screen: OpaquePointer?, signalGuard: SignalGuard, standardError: StandardErrorCapture?) {
        self.screen = screen
        self.signalGuard = signalGuard
        self.standardError = standardError
    }

    /// Restores the terminal, then stderr, then the signal dispositions; later calls do nothing.
    func run() {
        guard !isDone else { return }
        isDone = true
        // Order matters: the screen first (so a crash past this point finds nothing to restore), stderr next (its
        // replay must land on a restored terminal), and the crash handlers last, so they cover the steps before.
        if let screen {
            SignalState.screenIsUp = false
            if !isendwin() { endwin() }
            // After endwin, which switches off only the mode ncurses enabled itself (not an SGR 1006 of ours).
            SignalState.mouseReportingOff()
            delscreen(screen)
            self.screen = nil
        }
        standardError?.finish()
        signalGuard.restore()
    }
}
