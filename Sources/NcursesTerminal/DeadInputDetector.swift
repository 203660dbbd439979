/// Notices when the terminal has gone away, from the pattern of failed reads.
///
/// After an SSH drop or a closed pty, `wget_wch` fails at once, forever; a loop that treats that as "no key yet" spins
/// at full speed as an orphan. A real timeout takes about as long as was asked, so an error that comes back much
/// sooner, again and again, means the input is dead. EIO or a stdin that is no longer a terminal is stronger evidence
/// and needs fewer repeats. Pure, so it is tested without a terminal.
public struct DeadInputDetector: Sendable {
    /// Consecutive immediate errors that mean the input is gone.
    public var immediateErrorLimit: Int
    /// Consecutive errors with EIO or a non-terminal stdin that mean the input is gone.
    public var hardErrorLimit: Int

    private var immediateErrors = 0
    private var hardErrors = 0

    public init(immediateErrorLimit: Int = 50, hardErrorLimit: Int = 3) {
        self.immediateErrorLimit = immediateErrorLimit
        self.hardErrorLimit = hardErrorLimit
    }

    /// A read returned input: the terminal is alive.
    public mutating func recordInput() {
        immediateErrors = 0
        hardErrors = 0
    }

    /// A read returned ERR after `elapsedMs` of a `timeoutMs` wait; true when the input should be treated as ended.
    ///
    /// - Parameters:
    ///   - isIOError: errno was EIO.
    ///   - inputIsTerminal: `isatty(0)` still holds.
    public mutating func recordError(elapsedMs: Int, timeoutMs: Int, isIOError: Bool, inputIsTerminal: Bool) -> Bool {
        if isIOError || !inputIsTerminal {
            hardErrors += 1
        } else {
            hardErrors = 0
        }
        // With a zero (or tiny) timeout every empty poll is immediate, so timing says nothing there.
        if timeoutMs >= 10 && elapsedMs * 2 < timeoutMs {
            immediateErrors += 1
        } else {
            immediateErrors = 0
        }
        return hardErrors >= hardErrorLimit || immediateErrors >= immediateErrorLimit
    }
}
