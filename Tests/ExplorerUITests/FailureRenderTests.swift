@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// Issue 15, item 1: with the server down the live view shows failures, not a calm `0.0`.
@Suite("Failures on screen")
struct FailureRenderTests {
    /// 60 seconds; from second 50 the server is down: nothing completes, requests fail and time out.
    static func downSeries() -> [SecondSample] {
        Fixtures.series(count: 60).map { s in
            guard s.second >= 50 else { var s = s; s.rejected = 0; return s }
            var down = SecondSample(second: s.second, architecture: .clientServer, nodes: 8)
            down.issued = 12; down.failed = 4; down.timedOut = 3
            return down
        }
    }

    static func metrics(_ snapshot: Snapshot, width: Int = 44) -> [String] {
        Fixtures.lines(width: width, height: 8) {
            MetricsPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
    }

    @Test("the lost row plots failed and timed-out requests per second")
    func lostRow() {
        let lines = Self.metrics(Fixtures.snapshot(series: Self.downSeries()))
        let row = lines.first { $0.hasPrefix("│lost") }
        #expect(row?.contains("7.0 /s") == true, "\(lines)")
        // Only the down seconds have any: the bar is at the right, nothing at the left.
        #expect(row?.contains("█") == true)
    }

    @Test("a latency with nothing completed is a dash, not 0 ms, in the rows and the footer")
    func dashForNothingCompleted() {
        var snapshot = Fixtures.snapshot(series: Self.downSeries())
        var lines = Self.metrics(snapshot)
        #expect(lines.first { $0.hasPrefix("│latency") }?.contains("— ms") == true, "\(lines)")
        #expect(lines.first { $0.hasPrefix("│p95") }?.contains("— ms") == true)
        #expect(!lines.contains { $0.contains("0.0 ms") })
        snapshot.requests.completed = 0
        snapshot.requests.failed = 0; snapshot.requests.timedOut = 0
        lines = Self.metrics(snapshot)
        #expect(lines.contains { $0.hasPrefix("│since t=0: ") && $0.contains(" · p95 — ms") }, "\(lines)")
    }

    @Test("the footer counts failed and timed-out requests as a share of those ended")
    func footerShare() {
        var snapshot = Fixtures.snapshot()
        snapshot.requests = RequestCounts()
        snapshot.requests.issued = 1000; snapshot.requests.completed = 820; snapshot.requests.rejected = 30
        snapshot.requests.failed = 100; snapshot.requests.timedOut = 50
        // 150 of 1000 ended: 15.0%; wide enough for the whole line, and at 80×24's width without the p95, in the same order.
        let wide = Self.metrics(snapshot, width: 72)
        #expect(wide.contains { $0.contains("since t=0: 3.0% rejected · 15.0% failed · p95 131.0 ms") }, "\(wide)")
        let narrow = Self.metrics(snapshot)
        #expect(narrow.contains { $0.contains("since t=0: 3.0% rejected · 15.0% failed") }, "\(narrow)")
    }

    static func troubledNodes() -> [NodeView] {
        Fixtures.smallNodes(serverActivity: .down).map { n in
            var n = n
            if n.id == 2 || n.id == 3 { n.activity = .waiting; n.outstanding = 1 }
            if n.id == 7 { n.activity = .failing }
            return n
        }
    }

    @Test("waiting and failing clients have their own glyphs in the star, and the legend names them")
    func starGlyphs() {
        let snapshot = Fixtures.snapshot(nodes: Self.troubledNodes(), server: Fixtures.server(up: false))
        let buffer = Fixtures.buffer(width: 44, height: 14) {
            TopologyPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        let cells = buffer.lines().joined()
        #expect(cells.filter { $0 == "◌" }.count == 3, "two clients and the legend: \(buffer.lines())")
        #expect(cells.filter { $0 == "⊗" }.count == 2, "one client and the legend")
        #expect(buffer.lines().contains { $0.contains("◌ waiting") && $0.contains("⊗ failing") })
        let ascii = Fixtures.lines(width: 44, height: 14, ascii: true) {
            TopologyPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(ascii.contains { $0.contains(": waiting") && $0.contains("% failing") }, "\(ascii)")
    }

    @Test("in the client bins a bin of waiting clients shows the waiting glyph")
    func stripGlyphs() {
        var nodes = Fixtures.manyNodes(200)
        for i in nodes.indices where nodes[i].id >= 1 && nodes[i].id <= 40 { nodes[i].activity = .waiting }
        let snapshot = Fixtures.snapshot(nodes: nodes, server: Fixtures.server(up: false))
        let lines = Fixtures.lines(width: 44, height: 14) {
            TopologyPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        // 40 of 200 clients waiting: the first bins (ids 1–40) each show ◌, and the legend once more.
        #expect(lines.joined().filter { $0 == "◌" }.count >= 4, "\(lines)")
        #expect(lines.contains { $0.contains("◌ waiting") })
    }

    @Test("under peer-mesh a failing peer keeps its glyph in the ring and the strip, and the legends name it")
    func meshGlyphs() {
        var ring = MeshFixtures.peers(12)
        if let i = ring.firstIndex(where: { $0.id == 4 }) { ring[i].activity = .failing }
        let ringLines = Fixtures.lines(width: 44, height: 16) {
            TopologyPane.render(snapshot: MeshFixtures.snapshot(nodes: ring), state: Fixtures.state(), area: $0,
                                buffer: &$1)
        }
        #expect(ringLines.joined().filter { $0 == "⊗" }.count == 2, "the peer and the legend: \(ringLines)")
        #expect(ringLines.contains { $0.contains("⊗ failing") })
        var many = MeshFixtures.manyPeers(1000)
        for i in many.indices where many[i].id >= 1 && many[i].id <= 40 { many[i].activity = .failing }
        let stripLines = Fixtures.lines(width: 44, height: 16) {
            TopologyPane.render(snapshot: MeshFixtures.snapshot(nodes: many), state: Fixtures.state(), area: $0,
                                buffer: &$1)
        }
        // Peers 1–40 failing: the first bin (or bins) of the ring shows ⊗, and the legend once more.
        #expect(stripLines.joined().filter { $0 == "⊗" }.count >= 2, "\(stripLines)")
        #expect(stripLines.contains { $0.contains("⊗ failing") })
    }
}
