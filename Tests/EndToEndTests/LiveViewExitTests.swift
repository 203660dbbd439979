import Foundation
import Testing

/// Leaving the live view, by key and by signal: the exit status, and the terminal given back as it was.
@Suite(
    "Live view exit in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(2))
)
struct LiveViewExitTests {
    @Test("q exits with status 0 and restores the terminal", arguments: TerminalSize.both)
    func quitKey(size: TerminalSize) async throws {
        let view = try await LiveViewSession(size: size)
        defer { view.shutdown() }
        await #expect(try view.terminalModes().alternateScreen, "the live view is not on the alternate screen")

        try await view.sendKeys("q")
        let status = try await view.waitForExit()
        #expect(status == 0)
        try await view.expectTerminalRestored()
    }

    @Test("SIGTERM exits with status 143 and restores the terminal", arguments: TerminalSize.both)
    func sigterm(size: TerminalSize) async throws {
        let view = try await LiveViewSession(size: size)
        defer { view.shutdown() }
        await #expect(try view.terminalModes().alternateScreen, "the live view is not on the alternate screen")

        let pid = try await view.programPID()
        #expect(kill(pid, SIGTERM) == 0)
        let status = try await view.waitForExit()
        #expect(status == 128 + SIGTERM)
        try await view.expectTerminalRestored()
    }
}
