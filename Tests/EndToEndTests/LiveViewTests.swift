import Foundation
import Testing

/// The live view on the built-in classroom scenario, driven through tmux like a user at a keyboard.
@Suite(
    "Live view in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(2))
)
struct LiveViewTests {
    @Test("The screen shows the scenario name, the server and the clients", arguments: TerminalSize.both)
    func showsScenarioServerAndClients(size: TerminalSize) async throws {
        // Paused: the classroom adds 20 clients at t=40 s, and a test process short of threads (a full parallel run
        // on two cores) has read the screen after that.
        let view = try await LiveViewSession(["--paused"], size: size)
        defer { view.shutdown() }

        let status = try await view.statusBar()
        #expect(status.scenario == "Classroom network")
        #expect(status.clients == 20)

        // The topology pane draws the server and one glyph per client (the legend says which glyphs).
        let screen = try await view.waitFor("the server [S] and 20 client glyphs in the topology") { screen in
            guard let topology = ScreenPane.inner(titled: "topology", in: screen) else { return false }
            return topology.contains { $0.contains("[S]") } && Self.clientGlyphs(in: topology) == status.clients
        }
        let topology = try #require(ScreenPane.inner(titled: "topology", in: screen))
        #expect(topology.contains { $0.contains("[S]") })
        #expect(Self.clientGlyphs(in: topology) == 20)
        #expect(screen.contains { $0.contains("server") })
    }

    @Test("Pressing + three times raises the client count on screen from 20 to 35", arguments: TerminalSize.both)
    func plusAddsClients(size: TerminalSize) async throws {
        // Paused, for the same reason; commands still apply while paused.
        let view = try await LiveViewSession(["--paused"], size: size)
        defer { view.shutdown() }

        let before = try await view.statusBar()
        #expect(before.clients == 20)
        try await view.sendKeys("+", "+", "+")
        let after = try await view.waitForStatus("35 clients in the status bar") { $0.clients == before.clients + 15 }
        #expect(after.clients == 35)
        try await view.waitFor("the topology title to say 35 clients") { screen in
            screen.contains { $0.contains("topology · 35 clients") }
        }
    }

    @Test("Space pauses the simulated time and space again resumes it", arguments: TerminalSize.both)
    func spacePausesAndResumes(size: TerminalSize) async throws {
        let view = try await LiveViewSession(size: size)
        defer { view.shutdown() }

        // Running: the time moves.
        let first = try await view.waitForStatus("running") { $0.isRunning }
        try await view.waitForStatus("the simulated time to move past \(first.time)") { $0.seconds > first.seconds }

        try await view.sendKeys("Space")
        let paused = try await view.waitForStatus("⏸ PAUSED") { $0.isPaused }
        #expect(!paused.isRunning)
        try await Task.sleep(for: .seconds(1))
        let stillPaused = try await view.statusBar()
        #expect(stillPaused.isPaused)
        #expect(stillPaused.time == paused.time, "simulated time moved while paused: \(paused) → \(stillPaused)")

        try await view.sendKeys("Space")
        let resumed = try await view.waitForStatus("running again with the time past \(paused.time)") {
            $0.isRunning && !$0.isPaused && $0.seconds > paused.seconds
        }
        #expect(resumed.seconds > paused.seconds)
    }

    @Test("Resizing relays out the view; below 80×24 it asks for a larger window and keeps running")
    func resize() async throws {
        let view = try await LiveViewSession(size: .large)
        defer { view.shutdown() }

        try await view.tmux.resize(width: 80, height: 24)
        let small = try await view.waitFor("the 80×24 layout (24 rows, help bar on the last)") { screen in
            screen.count == 24 && StatusBar(screen: screen) != nil && screen[23].contains("q quit")
                && screen.contains { $0.contains("[S]") }
        }
        #expect(small.allSatisfy { $0.count <= 80 }, "a row is wider than 80:\n\(TmuxHarness.framed(small))")

        try await view.tmux.resize(width: 60, height: 20)
        try await view.waitFor("the ask for a larger window") { screen in
            screen.contains { $0.contains("80×24") } && StatusBar(screen: screen) == nil
        }

        try await view.tmux.resize(width: 120, height: 40)
        let back = try await view.waitForStatus("the view back at 120×40") { _ in true }
        try await view.waitForStatus("the simulated time still moving") { $0.seconds > back.seconds }
        let large = try await view.capture()
        #expect(large.count == 40 && large[39].contains("q quit"), "\(TmuxHarness.framed(large))")
    }

    /// Client glyphs in the topology pane: the glyphs its legend row names for node states (○ idle, ● busy,
    /// ✗ down, ...), not those for requests and replies.
    static func clientGlyphs(in topology: [String]) -> Int {
        guard let legend = topology.last(where: { $0.contains("idle") }) else { return -1 }
        let words = legend.split(separator: " ")
        var glyphs: Set<Character> = []
        for (glyph, label) in zip(words, words.dropFirst()) where glyph.count == 1 {
            if !["request", "reply"].contains(label) { glyphs.insert(glyph.first!) }
        }
        return topology.filter { $0 != legend }.reduce(0) { total, row in
            total + row.filter { glyphs.contains($0) }.count
        }
    }
}
