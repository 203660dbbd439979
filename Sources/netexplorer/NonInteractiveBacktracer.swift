#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the Swift runtime's crash backtracer from ever prompting ("Press space to interact, D to debug...").
///
/// On a crash (or SIGQUIT) the runtime prints a backtrace, and by default waits for a key when stdin and stdout are
/// both terminals: a headless command that crashes in a terminal would sit there asking. It reads `SWIFT_BACKTRACE`
/// once, before `main`, so setting it from inside changes nothing. Hence: when both are terminals and the user has not
/// chosen `interactive=` (or `enable=no`) themselves, the program runs itself again, same arguments, with
/// `interactive=no` added. The backtrace is still printed; only the prompt goes. (The live view goes further: while
/// its screen is up its own handlers take every fatal signal and never hand over to the backtracer.)
enum NonInteractiveBacktracer {
    static let variable = "SWIFT_BACKTRACE"

    /// Re-executes the program with `interactive=no` if the backtracer could otherwise prompt; returns otherwise
    /// (also when re-executing fails: nothing is lost but the guarantee).
    static func ensure() {
        #if os(Linux)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return }
        let current = getenv(variable).map { String(cString: $0) }
        guard let value = settingWithoutPrompt(current) else { return }
        setenv(variable, value, 1)
        // The resolved path, not /proc/self/exe itself: the kernel names the process after the file executed, and
        // `ps`, `pgrep netexplorer` and /proc/PID/stat should still say netexplorer. That path fails when the binary
        // was replaced since it started (it then ends in " (deleted)"); /proc/self/exe still reaches the same file.
        if let path = executablePath() { execv(path, CommandLine.unsafeArgv) }
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Still here: no /proc, or exec refused. Leave the environment as it was and carry on.
        if let current { setenv(variable, current, 1) } else { unsetenv(variable) }
        #endif
    }

    #if os(Linux)
    /// Where the running executable is, from /proc/self/exe.
    private static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        buffer[length] = 0
        return String(cString: buffer)
    }
    #endif

    /// The `SWIFT_BACKTRACE` value to run with, or nil when `current` already settles the question (it names
    /// `interactive`, or turns the backtracer off).
    static func settingWithoutPrompt(_ current: String?) -> String? {
        let settings = (current ?? "").split(separator: ",").map { $0.split(separator: "=", maxSplits: 1) }
        for setting in settings where setting.count == 2 {
            let key = setting[0].trimmingSpaces, value = setting[1].trimmingSpaces.lowercased()
            if key == "interactive" { return nil }
            if key == "enable" && ["no", "false", "n", "f", "0", "off"].contains(value) { return nil }
        }
        guard let current, !current.isEmpty else { return "interactive=no" }
        return current + ",interactive=no"
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
