import Foundation
import Testing

/// Rewind and a lab record played back, in the real binary in tmux: `b` shows `REWOUND`, `g` returns to the live
/// run, `q` still exits cleanly; `run --replay` plays an exported record and refuses bad input in one line.
@Suite(
    "Rewind in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(2))
)
struct RewindEndToEndTests {
    @Test("b rewinds and says REWOUND, g returns to the live run, q exits cleanly")
    func rewindAndBack() async throws {
        let view = try await LiveViewSession(["classroom", "--speed", "20"], size: .large)
        defer { view.shutdown() }
        try await view.waitForStatus("some simulated time") { $0.seconds >= 5 }
        try await view.sendKeys("b")
        let rewound = try await view.waitFor("REWOUND in the status bar") { $0.first?.contains("REWOUND to t=") == true }
        #expect(StatusBar(screen: rewound)?.isPaused == true, "a rewound picture holds still")
        #expect(rewound.contains { $0.contains("a command key forks here") }, "the banner says what the keys do")
        try await view.sendKeys("g")
        let live = try await view.waitFor("the live run again") { screen in
            screen.first.map { !$0.contains("REWOUND") } == true && screen.contains { $0.contains("live again at t=") }
        }
        #expect(StatusBar(screen: live) != nil)
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
        try await view.expectTerminalRestored()
    }

    @Test("run --replay plays an exported session back: its command comes up next, and g plays it to its end")
    func replayInTheLiveView() async throws {
        let folder = "/tmp/nerewind\(getpid())x\(Int.random(in: 0..<1_000_000))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try await LiveViewSession(["classroom", "--speed", "20", "--export", folder], size: .large)
        defer { session.shutdown() }
        try await session.waitForStatus("some simulated time") { $0.seconds >= 2 }
        try await session.sendKeys("+")
        try await session.waitForStatus("more time") { $0.seconds >= 4 }
        try await session.sendKeys("q")
        #expect(try await session.waitForExit() == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/manifest.json"))

        let view = try await LiveViewSession(["run", "--replay", folder], size: .large)
        defer { view.shutdown() }
        let start = try await view.waitFor("the record at its start") { $0.first?.contains("REPLAY at t=") == true }
        #expect(start.contains { $0.contains("next: add_nodes: ") }, "the banner names the command ahead")
        try await view.sendKeys("g")
        let end = try await view.waitFor("the end of the record") { screen in
            screen.contains { $0.contains("end of the lab record at t=") }
        }
        #expect(end.first.map { !$0.contains("REPLAY") } == true)
        // The population the session ended with (the `+` and, on a slow machine, classroom's own t=40 s arrivals).
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json")))
        let nodes = try #require((report as? [String: Any])?["nodes"] as? Int)
        #expect(StatusBar(screen: end)?.clients == nodes, "played to its end, the record stands where the session ended")
        #expect(StatusBar(screen: end)?.isPaused == true, "the record holds still at its end")
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)

        // The same record with its command aimed at a node that does not exist: one line, before any screen.
        let manifest = try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)
        let action = try #require(manifest.range(of: #""add_nodes: [0-9]+""#, options: .regularExpression))
        let bad = folder + "/bad-manifest.json"
        try manifest.replacingCharacters(in: action, with: "\"crash: 999\"").write(toFile: bad, atomically: true,
                                                                                   encoding: .utf8)
        let refused = try await Subprocess.run(try NetExplorerBinary.path(), ["run", "--replay", bad],
                                               environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        #expect(refused.status == 1)
        #expect(refused.stderrText.split(separator: "\n").count == 1 && refused.stderrText.contains("command 1"),
                "\(refused.stderrText)")
    }

    @Test("run --replay refuses a missing record, a damaged one and a scenario given with it, in one line")
    func replayBadInput() async throws {
        let binary = try NetExplorerBinary.path()
        let folder = "/tmp/nerewindbad\(getpid())x\(Int.random(in: 0..<1_000_000))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("{\"schema_version\": 1, \"mod".utf8).write(to: URL(fileURLWithPath: folder + "/manifest.json"))
        for (arguments, words) in [(["run", "--replay", folder + "/none"], "no such file"),
                                   (["run", "--replay", folder], "damaged"),
                                   (["run", "--replay", folder, "--nodes", "5"], "give no scenario")] {
            let result = try await Subprocess.run(binary, arguments, environment: Subprocess.baseEnvironment(),
                                                  timeout: .seconds(30))
            #expect(result.status == 1, "\(arguments)")
            let lines = result.stderrText.split(separator: "\n")
            #expect(lines.count == 1 && result.stderrText.contains(words), "\(arguments): \(result.stderrText)")
        }
    }
}
