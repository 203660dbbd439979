/// The dedicated server of client-server: its workers and queue (`ServerMachine`), its security checks (logins and
/// permissions against the central database), its crashes, and how available it was (what it costs is `CostModel`'s).
struct CentralServerModel {
    private(set) var server: ServerMachine<RequestRef>
    /// Service completions scheduled before a crash carry an older epoch and are ignored.
    private var epoch: UInt32 = 0
    private(set) var meanService: SimTime
    /// As written, for the capacity figure (`meanService` is rounded to whole nanoseconds).
    private(set) var serviceMs: Double
    let constantService: Bool
    /// Time spent crashed while it was the architecture, and since when it is down (for availability).
    private var downTime: SimTime = 0
    private var downSince: SimTime?

    init(scenario: Scenario) {
        server = ServerMachine(workers: scenario.server.workers, queueCapacity: scenario.server.queue)
        meanService = .millis(scenario.server.serviceMs)
        serviceMs = scenario.server.serviceMs
        constantService = scenario.server.service == .constant
        if scenario.architecture != .clientServer { server.shutDown() }
    }

    // MARK: - Events

    /// A request (or a login, or a guess) reaches the server.
    @inline(__always)
    mutating func receive(_ ref: RequestRef, _ ctx: inout EngineContext) {
        if ctx.requests.isLive(ref) { ctx.requests[ref].phase = .atServer }
        carryOut(server.receive(ref), &ctx)
    }

    @inline(__always)
    mutating func serviceDone(worker: Int32, epoch: UInt32, _ ctx: inout EngineContext) {
        guard epoch == self.epoch else { return }
        carryOut(server.finish(worker: Int(worker)), &ctx)
    }

    /// Does what a transition asked, in the order it happened, then refreshes the levels the metrics integrate.
    @inline(__always)
    private mutating func carryOut(_ step: ServerStep<RequestRef>, _ ctx: inout EngineContext) {
        if let o = step.overload, o.overloaded { overloadChanged(true, queueLength: o.queueLength, &ctx) }
        if let r = step.reply { reply(r.request, r.outcome, &ctx) }
        if let s = step.start { startService(s.request, worker: s.worker, &ctx) }
        if let o = step.overload, !o.overloaded { overloadChanged(false, queueLength: o.queueLength, &ctx) }
        ctx.metrics.busyLevel = server.busyWorkers
        ctx.metrics.setQueue(server.queueLength)
    }

    @inline(__always)
    private mutating func startService(_ ref: RequestRef, worker: Int, _ ctx: inout EngineContext) {
        let mean = serviceMean(ref, ctx)
        let d = constantService ? mean : ctx.service.exponential(mean: mean)
        ctx.kernel.schedule(.serviceDone(worker: Int32(worker), epoch: epoch), after: d)
    }

    /// The mean time for what the server is about to serve: a login, a guess and a permission denial are lookups in
    /// the security database (`login_ms`); a granted request is the real work (`service_ms`).
    @inline(__always)
    private func serviceMean(_ ref: RequestRef, _ ctx: EngineContext) -> SimTime {
        guard ctx.security.centralAuthentication, ctx.requests.isLive(ref) else { return meanService }
        let r = ctx.requests[ref]
        if r.kind == .guess || r.loggingIn { return ctx.meanLogin }
        let account = ctx.security.account(ofClient: Int(r.client))
        return ctx.security.mayRead(account: account, resource: Int(r.resource)) ? meanService : ctx.meanLogin
    }

    @inline(__always)
    private func reply(_ ref: RequestRef, _ outcome: ReplyOutcome, _ ctx: inout EngineContext) {
        if ctx.isGuess(ref) {
            ctx.guessAnswered(ref, outcome: outcome, byPeer: -1)
        } else if outcome == .completed {
            answer(ref, &ctx)
        } else {
            ctx.sendReply(ref, outcome)
        }
    }

    /// The server finished serving a client's message: a login is checked against the account's lock, a request
    /// against the account's permissions, and the answer goes back.
    private func answer(_ ref: RequestRef, _ ctx: inout EngineContext) {
        guard ctx.security.centralAuthentication, ctx.requests.isLive(ref) else {
            ctx.sendReply(ref, stored(ref, &ctx))
            return
        }
        let client = Int(ctx.requests[ref].client)
        let account = ctx.security.account(ofClient: client)
        if ctx.requests[ref].loggingIn {
            if ctx.security.login(account: account, client: client, at: ctx.now) {
                ctx.sendReply(ref, .loggedIn)
            } else {
                ctx.log(.loginFailure, node: 0, account: account + 1, peer: client + 1, outcome: .lockedOut,
                        "client \(client + 1) cannot log in: account \(account + 1) is locked "
                        + "(\(ctx.security.secondsLeft(account, at: ctx.now)) s left)")
                ctx.sendReply(ref, .denied)
            }
            return
        }
        let resource = Int(ctx.requests[ref].resource)
        if ctx.security.mayRead(account: account, resource: resource) {
            ctx.sendReply(ref, stored(ref, &ctx))
        } else {
            ctx.security.unauthorized += 1
            ctx.log(.unauthorized, node: 0, account: account + 1, peer: client + 1, outcome: .denied,
                    "client \(client + 1) (account \(account + 1)) denied resource \(resource): "
                    + "no read permission")
            ctx.sendReply(ref, .denied)
        }
    }

    /// With storage in play, the server's disk serves the file: a lost file fails, a write makes its new version.
    @inline(__always)
    private func stored(_ ref: RequestRef, _ ctx: inout EngineContext) -> ReplyOutcome {
        guard ctx.files.active, ctx.requests.isLive(ref) else { return .completed }
        let r = ctx.requests[ref]
        return ctx.files.serve(resource: Int(r.resource), writes: r.isWrite) ? .completed : .failed
    }

    private func overloadChanged(_ overloaded: Bool, queueLength: Int, _ ctx: inout EngineContext) {
        ctx.metrics.overloadedLevel = overloaded
        let queue = ctx.scenario.server.queue
        if overloaded {
            ctx.log(.overload, node: 0, "queue full (\(queueLength)/\(queue)): rejecting requests")
        } else {
            ctx.log(.recovered, node: 0, "queue drained to \(queueLength)")
        }
    }

    // MARK: - Settings changed while running (`set`)

    /// Serves with `count` workers from now on: added workers take waiting requests at once.
    mutating func setWorkers(_ count: Int, _ ctx: inout EngineContext) {
        let resize = server.resize(workers: count)
        for start in resize.starts { startService(start.request, worker: start.worker, &ctx) }
        if let drained = resize.overloadEnded { overloadChanged(false, queueLength: drained, &ctx) }
        ctx.metrics.busyLevel = server.busyWorkers
        ctx.metrics.setQueue(server.queueLength)
    }

    /// A mean service time of `ms` for services that start from now on (those under way keep their drawn time).
    mutating func setServiceMs(_ ms: Double) {
        serviceMs = ms
        meanService = .millis(ms)
    }

    /// A waiting room of `capacity` places; what already waits stays.
    mutating func setQueue(_ capacity: Int, _ ctx: inout EngineContext) {
        let change = server.setQueueCapacity(capacity)
        if change.overloadBegan { overloadChanged(true, queueLength: server.queueLength, &ctx) }
        if change.overloadEnded { overloadChanged(false, queueLength: server.queueLength, &ctx) }
    }

    // MARK: - Crashes and switches

    /// The server process dies: what it held fails. False when it was already down.
    mutating func crash(_ ctx: inout EngineContext) -> Bool {
        guard server.up else { return false }
        epoch &+= 1
        downSince = ctx.now
        let failure = server.crash()
        for ref in failure.failed { reply(ref, .failed, &ctx) }
        // The overload ends with the queue it filled, but nothing recovered: the crash's own line says what happened,
        // and a "recovered" beside "server down" would read as the opposite.
        if failure.overloadEnded { ctx.metrics.overloadedLevel = false }
        ctx.metrics.busyLevel = server.busyWorkers
        ctx.metrics.setQueue(server.queueLength)
        return true
    }

    /// The server comes back, empty; sessions end (it remembers its accounts, not who was logged in). False when it
    /// was already up.
    mutating func restart(_ ctx: inout EngineContext) -> Bool {
        guard !server.up else { return false }
        server.restart()
        ctx.security.endSessions()
        if let since = downSince { downTime += ctx.now - since }
        downSince = nil
        return true
    }

    /// The architecture switched at `now`: a server comes up for client-server.
    mutating func architectureChanged(to target: Architecture, at now: SimTime) {
        guard target == .clientServer, !server.up else { return }
        server.restart()
        // A server that had crashed is up again from here: its downtime ends, as on a restart.
        if let since = downSince { downTime += now - since }
        downSince = nil
    }

    // MARK: - Figures

    /// Requests per second the server can complete: workers ÷ mean service time.
    var capacityRPS: Double { Double(server.workers) / (serviceMs / 1000) }

    /// Share of the run during which the server could serve (1 when it never crashed).
    func availability(at now: SimTime) -> Double {
        let down = downTime + (downSince.map { now - $0 } ?? 0)
        return now > 0 ? 1 - Double(down) / Double(now) : 1
    }
}
