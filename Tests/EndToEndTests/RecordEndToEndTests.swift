import Foundation
import Testing

/// `--record FILE.cast` on the real binary in tmux: the file is an asciicast v2 recording a player can read, a full
/// disk stops only the recording, and `:export` refuses a directory that is not empty unless told with `:export!`.
@Suite(
    "Recording in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(2))
)
struct RecordEndToEndTests {
    /// Types `:TEXT` and Enter on the live view's command line.
    static func command(_ view: LiveViewSession, _ text: String) async throws {
        try await view.sendKeys(":")
        try await view.waitFor("the command line's prompt") { $0.last?.hasPrefix(":") == true }
        for character in text { try await view.sendKeys(character == " " ? "Space" : String(character)) }
        try await view.sendKeys("Enter")
    }

    @Test("classroom --record F.cast, quit with q: the file is a v2 header and [time, \"o\", data] events")
    func recordsAValidCast() async throws {
        let folder = "/tmp/nerecord\(getpid())x\(Int.random(in: 0..<1_000_000))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cast = folder + "/F.cast"
        let busy = folder + "/busy"
        try FileManager.default.createDirectory(atPath: busy, withIntermediateDirectories: true)
        try "not netexplorer's".write(toFile: busy + "/notes.txt", atomically: false, encoding: .utf8)

        let view = try await LiveViewSession(["classroom", "--speed", "10", "--record", cast], size: .large)
        defer { view.shutdown() }
        try await view.waitForStatus("some simulated time") { $0.seconds >= 2 }
        // Exporting into a directory that is not empty is refused in one line; the bang writes into it.
        try await Self.command(view, "export \(busy)")
        try await view.waitFor("the refusal") { screen in screen.contains { $0.contains("exists and is not empty") } }
        #expect(!FileManager.default.fileExists(atPath: busy + "/manifest.json"))
        try await Self.command(view, "export! \(busy)")
        try await view.waitFor("the export") { screen in screen.contains { $0.contains("lab record written to") } }
        #expect(FileManager.default.fileExists(atPath: busy + "/manifest.json"))
        #expect(try String(contentsOfFile: busy + "/notes.txt", encoding: .utf8) == "not netexplorer's")
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)

        let lines = try String(contentsOfFile: cast, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count >= 10, "a header and a frame each redraw: \(lines.count) lines")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 120 && header["height"] as? Int == 40)
        let timestamp = try #require(header["timestamp"] as? Int)
        #expect(abs(Double(timestamp) - Date().timeIntervalSince1970) < 600)
        let env = try #require(header["env"] as? [String: String])
        #expect(env["TERM"] == "tmux-256color")
        #expect((header["title"] as? String)?.lowercased().contains("classroom") == true, "\(header)")
        var last = -1.0
        var shown = ""
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], "\(line)")
            #expect(event.count == 3)
            let time = try #require(event[0] as? Double)
            #expect(time >= last)
            last = time
            #expect(event[1] as? String == "o")
            shown += try #require(event[2] as? String)
        }
        // The session lasted at least the two simulated seconds at 10× and the two commands typed.
        #expect(last > 0.2, "the last frame at \(last) s")
        #expect(shown.contains("lab record written to"), "the recording shows what the status line said")
        #expect(shown.hasSuffix("\u{1B}[?25h\u{1B}[?1049l"), "it ends by giving the player's terminal back")
    }

    @Test("--record /dev/full: the recording stops with one status line and the session runs on")
    func fullDisk() async throws {
        let view = try await LiveViewSession(["classroom", "--speed", "10", "--record", "/dev/full"], size: .large)
        defer { view.shutdown() }
        // `:messages` keeps it, whatever the moment the status line showed it for.
        try await Self.command(view, "messages")
        try await view.waitFor("the message in :messages") { screen in
            screen.contains { $0.contains("the recording to '/dev/full' stopped: no space left on device") }
        }
        try await view.sendKeys("Escape")
        let before = try await view.waitForStatus("the status bar after :messages") { _ in true }
        try await view.waitForStatus("the session going on") { $0.seconds >= before.seconds + 1 }
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
    }

    @Test("--record into a directory, or a folder that does not exist, is one line before the screen opens")
    func unwritablePath() async throws {
        let result = try await Subprocess.run(try NetExplorerBinary.path(), ["run", "classroom", "--record", "/tmp"],
                                              environment: Subprocess.baseEnvironment(), timeout: .seconds(60))
        #expect(result.status == 1)
        #expect(result.stderrText.split(separator: "\n").count == 1
                && result.stderrText.contains("cannot write the recording to '/tmp'"), "\(result.stderrText)")
    }
}
