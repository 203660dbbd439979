#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NetworkEngine
import TerminalCanvas

/// `:screenshot`: the screen as it stands, written as two files side by side in a directory (the current one in the
/// live view): `netexplorer-<time>.txt`, plain text, and `netexplorer-<time>.ansi.txt`, the same rows with their
/// colours and attributes as ANSI sequences (`cat` or `less -R` shows it as it looked).
///
/// `<time>` is the local wall time, `YYYYMMDD-HHMMSS`; a name already taken gets `-2`, `-3`... Files are created
/// exclusively (`O_EXCL`), so an existing file is never overwritten, even one that appears meanwhile.
public enum Screenshot {
    /// The most suffixes tried before giving up (a directory full of screenshots of the same second).
    static let attempts = 100

    /// Writes `buffer` into `directory`; the status line's sentence naming the plain file, or why it could not.
    public static func write(_ buffer: Buffer, colorSupport: ColorSupport, into directory: String,
                             at time: time_t = time(nil)) -> CommandOutcome {
        let stem = directory + (directory.hasSuffix("/") ? "" : "/") + "netexplorer-" + stamp(time)
        let plain = AnsiText.plain(buffer), ansi = AnsiText.screen(buffer, colorSupport: colorSupport)
        for attempt in 1...attempts {
            let base = stem + (attempt == 1 ? "" : "-\(attempt)")
            switch create(base + ".txt", plain) {
            case .taken: continue
            case .failed(let why): return CommandOutcome(accepted: false, message: "cannot write \(base).txt: \(why)")
            case .written: break
            }
            switch create(base + ".ansi.txt", ansi) {
            case .taken:
                // Ours, just made: taken back so the pair keeps one name.
                unlink(base + ".txt")
                continue
            case .failed(let why):
                unlink(base + ".txt")
                return CommandOutcome(accepted: false, message: "cannot write \(base).ansi.txt: \(why)")
            case .written:
                return CommandOutcome(accepted: true, message: "screenshot written to \(base).txt (ANSI: .ansi.txt)")
            }
        }
        return CommandOutcome(accepted: false, message: "cannot write a screenshot: \(stem)-1…\(attempts) are taken")
    }

    /// `YYYYMMDD-HHMMSS` in local time.
    static func stamp(_ time: time_t) -> String {
        var seconds = time, parts = tm()
        localtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))-"
            + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
    }

    private enum Creation { case written, taken, failed(String) }

    private static func create(_ path: String, _ text: String) -> Creation {
        var fd: Int32
        repeat { fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) } while fd < 0 && errno == EINTR
        if fd < 0 { return errno == EEXIST ? .taken : .failed(reason(errno)) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + done, $0.count - done) }
            if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else {
                let why = reason(n < 0 ? errno : EIO)
                unlink(path)
                return .failed(why)
            }
        }
        return .written
    }

    private static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

// At file scope, where `write` names the C function rather than `Screenshot.write`.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
