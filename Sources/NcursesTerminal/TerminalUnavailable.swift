/// Why the live view cannot start on this terminal, in words a user can act on.
///
/// The message carries no program name: the caller prefixes "netexplorer: ".
public struct TerminalUnavailable: Error, Hashable, Sendable, CustomStringConvertible {
    /// One line for the user, ending with what to do instead.
    public var message: String

    public init(message: String) { self.message = message }

    public var description: String { message }

    // MARK: - The messages, kept in one place so tests and callers agree on them

    /// Standard input or output is not a terminal (a pipe, a file, a CI job).
    public static let notATerminal = TerminalUnavailable(
        message: "the live view needs a terminal; try 'netexplorer simulate'")

    /// TERM is unset, unknown, or names a terminal without cursor addressing (such as `dumb`).
    public static func noCursorAddressing(term: String?) -> TerminalUnavailable {
        let shown = term.map { "TERM='\($0)'" } ?? "TERM is not set"
        return TerminalUnavailable(
            message: "the live view needs a terminal with cursor addressing (\(shown)); try 'netexplorer simulate'")
    }

    /// Another live view is already open in this process (one owner of the terminal).
    public static let alreadyOpen = TerminalUnavailable(
        message: "the live view is already open in this process")

    /// ncurses refused the terminal even though the checks passed.
    public static func cannotStart(term: String?) -> TerminalUnavailable {
        TerminalUnavailable(
            message: "could not start the live view on this terminal (TERM='\(term ?? "")'); try 'netexplorer simulate'")
    }
}
