import Foundation
import Testing

/// `netexplorer lesson saturation` in the real binary at 120×40: it asks for a prediction before anything runs, the
/// typed answer is taken, the network runs, and the pane shows prediction / measured / theory; `q` leaves cleanly,
/// and `--answers` saves the answers.
@Suite(
    "Lesson in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(3))
)
struct LessonTmuxTests {
    @Test("lesson saturation asks, runs and shows prediction / measured / theory; q restores the terminal")
    func saturation() async throws {
        let answers = FileManager.default.temporaryDirectory
            .appendingPathComponent("netexplorer-live-answers-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: answers) }
        let view = try await LiveViewSession(["lesson", "saturation", "--answers", answers.path], size: .large)
        defer { view.shutdown() }
        try await view.waitFor("the lesson asking for N*") { screen in
            screen.contains { $0.contains("lesson · Saturation") } && screen.contains { $0.contains("your answer") }
        }
        for key in ["7", "0", "Enter"] { try await view.sendKeys(key) }
        try await view.waitFor("the answer taken") { screen in screen.contains { $0.contains("your answer: 70") } }
        // Two runs of 120 simulated seconds at 10×: about 12 s of wall time each, more under load.
        try await view.waitFor("the first check (latency at 40 clients)", timeout: .seconds(60)) { screen in
            screen.contains { $0.contains("measured") && $0.contains("theory") }
                && screen.contains { $0.contains("Enter next step") }
        }
        try await view.sendKeys("Enter")
        let screen = try await view.waitFor("the check of N*", timeout: .seconds(60)) { screen in
            screen.contains { $0.contains("prediction 70 · measured") && $0.contains("theory 66.7") }
        }
        #expect(screen.contains { $0.contains("in range") })
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
        try await view.expectTerminalRestored()
        // --answers saved what the learner answered and what the checks measured when the view closed.
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: answers)) as? [String: Any]
        #expect((saved?["answers"] as? [String: String])?["n_star"] == "70")
    }

    @Test("lesson with no name opens the live view on the lessons' picker")
    func picker() async throws {
        let view = try await LiveViewSession(["lesson"], size: .large)
        defer { view.shutdown() }
        try await view.waitFor("the lessons' picker") { screen in
            screen.contains { $0.contains("open a lesson") } && screen.contains { $0.contains("saturation") }
        }
        // q would be typed into the picker's filter: Esc closes it first.
        try await view.sendKeys("Escape")
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
    }
}
