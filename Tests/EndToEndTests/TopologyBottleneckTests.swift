import Foundation
import Testing

/// The "must show": the `bottleneck` topology at 80 clients (past saturation) still draws every client and
/// requests moving to the server, in the real binary in tmux.
@Suite(
    "Topology at the bottleneck in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(2))
)
struct TopologyBottleneckTests {
    /// Where each request mark (`•`) is in the topology pane's picture.
    static func requestMarks(_ screen: [String]) -> Set<[Int]> {
        guard let pane = ScreenPane.inner(titled: "topology", in: screen) else { return [] }
        var marks = Set<[Int]>()
        // The last rows are the legend, which shows the glyph too.
        for (y, line) in pane.dropLast(2).enumerated() {
            for (x, c) in line.enumerated() where c == "•" { marks.insert([x, y]) }
        }
        return marks
    }

    /// 120×40 and 200×60 hold the 80 clients one by one (147 and 377 fit); 100×30 holds 72, so there each cell is
    /// a pair of clients, and their requests still move.
    @Test("bottleneck --nodes 80: the clients around [S] (one by one, or in pairs at 100×30), and request marks that move from capture to capture",
          arguments: [TerminalSize(width: 100, height: 30), .large, TerminalSize(width: 200, height: 60)])
    func requestsMove(_ size: TerminalSize) async throws {
        let view = try await LiveViewSession(["bottleneck", "--nodes", "80"], size: size)
        defer { view.shutdown() }
        let screen = try await view.waitFor("80 clients drawn around the server") { screen in
            guard let pane = ScreenPane.inner(titled: "topology", in: screen) else { return false }
            let glyphs = pane.dropLast(2).joined().filter { "○●◌⊗✗".contains($0) }.count
            let clients = size.width >= 120 ? glyphs == 80 : pane.contains { $0.contains("clients 1–80 · 2 a cell") }
            return clients && pane.contains { $0.contains("[S]") }
        }
        #expect(screen.first?.contains("80 clients") == true)
        // Requests keep moving past saturation: marks appear, and their places change between captures.
        var seen: [Set<[Int]>] = []
        try await view.waitFor("request marks in different places in two captures", timeout: .seconds(30)) { screen in
            let marks = Self.requestMarks(screen)
            if !marks.isEmpty { seen.append(marks) }
            return seen.count >= 2 && Set(seen).count >= 2
        }
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
    }
}
