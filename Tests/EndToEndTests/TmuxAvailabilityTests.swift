import Foundation
import Testing

/// Makes a missing or unusable tmux loud: the live-view suites are skipped then, and this test says so in the results (as a
/// known issue), or fails outright when `NETEXPLORER_E2E_REQUIRE_TMUX=1` (for CI, where tmux must be there).
@Suite("tmux for the end-to-end tests", .ownThreads)
struct TmuxAvailabilityTests {
    @Test("tmux is installed and can start a server, so the live-view end-to-end tests really ran")
    func tmuxIsUsable() {
        guard let reason = TmuxHarness.unusableReason else { return }
        let message = Comment(rawValue: reason + ": the live-view end-to-end tests were SKIPPED")
        if ProcessInfo.processInfo.environment["NETEXPLORER_E2E_REQUIRE_TMUX"] == "1" {
            Issue.record(message)
        } else {
            withKnownIssue(message) { Issue.record(message) }
        }
    }
}
