import Foundation
import Testing

/// The scenario picker (`o`) in the real binary: open it, filter to a built-in, choose it, and see it run.
@Suite(
    "Scenario picker in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(2))
)
struct ScenarioPickerTmuxTests {
    @Test("o opens the picker; typing bottleneck and Enter replaces the classroom with the bottleneck, seed kept")
    func picksBottleneck() async throws {
        let view = try await LiveViewSession(["--paused"], size: .large)
        defer { view.shutdown() }
        await #expect(try view.statusBar().scenario == "Classroom network")

        try await view.sendKeys("o")
        try await view.waitFor("the picker listing the built-ins") { screen in
            screen.contains { $0.contains("open a scenario") } && screen.contains { $0.contains("flash-crowd") }
        }
        for c in "bottle" { try await view.sendKeys(String(c)) }
        try await view.waitFor("the filter to leave only the bottleneck") { screen in
            screen.contains { $0.contains("filter bottle") } && !screen.contains { $0.contains("flash-crowd") }
        }
        try await view.sendKeys("Enter")
        let status = try await view.waitForStatus("the bottleneck in the status bar") { $0.scenario == "Server bottleneck" }
        #expect(status.clients == 20)
        let screen = try await view.waitFor("the status line saying the seed was kept") { screen in
            screen.contains { $0.contains("seed 7, kept") }
        }
        #expect(!screen.contains { $0.contains("open a scenario") })

        // It runs: space resumes and the clock moves.
        try await view.sendKeys("Space")
        try await view.waitForStatus("the bottleneck's clock to move") { $0.isRunning && $0.seconds > 0.5 }
    }
}
