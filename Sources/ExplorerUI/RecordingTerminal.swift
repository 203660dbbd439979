import TerminalCanvas

/// Where a recording's lines go: the program gives a file (`--record FILE.cast`); tests give memory.
public protocol CastOutput: AnyObject {
    /// Writes `text` through now (not kept back in a buffer); nil when it went out, else why not, in a few words
    /// ("no space left on device").
    func writeThrough(_ text: String) -> String?
}

/// A terminal that records what it is sent as an asciicast v2 recording while passing everything to the real one.
///
/// Each frame the run loop draws becomes one `[time, "o", data]` event: `data` is the ANSI rendering of the frame's
/// diff (`AnsiText.changes`), the same cells the real terminal is handed, so playing the recording repaints what the
/// screen showed; `time` is the wall time since the first frame. Every line is written through as it comes, so memory
/// stays bounded however long the session. The first write that fails stops the recording and `stopped` says it
/// once, in one line, to whoever listens (the program puts it in the status messages); the session goes on.
public final class RecordingTerminal: TerminalBackend {
    private let terminal: TerminalBackend
    private let output: CastOutput
    private let clock: MonotonicClock
    private let name: String
    private var header: Asciicast.Header?
    private var start: UInt64 = 0
    private var pendingClear = false
    private var frame = ""
    private var lastMicroseconds: UInt64 = 0
    /// Why the recording stopped, once it has; nothing more is written then.
    public private(set) var failure: String?
    /// Events written so far.
    public private(set) var events = 0
    /// Told once, in one line, when a write fails and the recording stops.
    public var stopped: ((String) -> Void)?

    /// Records what `terminal` is sent into `output`, named `name` in messages ("the recording to 'lab.cast'"). The header goes out
    /// with the first frame, at the size the terminal has then.
    public init(_ terminal: TerminalBackend, output: CastOutput, name: String, clock: MonotonicClock = SystemClock(),
                timestamp: Int, environment: [String: String], title: String) {
        self.terminal = terminal
        self.output = output
        self.clock = clock
        self.name = name
        let size = terminal.size
        header = Asciicast.Header(width: size.width, height: size.height, timestamp: timestamp,
                                  environment: environment, title: title)
    }

    public var size: Size { terminal.size }
    public var colorSupport: ColorSupport { terminal.colorSupport }
    public var supportsUnicode: Bool { terminal.supportsUnicode }
    public func readInput(timeoutMs: Int) -> InputEvent? { terminal.readInput(timeoutMs: timeoutMs) }
    public func prepareCrashScreen(_ text: String) { terminal.prepareCrashScreen(text) }

    public func clear() {
        terminal.clear()
        pendingClear = true
    }

    public func draw(_ changes: [CellChange]) {
        terminal.draw(changes)
        guard failure == nil else { return }
        frame.removeAll(keepingCapacity: true)
        if var first = header {
            // The size the first frame is drawn at: the player's screen must be the one the cells were placed on.
            first.width = terminal.size.width
            first.height = terminal.size.height
            header = nil
            start = clock.nanoseconds
            guard write(first.line) else { return }
            frame += AnsiText.enter + AnsiText.clearScreen
            pendingClear = false
        }
        if pendingClear {
            frame += AnsiText.clearScreen
            pendingClear = false
        }
        AnsiText.changes(changes, width: terminal.size.width, colorSupport: terminal.colorSupport, into: &frame)
        // The clock never goes back, and the times written never do either (the format wants them non-decreasing).
        lastMicroseconds = max(lastMicroseconds, (clock.nanoseconds &- start) / 1_000)
        if write(Asciicast.outputLine(microseconds: lastMicroseconds, data: frame)) { events += 1 }
    }

    /// The last event, when the session ends: the cursor shown and the alternate screen left, as the live view
    /// leaves the terminal, so a player's terminal is itself again after the recording. Nothing after it.
    public func finish() {
        guard failure == nil, header == nil else { return }
        lastMicroseconds = max(lastMicroseconds, (clock.nanoseconds &- start) / 1_000)
        if write(Asciicast.outputLine(microseconds: lastMicroseconds, data: AnsiText.leave)) { events += 1 }
        failure = "finished"
    }

    private func write(_ line: String) -> Bool {
        guard let why = output.writeThrough(line) else { return true }
        failure = why
        stopped?("\(name) stopped: \(why); the session goes on")
        return false
    }
}
