import ExplorerUI
import NetworkEngine
import TerminalCanvas

/// Hand-built snapshots around a switch of architecture: the classroom's server overloaded from 0 to 70.4 s, then
/// the same machines as a mesh (13 s of it at t=83.4 s), or back to a server at 80.0 s. Every figure fixed, and the
/// whole run's differing from each period's, so a pane that shows the whole run is caught.
enum PhaseFixtures {
    static let switchedAt = SimTime.seconds(70.4)

    /// Client-server 0–70.4 s: 1200 issued, 300 rejected (25.0% of those ended), 12 failed and 8 timed out (1.7%),
    /// p95 2140 ms.
    static var serverPeriod: PhaseFigures {
        var p = PhaseFigures(architecture: .clientServer, from: 0, to: switchedAt)
        p.requests.issued = 1200; p.requests.completed = 880; p.requests.rejected = 300
        p.requests.failed = 12; p.requests.timedOut = 8
        p.latency.mean = 850; p.latency.p95 = 2140
        p.messages = 2400
        return p
    }

    /// Peer-mesh from 70.4 s: 150 issued, 140 completed, 1 rejected (0.7% of the 141 ended), 9 in flight, p95 131 ms.
    static var meshPeriod: PhaseFigures {
        var p = PhaseFigures(architecture: .peerMesh, from: switchedAt)
        p.requests.issued = 150; p.requests.completed = 140; p.requests.rejected = 1; p.requests.inFlight = 9
        p.latency.mean = 48.2; p.latency.p95 = 131.04
        p.messages = 700
        return p
    }

    /// The two periods together.
    static var wholeRun: RequestCounts {
        var r = RequestCounts()
        r.issued = 1350; r.completed = 1020; r.rejected = 301; r.failed = 12; r.timedOut = 8; r.inFlight = 9
        return r
    }

    /// The classroom at t=83.4 s under client-server, never switched: the engine's one period is the whole run.
    static func beforeSwitch() -> Snapshot {
        var s = Fixtures.snapshot()
        var whole = PhaseFigures(architecture: .clientServer, from: 0)
        whole.requests = s.requests
        whole.latency = s.latency
        s.phases = PhaseView(current: whole)
        return s
    }

    /// The mesh 13 s after the switch; each peer sent `3 + id % 4` and completed `2 + id % 4` since (at a mean of
    /// `30 + id` ms) and served `id` for others, its totals being the mesh fixture's.
    static func afterSwitch(selected: Int = 2) -> Snapshot {
        var s = MeshFixtures.snapshot()
        s.requests = wholeRun
        s.phases = PhaseView(current: meshPeriod, previous: serverPeriod, switches: 1)
        s.nodes = s.nodes.map { node in
            var node = node
            node.phase = NodePhaseFigures(sent: 3 + node.id % 4, completed: 2 + node.id % 4,
                                          meanLatencyMs: 30 + Double(node.id), served: node.id)
            return node
        }
        return s
    }

    /// Back under client-server since 80.0 s after the mesh's 70.4–80.0 s: 40 issued, 2 rejected of the 38 ended.
    static func switchedBack() -> Snapshot {
        var s = Fixtures.snapshot()
        s.requests = wholeRun
        var mesh = meshPeriod
        mesh.to = .seconds(80)
        var now = PhaseFigures(architecture: .clientServer, from: .seconds(80))
        now.requests.issued = 40; now.requests.completed = 36; now.requests.rejected = 2; now.requests.inFlight = 2
        now.latency.mean = 60; now.latency.p95 = 95.5
        s.phases = PhaseView(current: now, previous: mesh, switches: 2)
        s.switches = [switchedAt, .seconds(80)]
        s.nodes = s.nodes.map { node in
            var node = node
            node.phase = NodePhaseFigures(sent: node.id, completed: node.id == 0 ? 36 : max(0, node.id - 1),
                                          meanLatencyMs: 50 + Double(node.id), served: node.id == 0 ? 36 : 0)
            return node
        }
        return s
    }

    /// The rows of `rect` in a rendered screen (one character a cell: the fixtures draw no wide characters).
    static func region(_ lines: [String], _ rect: Rect) -> [String] {
        lines[rect.y..<rect.bottom].map { String(Array($0)[rect.x..<rect.right]) }
    }

    /// The whole screen at `width`×`height` with `snapshot`, node `selected` in the inspector.
    static func screen(_ snapshot: Snapshot, width: Int, height: Int, selected: Int = 2, ascii: Bool = false)
        -> [String] {
        Fixtures.lines(width: width, height: height, ascii: ascii) { _, b in
            Screen.render(snapshot: snapshot, state: Fixtures.state { $0.selectedNode = selected }, into: &b)
        }
    }
}
