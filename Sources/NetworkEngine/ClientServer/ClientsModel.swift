/// The population's clients (in a mesh, the requesting half of each peer): their merged Poisson arrivals, their
/// requests' timeouts and retries (`ClientMachine`), and what each has sent and received.
///
/// Sending a request is the architecture's business: the engine routes a new attempt to `sendToServer(_:_:)` or to
/// the mesh, then arms its timeout here.
struct ClientsModel {
    /// Every node slot's record (node id = index + 1); slots of departed clients are kept for their return.
    var records: [ClientRecord]
    let machine: ClientMachine<RequestRef>
    var timeouts = TimeoutQueue()
    /// Draws which client sends next.
    private(set) var arrivals: SeededRandom
    /// Draws which resource a request asks for.
    private(set) var workload: SeededRandom
    /// Draws which clients take part in a flash crowd.
    var flash: SeededRandom
    let picker: ResourcePicker
    /// Requests per second per client.
    private(set) var rate: Double
    /// Stale arrivals (scheduled before the population changed) carry an older generation.
    private var arrivalGeneration: UInt32 = 0
    /// Where `records` keeps its elements, for prefetch hints (see Prefetch.swift): refreshed every simulated second
    /// and when the population changes, as a copy taken by a snapshot may move the array.
    private(set) var recordsAddress: UInt = 0

    init(scenario: Scenario, nodes: Int, authenticates: Bool) {
        records = Array(repeating: ClientRecord(), count: nodes)
        machine = ClientMachine(retries: scenario.workload.retries, timeout: .seconds(scenario.workload.timeout),
                                authenticates: authenticates)
        arrivals = SeededRandom(seed: scenario.seed, stream: .arrivals)
        workload = SeededRandom(seed: scenario.seed, stream: .workload)
        flash = SeededRandom(seed: scenario.seed, stream: .flash)
        picker = ResourcePicker(resources: scenario.workload.resources, popularity: scenario.workload.popularity)
        rate = scenario.workload.rate
        refreshAddress()
    }

    subscript(client: Int) -> ClientRecord { records[client] }

    mutating func refreshAddress() { recordsAddress = elementsAddress(of: records) }

    // MARK: - Arrivals

    /// Schedules the population's next request (the merged stream of every member's Poisson arrivals).
    mutating func scheduleNextArrival(_ ctx: inout EngineContext) {
        let members = ctx.activeNodes
        guard members > 0, rate > 0 else { return }
        // At least 1 ns between arrivals, so an absurd rate can never freeze the clock at one instant.
        let mean = max(1, SimTime.saturating(nanos: 1e9 / (rate * Double(members))))
        ctx.kernel.schedule(.arrival(generation: arrivalGeneration), after: arrivals.exponential(mean: mean))
    }

    /// Each client sends `perSecond` requests a second from now on. The pending arrival was drawn at the old rate;
    /// by memorylessness, discarding it and drawing afresh at the new one is exact.
    mutating func setRate(_ perSecond: Double, _ ctx: inout EngineContext) {
        rate = perSecond
        restartArrivals(&ctx)
    }

    /// The population changed: by memorylessness, a fresh draw at the new rate is exact.
    mutating func restartArrivals(_ ctx: inout EngineContext) {
        arrivalGeneration &+= 1
        scheduleNextArrival(&ctx)
    }

    /// An arrival fell due: the client that sends (when it is up), or nil when the arrival is stale or its client down.
    @inline(__always)
    mutating func arrival(generation: UInt32, _ ctx: inout EngineContext) -> Int? {
        guard generation == arrivalGeneration else { return nil }
        let c = arrivals.below(ctx.activeNodes)
        scheduleNextArrival(&ctx)
        return ctx.isUp(c) ? c : nil
    }

    /// The next arrival's client and resource, guessed from copies of the generators (for prefetch hints only).
    @inline(__always) func nextArrivalGuess(members: Int) -> (client: Int, workload: SeededRandom) {
        var arrivalsAhead = arrivals
        return (arrivalsAhead.below(members), workload)
    }

    /// Client `c` makes a new request; the engine sends it.
    mutating func issue(from c: Int, _ ctx: inout EngineContext) -> RequestRef {
        let resource = picker.pick(&workload)
        let ref = ctx.requests.open(client: Int32(c), at: ctx.now, segment: ctx.metrics.currentSegment,
                                    resource: resource, architecture: ctx.architecture)
        ctx.metrics.issued(segment: ctx.metrics.currentSegment)
        records[c].sent += 1
        records[c].outstanding += 1
        records[c].latestSlot = ref.slot
        return ref
    }

    // MARK: - Client-server

    /// Client-server: the request's current attempt goes to the server, as a login first when the client has no
    /// session.
    mutating func sendToServer(_ ref: RequestRef, _ ctx: inout EngineContext) {
        let session = records[Int(ctx.requests[ref].client)].session
        _ = machine.attemptToServer(&ctx.requests[ref], session: session, loginEpoch: ctx.security.loginEpoch)
        if ctx.sendsAndLoses() {
            ctx.requests[ref].phase = .lost
            // With no timeout nothing will ever act on it: in flight forever, but its slot is freed.
            if ctx.timeout == 0 { ctx.strand(ref) }
        } else {
            let d = ctx.hopDelay()
            ctx.requests[ref].depart(.toServer, from: ctx.requests[ref].client + 1, to: 0, at: ctx.now, arrivingAfter: d)
            ctx.kernel.schedule(.deliverRequest(ref), after: d)
        }
    }

    // MARK: - Timeouts

    /// Arms the timeout of the attempt just sent.
    mutating func armTimeout(_ ref: RequestRef, _ ctx: inout EngineContext) {
        guard let deadline = machine.deadline(sentAt: ctx.now) else { return }
        let requests = ctx.requests
        // A compaction keeps only the entries `nextRetry` would act on: the run goes on exactly as it would have.
        if let wake = timeouts.arm(ref, attempt: requests[ref].attempt, deadline: deadline,
                                   compactingWith: { requests.isLive($0.request)
                                       && requests[$0.request].attempt == $0.attempt }) {
            ctx.kernel.schedule(.timeoutsDue, at: wake)
        }
    }

    /// Works through the timeouts due now: gives up on those out of retries, and returns the next request to send
    /// again (its attempt already counted), or nil when none is left; then `scheduleTimeoutWakeup`.
    mutating func nextRetry(_ ctx: inout EngineContext) -> RequestRef? {
        while let due = timeouts.popDue(at: ctx.now) {
            guard ctx.requests.isLive(due.request) else { continue }
            switch machine.timerFired(due.request, attempt: due.attempt, &ctx.requests[due.request]) {
            case .stale: continue
            case .retry(let ref):
                ctx.attemptTimedOut(ref)
                return ref
            case .giveUp(let ref):
                ctx.attemptTimedOut(ref)
                finish(ref, .timedOut, &ctx)
            }
        }
        return nil
    }

    mutating func scheduleTimeoutWakeup(_ ctx: inout EngineContext) {
        if let next = timeouts.nextWakeup() { ctx.kernel.schedule(.timeoutsDue, at: next) }
    }

    // MARK: - Replies

    /// A reply reached its client. Returns the request when it must now go to the server itself (after a login).
    mutating func replyArrived(_ ref: RequestRef, _ outcome: ReplyOutcome, _ ctx: inout EngineContext) -> RequestRef? {
        // A reply to a request its client already gave up on is dropped: the server's work was wasted.
        guard ctx.requests.isLive(ref) else { return nil }
        switch machine.replied(ref, outcome, ctx.requests[ref], now: ctx.now, loginEpoch: ctx.security.loginEpoch) {
        case .finish(let ref, let outcome):
            if case .completed(let latency) = outcome {
                let c = Int(ctx.requests[ref].client)
                records[c].completed += 1
                records[c].latencySum += latency
            }
            finish(ref, outcome, &ctx)
            return nil
        case .loggedIn(let ref, let session):
            records[Int(ctx.requests[ref].client)].session = session
            return ref
        }
    }

    /// Ends a request: counts the outcome in the run and in the segment that accepted it, frees its slot.
    /// A guess is not a request of the workload: it only frees its slot.
    mutating func finish(_ ref: RequestRef, _ outcome: ClientOutcome, _ ctx: inout EngineContext) {
        guard ctx.requests[ref].kind == .data else { ctx.requests.close(ref); return }
        let segment = ctx.requests[ref].segment, architecture = ctx.requests[ref].architecture
        var failedNow = false
        switch outcome {
        case .completed(let latency): ctx.metrics.completed(latency: latency, segment: segment, architecture)
        case .rejected: ctx.metrics.rejected(segment: segment, architecture)
        case .timedOut: ctx.metrics.timedOut(segment: segment, architecture); failedNow = true
        case .failed: ctx.metrics.failed(segment: segment, architecture); failedNow = true
        case .denied: ctx.metrics.denied(segment: segment, architecture)
        }
        let c = Int(ctx.requests[ref].client)
        // The last outcome, for the live view only: one store, no allocation.
        records[c].lastFailureAt = failedNow ? ctx.now : .min
        records[c].outstanding -= 1
        ctx.requests.close(ref)
    }

    // MARK: - Population

    /// Client `c`'s process died: what it was waiting for can no longer be delivered.
    mutating func failOutstanding(of c: Int, _ ctx: inout EngineContext) {
        for ref in ctx.requests.liveRefs() where Int(ctx.requests[ref].client) == c { finish(ref, .failed, &ctx) }
    }

    /// Fresh records for slots `range` (members again or new); a returning slot keeps the requests it still has
    /// outstanding.
    mutating func join(_ range: Range<Int>) {
        for i in range {
            if i < records.count {
                let outstanding = records[i].outstanding
                records[i] = ClientRecord()
                records[i].outstanding = outstanding
            } else {
                records.append(ClientRecord())
            }
        }
        refreshAddress()
    }

    /// Node ids of every client that made a request so far.
    var requesterIDs: [Int] { records.indices.filter { records[$0].sent > 0 }.map { $0 + 1 } }
    var outstandingTotal: Int { records.reduce(0) { $0 + $1.outstanding } }
}

extension RequestRecord: ClientAttempt {}
