import NetExplorerAssets
@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The storage panel: where the data is and what a failure would take now, drawn in the security panel's place while
/// storage is in play; and `d`, which fails the selected node's disk (the server's).
@Suite("Storage panel")
struct StoragePanelTests {
    /// The built-in backup scenario's snapshot at `seconds`.
    static func snapshot(at seconds: Double) throws -> Snapshot {
        let engine = Engine(scenario: try ScenarioCatalog.load("backup"))
        engine.advance(to: .seconds(seconds), maxEvents: .max)
        return engine.snapshot(SnapshotRequest())
    }

    /// The security region's rows of a 120×40 screen.
    static func panel(_ snapshot: Snapshot) -> [String] {
        let size = Size(width: 120, height: 40)
        let lines = Fixtures.lines(width: size.width, height: size.height) { _, b in
            Screen.render(snapshot: snapshot, state: Fixtures.state(), into: &b)
        }
        let r = Screen.regions(for: size).security
        return lines[r.y..<r.bottom].map { String(Array($0)[r.x..<r.right]) }
    }

    @Test("client-server: the last backup and what a failure would lose; restoring; then the mesh's copies")
    func phases() throws {
        let backedUp = Self.panel(try Self.snapshot(at: 12))
        #expect(backedUp[0].contains("storage · server disk + backup"))
        #expect(backedUp[1].contains("last backup 10.0 s  next 20.0 s"))
        #expect(backedUp[2].contains("unsaved ") && backedUp[2].contains(" writes, "))
        #expect(backedUp[3].contains("files lost 0 of 100  durability 100.0%"))
        #expect(backedUp[4].contains("disk failures 0  writes "))

        let restoring = Self.panel(try Self.snapshot(at: 18))
        #expect(restoring[1].contains("restoring 4.0 s left (backup of 10.0 s)"))
        #expect(restoring[2].contains("unsaved 0 writes, 0 files"))
        #expect(restoring[4].contains("disk failures 1  "))

        let repairing = Self.panel(try Self.snapshot(at: 41))
        #expect(repairing[0].contains("storage · copies on peers (3 each)"))
        #expect(repairing[1].contains("full ") && repairing[1].contains("at risk 0") && repairing[1].contains("gone 0"))
        #expect(repairing[2].contains("repairs 2 peers  next 44.0 s"))

        let lost = Self.panel(try Self.snapshot(at: 52))
        #expect(lost[1].contains("gone ") && !lost[1].contains("gone 0"))
        #expect(lost[3].contains("files lost ") && !lost[3].contains("files lost 0 "))
    }

    @Test("without storage the security panel stays; an attack keeps it too")
    func onlyWhenInPlay() throws {
        var plain = try Self.snapshot(at: 12)
        plain.storage = nil
        #expect(!Self.panel(plain)[0].contains("storage"))
        var attacked = try Self.snapshot(at: 12)
        attacked.security?.attackAttempts = 3
        #expect(!Self.panel(attacked)[0].contains("storage"))
    }

    @Test("d fails the server's disk with nothing selected: no backup, every file lost, shown on screen")
    func keyFailsTheServersDisk() throws {
        let (app, terminal, clock) = LiveAppTests.make(size: Size(width: 120, height: 40), paused: true)
        app.renderFrame()
        #expect(!terminal.screenLines().contains { $0.contains("storage ·") })
        terminal.type("d")
        _ = LiveAppTests.frames(1, app, clock)
        #expect(app.state.status?.text.hasPrefix("server's disk failed: no backup") == true)
        let screen = terminal.screenLines()
        #expect(screen.contains { $0.contains("storage · server disk, no backup") })
        #expect(screen.contains { $0.contains("files lost 100 of 100  durability 0.0%") })
        #expect(try LiveAppTests.engine(app).isUp(node: 0) == false)
        // Again while it is being restored: refused, with the time left.
        terminal.type("d")
        _ = LiveAppTests.frames(1, app, clock)
        #expect(app.state.status?.text.hasPrefix("the server's disk is being restored") == true)
    }

    @Test("d on a selected peer fails that peer's disk")
    func keyFailsAPeersDisk() throws {
        var state = Fixtures.state()
        state.selectedNode = 4
        let effects = update(&state, .failSelectedDisk, context: UpdateContext(wallNanos: 0, activeNodes: 20))
        #expect(effects == [.command(.failDisk(.node(4)))])
        state.selectedNode = 0
        #expect(update(&state, .failSelectedDisk, context: UpdateContext(wallNanos: 0, activeNodes: 20))
                == [.command(.failDisk(.server))])
    }
}
