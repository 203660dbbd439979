import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks, before ncurses is started, that the live view can run here.
///
/// `initscr` exits the process on an unknown TERM and writes escape codes into a file when output is redirected;
/// these checks turn each of those into one clear line instead.
@MainActor
public enum TerminalPreflight {
    /// Checks standard input and output.
    public static func check(environment: [String: String]) -> Result<Void, TerminalUnavailable> {
        check(environment: environment, input: STDIN_FILENO, output: STDOUT_FILENO)
    }

    /// Checks the given descriptors: both must be terminals, and TERM must name a terminal with cursor addressing.
    ///
    /// Tests pass a pipe or a pseudo-terminal they control.
    public static func check(environment: [String: String], input: Int32, output: Int32)
        -> Result<Void, TerminalUnavailable>
    {
        guard isatty(input) == 1, isatty(output) == 1 else { return .failure(.notATerminal) }
        guard let term = environment["TERM"], !term.isEmpty else {
            return .failure(.noCursorAddressing(term: nil))
        }
        return hasCursorAddressing(term: term, output: output)
            ? .success(()) : .failure(.noCursorAddressing(term: term))
    }

    /// True when terminfo knows `term` and it can move the cursor (`cup`).
    ///
    /// Uses a throwaway terminfo entry and puts back whatever was current, so it is safe even while a screen is up.
    public static func hasCursorAddressing(term: String, output: Int32) -> Bool {
        let previous = set_curterm(nil)
        defer {
            let ours = set_curterm(previous)
            if let ours, ours != previous { del_curterm(ours) }
        }
        var status: Int32 = 0
        // A non-nil status pointer makes setupterm report failure instead of printing and exiting.
        guard setupterm(term, output, &status) == OK, status == 1 else { return false }
        guard let cup = tigetstr("cup") else { return false }
        // tigetstr answers (char *)-1 for "not a string capability".
        return Int(bitPattern: cup) != -1
    }
}
