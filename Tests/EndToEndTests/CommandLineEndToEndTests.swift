import Foundation
import Testing

/// The `:` command line in the real binary, typed through tmux as a user would.
@Suite(
    "Command line in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(2))
)
struct CommandLineEndToEndTests {
    /// The server panel's worker figure: "workers ■■■■ 0/4" ends in busy/total.
    static func workers(in screen: [String]) -> Int? {
        for line in screen {
            guard let range = line.range(of: "workers ") else { continue }
            let rest = line[range.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { continue }
            let digits = rest[rest.index(after: slash)...].prefix { $0.isNumber }
            if let n = Int(digits) { return n }
        }
        return nil
    }

    @Test("typing :set workers 8 doubles the server's workers, says so, and q typed in the line does not quit",
          arguments: [TerminalSize.large, TerminalSize(width: 100, height: 30)])
    func setWorkers(size: TerminalSize) async throws {
        let view = try await LiveViewSession(["--paused"], size: size)
        defer { view.shutdown() }
        try await view.waitFor("the server's 4 workers") { Self.workers(in: $0) == 4 }

        try await view.sendKeys(":")
        try await view.waitFor("the command line's prompt") { $0.last?.hasPrefix(":") == true }
        // A q typed into the line is text, not quit; backspace takes it out again.
        try await view.sendKeys("s", "e", "t", "Space", "w", "o", "r", "k", "Tab", "8", "q")
        try await view.waitFor("':set workers 8q' on the line") { $0.last?.hasPrefix(":set workers 8q") == true }
        try await view.sendKeys("BSpace", "Enter")

        let screen = try await view.waitFor("the server panel to show 8 workers") { Self.workers(in: $0) == 8 }
        #expect(screen.contains { $0.contains("workers set to 8 (was 4)") })
        try await view.waitFor("the help bar back in the bottom row") { $0.last?.hasPrefix(":") == false }
        // ] adds one more, as :set workers does.
        try await view.sendKeys("]")
        try await view.waitFor("the server panel to show 9 workers") { Self.workers(in: $0) == 9 }
    }
}
