import NetExplorerAssets
@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The live view of a file distribution: the distribution panel in the server panel's place (complete n/N, elapsed
/// against the bound, the server's upload in use, a cell per shown node) and the completion chart in the charts'
/// place, with the Kurose–Ross bound drawn as a line on it; at every supported size.
@Suite("Distribution panes")
struct DistributionPaneTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    /// The built-in distribution scenario (100 peers, a 500 MB file, bound 666.7 s) at `seconds`, asked for as a
    /// frame of a `size` screen asks (the curve at the chart's width).
    static func snapshot(at seconds: Double, size: Size, architecture: Architecture? = nil) throws -> Snapshot {
        var scenario = try ScenarioCatalog.load("distribution")
        if let architecture { scenario.architecture = architecture }
        let engine = Engine(scenario: scenario)
        engine.advance(to: .seconds(seconds), maxEvents: .max)
        var request = SnapshotRequest()
        request.curvePoints = CompletionChart.columns(paneWidth: Screen.regions(for: size).metrics.width)
        return engine.snapshot(request)
    }

    static func frame(_ snapshot: Snapshot, _ size: Size) -> [String] {
        Fixtures.lines(width: size.width, height: size.height) { _, b in
            Screen.render(snapshot: snapshot, state: Fixtures.state(), into: &b)
        }
    }

    static func region(_ lines: [String], _ r: Rect) -> [String] {
        lines[r.y..<r.bottom].map { String(Array($0)[r.x..<r.right]) }
    }

    @Test("at 80x24, 120x40 and 200x60 the panel shows complete n/N, elapsed and the bound, the server's upload and the nodes")
    func panelAtEverySize() throws {
        for size in Self.sizes {
            let shot = try Self.snapshot(at: 300, size: size)
            let lines = Self.frame(shot, size)
            let r = Screen.regions(for: size)
            let panel = Self.region(lines, r.server)
            #expect(panel[0].contains("distribution · swarm"), "\(size)")
            #expect(panel[1].contains("complete 0/100 (0%)  held "), "\(size)")
            #expect(panel[2].contains("elapsed 300.0 s  bound 666.7 s"), "\(size)")
            #expect(panel[3].contains("server up ") && panel[3].contains("█") && panel[3].contains(" 100%"), "\(size)")
            #expect(panel[4].contains("from server ") && panel[4].contains("  peers "), "\(size)")
            // The nodes' cells: on every size one row at least, each partly held (░▒▓) at 300 s.
            let cells = panel[5...].joined().filter { "░▒▓".contains($0) }
            #expect(!cells.isEmpty, "\(size)")
            #expect(!lines.joined().contains("req/s"), "\(size): the request charts are gone")
        }
    }

    @Test("the completion chart draws the bound as a line at its time and the share complete climbs past it")
    func chartAtEverySize() throws {
        for size in Self.sizes {
            let r = Screen.regions(for: size)
            let early = Self.region(Self.frame(try Self.snapshot(at: 300, size: size), size), r.metrics)
            #expect(early[0].contains("completion · nodes with the file"), "\(size)")
            #expect(early[1].contains("100%"), "\(size)")
            let axis = early[early.count - 2]
            #expect(axis.contains("┃bound 666.7 s") || axis.contains("bound 666.7 s┃"), "\(size): \(axis)")
            // The bound's column carries the line up the chart (no node has the file yet: the column is empty).
            let column = axis.firstIndex(of: "┃").map { axis.distance(from: axis.startIndex, to: $0) }
            let x = try #require(column)
            for row in early[1..<(early.count - 2)] { #expect(Array(row)[x] == "┃", "\(size)") }
            // Done: every node has the file, the curve reaches the top, right of the bound.
            let done = try Self.snapshot(at: 5000, size: size)
            let finished = Self.region(Self.frame(done, size), r.metrics)
            let top = Array(finished[1])
            let full = top.indices.filter { top[$0] == "█" }
            let doneAxis = Array(finished[finished.count - 2])
            let doneX = try #require(doneAxis.firstIndex(of: "┃"))
            #expect(!full.isEmpty, "\(size)")
            // The span ends a fifth past the last completion (it stops growing once every node has the file).
            #expect(finished[finished.count - 2].contains(" 80"), "\(size)")
            #expect(full.contains { $0 > doneX }, "\(size): the curve tops out right of the bound\n\(finished.joined(separator: "\n"))")
            let panel = Self.region(Self.frame(done, size), r.server)
            #expect(panel[1].contains("complete 100/100 (100%)"), "\(size)")
            #expect(panel[2].contains("done ") && panel[2].contains("bound 666.7 s  +"), "\(size)")
        }
    }

    @Test("client-server: the title says so and the server's upload is full; the chart's bound is D_cs")
    func clientServer() throws {
        let size = Size(width: 120, height: 40)
        let shot = try Self.snapshot(at: 100, size: size, architecture: .clientServer)
        let lines = Self.frame(shot, size)
        let r = Screen.regions(for: size)
        let panel = Self.region(lines, r.server)
        #expect(panel[0].contains("distribution · client-server"))
        #expect(panel[2].contains("bound 4000.0 s"))
        #expect(panel[3].contains(" 100%"))
        #expect(panel[4].contains("peers 0 MB"))
        #expect(Self.region(lines, r.metrics).joined().contains("bound 4000.0 s"))
    }

    @Test("the seed lost says so in the panel; once nodes left, the bound is n/a and the chart draws none")
    func seedLostAndNoBound() throws {
        let size = Size(width: 120, height: 40)
        var scenario = try ScenarioCatalog.load("distribution")
        scenario.storage.restoreHours = 0.01
        let engine = Engine(scenario: scenario)
        engine.advance(to: .seconds(10), maxEvents: .max)
        #expect(engine.apply(.failDisk(.server)).accepted)
        #expect(engine.apply(.removeNodes(10)).accepted)
        engine.advance(to: .seconds(20), maxEvents: .max)
        var request = SnapshotRequest()
        request.curvePoints = CompletionChart.columns(paneWidth: Screen.regions(for: size).metrics.width)
        let lines = Self.frame(engine.snapshot(request), size)
        let r = Screen.regions(for: size)
        let panel = Self.region(lines, r.server)
        #expect(panel[1].contains("complete 0/90"))
        #expect(panel[2].contains("elapsed 20.0 s  bound n/a: nodes left"))
        #expect(panel[4].contains("seed lost  server ") && panel[4].contains("  peers "))
        let chart = Self.region(lines, r.metrics).joined()
        #expect(!chart.contains("bound") && !chart.contains("┃"))
        // The storage panel speaks of the file, not of the request workload's files and copies.
        let storage = Self.region(lines, r.security).joined(separator: "\n")
        #expect(storage.contains("storage · the file on disks"))
        #expect(storage.contains("seed lost: no backup of the server's disk"))
        #expect(storage.contains("disk failures 1  chunks lost 0") && !storage.contains("copies"))
    }

    @Test("a node's progress is a shade: nothing a dot, thirds light to dark, all of it solid")
    func shades() {
        #expect(DistributionPanel.shade(0).0 == "·")
        #expect(DistributionPanel.shade(0.2).0 == "░")
        #expect(DistributionPanel.shade(0.5).0 == "▒")
        #expect(DistributionPanel.shade(0.9).0 == "▓")
        #expect(DistributionPanel.shade(1).0 == "█")
    }
}
