#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file descriptor written through a 64 KB buffer, for output that streams while a run goes on.
///
/// The first failed write is kept (`failure`) and everything after it dropped, so a full disk, a closed pipe or a
/// device that refuses writes ends the command with one line instead of a crash or a torrent of errors.
final class OutputFile {
    /// How the file is named in messages: `events to 'PATH'`, or `to standard output`.
    let name: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    static let bufferSize = 65_536
    /// errno of the first failed write, or nil.
    private(set) var failure: Int32?

    private init(fd: Int32, name: String, ownsDescriptor: Bool) {
        self.fd = fd; self.name = name; self.ownsDescriptor = ownsDescriptor
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit { if ownsDescriptor { _ = close(fd) } }

    /// Standard output.
    static func standardOutput() -> OutputFile {
        OutputFile(fd: 1, name: "to standard output", ownsDescriptor: false)
    }

    /// Opens `path` for writing the way a shell's `>` does: through a symlink to its target, into a FIFO or a
    /// device as a stream, truncating a regular file in place (created with mode 0666 less the umask when missing).
    /// Nothing is ever renamed or replaced. A directory, or anything that cannot be opened, is an error.
    static func open(path: String, describedAs what: String) throws(CLIError) -> OutputFile {
        let name = "\(what) to '\(path)'"
        var fd: Int32
        repeat {
            fd = systemOpen(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw CLIError(message: "cannot write \(name): \(reason(errno))") }
        return OutputFile(fd: fd, name: name, ownsDescriptor: true)
    }

    /// Queues `text`; writes the buffer out once it holds 64 KB.
    func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Writes out everything queued.
    func flush() {
        guard failure == nil, !buffer.isEmpty else { buffer.removeAll(keepingCapacity: true); return }
        var done = 0
        buffer.withUnsafeBytes { bytes in
            while done < bytes.count {
                let n = systemWrite(fd, bytes.baseAddress! + done, bytes.count - done)
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else {
                    failure = n < 0 ? errno : EIO
                    return
                }
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes; the one-line error for the first failure, if any.
    func finish() -> CLIError? {
        flush()
        return failure.map { CLIError(message: "cannot write \(name): \(Self.reason($0))") }
    }

    /// `strerror`'s text, lowercased at the start as the rest of the messages are.
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

// At file scope, where `open` and `write` name the C functions rather than the methods above.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
