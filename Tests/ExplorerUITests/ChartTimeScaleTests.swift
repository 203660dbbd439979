@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The metrics charts' time scale: seconds per column follow the speed (README: at least 60 simulated and 20 wall
/// seconds), the title states the span, every headline figure reads the newest column, the throughput chart shows
/// its scale and the server's capacity.
@Suite("Chart time scale")
struct ChartTimeScaleTests {
    /// A screen size the view is tried at, with the chart columns its metrics pane has.
    struct Case: Sendable, CustomTestStringConvertible {
        var width: Int, height: Int, speed: Double
        /// Expected seconds per column and title span (worked out by hand from the README's rule).
        var perColumn: Int, span: String
        var testDescription: String { "\(width)×\(height) at \(Int(speed))×" }
        var size: Size { Size(width: width, height: height) }
    }

    // Chart columns: 80 wide → 20, 120 → 48, 200 → 96 (pane width − borders − label − figures).
    // s/col is the least of 1, 2, 5, 10, … with columns × s/col ≥ max(60, 20 × speed).
    static let cases: [Case] = [
        Case(width: 80, height: 24, speed: 1, perColumn: 5, span: "100 s"),
        Case(width: 80, height: 24, speed: 10, perColumn: 10, span: "3 min 20 s"),
        Case(width: 80, height: 24, speed: 100, perColumn: 100, span: "33 min 20 s"),
        Case(width: 80, height: 24, speed: 1000, perColumn: 1000, span: "5 h 33 min"),
        Case(width: 120, height: 40, speed: 1, perColumn: 2, span: "96 s"),
        Case(width: 120, height: 40, speed: 10, perColumn: 5, span: "4 min"),
        Case(width: 120, height: 40, speed: 100, perColumn: 50, span: "40 min"),
        Case(width: 120, height: 40, speed: 1000, perColumn: 500, span: "6 h 40 min"),
        Case(width: 200, height: 60, speed: 1, perColumn: 1, span: "96 s"),
        Case(width: 200, height: 60, speed: 10, perColumn: 5, span: "8 min"),
        Case(width: 200, height: 60, speed: 100, perColumn: 50, span: "1 h 20 min"),
        Case(width: 200, height: 60, speed: 1000, perColumn: 500, span: "13 h 20 min"),
    ]

    /// Each case's snapshot of one quiet run of 50,000 simulated seconds (two clients, nothing failing), taken as
    /// the live view asks for it: every chart column in every case has completed requests, so each shows a bar.
    static let longRun: [String: Snapshot] = {
        var s = Scenario(name: "long quiet run")
        s.seed = 5
        s.nodes = 2
        s.workload.rate = 2
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(50_000))
        var shots: [String: Snapshot] = [:]
        for c in cases {
            shots[c.testDescription] = engine.snapshot(ChartTimeScale.request(speed: c.speed, screen: c.size))
        }
        return shots
    }()

    /// The metrics pane's rows in a screen.
    static func metricsRows(_ lines: [String], _ size: Size) -> [String] {
        let r = Screen.regions(for: size).metrics
        return lines[r.y..<r.bottom].map { String(Array($0)[r.x..<r.right]) }
    }

    @Test("the rule: the least 1-2-5 step whose columns cover 60 simulated and 20 wall seconds")
    func rule() {
        for speed in SpeedLadder.speeds {
            for columns in [20, 33, 36, 48, 96, 120] {  // 20: an 80-column screen's charts
                let c = ChartTimeScale.secondsPerColumn(speed: speed, columns: columns)
                let wanted = max(60, 20 * speed)
                #expect(Double(c * columns) >= wanted, "speed \(speed), \(columns) columns: \(c) s/col")
                if let i = ChartTimeScale.steps.firstIndex(of: c), i > 0 {
                    #expect(Double(ChartTimeScale.steps[i - 1] * columns) < wanted, "\(c) s/col is not the least")
                }
                #expect([1, 2, 5].contains(c / Self.powerOfTen(c)))
            }
        }
        #expect(ChartTimeScale.span(seconds: 20_000) == "5 h 33 min")
        #expect(ChartTimeScale.span(seconds: 200_000) == "2 d 7 h")
        #expect(ChartTimeScale.span(seconds: 90) == "90 s")
    }

    static func powerOfTen(_ n: Int) -> Int {
        var p = 1
        while p * 10 <= n { p *= 10 }
        return p
    }

    @Test("at each speed and size the title states the span and s/col, and the columns are drawn", arguments: cases)
    func titleAndColumns(_ c: Case) throws {
        let request = ChartTimeScale.request(speed: c.speed, screen: c.size)
        #expect(request.secondsPerColumn == c.perColumn)
        let snapshot = try #require(Self.longRun[c.testDescription])
        #expect(snapshot.secondsPerColumn == c.perColumn)
        let state = Fixtures.state { $0.speed = c.speed }
        var buffer = Buffer(size: c.size)
        Screen.render(snapshot: snapshot, state: state, into: &buffer)
        let rows = Self.metricsRows(buffer.lines(), c.size)
        #expect(rows[0].contains("metrics · last \(c.span) · \(c.perColumn) s/col"), "\(rows[0])")
        // The span covers at least 20 wall seconds at this speed.
        let columns = MetricsPane.chartWidth(paneWidth: Screen.regions(for: c.size).metrics.width)
        #expect(Double(columns * c.perColumn) / c.speed >= 20)
        // Every column is drawn: the throughput row has a bar in each (the run is longer than any span here).
        let chart = MetricsPane.chart(snapshot: snapshot, area: Screen.regions(for: c.size).metrics)
        #expect(chart.samples.count == columns)
        // The throughput chart's bottom row (its top row carries the capacity line where bars do not reach).
        #expect(rows[1].hasPrefix("│thruput") || rows[1].hasPrefix("┃thruput"))
        let thruputRow = rows[chart.rowsEach]
        let bars = Array(thruputRow)[(1 + MetricsPane.labelWidth)..<(1 + MetricsPane.labelWidth + columns)]
        // A column with completions has a bar; one without (a quiet second at 1 s/col) is blank.
        for (bar, sample) in zip(bars, chart.samples) {
            #expect(Symbols.unicode.sparkline.contains(bar) == (sample.completed > 0), "\(thruputRow)")
        }
        #expect(chart.samples.filter { $0.completed > 0 }.count >= columns * 9 / 10)
    }

    @Test("each frame asks the model for one sample per chart column at the speed's seconds per column")
    func liveAppAsksPerFrame() {
        let model = FakeNetworkModel()
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        let clock = ManualClock(nanoseconds: 1_000_000_000)
        let app = LiveApp(model: model, origin: RunOrigin(scenario: Scenario(name: "x")), backend: terminal,
                          clock: clock, startSpeed: 1000, startPaused: true)
        app.renderFrame()
        #expect(model.requests.last?.seriesLimit == 20 && model.requests.last?.secondsPerColumn == 1000)
        terminal.resize(to: Size(width: 120, height: 40))
        terminal.type("<")  // 500×: 48 columns × 500 s = 24,000 s ≥ 10,000
        _ = LiveAppTests.frames(1, app, clock)
        #expect(model.requests.last?.seriesLimit == 48 && model.requests.last?.secondsPerColumn == 500)
    }

    @Test("a chart column maps to the time span it folds and its sample; outside the drawn columns, nothing")
    func columnAtX() throws {
        let series = (1...10).map { k -> SecondSample in
            var s = SecondSample(second: 5 * k, architecture: .clientServer, nodes: 8)
            s.seconds = 5
            s.completed = 10 * k
            return s
        }
        var snapshot = Fixtures.snapshot(series: series)
        snapshot.secondsPerColumn = 5
        let area = Rect(x: 0, y: 16, width: 44, height: 7)
        let chart = MetricsPane.chart(snapshot: snapshot, area: area)
        // 20 columns from x = 1 + 8; ten samples, right-aligned: the oldest at x = 19.
        #expect(chart.x == 9 && chart.width == 20 && chart.secondsPerColumn == 5)
        let oldest = try #require(chart.column(atX: 19))
        #expect(oldest.from == 0 && oldest.to == .seconds(5) && oldest.sample.completed == 10)
        let newest = try #require(chart.column(atX: 28))
        #expect(newest.from == .seconds(45) && newest.to == .seconds(50) && newest.sample.throughput == 20)
        #expect(chart.column(atX: 18) == nil && chart.column(atX: 29) == nil && chart.column(atX: 0) == nil)
    }

    /// A snapshot of overloaded-looking columns: throughput below and then above the 100 req/s capacity.
    static func columns(_ completed: [Int], seconds: Int = 5) -> Snapshot {
        let series = completed.enumerated().map { i, n -> SecondSample in
            var s = SecondSample(second: seconds * (i + 1), architecture: .clientServer, nodes: 8)
            s.seconds = seconds
            s.completed = n * seconds
            s.queue = 60
            return s
        }
        var snapshot = Fixtures.snapshot(series: series)
        snapshot.secondsPerColumn = seconds
        return snapshot
    }

    @Test("the throughput chart states its top and draws the server's capacity as a line; one row says both")
    func throughputScaleAndCapacity() throws {
        // Two rows a chart (a 120×40 screen): `max 100` under the label, `─ cap 100` beside, the line in the top row.
        let tall = Fixtures.lines(width: 72, height: 15) {
            MetricsPane.render(snapshot: Self.columns([50, 80, 100, 40]), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(tall[1].hasPrefix("│thruput") && tall[1].contains("40.0 req/s"), "\(tall[1])")
        #expect(tall[2].hasPrefix("│max 100") && tall[2].contains("─ cap 100"), "\(tall[2])")
        // The top row's blank cells carry the line; the 100 req/s column reaches it and stays a bar.
        let top = Array(tall[1])[(1 + 8)..<(1 + 8 + 48)]
        #expect(top.suffix(4) == ["─", "▅", "█", "─"] && top.prefix(44).allSatisfy { $0 == "─" }, "\(tall[1])")
        // Above capacity the top is the largest column and the line sits below it.
        let over = Fixtures.lines(width: 72, height: 15) {
            MetricsPane.render(snapshot: Self.columns([50, 130]), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(over[2].hasPrefix("│max 130") && over[2].contains("─ cap 100"), "\(over[2])")
        // One row a chart (80×24): the newest column's rate over the chart's top.
        let short = Fixtures.lines(width: 44, height: 7) {
            MetricsPane.render(snapshot: Self.columns([50, 80]), state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(short[1].contains(" 80/100 req/s"), "\(short[1])")
        // A mesh has no one capacity, and says so.
        var mesh = Self.columns([50, 80])
        mesh.architecture = .peerMesh
        let meshLines = Fixtures.lines(width: 72, height: 15) {
            MetricsPane.render(snapshot: mesh, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(meshLines[2].hasPrefix("│max 80") && meshLines[2].contains("no one cap"), "\(meshLines[2])")
    }

    @Test("a rate folded over a wide column that rounds to 0.0 reads <0.1 beside its bar")
    func tinyRate() {
        var snapshot = Self.columns([50, 80], seconds: 1000)
        snapshot.series[1].rejected = 1  // one loss in 1000 s: 0.001 a second
        let lines = Fixtures.lines(width: 44, height: 7) {
            MetricsPane.render(snapshot: snapshot, state: Fixtures.state(), area: $0, buffer: &$1)
        }
        #expect(lines[5].hasPrefix("│lost") && lines[5].contains("█") && lines[5].contains("<0.1 /s"), "\(lines[5])")
        #expect(MetricsPane.figure(0) == "0.0" && MetricsPane.figure(0.05) == "0.1")
    }

    @Test("an overloaded bottleneck: the server panel's mean queue and util are the metrics' newest column's")
    func serverPanelAgreesWithMetrics() throws {
        var s = Scenario(name: "bottleneck")
        s.seed = 7
        s.nodes = 90
        s.workload.rate = 1.5  // 135 req/s offered against 4 workers ÷ 40 ms = 100 req/s
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(45.5))
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)] {
            let snapshot = engine.snapshot(ChartTimeScale.request(speed: 1, screen: size))
            #expect(snapshot.server?.overloaded == true)
            var buffer = Buffer(size: size)
            Screen.render(snapshot: snapshot, state: Fixtures.state(), into: &buffer)
            let lines = buffer.lines()
            let r = Screen.regions(for: size)
            let server = lines[r.server.y..<r.server.bottom].map { String(Array($0)[r.server.x..<r.server.right]) }
            let metrics = Self.metricsRows(lines, size)
            let newest = try #require(snapshot.series.last)
            // The metrics' queue figure, as written beside its chart.
            let queueRow = try #require(metrics.first { $0.hasPrefix("│queue") })
            let figure = try #require(queueRow.split(separator: " ").dropLast(2).last.map(String.init))
            #expect(figure == MetricsPane.figure(newest.queue))
            #expect(newest.queue > 32, "an overloaded queue stays above half full")
            let serverQueue = try #require(server.first { $0.contains("queue ") })
            #expect(serverQueue.contains("mean \(figure)"), "\(serverQueue) vs metrics \(figure)")
            #expect(server[0].contains("util, mean: last \(snapshot.secondsPerColumn) s"), "\(server[0])")
            #expect(server[1].contains("util \(Format.percent(newest.utilization))"), "\(server[1])")
            #expect(server.contains { $0.contains("OVERLOAD") })
        }
    }
}
