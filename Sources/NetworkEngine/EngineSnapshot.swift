// MARK: - Reading the engine

extension Engine {
    /// Requests per second the server can complete: workers ÷ mean service time.
    public var serverCapacityRPS: Double { Double(server.workers) / (scenario.server.serviceMs / 1000) }

    /// Requests per second the active clients offer.
    public var offeredRPS: Double { Double(activeClients) * scenario.workload.rate }

    /// Dollars the dedicated server has cost so far.
    public var serverCostDollars: Double {
        let current = architecture == .clientServer ? kernel.now - lastArchitectureChange : 0
        return scenario.server.costPerHour * (serverTime + current).inSeconds / 3600
    }

    /// Share of the run during which the server could serve (1 when it never crashed).
    public var serverAvailability: Double {
        let down = serverDownTime + (serverDownSince.map { kernel.now - $0 } ?? 0)
        return kernel.now > 0 ? 1 - Double(down) / Double(kernel.now) : 1
    }

    /// Every request accounted for: the conservation law the README states under Headless commands.
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
        // The server is on screen while it exists: under client-server, and while it drains after a switch.
        let serverShown = architecture == .clientServer || server.busyWorkers + server.queueLength > 0
        let securityView = self.securityView
        if serverShown {
            var view = NodeView(id: 0, role: .server, activity: serverActivity, sent: 0, completed: server.served,
                                outstanding: server.busyWorkers + server.queueLength, meanLatencyMs: 0)
            view.security.underAttack = securityView.target == 0
            nodes.append(view)
        }
        let role: NodeRole = architecture == .peerMesh ? .peer : .client
        for i in 0..<activeClients {
            let c = clients[i]
            var activity: NodeActivity = !c.up ? .down : c.outstanding > 0 ? .busy : .idle
            var served = 0
            if role == .peer, c.up, let mesh, i < mesh.peerCount {
                served = mesh.served[i]
                if i < peerServers.count {
                    let peerServer = peerServers.server(i)
                    if peerServer.overloaded { activity = .overloaded }
                    else if peerServer.waitingCount > 0 { activity = .queueing }
                    else if peerServer.busyWorkers > 0 { activity = .busy }
                }
            }
            var view = NodeView(id: i + 1, role: role, activity: activity, sent: c.sent, completed: c.completed,
                                outstanding: c.outstanding, meanLatencyMs: c.meanLatencyMs)
            view.served = served
            view.security = nodeSecurity(i, role: role, target: securityView.target, now: now)
            nodes.append(view)
        }
        var flights: [FlightView] = []
        for r in requests.records where r.live && Int(r.client) < activeClients {
            guard now >= r.sentAt, now <= r.arrivesAt, r.phase == .toServer || r.phase == .toClient else { continue }
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
            flights.append(flight)
        }
        let recentUtilization = metrics.recentSeries.last?.utilization ?? 0
        let serverView = ServerView(
            up: server.up, workers: server.workers, busyWorkers: server.busyWorkers, queueLength: server.queueLength,
            queueCapacity: server.queueCapacity, overloaded: server.overloaded, recentUtilization: recentUtilization,
            capacityRPS: serverCapacityRPS, offeredRPS: offeredRPS, costDollars: serverCostDollars,
            costPerHour: scenario.server.costPerHour)
        var snapshot = Snapshot(
            scenarioName: scenario.name, architecture: architecture, now: now, nodes: nodes,
            server: serverShown ? serverView : nil,
            requests: metrics.counts, latency: metrics.latencyForDisplay(),
            series: metrics.recentSeries.suffix(seriesLimit),
            recentEvents: metrics.recent.ordered, flights: flights, activeNodeCount: activeClients,
            ratePerNode: scenario.workload.rate)
        snapshot.mesh = meshView
        snapshot.security = securityView
        snapshot.switches = metrics.recentSwitches
        return snapshot
    }

    /// The security panel's figures: the regime in force, the counters, and the attack.
    public var securityView: SecurityView {
        let now = kernel.now
        let shares = security.shareCounts(activeClients)
        let exposed = architecture == .clientServer ? security.exposedShareOfAccounts
            : security.exposedShareOfPeers(activeClients)
        var view = SecurityView(
            architecture: architecture, accounts: scenario.security.accounts, weakAccounts: security.weakAccounts,
            lockedAccounts: security.lockedAccounts(at: now),
            openShares: shares.open, weakShares: shares.weak, protectedShares: activeClients - shares.open,
            exposedShare: exposed)
        view.loginAttempts = security.loginAttempts
        view.loginFailures = security.loginFailures
        view.lockouts = security.lockouts
        view.unauthorized = security.unauthorized
        view.accountBreaches = security.accountBreaches
        view.shareBreaches = security.shareBreaches
        view.attackAttempts = security.attackAttempts
        view.loggedAttempts = security.loggedAttempts
        view.firstBreach = security.firstBreach
        if architecture == .clientServer {
            view.regimeAttempts = security.accountAttempts
            view.regimeLogged = security.accountAttempts
            view.regimeFirstBreach = security.firstAccountBreach
        } else {
            view.regimeAttempts = security.shareAttempts
            view.regimeLogged = security.shareLogged
            view.regimeFirstBreach = security.firstShareBreach
        }
        view.attackActive = security.attackActive
        view.attackers = attackerIDs
        if let ids = attackerIDs {
            view.attackRate = scenario.security.attackRate * Double(ids.count)
            if architecture == .clientServer {
                if security.centralAuthentication && security.accountsLeft > 0 {
                    view.target = 0
                    view.targetAccount = security.accountCursor + 1
                }
            } else if !security.meshExhausted, security.peerCursor < activeClients {
                view.target = security.peerCursor + 1
            }
        }
        return view
    }

    /// Node `i`'s marks: attacker, target, breached, and its share or account.
    func nodeSecurity(_ i: Int, role: NodeRole, target: Int?, now: SimTime) -> NodeSecurity {
        var marks = NodeSecurity()
        marks.attacker = attackerIDs?.contains(i + 1) ?? false
        marks.underAttack = target == i + 1
        if role == .peer {
            marks.share = security.shareProtection(i)
            marks.breached = i < security.shareBroken.count && security.shareBroken[i]
        } else if security.centralAuthentication {
            let account = security.account(ofClient: i)
            marks.account = account + 1
            marks.accountLocked = security.isLocked(account, at: now)
            marks.breached = security.accountBroken[account]
        }
        return marks
    }

    /// The mesh panel's figures, or nil when there is no mesh.
    public var meshView: MeshView? {
        guard let mesh else { return nil }
        let now = kernel.now
        // Only meshes small enough to draw as a ring need the order (an O(N) array otherwise, every frame).
        let ringOrder = mesh.discovery == .dht && activeClients <= 64
            ? mesh.ring.peersInRingOrder.filter { $0 < activeClients }.map { $0 + 1 } : []
        var links: [MeshView.Link] = []
        if mesh.discovery == .flooding && activeClients <= 64 {
            for p in 0..<min(activeClients, mesh.peerCount) {
                for n in mesh.flood.neighbours(of: p) where Int(n) > p && Int(n) < activeClients {
                    links.append(MeshView.Link(a: p + 1, b: Int(n) + 1))
                }
            }
        }
        var view = MeshView(
            discovery: mesh.discovery, meanHops: mesh.meanHops, messagesPerLookup: mesh.messagesPerLookup,
            maxOverMeanLoad: mesh.maxOverMeanLoad,
            availabilityNow: Double(mesh.resources - mesh.unavailable) / Double(max(1, mesh.resources)),
            availability: mesh.availability(at: now), replicas: mesh.replicas, resources: mesh.resources,
            peerOverloads: mesh.peerOverloads, ringOrder: ringOrder, links: links)
        view.lookupsResolved = mesh.lookupsResolved
        return view
    }
}
