// MARK: - Reading the engine

extension Engine {
    /// Requests per second the server can complete: workers ÷ mean service time.
    public var serverCapacityRPS: Double { Double(server.workers) / (scenario.server.serviceMs / 1000) }

    /// Requests per second the active clients offer.
    public var offeredRPS: Double { Double(activeClients) * scenario.workload.rate }

    /// Dollars the dedicated server has cost so far.
    public var serverCostDollars: Double { scenario.server.costPerHour * kernel.now.inSeconds / 3600 }

    /// Every request accounted for: the conservation law of DESIGN.md §2.
    public var requestCounts: RequestCounts { metrics.counts }

    /// Events since the start (only when the engine was made with `keepAllEvents`).
    public var allEvents: [NetworkEvent] { metrics.allEvents }

    /// Events processed by the kernel so far.
    public var eventsProcessed: Int { kernel.eventsProcessed }

    /// A picture of the network for one frame of the live view.
    public func snapshot(seriesLimit: Int = 120) -> Snapshot {
        let now = kernel.now
        var nodes: [NodeView] = []
        nodes.reserveCapacity(activeClients + 1)
        let serverActivity: NodeActivity =
            !server.up ? .down
            : server.overloaded ? .overloaded
            : server.queueLength > 0 ? .queueing
            : server.busyWorkers > 0 ? .busy : .idle
        nodes.append(NodeView(id: 0, role: .server, activity: serverActivity, sent: 0, completed: server.served,
                              outstanding: server.busyWorkers + server.queueLength, meanLatencyMs: 0))
        for i in 0..<activeClients {
            let c = clients[i]
            let activity: NodeActivity = !c.up ? .down : c.outstanding > 0 ? .busy : .idle
            nodes.append(NodeView(id: i + 1, role: .client, activity: activity, sent: c.sent, completed: c.completed,
                                  outstanding: c.outstanding, meanLatencyMs: c.meanLatencyMs))
        }
        var flights: [FlightView] = []
        for r in requests.records where r.live && Int(r.client) < activeClients {
            let span = r.arrivesAt - r.sentAt
            guard now >= r.sentAt, now <= r.arrivesAt else { continue }
            let progress = span > 0 ? Double(now - r.sentAt) / Double(span) : 1
            switch r.phase {
            case .toServer: flights.append(FlightView(client: Int(r.client) + 1, direction: .toServer, progress: progress))
            case .toClient: flights.append(FlightView(client: Int(r.client) + 1, direction: .toClient, progress: progress))
            case .atServer, .lost: break
            }
        }
        let recentUtilization = metrics.series.last?.utilization ?? 0
        let serverView = ServerView(
            up: server.up, workers: server.workers, busyWorkers: server.busyWorkers, queueLength: server.queueLength,
            queueCapacity: server.queueCapacity, overloaded: server.overloaded, recentUtilization: recentUtilization,
            capacityRPS: serverCapacityRPS, offeredRPS: offeredRPS, costDollars: serverCostDollars,
            costPerHour: scenario.server.costPerHour)
        return Snapshot(
            scenarioName: scenario.name, architecture: architecture, now: now, nodes: nodes, server: serverView,
            requests: metrics.counts, latency: metrics.latency, series: Array(metrics.series.suffix(seriesLimit)),
            recentEvents: metrics.recent.ordered, flights: flights, activeNodeCount: activeClients,
            ratePerNode: scenario.workload.rate)
    }
}
