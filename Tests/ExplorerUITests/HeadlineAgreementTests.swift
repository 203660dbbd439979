import Testing
import NetworkEngine
import TerminalCanvas
@testable import ExplorerUI

/// The server's utilization reads the same in every pane: the server panel and the inspector both read the metrics
/// charts' newest column, never the engine's last-second figure beside it (at 1000× the two differed: `util 43%`
/// beside `util 60%`).
@Suite("Headline figures agree across panes")
struct HeadlineAgreementTests {
    @Test("the inspector's util is the server panel's: the charts' newest column, not the last second")
    func inspectorUtilMatchesServerPanel() {
        var server = Fixtures.server()
        server.recentUtilization = 0.43
        var series = Fixtures.series(count: 20)
        series[series.count - 1].utilization = 0.6
        let snapshot = Fixtures.snapshot(server: server, series: series)
        let inspector = Fixtures.lines(width: 46, height: 8) {
            InspectorPane.render(snapshot: snapshot, state: Fixtures.state { $0.selectedNode = 0 }, area: $0,
                                 buffer: &$1)
        }
        let panel = Fixtures.lines(width: 46, height: 8) {
            ServerPanel.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(inspector.contains { $0.contains("util 60%") }, "\(inspector)")
        #expect(panel.contains { $0.contains("util 60%") }, "\(panel)")
        #expect(!inspector.contains { $0.contains("43%") })
    }
}
