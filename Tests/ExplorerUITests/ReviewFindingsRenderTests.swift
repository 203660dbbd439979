@testable import ExplorerUI
import Foundation
import NetworkEngine
import TerminalCanvas
import Testing

/// The review's last findings on the live view (issue 15): each test fails with the picture the review saw.
@Suite("Review findings, rendered")
struct ReviewFindingsRenderTests {
    // MARK: - The server panel while down

    @Test("a server that is down shows no utilization, not the 100% of the column before its crash")
    func downServerHasNoUtilization() {
        var series = Fixtures.series(count: 83)
        series[series.count - 1].utilization = 1
        let snapshot = Fixtures.snapshot(server: Fixtures.server(up: false), series: series)
        let lines = Fixtures.lines(width: 46, height: 9) {
            ServerPanel.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines[1].contains("DOWN") && lines[1].contains("util —"), "\(lines)")
        #expect(!lines[1].contains("100%"), "\(lines)")
        // Up, the same column reads as it is.
        let up = Fixtures.lines(width: 46, height: 9) {
            ServerPanel.render(snapshot: Fixtures.snapshot(series: series), state: Fixtures.state(), area: $0,
                               buffer: &$1)
        }
        #expect(up[1].contains("util 100%"), "\(up)")
    }

    // MARK: - The mesh's one-row throughput figure

    @Test("a mesh's one-row throughput figure is the rate in req/s, not a ratio to the chart's peak")
    func meshThroughputIsARate() {
        let lines = Fixtures.lines(width: 44, height: 8) {
            MetricsPane.render(snapshot: MeshFixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        // The newest second completed 16 requests (the fixture's 10 + 83 % 7).
        #expect(lines[1].hasSuffix(" 16.0 req/s│") && !lines[1].contains("/16"), "\(lines[1])")
    }

    // MARK: - The footer's order

    @Test("the footer names rejected before failed at every width, the p95 after them or not at all")
    func footerKeepsOneOrder() {
        for width in 30...110 {
            for line in PhaseLines.footer(PhaseFixtures.afterSwitch(), width: width, rows: 2) {
                let text = line.spans.map(\.text).joined()
                guard let rejected = text.range(of: "rejected"), let failed = text.range(of: "failed") else { continue }
                #expect(rejected.lowerBound < failed.lowerBound, "\(width): \(text)")
                if let p95 = text.range(of: "p95") { #expect(failed.lowerBound < p95.lowerBound, "\(width): \(text)") }
            }
        }
    }

    // MARK: - The mesh panel's before line

    @Test("at 120×40 the mesh panel's before line keeps the architecture's name, its words shortened instead")
    func beforeLineNamesTheArchitecture() {
        let screen = Fixtures.lines(width: 120, height: 40) { _, b in
            Screen.render(snapshot: PhaseFixtures.afterSwitch(), state: Fixtures.state(), into: &b)
        }
        let panel = Screen.regions(for: Size(width: 120, height: 40)).server
        let rows = screen[panel.y..<panel.bottom].map { String($0.dropFirst(panel.x)) }
        let before = rows.first { $0.contains("before:") }
        #expect(before?.contains("before: client-server · 25.0% rej · 1.7% fail") == true, "\(rows)")
    }

    // MARK: - The event log's kept-in-view divider

    @Test("the kept-in-view divider appears only when lines were kept out of order, not over lines next in line")
    func keptDividerOnlyWhenSomethingWasPushedOut() {
        // Six breaches (t=1…6 s), then five lines of the server overloading and recovering (t=10…14 s): newest
        // first, the breaches follow the overloads directly, so nothing is out of order whatever the pane shows.
        var events: [NetworkEvent] = (1...6).map { i in
            NetworkEvent(time: .seconds(Double(i)), kind: .breach, node: 0, account: i, peer: 1, outcome: .broken,
                         detail: "node 1 broke into account \(i)")
        }
        for i in 0..<5 {
            events.append(NetworkEvent(time: .seconds(Double(10 + i)), kind: i % 2 == 0 ? .overload : .recovered,
                                       node: 0, detail: "queue"))
        }
        let lines = EventLogTests.log(EventLogTests.snapshot(events), height: 10)
        #expect(!lines.contains { $0.contains("kept in view") }, "\(lines)")
        // Eight rows, newest first and in order: the five server lines, then the breaches of t=6, 5 and 4 s.
        #expect(lines[1].hasPrefix("│14.0s ") && lines[6].hasPrefix("│6.0s ") && lines[8].hasPrefix("│4.0s "),
                "\(lines)")
    }

    // MARK: - The mesh's queue chart

    @Test("under the mesh the queue row charts what waits at the peers, says so, and a tenth of a request is no full bar")
    func meshQueueChartsThePeers() {
        var snapshot = MeshFixtures.snapshot()
        snapshot.series = MeshFixtures.series(count: 83).map { sample in
            var s = sample
            if s.second >= 71 { s.peerQueue = 0.1 }
            return s
        }
        let buffer = Fixtures.buffer(width: 44, height: 8) {
            MetricsPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        let lines = buffer.lines()
        #expect(lines[4].hasPrefix("│peer q ") && lines[4].hasSuffix("  0.1 req  │"), "\(lines[4])")
        // The newest column (x = 1 + 8 + 19) holds the lowest bar: 0.1 against a scale of at least one request.
        #expect(buffer[28, 4].grapheme == "▁", "\(lines[4])")
        // Under client-server the same row is the server's queue, labelled as before.
        #expect(Fixtures.lines(width: 44, height: 8) {
            MetricsPane.render(snapshot: Fixtures.snapshot(), state: Fixtures.state(), area: $0, buffer: &$1)
        }[4].hasPrefix("│queue "))
    }

    // MARK: - Status messages cut short

    @Test("at 100×30 a message too long for the bars ends in '… :messages', and :messages shows it whole")
    func longMessageReadableWhole() {
        let context = UpdateContext(wallNanos: 0, activeNodes: 8)
        var state = Fixtures.state()
        _ = update(&state, .openCommandLine, context: context)
        for c in "set replicas 5" { _ = update(&state, .editLine(.char(c)), context: context) }
        _ = update(&state, .editLine(.enter), context: context)
        let message = state.status?.text ?? ""
        #expect(message.hasPrefix("cannot set replicas: ") && message.hasSuffix("the engine does not model"))
        func screen(_ state: AppState) -> [String] {
            Fixtures.lines(width: 100, height: 30) { _, b in
                Screen.render(snapshot: Fixtures.snapshot(), state: state, into: &b)
            }
        }
        let cut = screen(state)
        #expect(cut[29].hasSuffix("… :messages") && cut[29].contains("cannot set replicas"), "\(cut[29])")
        _ = update(&state, .openCommandLine, context: context)
        for c in "messages" { _ = update(&state, .editLine(.char(c)), context: context) }
        _ = update(&state, .editLine(.enter), context: context)
        #expect(state.showsMessages)
        // The whole message, wrapped inside the box, newest last.
        let text = screen(state).compactMap { row -> String? in
            guard let open = row.firstIndex(of: "║"), let close = row.lastIndex(of: "║"), open < close else { return nil }
            return row[row.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ")
        #expect(text.contains(message), "\(screen(state))")
        _ = update(&state, .closeHelp, context: context)
        #expect(!state.showsMessages)
    }
}
