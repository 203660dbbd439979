/// The network engine: one scenario's population, workload, server and mesh, driven by the discrete-event kernel.
///
/// `Engine` is a thin driver. The behaviour lives in roles that own their state (see docs/ARCHITECTURE.md):
/// `ClientsModel` (requests, timeouts, retries), `CentralServerModel` (the dedicated server), `MeshModel` (the overlay
/// and the peers' servers), `AttackModel`, `ChurnModel` and `CostModel` (the bill), over one shared `EngineContext` (clock, network, request
/// table, metrics, `Liveness`, security database). The engine routes each event to the role that owns it and, where
/// one thing touches several roles (a crash, a switch, a new request), calls them in turn; the roles never call one
/// another. The outside talks to it through `apply(_:)` (commands in) and `snapshot()` or `report()` (figures out),
/// and moves it forward with `advance(to:)`.
public final class Engine {
    /// The scenario as given (flags already applied by the caller).
    public let scenario: Scenario
    var ctx: EngineContext
    /// The context's kernel, held here too: the run loop reads it once per event, and a `let` of the engine is
    /// borrowed where a field of the `var` context was retained and released on every event
    /// (docs/PERFORMANCE.md, 'Design measurements').
    let kernel: Kernel<Event>
    var clients: ClientsModel
    var central: CentralServerModel
    /// Built when the run starts as a mesh or first switches to one.
    var mesh: MeshModel?
    var attack: AttackModel
    var churn: ChurnModel
    /// Whether a command changed this run mid-way, from the timeline or the live view alike: then no steady-state
    /// formula covers it (`TheoryView`). A flag, not the commands' names: a toggle replayed as the crash or restart it
    /// was, or a crash of a share replayed as single crashes, must give the same report.
    public internal(set) var changedMidRun = false
    /// Timeline entries not yet carried out: a file distribution's headless run goes on past its last completion while
    /// some are still to come (one may add nodes, which want the file too).
    var timelinePending = 0
    /// Commands accepted so far, and the theory of the configuration they left (`steadyStateTheory`'s cache).
    var commandsApplied = 0
    var steadyTheory: (key: SteadyTheoryKey, view: TheoryView)?
    /// Which members a `crash_share` takes.
    var failures: MassFailure
    /// The bill: the owner's clocks and the peers' (see `CostModel`).
    var cost: CostModel
    var storage: StorageModel
    /// The file distribution, when `workload.kind` is `distribution` (then no requests are made).
    var distribution: DistributionModel?

    /// The most clients the engine accepts, so `+` held down cannot exhaust memory.
    public static let maxNodes = ScenarioLimits.maxCount
    /// From this many clients on, the client table outgrows the L2 cache and each arrival's random client misses it;
    /// below, the look-ahead would cost more than it hides.
    static let prefetchArrivalsFrom = 8_192

    /// Creates an engine at time 0 with the scenario's population; nothing runs until it is advanced.
    public init(scenario: Scenario, keepAllEvents: Bool = false) {
        self.scenario = scenario
        let nodes = min(scenario.nodes, Engine.maxNodes)
        ctx = EngineContext(scenario: scenario, nodes: nodes)
        kernel = ctx.kernel
        clients = ClientsModel(scenario: scenario, nodes: nodes, authenticates: ctx.security.centralAuthentication)
        central = CentralServerModel(scenario: scenario)
        attack = AttackModel(scenario: scenario)
        churn = ChurnModel(scenario: scenario)
        failures = MassFailure(scenario: scenario)
        cost = CostModel(scenario: scenario)
        storage = StorageModel(scenario: scenario)
        ctx.metrics.keepsAllEvents = keepAllEvents
        timelinePending = scenario.timeline.count
        // Scheduled in this order, so events due at the same instant run in it.
        ctx.kernel.schedule(.tick, after: SimTime.nanosPerSecond)
        for (i, action) in scenario.timeline.enumerated() {
            ctx.kernel.schedule(.timeline(index: Int32(i)), at: .seconds(action.at))
        }
        if scenario.workload.kind == .distribution {
            distribution = DistributionModel(scenario: scenario, nodes: nodes)
        }
        if scenario.architecture == .peerMesh, distribution == nil {
            mesh = MeshModel(scenario: scenario, peers: max(1, nodes), now: 0, seeded: true, liveness: ctx.liveness)
        }
        for peer in 0..<nodes { startChurn(peer) }
        if distribution == nil { clients.scheduleNextArrival(&ctx) }
        distribution?.start(&ctx)
        attack.scheduleNextGuess(&ctx)
        if storage.inPlay { storage.start(disks: disksThatFail, &ctx) }
    }

    /// A copy of `other` (see `checkpoint()`).
    init(copying other: Engine) {
        scenario = other.scenario
        ctx = other.ctx.copy()
        kernel = ctx.kernel
        clients = other.clients
        central = other.central
        mesh = other.mesh?.copy()
        attack = other.attack
        churn = other.churn
        changedMidRun = other.changedMidRun
        timelinePending = other.timelinePending
        failures = other.failures
        cost = other.cost
        storage = other.storage
        distribution = other.distribution
    }

    // MARK: - Driving

    /// The current simulated time.
    public var now: SimTime { kernel.now }
    /// The architecture new requests use.
    public var architecture: Architecture { ctx.architecture }
    /// Members of the population now.
    public var activeClients: Int { ctx.activeNodes }
    /// Whether node `id` (0: the server) is up.
    public func isUp(node id: Int) -> Bool { id == 0 ? central.server.up : id >= 1 && ctx.isUp(id - 1) }

    /// Runs every event due at or before `time`, then moves the clock to `time`.
    public func run(until time: SimTime) {
        if distribution != nil { return runDistribution(until: time) }
        while let e = kernel.next(until: time) { handle(e) }
        kernel.moveClock(to: time)
    }

    /// Brings the simulation to `time`: what the live view calls every frame with wall time × speed.
    public func advance(to time: SimTime) { run(until: time) }

    /// Like `advance(to:)` but stops after `maxEvents` events, so a frame's work is bounded; true when `time` was
    /// reached (the clock then stands at `time`), false when the budget ran out first (the clock stands at the last
    /// event run).
    @discardableResult
    public func advance(to time: SimTime, maxEvents: Int) -> Bool {
        var budget = maxEvents
        while budget > 0, let e = kernel.next(until: time) {
            handle(e)
            budget -= 1
        }
        if let next = kernel.nextEventTime, next <= time { return false }
        kernel.moveClock(to: time)
        return true
    }

    /// Runs the single next event, whenever it is due; false when nothing is pending.
    @discardableResult
    public func step() -> Bool {
        guard let e = kernel.next(until: .max) else { return false }
        handle(e)
        return true
    }

    // MARK: - Routing events to their roles

    @inline(__always) func handle(_ event: Event) {
        ctx.metrics.integrate(to: kernel.now)
        switch event {
        case .tick:
            clients.refreshAddress()
            ctx.metrics.closeSecond(at: ctx.now, architecture: ctx.architecture, nodes: ctx.activeNodes,
                                    workers: central.server.workers, peerWaiting: mesh?.servers.waiting ?? 0,
                                    completeShare: distribution?.completeShare)
            ctx.kernel.schedule(.tick, after: SimTime.nanosPerSecond)
        case .timeline(let index):
            timelinePending -= 1
            runTimelineAction(scenario.timeline[Int(index)])
        case .arrival(let generation):
            if let c = clients.arrival(generation: generation, &ctx) { issue(from: c) }
            // After the issue, so the workload stream's next draw is the next arrival's resource.
            if ctx.activeNodes >= Self.prefetchArrivalsFrom { prefetchNextArrival() }
        case .deliverReply(let ref, _, let outcome):
            // A peer keeps what it fetched (`mesh.cache`): before the client closes the request.
            if outcome == .completed, ctx.scenario.mesh.cache { mesh?.fetched(ref, &ctx) }
            if let ref = clients.replyArrived(ref, outcome, &ctx) { clients.sendToServer(ref, &ctx) }
        case .timeoutsDue:
            while let ref = clients.nextRetry(&ctx) { send(ref) }
            clients.scheduleTimeoutWakeup(&ctx)
        case .deliverRequest(let ref):
            central.receive(ref, &ctx)
        case .serviceDone(let worker, let epoch):
            central.serviceDone(worker: worker, epoch: epoch, &ctx)
        case .lookupArrives(let ref, let rank):
            // Looked ahead here, not for every event: a look on every event slowed the M/M/4 bench
            // (docs/PERFORMANCE.md, 'Design measurements').
            prefetchAhead()
            mesh?.lookupArrived(ref, atRank: Int(rank), &ctx)
        case .lookupReachesHolder(let ref, let peer):
            mesh?.lookupReachedHolder(ref, at: Int(peer), &ctx)
        case .floodArrives(let serial, let peer, let from, let ttl):
            mesh?.floodArrived(serial, at: Int(peer), from: Int(from), ttl: Int(ttl), &ctx)
        case .hitArrives(let serial, let peer, let holder):
            mesh?.hitArrived(serial, at: Int(peer), holder: Int(holder), &ctx)
        case .meshRequestArrives(let ref, let holder):
            mesh?.requestArrived(ref, at: Int(holder), &ctx)
        case .peerServiceDone(let peer, let worker, let epoch):
            mesh?.serviceDone(peer: Int(peer), worker: Int(worker), epoch: epoch, &ctx)
        case .seedArrives(let slot):
            mesh?.seedArrived(Int(slot), &ctx)
            if storage.inPlay { storage.copiesChanged() }
        case .ringRepair(let peer):
            mesh?.ringRepair(Int(peer), &ctx)
        case .chunkSent(let uploader, let receiver, let last):
            distribution?.sent(uploader: Int(uploader), receiver: Int(receiver), last: last, &ctx)
        case .chunkArrives(let receiver, let chunk):
            distribution?.arrived(Int(receiver), chunk: Int(chunk), &ctx)
        case .uploadRetry(let uploader):
            distribution?.retry(Int(uploader), &ctx)
        case .churn(let peer, let token):
            if churn.isCurrent(peer: Int(peer), token: token, ctx) { churnChange(Int(peer)) }
        case .attackTick(let generation):
            attack.tick(generation: generation, &ctx)
        case .diskFails(let generation):
            if let disk = storage.diskFailureDue(generation: generation, &ctx) { _ = failDisk(disk) }
        case .backupDue(let generation):
            if storage.backupDue(generation: generation, &ctx) { backUpServer() }
        case .restoreDone(let generation):
            if storage.restoreDue(generation: generation, &ctx) { serverRestored() }
        case .repairDue(let peer, let generation):
            if storage.repairDue(peer: Int(peer), generation: generation) { repairCopies(of: Int(peer)) }
        }
    }

    // MARK: - Requests across roles

    /// Client `c` makes a new request, under the architecture in force.
    func issue(from c: Int) {
        let ref = clients.issue(from: c, &ctx)
        if storage.inPlay { storage.requestIssued(ref, &ctx) }
        send(ref)
    }

    /// Sends the request's current attempt under the architecture that accepted it, and arms its timeout.
    func send(_ ref: RequestRef) {
        if ctx.requests[ref].architecture == .peerMesh {
            // A peer holding the resource serves it at home, with no timeout.
            guard mesh?.locate(ref, &ctx) == true else { return }
        } else {
            clients.sendToServer(ref, &ctx)
        }
        clients.armTimeout(ref, &ctx)
    }

    // MARK: - Liveness across roles

    /// Starts node slot `peer`'s churn chain (when the scenario has churn); it may start down.
    func startChurn(_ peer: Int) {
        guard churn.start(peer, &ctx) else { return }
        ctx.liveness.set(peer, up: false, at: ctx.now)
        mesh?.peerChanged(peer, up: false, &ctx)
        distribution?.nodeChanged(peer, up: false, &ctx)
        churn.changed(peer, up: false, &ctx)
    }

    /// A current churn change: the member leaves (as a crash) or rejoins (as a restart), and its next change is drawn.
    func churnChange(_ peer: Int) {
        let goingDown = ctx.isUp(peer)
        _ = goingDown ? crash(.node(peer + 1)) : restart(.node(peer + 1))
        churn.changed(peer, up: !goingDown, &ctx)
    }
}
