@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// `TopologyPane.node(atX:y:…)`: a click where node k is drawn selects k, whatever the layout. Each node's cell is
/// found on the rendered screen (what turns reverse video when it is selected), never from coordinates written here,
/// so the tests hold for any picture that marks the selected node.
@Suite("Topology hit testing")
struct TopologyHitTestTests {
    /// The cell where `id` is drawn: the first cell of the topology's inside that changes when `id` is selected
    /// (the selected node is drawn in reverse video) and is not its label; nil when the picture does not show it.
    static func drawnCell(of id: Int, snapshot: Snapshot, size: Size) -> (x: Int, y: Int)? {
        func render(selecting selected: Int) -> Buffer {
            var state = Fixtures.state { $0.selectedNode = selected; $0.focus = .metrics }
            state.status = nil
            var buffer = Buffer(size: size)
            TopologyPane.render(snapshot: snapshot, state: state, area: Screen.regions(for: size).topology,
                                buffer: &buffer)
            return buffer
        }
        let plain = render(selecting: -1)
        let selected = render(selecting: id)
        let inner = Block().inner(Screen.regions(for: size).topology)
        for y in inner.rows {
            for x in inner.columns {
                let cell = selected[x, y]
                if cell != plain[x, y], cell.style.reverse, !cell.grapheme.isNumber, cell.grapheme != " " {
                    return (x, y)
                }
            }
        }
        return nil
    }

    /// `snapshot` with its overloaded nodes busy and no attacker or breach marks (the security legend stays): those
    /// are drawn in reverse video already, so selecting them would change nothing `drawnCell` could see. Where a
    /// node is drawn never depends on its state.
    static func unmarked(_ snapshot: Snapshot) -> Snapshot {
        var s = snapshot
        for i in s.nodes.indices {
            if s.nodes[i].activity == .overloaded { s.nodes[i].activity = .busy }
            s.nodes[i].security.attacker = false
            s.nodes[i].security.breached = false
            s.nodes[i].security.underAttack = false
        }
        return s
    }

    static func hit(_ cell: (x: Int, y: Int), _ snapshot: Snapshot, _ size: Size) -> Int? {
        TopologyPane.node(atX: cell.x, y: cell.y, snapshot: snapshot, state: Fixtures.state(),
                          area: Screen.regions(for: size).topology)
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40),
                        Size(width: 200, height: 60)]

    /// Pictures where every node has a cell of its own: a star of 8 and of 20 clients, a DHT ring, a mesh with the
    /// old server draining in the middle, a star with the security legend.
    static let oneCellEach: [(String, Snapshot)] = [
        ("star of 8", Fixtures.snapshot()),
        ("star of 20", Fixtures.snapshot(nodes: Fixtures.manyNodes(20))),
        ("dht ring of 12", MeshFixtures.snapshot()),
        ("mesh with a draining server", MeshFixtures.snapshot(draining: 6)),
        ("star with security marks", SecurityFixtures.snapshot()),
    ]

    @Test("clicking where node k is drawn selects k, for every node and the server", arguments: sizes)
    func everyNode(size: Size) {
        for (name, picture) in Self.oneCellEach {
            let snapshot = Self.unmarked(picture)
            let ids = (snapshot.server != nil ? [0] : []) + Array(1...snapshot.activeNodeCount)
            for id in ids {
                guard let cell = Self.drawnCell(of: id, snapshot: snapshot, size: size) else {
                    Issue.record("\(name) at \(size): node \(id) not drawn")
                    continue
                }
                #expect(Self.hit(cell, snapshot, size) == id, "\(name) at \(size): node \(id) drawn at \(cell)")
            }
        }
    }

    @Test("in a heat strip a click selects a node of the cell clicked (its first), and the summary row the server",
          arguments: sizes)
    func strips(size: Size) {
        let pictures: [(String, Snapshot)] = [
            ("300 clients", Fixtures.snapshot(nodes: Fixtures.manyNodes(300))),
            ("2000 clients", Fixtures.snapshot(nodes: Fixtures.manyNodes(2000))),
            ("500 peers", MeshFixtures.snapshot(nodes: MeshFixtures.manyPeers(500))),
        ]
        for (name, picture) in pictures {
            let snapshot = Self.unmarked(picture)
            var checked = 0
            for id in stride(from: 1, through: snapshot.activeNodeCount, by: max(7, snapshot.activeNodeCount / 40)) {
                guard let cell = Self.drawnCell(of: id, snapshot: snapshot, size: size) else { continue }
                guard let hit = Self.hit(cell, snapshot, size) else {
                    Issue.record("\(name) at \(size): nothing at \(cell), where \(id) is drawn")
                    continue
                }
                #expect(hit <= id, "\(name) at \(size): \(id)'s cell selects \(hit)")
                let hitCell = Self.drawnCell(of: hit, snapshot: snapshot, size: size)
                #expect(hitCell.map { $0 == cell } == true, "\(name) at \(size): \(hit) is drawn elsewhere")
                checked += 1
            }
            #expect(checked > 10, "\(name) at \(size): too few nodes drawn to check")
            if snapshot.server != nil {
                let server = Self.drawnCell(of: 0, snapshot: snapshot, size: size)
                #expect(server.map { Self.hit($0, snapshot, size) } == 0, "\(name) at \(size): the server")
            }
        }
    }

    @Test("a click beside a glyph finds it; on links, legends, empty space and the border there is no node")
    func misses() throws {
        let size = Size(width: 120, height: 40)
        let snapshot = Fixtures.snapshot()
        let area = Screen.regions(for: size).topology
        let cell = try #require(Self.drawnCell(of: 3, snapshot: snapshot, size: size))
        #expect(Self.hit((cell.x + 1, cell.y), snapshot, size) == 3)
        #expect(Self.hit((cell.x - 1, cell.y), snapshot, size) == 3)
        // The corners of the pane's inside are far from the star, the legend is the last row, the border is outside.
        let inner = Block().inner(area)
        #expect(Self.hit((inner.x, inner.y), snapshot, size) == nil)
        #expect(Self.hit((inner.right - 1, inner.y), snapshot, size) == nil)
        #expect(Self.hit((inner.x + 2, inner.bottom - 1), snapshot, size) == nil)
        #expect(Self.hit((area.x, area.y + area.height / 2), snapshot, size) == nil)
        #expect(Self.hit((area.right + 5, area.y + 3), snapshot, size) == nil)
    }
}
