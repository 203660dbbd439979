import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps what is written to stderr while the screen is up and shows it once the terminal is restored.
///
/// A warning written straight onto the curses screen corrupts it and is gone at the next repaint; here it lands in an
/// unlinked temporary file instead and is copied back to the real stderr on teardown, or by the crash handler before
/// a backtrace, so the last words of a crash are not lost.
final class StandardErrorCapture: @unchecked Sendable {
    private let savedStandardError: Int32
    private let file: UnsafeMutablePointer<FILE>
    private var finished = false

    private init(savedStandardError: Int32, file: UnsafeMutablePointer<FILE>) {
        self.savedStandardError = savedStandardError
        self.file = file
    }

    /// Redirects fd 2 into a temporary file; nil (and stderr left alone) if that is not possible.
    static func start() -> StandardErrorCapture? {
        SignalState.prepare()
        guard let file = tmpfile() else { return nil }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0 else { fclose(file); return nil }
        guard dup2(fileno(file), STDERR_FILENO) >= 0 else { close(saved); fclose(file); return nil }
        SignalState.slots[SignalState.savedStandardErrorSlot] = sig_atomic_t(saved)
        SignalState.slots[SignalState.captureSlot] = sig_atomic_t(fileno(file))
        return StandardErrorCapture(savedStandardError: saved, file: file)
    }

    /// Points fd 2 back at the real stderr and writes out what was captured. Safe to call more than once.
    func finish() {
        guard !finished else { return }
        finished = true
        // Clear the slots first so a crash from here on does not replay a second time.
        SignalState.slots[SignalState.savedStandardErrorSlot] = -1
        SignalState.slots[SignalState.captureSlot] = -1
        _ = dup2(savedStandardError, STDERR_FILENO)
        nc_replay_fd(fileno(file), STDERR_FILENO)
        close(savedStandardError)
        fclose(file)
    }

    /// The async-signal-safe part of `finish`, for the crash handler: only dup2, read, write and lseek.
    static func restoreFromSignalHandler() {
        let saved = Int32(SignalState.slots[SignalState.savedStandardErrorSlot])
        let capture = Int32(SignalState.slots[SignalState.captureSlot])
        guard saved >= 0, capture >= 0 else { return }
        SignalState.slots[SignalState.savedStandardErrorSlot] = -1
        SignalState.slots[SignalState.captureSlot] = -1
        _ = dup2(saved, STDERR_FILENO)
        nc_replay_fd(capture, STDERR_FILENO)
    }
}
