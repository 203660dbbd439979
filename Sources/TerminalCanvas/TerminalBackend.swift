/// A size in terminal cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// One cell that changed between two frames, at column `x`, row `y`.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
    public init(x: Int, y: Int, cell: Cell) { self.x = x; self.y = y; self.cell = cell }
}

/// A key the user pressed, decoded by the backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case tab, backTab, enter, escape, backspace
    case home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl-C as a key (when the terminal delivers it as a byte rather than a signal).
    case interrupt
}

/// Something the run loop must react to.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal changed size; the next frame must be drawn in full.
    case resize(Size)
    /// A stop signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGALRM...) asked the program to quit.
    case quitRequested
    /// The terminal went away (closed pty, SSH drop): stop.
    case endOfInput
    /// A mouse button or the wheel, at a cell (only when the mouse is on: `--no-mouse` leaves it to the terminal).
    case mouse(MouseEvent)
}

/// A mouse report: what happened, at which cell (column `x`, row `y`, both from 0 at the top left).
public struct MouseEvent: Hashable, Sendable {
    /// A mouse button.
    public enum Button: Hashable, Sendable { case left, middle, right }

    /// What the mouse did.
    public enum Kind: Hashable, Sendable {
        case press(Button)
        case release(Button)
        /// One notch of the wheel away from the user (content moves down: towards the top of a list).
        case wheelUp
        /// One notch of the wheel towards the user.
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}

/// The seam between the app and a terminal: ncurses implements it for real terminals, an in-memory backend for tests.
///
/// The app renders into a `Buffer`, diffs it with the previous frame and hands only the changes to `draw`.
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// What colours the app may use.
    var colorSupport: ColorSupport { get }
    /// True when box-drawing and block glyphs can be shown (a UTF-8 locale and no `--ascii`).
    var supportsUnicode: Bool { get }
    /// Waits at most `timeoutMs` milliseconds for input; nil when none came. Must not busy-wait.
    func readInput(timeoutMs: Int) -> InputEvent?
    /// Writes the changed cells and makes them visible.
    func draw(_ changes: [CellChange])
    /// Forgets what is on screen and clears it (after a resize the next `draw` carries every cell).
    func clear()
    /// Keeps `text` to print if the program dies while the screen is up (a crash signal, or a stop signal the run
    /// loop did not answer): what was running and the commands applied so far, so the run can be reproduced.
    ///
    /// Called after each change, never from a signal handler; the backend copies the text where a handler can print
    /// it without allocating. The text is plain: control characters are already escaped by the caller.
    func prepareCrashScreen(_ text: String)
}

extension TerminalBackend {
    /// Nothing to prepare: a backend that cannot crash with a screen up (an in-memory one) ignores the text.
    public func prepareCrashScreen(_ text: String) {}
}
