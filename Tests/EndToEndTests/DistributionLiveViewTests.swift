import Foundation
import Testing

/// `netexplorer distribution` in a real terminal: the swarm's progress grows on screen beside its Kurose–Ross bound,
/// and `q` leaves cleanly.
@Suite(
    "Distribution live view in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(2))
)
struct DistributionLiveViewTests {
    /// The panel's `held N%`: the mean share of the file the nodes hold.
    static func held(_ screen: [String]) -> Int? {
        for line in screen {
            guard let range = line.range(of: #"held [0-9]+%"#, options: .regularExpression) else { continue }
            return Int(line[range].dropFirst(5).dropLast())
        }
        return nil
    }

    @Test("at 120x40 the held share grows beside the bound 666.7 s; q exits with status 0")
    func progressAndBound() async throws {
        // 20×: the swarm needs 672 simulated s, half a minute here, so the first capture on a loaded machine still
        // finds it under way (at 100× it could be done before the first frame was read).
        let view = try await LiveViewSession(["distribution", "--speed", "20"], size: .large)
        defer { view.shutdown() }
        // 45 s, as the status waits allow: on two busy cores a debug build's first frames can be slow.
        let first = try await view.waitFor("the distribution panel and the bound", timeout: .seconds(45)) { screen in
            let text = screen.joined(separator: "\n")
            // The bound twice: beside the elapsed time in the panel, and as the line's label on the chart.
            return text.contains("distribution · swarm")
                && text.range(of: #"(elapsed|done) [0-9.]+ s  bound 666\.7 s"#, options: .regularExpression) != nil
                && text.contains("completion · nodes with the file") && (text.contains("┃bound 666.7 s") || text.contains("bound 666.7 s┃"))
                && Self.held(screen) != nil
        }
        let start = try #require(Self.held(first))
        try await view.waitFor("the held share to grow past \(start)%", timeout: .seconds(45)) { screen in
            (Self.held(screen) ?? 0) > start
        }
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
        try await view.expectTerminalRestored()
    }
}
