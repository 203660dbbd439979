import Foundation
import Testing

/// A lab record made by the real binary in tmux, replayed headless: the export came from the live run, the replay
/// from a fresh engine, so their reports being byte-identical is what shows the command log is the session's identity.
@Suite(
    "Lab record in tmux", .ownThreads,
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
    static func expectReplayMatches(_ directory: String) async throws {
        let binary = try NetExplorerBinary.path()
        let replay = try await Subprocess.run(binary, ["replay", directory, "--format", "json"],
                                        environment: Subprocess.baseEnvironment(), timeout: .seconds(60))
        #expect(replay.status == 0, "\(replay.stderrText)")
        let exported = try Data(contentsOf: URL(fileURLWithPath: directory + "/report.json"))
        #expect(!exported.isEmpty)
        #expect(Data(replay.stdout) == exported, "replayed:\n\(String(decoding: replay.stdout, as: UTF8.self))")
        // The series and the events the live run streamed are the replay's too, line for line.
        let events = directory + "/replayed-events.jsonl"
        defer { try? FileManager.default.removeItem(atPath: events) }
        let csv = try await Subprocess.run(binary, ["replay", directory, "--format", "csv", "--events", events],
                                     environment: Subprocess.baseEnvironment(), timeout: .seconds(60))
        #expect(csv.status == 0, "\(csv.stderrText)")
        #expect(Data(csv.stdout) == (try Data(contentsOf: URL(fileURLWithPath: directory + "/metrics.csv"))))
        #expect((try Data(contentsOf: URL(fileURLWithPath: events)))
            == (try Data(contentsOf: URL(fileURLWithPath: directory + "/events.jsonl"))))
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
        try await view.sendKeys("+")
        try await view.waitForStatus("more time") { $0.seconds >= 2 }
        try await view.sendKeys("x", "t")
        try await view.waitForStatus("more time") { $0.seconds >= 3 }
        try await view.sendKeys(":")
        try await view.waitFor("the command line's prompt") { $0.last?.hasPrefix(":") == true }
        try await view.sendKeys("s", "e", "t", "Space", "r", "a", "t", "e", "Space", "2", "Enter")
        try await view.waitFor("the rate set") { screen in screen.contains { $0.contains("rate set to 2") } }
        try await view.sendKeys(":")
        try await view.waitFor("the command line's prompt") { $0.last?.hasPrefix(":") == true }
        for character in "export \(during)" { try await view.sendKeys(character == " " ? "Space" : String(character)) }
        try await view.sendKeys("Enter")
        try await Self.waitForExport(view, during)
        // The session goes on after :export; --export writes its end when it quits.
        try await view.waitForStatus("more time") { $0.seconds >= 5 }
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)

        let manifest = try String(contentsOfFile: during + "/manifest.json", encoding: .utf8)
        for action in ["\"add_nodes: ", "\"toggle: peer-mesh\"", "\"set: { rate: 2 }\""] {
            #expect(manifest.contains(action), "the manifest's log holds \(action):\n\(manifest)")
        }
        // `x` crashes the selected node (the server) when it is up and restarts it when it is down: on a loaded
        // machine the key can land in classroom's own outage (80–95 s), and the log then holds the restart.
        #expect(manifest.contains("\"crash: ") || manifest.contains("\"restart: server\""),
                "the manifest's log holds x as a crash or a restart:\n\(manifest)")
        for name in ["metrics.csv", "events.jsonl", "report.json", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: atEnd + "/" + name), "--export wrote \(name)")
        }
        let csv = try String(contentsOfFile: atEnd + "/metrics.csv", encoding: .utf8)
        #expect(csv.hasPrefix("t_s,architecture,") && csv.split(separator: "\n").count >= 5, "one row a second:\n\(csv)")
        try await Self.expectReplayMatches(during)
        try await Self.expectReplayMatches(atEnd)
    }

    /// Runs `netexplorer ARGUMENTS` headless.
    static func netexplorer(_ arguments: [String]) async throws -> ProcessResult {
        try await Subprocess.run(try NetExplorerBinary.path(), arguments, environment: Subprocess.baseEnvironment(),
                           timeout: .seconds(60))
    }

    @Test("damaged, truncated, foreign and impossible records are one line and status 1; another model version warns")
    func badRecords() async throws {
        let folder = "/tmp/nelabbad\(getpid())x\(Int.random(in: 0..<1_000_000))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let good = folder + "/good"
        let view = try await LiveViewSession(["classroom", "--speed", "20", "--export", good], size: .large)
        defer { view.shutdown() }
        try await view.waitForStatus("some simulated time") { $0.seconds >= 1 }
        try await view.sendKeys("+")
        try await view.waitForStatus("more time") { $0.seconds >= 2 }
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
        let manifest = try String(contentsOfFile: good + "/manifest.json", encoding: .utf8)

        /// A copy of the good record with its manifest replaced by `text`; replaying it gives one line and status 1.
        func refused(_ name: String, _ text: String, saying words: String) async throws {
            let directory = folder + "/" + name
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try text.write(toFile: directory + "/manifest.json", atomically: false, encoding: .utf8)
            let result = try await Self.netexplorer(["replay", directory, "--format", "json"])
            #expect(result.status == 1, "\(name): status \(result.status)")
            let lines = result.stderrText.split(separator: "\n")
            #expect(lines.count == 1 && result.stderrText.contains(words), "\(name): \(result.stderrText)")
            #expect(result.stdout.isEmpty, "\(name): nothing on stdout")
        }
        try await refused("truncated", String(manifest.prefix(manifest.count / 2)), saying: "damaged")
        try await refused("schema", manifest.replacingOccurrences(of: "\"schema_version\": 1", with: "\"schema_version\": 7"),
                    saying: "schema_version 7, but this netexplorer reads schema_version 1")
        let add = try #require(manifest.range(of: #""add_nodes: \d+""#, options: .regularExpression))
        try await refused("node", manifest.replacingCharacters(in: add, with: "\"crash: 4000\""), saying: "no client 4000")
        try await refused("action", manifest.replacingCharacters(in: add, with: "\"explode: 3\""), saying: "'explode: 3'")
        try await refused("nonsense", "[1, 2, 3]", saying: "damaged")

        // Another model version replays, with a one-line warning, to the same report.
        let other = folder + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try manifest.replacingOccurrences(of: "\"model_version\": ", with: "\"model_version\": 9")
            .write(toFile: other + "/manifest.json", atomically: false, encoding: .utf8)
        let warned = try await Self.netexplorer(["replay", other + "/manifest.json", "--format", "json"])
        #expect(warned.status == 0 && warned.stderrText.split(separator: "\n").count == 1)
        #expect(warned.stderrText.contains("figures may differ"), "\(warned.stderrText)")
        #expect(Data(warned.stdout) == (try Data(contentsOf: URL(fileURLWithPath: good + "/report.json"))))

        // A directory that exists and is not empty is refused before the session starts, in one line.
        let busy = try await Self.netexplorer(["run", "classroom", "--export", good])
        #expect(busy.status == 1 && busy.stderrText.contains("not empty (--force writes into it)"), "\(busy.stderrText)")
    }
}
