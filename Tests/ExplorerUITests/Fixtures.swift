@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas

/// Hand-built snapshots and helpers shared by the render tests: every figure is fixed, so the goldens are exact.
enum Fixtures {
    /// A server with 4 workers, 3 busy, 12 of 64 queued, capacity 100 req/s against 12 offered.
    static func server(overloaded: Bool = false, up: Bool = true, queue: Int = 12, offered: Double = 12) -> ServerView {
        ServerView(up: up, workers: 4, busyWorkers: up ? 3 : 0, queueLength: queue, queueCapacity: 64,
                   overloaded: overloaded, recentUtilization: 0.75, capacityRPS: 100, offeredRPS: offered,
                   costDollars: 0.0278, costPerHour: 1.20)
    }

    /// Eight clients: 2 busy, 1 down, the rest idle; the server queueing.
    static func smallNodes(serverActivity: NodeActivity = .queueing) -> [NodeView] {
        var nodes = [NodeView(id: 0, role: .server, activity: serverActivity, completed: 940, outstanding: 15)]
        for id in 1...8 {
            let activity: NodeActivity = id == 3 || id == 6 ? .busy : id == 5 ? .down : .idle
            nodes.append(NodeView(id: id, role: .client, activity: activity, sent: 100 + id, completed: 98 + id,
                                  outstanding: activity == .busy ? 1 : 0, meanLatencyMs: 40 + Double(id) / 4))
        }
        return nodes
    }

    /// Per-second samples with a rising load, `count` of them ending at second `count`.
    static func series(count: Int) -> [SecondSample] {
        (1...max(1, count)).map { s in
            var sample = SecondSample(second: s, architecture: .clientServer, nodes: 8)
            sample.completed = 10 + s % 7
            sample.issued = sample.completed + (s > count - 3 ? 5 : 0)
            sample.rejected = s > count - 3 ? s - (count - 3) : 0
            sample.latencyMeanMs = 45 + Double(s % 5) * 2
            sample.latencyP95Ms = 90 + Double(s % 6) * 10
            sample.queue = Double(s % 9) * 4
            sample.utilization = 0.5
            return sample
        }
    }

    static let events: [NetworkEvent] = [
        NetworkEvent(time: .seconds(12.5), kind: .nodesAdded, node: 9, detail: "5 clients joined (now 13)"),
        NetworkEvent(time: .seconds(30.0), kind: .overload, node: 0, detail: "queue full (64/64): rejecting requests"),
        NetworkEvent(time: .seconds(41.2), kind: .nodeDown, node: 5, detail: "client 5 crashed"),
        NetworkEvent(time: .seconds(55.0), kind: .recovered, node: 0, detail: "queue drained to 20"),
        NetworkEvent(time: .seconds(60.1), kind: .loginFailure, node: 4, detail: "wrong password for alice"),
        NetworkEvent(time: .seconds(70.0), kind: .nodeUp, node: 5, detail: "client 5 is back"),
    ]

    /// The classroom picture at t=83.4 s.
    static func snapshot(name: String = "classroom", nodes: [NodeView]? = nil, server: ServerView? = nil,
                         flights: [FlightView] = [], series: [SecondSample]? = nil,
                         events: [NetworkEvent] = Fixtures.events) -> Snapshot {
        let nodes = nodes ?? smallNodes()
        var requests = RequestCounts()
        requests.issued = 1000; requests.completed = 940; requests.rejected = 30; requests.timedOut = 5
        requests.failed = 2; requests.inFlight = 23
        var latency = LatencySummary()
        latency.mean = 48.2; latency.p50 = 41.0; latency.p95 = 131.04; latency.p99 = 190.0; latency.max = 412.0
        return Snapshot(scenarioName: name, architecture: .clientServer, now: .seconds(83.46), nodes: nodes,
                        server: server ?? Fixtures.server(), requests: requests, latency: latency,
                        series: series ?? Fixtures.series(count: 83), recentEvents: events, flights: flights,
                        activeNodeCount: nodes.count - 1, ratePerNode: 1.5)
    }

    /// `count` clients, every seventh busy and every 50th down.
    static func manyNodes(_ count: Int) -> [NodeView] {
        var nodes = [NodeView(id: 0, role: .server, activity: .overloaded, completed: 5000, outstanding: 68)]
        for id in 1...count {
            let activity: NodeActivity = id % 50 == 0 ? .down : id % 7 == 0 || (id > 600 && id < 700) ? .busy : .idle
            nodes.append(NodeView(id: id, role: .client, activity: activity))
        }
        return nodes
    }

    static func state(_ configure: (inout AppState) -> Void = { _ in }) -> AppState {
        var s = AppState(scenarioName: "classroom", speed: 1)
        configure(&s)
        return s
    }

    /// Renders with `draw` into a blank buffer of `width`×`height` and returns its lines; with `ascii`, as a
    /// terminal without Unicode shows them (panes draw Unicode and `Screen.render` replaces it at the end).
    static func lines(width: Int, height: Int, ascii: Bool = false, _ draw: (Rect, inout Buffer) -> Void) -> [String] {
        buffer(width: width, height: height, ascii: ascii, draw).lines()
    }

    /// The same, returning the buffer for style checks.
    static func buffer(width: Int, height: Int, ascii: Bool = false, _ draw: (Rect, inout Buffer) -> Void) -> Buffer {
        var buffer = Buffer(size: Size(width: width, height: height))
        draw(buffer.area, &buffer)
        if ascii { AsciiFallback.apply(to: &buffer) }
        return buffer
    }
}
