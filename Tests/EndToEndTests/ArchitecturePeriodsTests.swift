import Foundation
import Testing

/// Issue 15, item 2, as a teacher sees it: the bottleneck rejects, `t` turns the same machines into a mesh, and the
/// screen then shows both architectures' figures side by side instead of one mixed total.
@Suite(
    "Architecture periods in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(3))
)
struct ArchitecturePeriodsTests {
    static let sizes = [TerminalSize(width: 100, height: 30), .large, TerminalSize(width: 200, height: 60)]

    @Test("after t the footer has the server's period (before) and the mesh's (since the switch); the mesh panel too",
          arguments: sizes)
    func bothPeriodsAfterSwitch(size: TerminalSize) async throws {
        // 85 clients offer 127.5 req/s to a server that completes 100/s: it rejects within seconds.
        let view = try await LiveViewSession(["bottleneck", "--nodes", "85", "--speed", "5"], size: size)
        defer { view.shutdown() }
        try await view.waitFor("the footer to count rejections since t=0", timeout: .seconds(30)) { screen in
            guard let line = Self.footer(screen).first(where: { $0.hasPrefix("since t=0:") }) else { return false }
            return (Self.share("rejected", in: line) ?? 0) > 0
        }
        try await view.sendKeys("t")
        // (The mesh panel gives the old server's queue instead until it has drained, a second or so.)
        let screen = try await view.waitFor("both periods in the footer and the mesh panel", timeout: .seconds(20)) {
            screen in
            let footer = Self.footer(screen)
            let mesh = ScreenPane.inner(titled: "mesh · ", in: screen) ?? []
            return footer.contains { $0.hasPrefix("before: ") } && footer.contains { $0.contains("since t=") }
                && mesh.contains { $0.hasPrefix("since ") }
        }
        let footer = Self.footer(screen)
        let before = try #require(footer.first { $0.hasPrefix("before: ") })
        let now = try #require(footer.first { $0.contains("since t=") && !$0.hasPrefix("before") })
        // The server's period keeps its rejections; the mesh's starts at the switch.
        #expect((Self.share("rejected", in: before) ?? 0) > 0, "\(before)")
        #expect(!footer.contains { $0.hasPrefix("since t=0:") }, "the whole run's line is gone: \(footer)")
        let switchedAt = try #require(Self.seconds(after: "since t=", in: now), "\(now)")
        #expect(switchedAt > 0)
        // The mesh panel beside it: its outcomes since the same instant, and the server's period under them.
        let mesh = try #require(ScreenPane.inner(titled: "mesh · ", in: screen), "\(TmuxHarness.framed(screen))")
        let since = try #require(mesh.first { $0.hasPrefix("since ") }, "\(mesh)")
        #expect(Self.seconds(after: since.hasPrefix("since t=") ? "since t=" : "since ", in: since) == switchedAt)
        #expect(mesh.contains { $0.hasPrefix("before: ") }, "\(mesh)")
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
    }

    /// The metrics pane's rows that are not sparklines: its footer (trimmed).
    static func footer(_ screen: [String]) -> [String] {
        let rows = ScreenPane.inner(titled: "metrics", in: screen) ?? []
        return rows.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.contains("% rejected") }
    }

    /// The percentage written before `% word` in `line`: `19.7` in `… · 19.7% rejected`.
    static func share(_ word: String, in line: String) -> Double? {
        guard let range = line.range(of: "% " + word) else { return nil }
        let digits = line[..<range.lowerBound].reversed().prefix { $0.isNumber || $0 == "." }
        return Double(String(digits.reversed()))
    }

    /// The seconds written after `prefix` in `line`: `76.4` in `since t=76.4 s: …`.
    static func seconds(after prefix: String, in line: String) -> Double? {
        guard let range = line.range(of: prefix) else { return nil }
        return Double(String(line[range.upperBound...].prefix { $0.isNumber || $0 == "." }))
    }
}
