/// A terminal in memory, for tests: it keeps the screen as a `Buffer`, applies each diff like a real terminal, and
/// serves queued input without ever waiting.
///
/// Cells are stored with their style adapted to `colorSupport`, as a real terminal would show them, so a test can
/// check that a monochrome screen still carries its state in text and attributes.
public final class MemoryTerminal: TerminalBackend {
    /// What is on the screen now.
    public private(set) var screen: Buffer
    public var colorSupport: ColorSupport
    public var supportsUnicode: Bool
    /// Input waiting to be read, oldest first.
    public var pendingInput: [InputEvent]

    // MARK: - Counters
    /// How many times `draw` was called.
    public private(set) var drawCalls = 0
    /// How many cells all `draw` calls carried: the cost a real terminal would pay.
    public private(set) var cellsWritten = 0
    /// How many times `clear` was called.
    public private(set) var clearCalls = 0
    /// Changes that fell outside the screen: always a bug in the caller, so tests can assert it stays 0.
    public private(set) var outOfBoundsWrites = 0
    /// The crash screen the app prepared last (see `prepareCrashScreen`), nil before the first.
    public private(set) var crashScreen: String?

    public init(size: Size, colorSupport: ColorSupport = .palette256, supportsUnicode: Bool = true,
                input: [InputEvent] = []) {
        screen = Buffer(size: size)
        self.colorSupport = colorSupport
        self.supportsUnicode = supportsUnicode
        pendingInput = input
    }

    // MARK: - TerminalBackend

    public var size: Size { screen.size }

    /// The oldest queued event, or nil at once when there is none (tests never sleep).
    public func readInput(timeoutMs: Int) -> InputEvent? {
        pendingInput.isEmpty ? nil : pendingInput.removeFirst()
    }

    /// Applies `changes` to the screen; a wide grapheme covers the next cell too, as on a terminal.
    public func draw(_ changes: [CellChange]) {
        drawCalls += 1
        cellsWritten += changes.count
        let area = screen.area
        for change in changes {
            guard area.contains(x: change.x, y: change.y) else { outOfBoundsWrites += 1; continue }
            var cell = change.cell
            cell.style = cell.style.adapted(to: colorSupport)
            screen.write(cell, x: change.x, y: change.y)
            if cell.grapheme.displayWidth == 2 && change.x + 1 < area.width {
                screen.write(Cell(" ", style: cell.style, isContinuation: true), x: change.x + 1, y: change.y)
            }
        }
    }

    /// Blanks the screen.
    public func clear() {
        clearCalls += 1
        screen.reset()
    }

    /// Keeps the text, so a test can check what a crash would print.
    public func prepareCrashScreen(_ text: String) {
        crashScreen = text
    }

    // MARK: - Test controls

    /// Queues input events, to be read in order.
    public func enqueue(_ events: InputEvent...) { pendingInput.append(contentsOf: events) }

    /// Queues each character of `text` as a key press.
    public func type(_ text: String) { pendingInput.append(contentsOf: text.map { .key(.char($0)) }) }

    /// Queues a left click at cell (`x`, `y`): a press then a release, as a terminal reports it.
    public func click(x: Int, y: Int) {
        pendingInput.append(.mouse(MouseEvent(.press(.left), x: x, y: y)))
        pendingInput.append(.mouse(MouseEvent(.release(.left), x: x, y: y)))
    }

    /// Queues `notches` wheel notches at cell (`x`, `y`): up (away from the user) when positive, down when negative.
    public func wheel(_ notches: Int, x: Int, y: Int) {
        let kind: MouseEvent.Kind = notches > 0 ? .wheelUp : .wheelDown
        for _ in 0..<abs(notches) { pendingInput.append(.mouse(MouseEvent(kind, x: x, y: y))) }
    }

    /// Changes the screen size (blanking it, as terminals do on resize) and queues the `.resize` event.
    public func resize(to size: Size) {
        screen = Buffer(size: size)
        pendingInput.append(.resize(size))
    }

    /// The text on the screen, row by row.
    public func screenLines() -> [String] { screen.lines() }
}
