/// Why the live view stopped.
public enum LiveExit: Sendable, Equatable {
    /// The user pressed `q` (or F10, or Ctrl-C delivered as a key).
    case quit
    /// A stop signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1...) asked the program to quit.
    case signal
    /// The terminal went away.
    case endOfInput
}
