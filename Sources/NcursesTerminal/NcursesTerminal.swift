import CNcurses
import Foundation
import TerminalCanvas

/// The live view's terminal: ncurses behind the `TerminalBackend` seam.
///
/// The one owner of terminal setup and teardown. `open` checks the terminal, installs the signal handlers, starts
/// ncurses; `close` (also run by `deinit`, and by `withTerminal` on every exit path) restores it. Every ncurses call
/// happens on the main actor: ncurses keeps global state and is not thread-safe.
///
/// The conformance is `@preconcurrency` because `TerminalBackend` is a nonisolated protocol: callers must use it from
/// the main actor, which the runtime checks.
@MainActor
public final class NcursesTerminal: @preconcurrency TerminalBackend {
    /// The colours the app may use: none under `--no-color`, `NO_COLOR` or a monochrome terminal.
    public let colorSupport: ColorSupport
    /// True when box-drawing and block glyphs can be shown: a UTF-8 locale and no `--ascii`.
    public let supportsUnicode: Bool

    private nonisolated let teardown: TerminalTeardown
    private var pairs: ColorPairTable
    private var glyph = WideGlyphBuffer()
    private var deadInput = DeadInputDetector()
    private var lastSize: Size
    /// Whether the locale can encode non-ASCII at all (independent of `--ascii`, which is the app's business).
    private let localeIsUTF8: Bool
    /// How the mouse is reported: `.off` under `--no-mouse` (the terminal keeps its own selection) or when the
    /// terminal has none.
    let mouseMode: MouseReporting.Mode
    /// Mouse events ncurses handed over together, oldest first, served before anything is read again.
    private var pendingMouse: [MouseEvent] = []

    private init(teardown: TerminalTeardown, colorSupport: ColorSupport, supportsUnicode: Bool, localeIsUTF8: Bool,
                 pairs: ColorPairTable, mouseMode: MouseReporting.Mode = .off) {
        self.teardown = teardown
        self.mouseMode = mouseMode
        self.colorSupport = colorSupport
        self.supportsUnicode = supportsUnicode
        self.localeIsUTF8 = localeIsUTF8
        self.pairs = pairs
        self.lastSize = Size(width: 0, height: 0)
        self.lastSize = currentSize()
    }

    deinit {
        // A safety net for a caller that forgot `close()`; normally this finds the work already done.
        teardown.run()
    }

    // MARK: - Opening and closing

    /// Checks the terminal and starts the live view on it.
    ///
    /// - Parameters:
    ///   - colorMode: `.none` for `--no-color`; `.auto` uses the terminal's colours unless `NO_COLOR` is set.
    ///   - asciiOnly: `true` for `--ascii`; `nil` or `false` draws Unicode when the locale is UTF-8.
    ///   - mouse: `false` for `--no-mouse`: the terminal is never asked to report the mouse, so dragging selects
    ///     text as usual.
    ///   - environment: where TERM and NO_COLOR are read; the process environment by default.
    /// - Throws: `TerminalUnavailable` with a message for the user when this is not a usable terminal.
    public static func open(
        colorMode: ColorModeRequest = .auto,
        asciiOnly: Bool? = nil,
        mouse: Bool = true,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(TerminalUnavailable) -> NcursesTerminal {
        try TerminalPreflight.check(environment: environment).get()
        let term = environment["TERM"]
        // Before newterm: without it ncurses assumes ASCII and mangles ▁▂▃ ● ─│┌. After the checks, so a refusal
        // leaves the process as it found it.
        setlocale(LC_ALL, "")

        // Handlers before newterm: ncurses installs its own SIGINT/SIGTERM handlers only where it finds the default.
        guard let signalGuard = SignalGuard.install() else { throw .alreadyOpen }
        // Anything still sitting in stdio's buffer would otherwise be flushed into the middle of the screen.
        fflush(nc_stdout())
        guard let screen = newterm(term, nc_stdout(), nc_stdin()) else {
            signalGuard.restore()
            throw .cannotStart(term: term)
        }
        set_term(screen)
        SignalState.screenIsUp = true
        let standardError = StandardErrorCapture.start()
        let teardown = TerminalTeardown(screen: screen, signalGuard: signalGuard, standardError: standardError)

        let window = nc_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)
        _ = curs_set(0)
        // ncurses waits a full second after ESC to tell it from an arrow key's prefix; a live view feels stuck.
        _ = set_escdelay(25)
        let mouseMode = mouse ? MouseReporting.enable() : .off

        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        var support = ColorSupport.none
        var defaultColors = false
        if colorMode != .none && !noColor && has_colors() && start_color() == OK {
            // Keeps the user's own background (and foreground) where the app asks for `.default`.
            defaultColors = use_default_colors() == OK
            let colors = nc_COLORS()
            support = colors >= 256 ? .palette256 : colors >= 8 ? .basic8 : .none
        }
        let pairs = ColorPairTable(colorPairs: Int(nc_COLOR_PAIRS()), support: support,
                                   defaultColorsAvailable: defaultColors)

        let localeIsUTF8 = Self.localeIsUTF8()
        return NcursesTerminal(teardown: teardown, colorSupport: support,
                               supportsUnicode: localeIsUTF8 && asciiOnly != true,
                               localeIsUTF8: localeIsUTF8, pairs: pairs, mouseMode: mouseMode)
    }

    /// Starts ncurses writing to `output` (a file) instead of the terminal, at `size`: the real drawing code, so a
    /// benchmark can count the bytes a frame costs on the wire. Nil when ncurses cannot start for `term`.
    public static func openOffscreen(term: String, size: Size, output: UnsafeMutablePointer<FILE>) -> NcursesTerminal? {
        setlocale(LC_ALL, "")
        // Handlers all the same, so ncurses installs none of its own; but no run loop polls the stop flag here.
        guard let signalGuard = SignalGuard.install(loopPollsStops: false) else { return nil }
        // Not a tty: ncurses takes the screen size from the environment.
        setenv("LINES", String(size.height), 1)
        setenv("COLUMNS", String(size.width), 1)
        guard let input = fopen("/dev/null", "r"), let screen = newterm(term, output, input) else {
            signalGuard.restore()
            return nil
        }
        set_term(screen)
        SignalState.screenIsUp = true
        let teardown = TerminalTeardown(screen: screen, signalGuard: signalGuard, standardError: nil)
        leaveok(nc_stdscr(), true)
        var support = ColorSupport.none
        var defaultColors = false
        if has_colors() && start_color() == OK {
            defaultColors = use_default_colors() == OK
            let colors = nc_COLORS()
            support = colors >= 256 ? .palette256 : colors >= 8 ? .basic8 : .none
        }
        let pairs = ColorPairTable(colorPairs: Int(nc_COLOR_PAIRS()), support: support,
                                   defaultColorsAvailable: defaultColors)
        let utf8 = Self.localeIsUTF8()
        return NcursesTerminal(teardown: teardown, colorSupport: support, supportsUnicode: utf8,
                               localeIsUTF8: utf8, pairs: pairs)
    }

    /// Opens a terminal, runs `body` with it and closes it on every way out: return, throw, or stop signal.
    ///
    /// Crashes are covered by the signal handlers installed by `open`, which print the crash screen.
    public static func withTerminal<T>(
        colorMode: ColorModeRequest = .auto,
        asciiOnly: Bool? = nil,
        mouse: Bool = true,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: (NcursesTerminal) throws -> T
    ) throws -> T {
        let terminal = try open(colorMode: colorMode, asciiOnly: asciiOnly, mouse: mouse, environment: environment)
        defer { terminal.close() }
        return try body(terminal)
    }

    /// Restores the terminal (leaves the alternate screen, shows the cursor, cooked mode with echo), shows what was
    /// written to stderr meanwhile, and puts back the previous signal handlers.
    ///
    /// The one place teardown happens; safe to call more than once. Later `draw` and `readInput` calls do nothing
    /// (`readInput` reports `.endOfInput`).
    public func close() {
        teardown.run()
    }

    /// True once `close()` has run.
    public var isClosed: Bool { teardown.isDone }

    /// True once a stop signal (see `HandledSignals`) arrived; `readInput` then reports `.quitRequested`.
    public var quitSignalReceived: Bool { SignalGuard.quitSignal != nil }

    /// The signal that asked the program to quit (for an exit status of 128 + signal), or nil.
    public var quitSignal: Int32? { SignalGuard.quitSignal }

    // MARK: - TerminalBackend

    /// The current size in cells, as ncurses sees it (kept in step with the tty on every resize).
    public var size: Size {
        guard !isClosed else { return lastSize }
        lastSize = currentSize()
        return lastSize
    }

    /// Waits up to `timeoutMs` for a key, a mouse report, a resize or a quit signal; nil when nothing came.
    ///
    /// Blocks in ncurses (no busy-wait). `.quitRequested` once a stop signal arrived, `.endOfInput` when the
    /// terminal has gone away (reads keep failing at once) or after `close()`.
    public func readInput(timeoutMs: Int) -> InputEvent? {
        if isClosed { return .endOfInput }
        if quitSignalReceived { return .quitRequested }
        if !pendingMouse.isEmpty { return .mouse(pendingMouse.removeFirst()) }
        let window = nc_stdscr()
        let timeout = Int32(clamping: max(0, timeoutMs))
        wtimeout(window, timeout)
        var value: wint_t = 0
        let started = ContinuousClock.now
        errno = 0
        let status = wget_wch(window, &value)
        let failure = errno
        // A quit signal interrupts the wait (our handlers have no SA_RESTART); report it before anything else.
        if quitSignalReceived { return .quitRequested }

        let raw: RawInput
        switch status {
        case OK: raw = .character(UInt32(truncatingIfNeeded: value))
        case KEY_CODE_YES where Int32(truncatingIfNeeded: value) == KEY_MOUSE && mouseMode != .off:
            deadInput.recordInput()
            return takeMouseReports()
        case KEY_CODE_YES where Int32(truncatingIfNeeded: value) == MouseReporting.sgrKeyCode
            && mouseMode == .ncursesAndSGR:
            guard let report = readSGRTail() else { return nil }
            raw = report
        case KEY_CODE_YES: raw = .keyCode(Int32(truncatingIfNeeded: value))
        default:
            let elapsed = started.duration(to: .now)
            let elapsedMs = Int(elapsed.components.seconds) * 1000
                + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
            let ended = deadInput.recordError(elapsedMs: elapsedMs, timeoutMs: Int(timeout),
                                              isIOError: failure == EIO, inputIsTerminal: isatty(STDIN_FILENO) == 1)
            return ended ? .endOfInput : nil
        }
        deadInput.recordInput()
        switch KeyDecoder.decode(raw) {
        case .key(let key): return .key(key)
        case .mouse(let event): return .mouse(event)
        case .resize: return .resize(syncSize())
        case .ignored: return nil
        }
    }

    /// Writes the changed cells and shows them with one screen update.
    ///
    /// Continuation cells are skipped (ncurses fills a wide glyph's right half itself); cells outside the current
    /// size are dropped; styles are clamped to `colorSupport`.
    public func draw(_ changes: [CellChange]) {
        guard !isClosed else { return }
        let window = nc_stdscr()
        let rows = Int(getmaxy(window)), columns = Int(getmaxx(window))
        let unicode = localeIsUTF8
        // Neighbouring cells mostly share a style; remembering the last one skips the pair lookup for runs.
        var lastStyle: Style?
        var pair = 0
        var attributes = nc_A_NORMAL()
        for change in changes where !change.cell.isContinuation {
            // The app draws for the size it last saw; a resize may have shrunk the screen since.
            guard change.y >= 0, change.y < rows, change.x >= 0, change.x < columns else { continue }
            if change.cell.style != lastStyle {
                let style = change.cell.style.adapted(to: colorSupport)
                pair = pairs.pair(for: style) { pair, fg, bg in
                    init_pair(Int16(clamping: pair), Int16(clamping: fg), Int16(clamping: bg)) == OK
                }
                attributes = Self.attributes(of: style)
                lastStyle = change.cell.style
            }
            glyph.load(change.cell.grapheme, unicode: unicode)
            // ERR in the bottom-right corner is expected (the cursor cannot advance past it) and the cell is drawn.
            _ = glyph.withUnsafePointer { text in
                nc_put_cell(Int32(change.y), Int32(change.x), text, attributes, Int32(pair))
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Keeps `text` where the signal handlers can print it without allocating (see `CrashScreenMemory`).
    public func prepareCrashScreen(_ text: String) {
        guard !isClosed else { return }
        CrashScreenMemory.store(text)
    }

    /// Blanks the screen and makes the next update repaint every cell, whatever the terminal showed before.
    public func clear() {
        guard !isClosed else { return }
        let window = nc_stdscr()
        // werase + clearok: the next refresh clears the real screen and repaints everything, whatever it held.
        werase(window)
        clearok(window, true)
    }

    // MARK: - Helpers

    /// Every event ncurses queued with this `KEY_MOUSE`, the oldest returned and the rest kept in `pendingMouse`.
    ///
    /// When a press and its release are read together (the loop was busy drawing a frame), ncurses returns one
    /// `KEY_MOUSE` for both, and `getmouse` hands out the queued events newest first, one a call: taking only the
    /// first would lose the press, and so the click.
    private func takeMouseReports() -> InputEvent? {
        var report = MEVENT()
        var newestFirst: [MouseEvent] = []
        while newestFirst.count < 16, getmouse(&report) == OK {
            if case .mouse(let event) = KeyDecoder.decode(.mouse(x: report.x, y: report.y, buttons: report.bstate)) {
                newestFirst.append(event)
            }
        }
        pendingMouse.append(contentsOf: newestFirst.reversed())
        return pendingMouse.isEmpty ? nil : .mouse(pendingMouse.removeFirst())
    }

    /// Reads what follows `ESC [ <` in an SGR mouse report, up to its final `M` or `m`: `0;12;5M`.
    ///
    /// The terminal writes the report at once, so its bytes are already here or nearly; each gets a short wait, and
    /// anything that is not a digit or `;` (a report cut short, or keys typed after a stray prefix) ends it unread.
    private func readSGRTail() -> RawInput? {
        let window = nc_stdscr()
        wtimeout(window, 50)
        var tail = ""
        for _ in 0..<MouseReporting.sgrTailLimit {
            var value: wint_t = 0
            guard wget_wch(window, &value) == OK, let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: value))
            else { return nil }
            tail.unicodeScalars.append(scalar)
            if scalar == "M" || scalar == "m" { return .sgrMouse(tail) }
            guard scalar == ";" || ("0"..."9").contains(scalar) else { return nil }
        }
        return nil
    }

    /// ncurses attributes for `style`; colour travels separately as a pair number.
    static func attributes(of style: Style) -> attr_t {
        var attributes = nc_A_NORMAL()
        if style.bold { attributes |= nc_A_BOLD() }
        if style.dim { attributes |= nc_A_DIM() }
        if style.reverse { attributes |= nc_A_REVERSE() }
        if style.underline { attributes |= nc_A_UNDERLINE() }
        return attributes
    }

    /// Makes ncurses' idea of the size match the tty's and returns it.
    ///
    /// ncurses' own SIGWINCH handler normally resizes before KEY_RESIZE arrives; if another handler took SIGWINCH,
    /// ncurses is behind, and asking the tty directly catches it up.
    private func syncSize() -> Size {
        var rows: Int32 = 0, columns: Int32 = 0
        let window = nc_stdscr()
        if nc_tty_size(STDOUT_FILENO, &rows, &columns) == 0,
           rows != getmaxy(window) || columns != getmaxx(window) {
            _ = resize_term(rows, columns)
        }
        lastSize = currentSize()
        return lastSize
    }

    private func currentSize() -> Size {
        let window = nc_stdscr()
        return Size(width: Int(max(0, getmaxx(window))), height: Int(max(0, getmaxy(window))))
    }

    /// True when the current locale's character set is UTF-8.
    static func localeIsUTF8() -> Bool {
        guard let codeset = nc_codeset() else { return false }
        let name = String(cString: codeset).lowercased().filter { $0 != "-" && $0 != "_" }
        return name == "utf8"
    }
}
