import Foundation
import Testing

/// A lab record made by the real binary in tmux, replayed headless: the export came from the live run, the replay
/// from a fresh engine, so their reports being byte-identical is what shows the command log is the session's identity.
@Suite(
    "Lab record in tmux",
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(2))
)
struct LabRecordEndToEndTests {
    /// Waits until the status line says the record was written into `directory`.
    static func waitForExport(_ view: LiveViewSession, _ directory: String) async throws {
        try await view.waitFor("the export to be written") { screen in
            screen.contains { $0.contains("lab record written to") }
        }
        #expect(FileManager.default.fileExists(atPath: directory + "/manifest.json"))
    }

    /// `netexplorer replay DIRECTORY --format json` must print exactly `DIRECTORY/report.json`.
    static func expectReplayMatches(_ directory: String) throws {
        let binary = try NetExplorerBinary.path()
        let replay = try Subprocess.run(binary, ["replay", directory, "--format", "json"],
                                        environment: Subprocess.baseEnvironment(), timeout: .seconds(60))
        #expect(replay.status == 0, "\(replay.stderrText)")
        let exported = try Data(contentsOf: URL(fileURLWithPath: directory + "/report.json"))
        #expect(!exported.isEmpty)
        #expect(Data(replay.stdout) == exported, "replayed:\n\(String(decoding: replay.stdout, as: UTF8.self))")
    }

    @Test("a session with +, x, t and :set rate 2, exported with :export and with --export, replays byte for byte")
    func exportThenReplay() async throws {
        let folder = "/tmp/nelabrecord\(getpid())x\(Int.random(in: 0..<1_000_000))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let during = folder + "/during", atEnd = folder + "/end"
        let view = try await LiveViewSession(["classroom", "--speed", "20", "--export", atEnd], size: .large)
        defer { view.shutdown() }
        // Commands at whatever points the frames reach: the log places each by time and events run.
        try await view.waitForStatus("some simulated time") { $0.seconds >= 1 }
        try view.sendKeys("+")
        try await view.waitForStatus("more time") { $0.seconds >= 2 }
        try view.sendKeys("x", "t")
        try await view.waitForStatus("more time") { $0.seconds >= 3 }
        try view.sendKeys(":")
        try await view.waitFor("the command line's prompt") { $0.last?.hasPrefix(":") == true }
        try view.sendKeys("s", "e", "t", "Space", "r", "a", "t", "e", "Space", "2", "Enter")
        try await view.waitFor("the rate set") { screen in screen.contains { $0.contains("rate set to 2") } }
        try view.sendKeys(":")
        try await view.waitFor("the command line's prompt") { $0.last?.hasPrefix(":") == true }
        for character in "export \(during)" { try view.sendKeys(character == " " ? "Space" : String(character)) }
        try view.sendKeys("Enter")
        try await Self.waitForExport(view, during)
        // The session goes on after :export; --export writes its end when it quits.
        try await view.waitForStatus("more time") { $0.seconds >= 5 }
        try view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)

        let manifest = try String(contentsOfFile: during + "/manifest.json", encoding: .utf8)
        for action in ["\"add_nodes: ", "\"crash: ", "\"toggle: peer-mesh\"", "\"set: { rate: 2 }\""] {
            #expect(manifest.contains(action), "the manifest's log holds \(action):\n\(manifest)")
        }
        for name in ["metrics.csv", "events.jsonl", "report.json", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: atEnd + "/" + name), "--export wrote \(name)")
        }
        let csv = try String(contentsOfFile: atEnd + "/metrics.csv", encoding: .utf8)
        #expect(csv.hasPrefix("t_s,architecture,") && csv.split(separator: "\n").count >= 5, "one row a second:\n\(csv)")
        try Self.expectReplayMatches(during)
        try Self.expectReplayMatches(atEnd)
    }
}
