import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Switches the terminal's mouse reporting on for the live view, in the encoding that reaches every column.
///
/// ncurses enables what its terminfo entry describes: SGR coordinates (mode 1006) under `xterm-256color`
/// (`kmous=\E[<`, `XM` naming 1006), but the X10 encoding under `tmux-256color` and `screen-256color`
/// (`kmous=\E[M`), which carries a coordinate in one byte (32 + 1 + column) and so cannot report a click past
/// column 223. Where ncurses would use X10, the live view also asks for SGR itself (`ESC [ ? 1006 h`) and binds the
/// SGR prefix `ESC [ <` to a key code of its own: a terminal that knows 1006 (xterm, tmux, VTE, kitty, iTerm2) then
/// reports in SGR and `NcursesTerminal` reads the rest of the report; one that does not keeps sending X10, which
/// ncurses decodes as before.
///
/// Switching it off is `TerminalTeardown`'s job (and the crash handler's): see `SignalState.mouseReportingOn`.
enum MouseReporting {
    /// What `enable` turned on.
    enum Mode: Equatable, Sendable {
        /// No mouse (ncurses found no way to read one on this terminal).
        case off
        /// ncurses reads every report itself, in whatever encoding its terminfo entry names.
        case ncurses
        /// ncurses reads X10 reports; SGR reports arrive as `sgrKeyCode` and the backend reads their tail.
        case ncursesAndSGR
    }

    /// The key code ncurses returns for `ESC [ <`. ncurses stores key codes as 16-bit values and numbers the
    /// terminfo entry's extended keys upwards from `KEY_MAX` (0777); this one stays clear of both ends.
    static let sgrKeyCode: Int32 = 0x6D00

    /// What an SGR report starts with; `Cb;Cx;Cy` and `M` or `m` follow.
    static let sgrPrefix = "\u{1B}[<"

    /// The longest tail `Cb;Cx;CyM` read after the prefix: three numbers of up to five digits, two `;`, the final.
    static let sgrTailLimit = 18

    /// The button presses and releases and the wheel: what `KeyDecoder.mouseBits` decodes.
    static var wantedEvents: mmask_t { KeyDecoder.mouseBits.reduce(0) { $0 | $1.mask } }

    /// Turns reporting on for the current screen. Call after `keypad(stdscr, true)`.
    static func enable() -> Mode {
        // Set first: a crash between here and the end must still switch reporting off.
        SignalState.mouseReportingOn = true
        var previous: mmask_t = 0
        guard mousemask(wantedEvents, &previous) != 0 else {
            SignalState.mouseReportingOn = false
            return .off
        }
        // Presses and releases as they come: ncurses would otherwise hold a press back to see if it is a click.
        _ = mouseinterval(0)
        // Under an SGR terminfo entry the prefix is already ncurses' own KEY_MOUSE.
        if key_defined(sgrPrefix) == KEY_MOUSE { return .ncurses }
        guard define_key(sgrPrefix, sgrKeyCode) == OK else { return .ncurses }
        let on = "\u{1B}[?1006h"
        on.withCString { nc_write_all(STDOUT_FILENO, $0, strlen($0)) }
        return .ncursesAndSGR
    }
}
