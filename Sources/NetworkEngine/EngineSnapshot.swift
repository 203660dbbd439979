// MARK: - Reading the engine

extension Engine {
    /// Requests per second the server can complete: workers ÷ mean service time.
    public var serverCapacityRPS: Double { central.capacityRPS }

    /// Requests per second the active clients offer.
    public var offeredRPS: Double { Double(ctx.activeNodes) * ctx.scenario.workload.rate }

    /// Dollars the dedicated server has cost so far (its rate following its workers: `CostModel`).
    public var serverCostDollars: Double { cost.serverDollars(at: now, dollarsPerHour: scenario.server.costPerHour) }

    /// The bill so far, split by who pays, at the scenario's prices.
    public var costView: CostView { cost.bill(ctx, prices: scenario, completed: ctx.metrics.counts.completed) }

    /// Share of the run during which the server could serve (1 when it never crashed).
    public var serverAvailability: Double { central.availability(at: now) }

    /// Every request accounted for: the conservation law the README states under Headless commands.
    public var requestCounts: RequestCounts { ctx.metrics.counts }

    /// Events since the start (only when the engine was made with `keepAllEvents`).
    public var allEvents: [NetworkEvent] { ctx.metrics.allEvents }

    /// Events processed by the kernel so far.
    public var eventsProcessed: Int { ctx.kernel.eventsProcessed }

    /// A picture of the network for one frame of the live view: every aggregate, and the nodes of `window` (node
    /// ids; nil for all), so a frame pays only for the nodes it shows.
    ///
    /// `stride` above 1 takes every `stride`-th node of the window (a sample for an aggregate picture) and their newest
    /// requests' messages as the flights, so a sampled frame costs O(window ÷ stride); `focus` names the node whose
    /// DHT fingers the mesh picture carries.
    public func snapshot(seriesLimit: Int = 120, nodes window: Range<Int>? = nil, stride sampleStride: Int = 1,
                         focus: Int? = nil) -> Snapshot {
        let now = ctx.now
        let server = central.server
        let members = ctx.activeNodes
        let shown = (window ?? 1..<(members + 1)).clamped(to: 1..<(members + 1))
        let step = max(1, sampleStride)
        let sampled = Swift.stride(from: shown.lowerBound, to: shown.upperBound, by: step)
        var nodes: [NodeView] = []
        nodes.reserveCapacity((shown.count + step - 1) / step + 1)
        let serverActivity: NodeActivity =
            !server.up ? .down
            : server.overloaded ? .overloaded
            : server.queueLength > 0 ? .queueing
            : server.busyWorkers > 0 ? .busy : .idle
        // The server is on screen while it exists: under client-server, and while it drains after a switch.
        let serverShown = ctx.architecture == .clientServer || server.busyWorkers + server.queueLength > 0
        let securityView = self.securityView
        // Since the first switch each node's figures are also given since the last one (O(1) a node).
        let switched = ctx.metrics.currentSegment > 0
        if serverShown {
            var view = NodeView(id: 0, role: .server, activity: serverActivity, sent: 0, completed: server.served,
                                outstanding: server.busyWorkers + server.queueLength, meanLatencyMs: 0)
            view.security.underAttack = securityView.target == 0
            if switched { view.phase = ctx.metrics.nodeBaselines.sinceForServer(served: server.served) }
            nodes.append(view)
        }
        let role: NodeRole = ctx.architecture == .peerMesh ? .peer : .client
        for id in sampled {
            let i = id - 1
            let c = clients[i]
            let up = ctx.isUp(i)
            var activity: NodeActivity =
                !up ? .down
                : c.outstanding > 0 && role == .client && !server.up ? .waiting
                : c.lastFailureAt != .min && now - c.lastFailureAt < NodeActivity.failingWindow ? .failing
                : c.outstanding > 0 ? .busy : .idle
            var served = 0
            if role == .peer, up, let load = mesh?.peerLoad(i) {
                served = load.served
                activity = load.activity ?? activity
            }
            var view = NodeView(id: id, role: role, activity: activity, sent: c.sent, completed: c.completed,
                                outstanding: c.outstanding, meanLatencyMs: c.meanLatencyMs)
            view.served = served
            if switched {
                // A peer that is down still has its count: `served` above shows 0 for it.
                let lifetime = role == .peer ? mesh?.peerLoad(i)?.served ?? 0 : nil
                view.phase = ctx.metrics.nodeBaselines.since(i, record: c, served: lifetime)
            }
            view.security = nodeSecurity(i, role: role, target: securityView.target, attackers: securityView.attackers,
                                         now: now)
            nodes.append(view)
        }
        var flights: [FlightView] = []
        let records = ctx.requests.records
        if step > 1 {
            // A sample: each sampled node's newest request, read from its slot (O(sample), not O(requests)).
            for id in sampled {
                let slot = Int(clients[id - 1].latestSlot)
                guard slot >= 0, slot < records.count, records[slot].client == Int32(id - 1),
                      let flight = Self.flight(records[slot], now: now, members: members) else { continue }
                flights.append(flight)
            }
        } else {
            for r in records {
                guard let flight = Self.flight(r, now: now, members: members) else { continue }
                // A window keeps the flights with an end in it (a client or peer id; the server is 0).
                if window != nil, !shown.contains(flight.from), !shown.contains(flight.to) { continue }
                flights.append(flight)
            }
        }
        if distribution != nil { annotateDistribution(&nodes, flights: &flights) }
        let recentUtilization = ctx.metrics.recentSeries.last?.utilization ?? 0
        let serverView = ServerView(
            up: server.up, workers: server.workers, busyWorkers: server.busyWorkers, queueLength: server.queueLength,
            queueCapacity: server.queueCapacity, overloaded: server.overloaded, recentUtilization: recentUtilization,
            capacityRPS: serverCapacityRPS, offeredRPS: offeredRPS, costDollars: serverCostDollars,
            costPerHour: cost.serverRatePerHour(prices: scenario))
        // The period in force's latency, not the whole run's: after a switch the whole run's would merge every
        // period's histogram once a second for a figure no pane shows (they read `phases`).
        let phases = ctx.metrics.phaseView()
        var snapshot = Snapshot(
            scenarioName: scenario.name, architecture: ctx.architecture, now: now, nodes: nodes,
            server: serverShown ? serverView : nil,
            requests: ctx.metrics.counts, latency: phases.current.latency,
            series: ctx.metrics.recentSeries.suffix(seriesLimit),
            recentEvents: ctx.metrics.recent.ordered, flights: flights, activeNodeCount: members,
            ratePerNode: ctx.scenario.workload.rate)
        snapshot.mesh = mesh?.view(now: ctx.now, members: members, shown: shown, stride: step, focus: focus)
        snapshot.tally = tally
        snapshot.security = securityView
        snapshot.storage = storageView()
        snapshot.switches = ctx.metrics.recentSwitches
        snapshot.phases = phases
        snapshot.cost = costView
        snapshot.theory = steadyStateTheory
        snapshot.confidence = liveConfidence
        snapshot.distribution = distributionSnapshot(points: seriesLimit)
        return snapshot
    }

    /// The theory of the configuration in force (`TheoryView(steadyStateOf:)`), worked out again only when a command
    /// was applied or the members changed: a frame asks for it 30 times a second, and M/M/c/K sums over the queue.
    var steadyStateTheory: TheoryView {
        // Peers down now change the mesh's availability (without churn, whose figure is a time average).
        let down = ctx.architecture == .peerMesh && ctx.scenario.mesh.churn == nil
            ? ctx.activeNodes - ctx.liveness.upCount : 0
        let key = SteadyTheoryKey(commands: commandsApplied, members: ctx.activeNodes, architecture: ctx.architecture,
                                  down: down)
        if let cached = steadyTheory, cached.key == key { return cached.view }
        let view = TheoryView(steadyStateOf: ctx.scenario, nodes: key.members, architecture: key.architecture,
                              down: down)
        steadyTheory = (key, view)
        return view
    }

    /// The intervals since the last command: O(`BatchMeans.capacity`) each, whatever the run's length, so a frame
    /// can ask for them every time. Hops only while a DHT mesh serves: the only time they have a theory.
    var liveConfidence: LiveConfidence {
        let dht = ctx.architecture == .peerMesh && mesh?.state.discovery == .dht
        let flooding = ctx.architecture == .peerMesh && mesh?.state.discovery == .flooding
        return LiveConfidence(since: ctx.metrics.batchesSince,
                              meanLatencyMs: ctx.metrics.latencyBatches.interval95?.scaled(by: 1e-6),
                              meanHops: dht ? mesh?.state.hopBatches.interval95 : nil,
                              floodReach: flooding ? mesh?.state.reachBatches.interval95 : nil)
    }

    /// Request `r`'s latest message as drawn in flight, or nil when it is not on the wire now.
    static func flight(_ r: RequestRecord, now: SimTime, members: Int) -> FlightView? {
        guard r.live, Int(r.client) < members, now >= r.sentAt, now <= r.arrivesAt,
              r.phase == .toServer || r.phase == .toClient else { return nil }
        let span = r.arrivesAt - r.sentAt
        let progress = span > 0 ? Double(now - r.sentAt) / Double(span) : 1
        var flight: FlightView
        if r.architecture == .clientServer {
            flight = FlightView(client: Int(r.client) + 1, direction: r.phase == .toServer ? .toServer : .toClient,
                                progress: progress)
        } else {
            flight = FlightView(from: Int(r.hopFrom), to: Int(r.hopTo), progress: progress)
            if r.phase == .toClient { flight.direction = .toClient; flight.client = Int(r.hopTo) }
        }
        flight.attack = r.kind == .guess
        return flight
    }

    /// The security panel's figures: the regime in force, the counters, and the attack.
    public var securityView: SecurityView {
        let now = ctx.now
        let activeClients = ctx.activeNodes, architecture = ctx.architecture
        let attackerIDs = attack.attackerIDs(ctx)
        let shares = ctx.security.shareCounts(activeClients)
        let exposed = architecture == .clientServer ? ctx.security.exposedShareOfAccounts
            : ctx.security.exposedShareOfPeers(activeClients)
        var view = SecurityView(
            architecture: architecture, accounts: scenario.security.accounts, weakAccounts: ctx.security.weakAccounts,
            lockedAccounts: ctx.security.lockedAccounts(at: now),
            openShares: shares.open, weakShares: shares.weak, protectedShares: activeClients - shares.open,
            exposedShare: exposed)
        view.loginAttempts = ctx.security.loginAttempts
        view.loginFailures = ctx.security.loginFailures
        view.lockouts = ctx.security.lockouts
        view.unauthorized = ctx.security.unauthorized
        view.accountBreaches = ctx.security.accountBreaches
        view.shareBreaches = ctx.security.shareBreaches
        view.attackAttempts = ctx.security.attackAttempts
        view.loggedAttempts = ctx.security.loggedAttempts
        view.firstBreach = ctx.security.firstBreach
        ctx.security.describe(into: &view)
        view.attackActive = ctx.security.attackActive
        view.attackers = attackerIDs
        if let ids = attackerIDs {
            view.attackRate = scenario.security.attackRate * Double(ids.count)
            if architecture == .clientServer {
                if ctx.security.centralAuthentication && ctx.security.accountsLeft > 0 {
                    view.target = 0
                    view.targetAccount = ctx.security.accountCursor + 1
                }
            } else if !ctx.security.meshExhausted, ctx.security.peerCursor < activeClients {
                view.target = ctx.security.peerCursor + 1
            }
        }
        return view
    }

    /// Node `i`'s marks: attacker, target, breached, and its share or account.
    func nodeSecurity(_ i: Int, role: NodeRole, target: Int?, attackers attackerIDs: ClosedRange<Int>?,
                      now: SimTime) -> NodeSecurity {
        var marks = NodeSecurity()
        marks.attacker = attackerIDs?.contains(i + 1) ?? false
        marks.underAttack = target == i + 1
        if role == .peer {
            marks.share = ctx.security.shareProtection(i)
            marks.breached = i < ctx.security.shareBroken.count && ctx.security.shareBroken[i]
        } else if ctx.security.centralAuthentication {
            let account = ctx.security.account(ofClient: i)
            marks.account = account + 1
            marks.accountLocked = ctx.security.isLocked(account, at: now)
            marks.breached = ctx.security.accountBroken[account]
        }
        return marks
    }

    /// The mesh panel's figures, or nil when there is no mesh.
    public var meshView: MeshView? { mesh?.view(now: ctx.now, members: ctx.activeNodes) }

    /// Node ids of the attackers while the attack runs (insiders: the first nodes of the population).
    public var attackerIDs: ClosedRange<Int>? { attack.attackerIDs(ctx) }
}

/// What the steady-state theory depends on besides the scenario's values, which change only through commands.
struct SteadyTheoryKey: Equatable {
    var commands: Int
    var members: Int
    var architecture: Architecture
    var down: Int
}
