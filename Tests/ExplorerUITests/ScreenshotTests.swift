import ExplorerUI
import Foundation
import NetworkEngine
import TerminalCanvas
import Testing

/// `:screenshot`: the screen as it stands, in plain text and in ANSI, written next to each other without ever
/// overwriting a file; and `:export!`, the vim-like spelling of `:export --force`.
@Suite("The :screenshot command")
struct ScreenshotTests {
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "netexplorer-screenshot-\(getpid())-\(Int.random(in: 0..<1_000_000_000))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `text` without its CSI sequences.
    static func stripped(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
    }

    @Test(":screenshot and :export! read; :screenshot takes nothing")
    func parses() {
        #expect(CommandLineCommands.parse("screenshot") == .success(.screenshot))
        #expect(CommandLineCommands.parse("screenshot x") == .failure(LineError("usage: :screenshot")))
        #expect(CommandLineCommands.parse("export! lab1") == .success(.export(directory: "lab1", force: true)))
        #expect(CommandLineCommands.parse("export!") == .success(.export(directory: nil, force: true)))
    }

    @Test(":screenshot writes the screen without the command line, plain and ANSI, and names the file")
    func writesTheScreen() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Paused after a few frames, so the frame after the shot differs from it only where the status names the file.
        let (app, terminal, clock) = LiveAppTests.make(size: Size(width: 100, height: 30))
        app.screenshotDirectory = directory
        app.renderFrame()
        _ = LiveAppTests.frames(10, app, clock)
        terminal.type(" ")
        _ = LiveAppTests.frames(1, app, clock)
        // Typed a frame at a time as a person types: the screen shows the command line before Enter.
        terminal.type(":screenshot")
        _ = LiveAppTests.frames(1, app, clock)
        #expect(terminal.screenLines().last?.hasPrefix(":screenshot") == true)
        terminal.enqueue(.key(.enter))
        _ = LiveAppTests.frames(1, app, clock)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files.count == 2, "\(files)")
        let plainName = try #require(files.first { $0.hasSuffix(".txt") && !$0.hasSuffix(".ansi.txt") })
        #expect(plainName.range(of: #"^netexplorer-\d{8}-\d{6}\.txt$"#, options: .regularExpression) != nil)
        #expect(files.contains(plainName.replacingOccurrences(of: ".txt", with: ".ansi.txt")))
        let status = try #require(app.state.status)
        #expect(status.text == "screenshot written to \(directory)/\(plainName) (ANSI: .ansi.txt)" && !status.isWarning)

        let plain = try String(contentsOfFile: directory + "/" + plainName, encoding: .utf8)
        let ansi = try String(contentsOfFile: directory + "/" + plainName.replacingOccurrences(of: ".txt", with: ".ansi.txt"),
                              encoding: .utf8)
        let rows = plain.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(rows.count == 30)
        #expect(rows.first?.contains(LiveAppTests.scenario.name) == true, "the status bar's row:\n\(plain)")
        #expect(!plain.contains(":screenshot"), "the command line closed before the shot")
        // The rows the terminal showed, trailing blanks cut, but the bottom one that now names the file and the
        // status bar, whose hint ("press ? for every key") gave way to it.
        let shown = terminal.screenLines().map { String($0.reversed().drop { $0 == " " }.reversed()) }
        let differing = (0..<30).filter { String(rows[$0]) != shown[$0] }
        #expect(Set(differing).isSubset(of: [0, 29]) && shown[29].contains("screenshot written"),
                "the shot:\n\(plain)\nthe screen after it:\n\(shown.joined(separator: "\n"))")
        #expect(ansi.contains("\u{1B}[0;"), "styled")
        // The same text, row for row (the ANSI version keeps blanks that carry a style, as a coloured background).
        let ansiRows = Self.stripped(ansi).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
        #expect(ansiRows == rows.map(String.init), "the ANSI version has the same text")
    }

    @Test("a name already taken is never overwritten: the next screenshot of that second gets -2")
    func neverOverwrites() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let buffer = Buffer(lines: ["first"])
        let second = Buffer(lines: ["second"])
        let time: time_t = 1_765_000_000
        let taken = directory + "/netexplorer-" + Self.stamp(time) + ".ansi.txt"
        try "someone else's".write(toFile: taken, atomically: false, encoding: .utf8)
        let one = Screenshot.write(buffer, colorSupport: .palette256, into: directory, at: time)
        let two = Screenshot.write(second, colorSupport: .palette256, into: directory, at: time)
        #expect(one.accepted && one.message.contains("-2.txt"), "\(one.message)")
        #expect(two.accepted && two.message.contains("-3.txt"), "\(two.message)")
        #expect(try String(contentsOfFile: taken, encoding: .utf8) == "someone else's")
        #expect(!FileManager.default.fileExists(atPath: directory + "/netexplorer-" + Self.stamp(time) + ".txt"),
                "the half of a pair whose other half was taken is taken back")
        let stem = directory + "/netexplorer-" + Self.stamp(time)
        #expect(try String(contentsOfFile: stem + "-2.txt", encoding: .utf8) == "first\n")
        #expect(try String(contentsOfFile: stem + "-3.txt", encoding: .utf8) == "second\n")
    }

    @Test("a directory that cannot be written is one line")
    func unwritable() {
        let outcome = Screenshot.write(Buffer(lines: ["x"]), colorSupport: .none, into: "/nonexistent-directory")
        #expect(!outcome.accepted && outcome.message.hasPrefix("cannot write /nonexistent-directory/netexplorer-")
                && outcome.message.hasSuffix(": no such file or directory"), "\(outcome.message)")
    }

    /// The file names' time, as `Screenshot` writes it (local time).
    static func stamp(_ time: time_t) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.timeZone = .current
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(time)))
    }
}
