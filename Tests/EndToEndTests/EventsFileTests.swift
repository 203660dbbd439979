#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// `simulate --events PATH` writes through PATH as a shell's `>` does, and nothing is ever replaced.
///
/// The events go where PATH leads: a symlink's target, a FIFO's reader, a device. A directory, or a path that cannot
/// be written, ends with one line on stderr and exit status 1. Whatever was at PATH stays what it was (same inode,
/// same kind of file): the old writer renamed a temporary file over it, turning a symlink, a FIFO or /dev/null
/// into a regular file.
@Suite("simulate --events PATH", .ownThreads, .timeLimit(.minutes(2)))
struct EventsFileTests {
    static let arguments = ["simulate", "password-attack", "--duration", "150", "--format", "json"]

    /// A fresh empty directory for one test.
    static func scratch(_ name: String) throws -> String {
        let dir = NSTemporaryDirectory() + "netexplorer-events-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func run(events path: String) async throws -> ProcessResult {
        try await Subprocess.run(try NetExplorerBinary.path(), arguments + ["--events", path],
                           environment: Subprocess.baseEnvironment(), timeout: .seconds(60))
    }

    static func fileStat(_ path: String) -> stat? {
        var st = stat()
        return lstat(path, &st) == 0 ? st : nil
    }

    static func isKind(_ st: stat?, _ kind: mode_t) -> Bool { st.map { $0.st_mode & S_IFMT == kind } ?? false }

    /// The events written to a plain new file: what every other destination must receive.
    static func reference() async throws -> [UInt8] {
        let dir = try scratch("reference-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try await run(events: dir + "/events.jsonl")
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        return Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/events.jsonl")))
    }

    @Test("an existing regular file is truncated and rewritten in place: same inode, no other file left")
    func regularFileInPlace() async throws {
        let dir = try Self.scratch("regular")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/events.jsonl"
        try Data(repeating: 0x41, count: 5_000_000).write(to: URL(fileURLWithPath: path))
        let before = try #require(Self.fileStat(path))
        let result = try await Self.run(events: path)
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let after = try #require(Self.fileStat(path))
        #expect(after.st_ino == before.st_ino, "the file was replaced, not written")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == (try await Self.reference()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["events.jsonl"])
    }

    @Test("a symlink is followed: its target receives the events, the link stays a link")
    func symlinkWritesTarget() async throws {
        let dir = try Self.scratch("symlink")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/target.jsonl", link = dir + "/link.jsonl"
        #expect(symlink(target, link) == 0)
        let result = try await Self.run(events: link)
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        #expect(Self.isKind(Self.fileStat(link), S_IFLNK), "the symlink was replaced")
        #expect(Self.isKind(Self.fileStat(target), S_IFREG))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: target))) == (try await Self.reference()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["link.jsonl", "target.jsonl"])
    }

    @Test("a FIFO receives the stream and stays a FIFO")
    func fifoReceivesStream() async throws {
        let dir = try Self.scratch("fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/events.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader opens (blocking until the writer does) and reads to end of file on its own thread.
        let received = LockedBytes()
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)
            guard fd >= 0 else { return }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(fd, &chunk, chunk.count)
                if n <= 0 { break }
                received.append(chunk[0..<n])
            }
            close(fd)
            received.finish()
        }
        reader.start()
        let result = try await Self.run(events: fifo)
        // Had the binary never opened the FIFO, this open releases the reader (it then sees end of file).
        let unblock = open(fifo, O_WRONLY | O_NONBLOCK)
        if unblock >= 0 { close(unblock) }
        #expect(received.wait(seconds: 10), "the reader never saw end of file")
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        #expect(Self.isKind(Self.fileStat(fifo), S_IFIFO), "the FIFO was replaced")
        #expect(received.bytes == (try await Self.reference()))
    }

    @Test("a directory is refused with one line, exit 1, and left alone")
    func directoryRefused() async throws {
        let dir = try Self.scratch("directory")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try await Self.run(events: dir)
        #expect(result.status == 1)
        #expect(result.stderrText == "netexplorer: cannot write events to '\(dir)': is a directory\n")
        #expect(result.stdoutText == "", "no report for a run whose output could not be written")
        #expect(Self.isKind(Self.fileStat(dir), S_IFDIR))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test("a device that refuses writes (/dev/full): one line, exit 1; the device stays a device")
    func unwritableDevice() async throws {
        guard Self.isKind(Self.fileStat("/dev/full"), S_IFCHR) else { return }
        let result = try await Self.run(events: "/dev/full")
        #expect(result.status == 1)
        #expect(result.stderrText == "netexplorer: cannot write events to '/dev/full': no space left on device\n")
        #expect(result.stdoutText == "")
        #expect(Self.isKind(Self.fileStat("/dev/full"), S_IFCHR))
    }

    @Test("/dev/null takes the stream and stays a character device")
    func devNullStaysDevice() async throws {
        let result = try await Self.run(events: "/dev/null")
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        #expect(Self.isKind(Self.fileStat("/dev/null"), S_IFCHR))
    }

    @Test("a path in a missing directory: one line naming the reason, exit 1")
    func missingDirectory() async throws {
        let path = NSTemporaryDirectory() + "netexplorer-no-such-dir-\(getpid())/events.jsonl"
        let result = try await Self.run(events: path)
        #expect(result.status == 1)
        #expect(result.stderrText == "netexplorer: cannot write events to '\(path)': no such file or directory\n")
    }

    @Test("stdout closed early (| head -1): one line on stderr, exit 1, and the run stops instead of going on")
    func closedStdout() async throws {
        let binary = try NetExplorerBinary.path()
        // A 10^8-second M/M/1 run takes minutes; stopped by the closed pipe, it ends at once.
        let script = "'\(binary)' simulate mm1 --duration 100000000 --format csv 2>&1 >&3 3>&- | cat >&2; "
        let pipeline = "(\(script)) 3>&1 | head -n 1"
        let result = try await Subprocess.run("/bin/sh", ["-c", pipeline], environment: Subprocess.baseEnvironment(),
                                        timeout: .seconds(30))
        #expect(result.stdoutText.hasPrefix("t_s,architecture,"))
        #expect(result.stderrText == "netexplorer: cannot write to standard output: broken pipe\n")
    }
}

/// Bytes gathered on another thread, and a signal when it is done.
final class LockedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    func append(_ chunk: ArraySlice<UInt8>) { lock.lock(); stored += chunk; lock.unlock() }
    func finish() { done.signal() }
    func wait(seconds: Double) -> Bool { done.wait(timeout: .now() + seconds) == .success }
    var bytes: [UInt8] { lock.lock(); defer { lock.unlock() }; return stored }
}
