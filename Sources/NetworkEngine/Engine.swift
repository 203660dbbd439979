/// The network engine: one scenario's population, workload and server, driven by the discrete-event kernel.
///
/// The engine is the simulator's driver for the sans-I/O server logic (`ServerMachine` for the central server,
/// `PeerServers` for the mesh's peers): it owns the clock, the random streams, the clients and their requests. The
/// outside talks to it only through `apply(_:)` (commands in) and `snapshot()` or `report()` (figures out), and
/// moves it forward with `advance(to:)`.
public final class Engine: Simulation {
    /// Everything that can happen, as a small value (no allocation per event).
    ///
    /// Internal, with `kernel` and `handle(_:)`: events carry request references and node indices that the engine
    /// reads raw memory with, so only the engine may make them. The outside moves the engine with `step()`,
    /// `run(until:)` and `advance(to:)`, and changes it with `apply(_:)`, which validates what it is given.
    enum Event: BitwiseCopyable {
        /// The merged Poisson arrival of all clients; stale when the population changed since it was scheduled.
        case arrival(generation: UInt32)
        case deliverRequest(RequestRef)
        case serviceDone(worker: Int32, epoch: UInt32)
        /// A reply reaches the request's client (`client`, named so the engine can prefetch its record; -1 when the
        /// request had already ended). The fields are ordered so the event stays 14 bytes (a queue entry, 32).
        case deliverReply(RequestRef, client: Int32, ReplyOutcome)
        /// The earliest armed timeout falls due (see `TimeoutQueue`).
        case timeoutsDue
        /// The end of a simulated second: close the per-second sample.
        case tick
        case timeline(index: Int32)
        // Peer mesh
        /// A DHT lookup message reaches the peer at `rank` on the ring.
        case lookupArrives(RequestRef, rank: Int32)
        /// A flooded query reaches `peer` from `from` with `ttl` hops left.
        case floodArrives(flood: UInt32, peer: Int32, from: Int32, ttl: UInt8)
        /// A query hit travels back toward the requester, now at `peer`.
        case hitArrives(flood: UInt32, peer: Int32, holder: Int32)
        /// After a flood found `holder`, the request goes straight to it.
        case meshRequestArrives(RequestRef, holder: Int32)
        case peerServiceDone(peer: Int32, worker: Int32, epoch: UInt32)
        /// A peer leaves or rejoins.
        case churn(peer: Int32, token: UInt32)
        /// A replica seeded by the server (after a switch to the mesh) reaches its holder.
        case seedArrives(slot: Int32)
        /// The overlay's periodic fix-up notices that `peer` left (DHT): routing stops using it.
        case ringRepair(peer: Int32)
        /// The merged Poisson stream of the attackers' guesses; stale when the attack stopped or restarted.
        case attackTick(generation: UInt32)
    }

    let kernel = Kernel<Event>()
    /// The scenario as given (flags already applied by the caller).
    public let scenario: Scenario
    public internal(set) var architecture: Architecture

    // MARK: - State
    var arrivals: SeededRandom
    var service: SeededRandom
    var network: SeededRandom
    var flash: SeededRandom
    public internal(set) var clients: [ClientRecord] = []
    /// Each client's `up`, beside its record (set through `setUp`): the mesh checks it on every hop, and 100,000
    /// packed flags stay in cache where the 48-byte records they come from do not (measured: that load alone was a
    /// fifth of a 100,000-peer DHT run).
    var upFlags = BitFlags(repeating: true, count: 0)
    public internal(set) var activeClients: Int
    let requests = RequestTable()
    public internal(set) var server: ServerMachine
    public internal(set) var metrics: MetricsRecorder
    let picker: ResourcePicker
    var workload: SeededRandom
    var arrivalGeneration: UInt32 = 0
    var serverEpoch: UInt32 = 0
    var timeouts = TimeoutQueue()
    /// The peer mesh, built when the run starts as a mesh or first switches to one.
    var mesh: MeshState?
    /// Each mesh peer's small server (grown to the mesh's size when first needed).
    let peerServers: PeerServers
    var churnRandom: SeededRandom
    var nextChurnToken: UInt32 = 0
    /// Simulated time spent under client-server (the dedicated server's bill).
    var serverTime: SimTime = 0
    /// Time the server spent crashed while it was the architecture, and since when it is down (for availability).
    var serverDownTime: SimTime = 0
    var serverDownSince: SimTime?
    var lastArchitectureChange: SimTime = 0
    /// Accounts, permissions, share passwords and the attack.
    var security: SecurityModel
    var attackRandom: SeededRandom

    // Constants derived once from the scenario.
    let meanService: SimTime
    let meanPeerService: SimTime
    let latency: SimTime
    let jitter: SimTime
    let timeout: SimTime
    let meanLogin: SimTime
    /// The most clients the engine accepts, so `+` held down cannot exhaust memory.
    public static let maxNodes = ScenarioLimits.maxCount

    /// Creates an engine at time 0 with the scenario's population; nothing runs until it is advanced.
    public init(scenario: Scenario, keepAllEvents: Bool = false) {
        self.scenario = scenario
        architecture = scenario.architecture
        arrivals = SeededRandom(seed: scenario.seed, stream: .arrivals)
        service = SeededRandom(seed: scenario.seed, stream: .service)
        network = SeededRandom(seed: scenario.seed, stream: .network)
        flash = SeededRandom(seed: scenario.seed, stream: .flash)
        workload = SeededRandom(seed: scenario.seed, stream: .workload)
        churnRandom = SeededRandom(seed: scenario.seed, stream: .churn)
        attackRandom = SeededRandom(seed: scenario.seed, stream: .attacks)
        security = SecurityModel(scenario: scenario)
        meanLogin = .millis(scenario.security.loginMs)
        picker = ResourcePicker(resources: scenario.workload.resources, popularity: scenario.workload.popularity)
        metrics = MetricsRecorder(architecture: scenario.architecture)
        server = ServerMachine(workers: scenario.server.workers, queueCapacity: scenario.server.queue)
        peerServers = PeerServers(workers: scenario.mesh.workers, queueCapacity: scenario.mesh.queue)
        meanService = .millis(scenario.server.serviceMs)
        meanPeerService = .millis(scenario.mesh.serviceMs)
        latency = .millis(scenario.network.latencyMs)
        jitter = .millis(scenario.network.jitterMs)
        timeout = .seconds(scenario.workload.timeout)
        activeClients = min(scenario.nodes, Engine.maxNodes)
        clients = Array(repeating: ClientRecord(), count: activeClients)
        upFlags = BitFlags(repeating: true, count: activeClients)
        clientsAddress = elementsAddress(of: clients)
        metrics.keepsAllEvents = keepAllEvents
        kernel.schedule(.tick, after: SimTime.nanosPerSecond)
        for (i, action) in scenario.timeline.enumerated() {
            kernel.schedule(.timeline(index: Int32(i)), at: .seconds(action.at))
        }
        if architecture == .peerMesh {
            buildMesh(seeded: true)
            server.shutDown()
        }
        for peer in 0..<activeClients { scheduleChurn(peer) }
        scheduleNextArrival()
        scheduleNextGuess()
    }

    // MARK: - Driving

    // Concrete copies of the `Simulation` extension's loop: called from other modules, the generic versions would run
    // unspecialized (a metadata lookup per event, measured at 0.5 M events/s instead of millions).

    /// Runs every event due at or before `time`, then moves the clock to `time`.
    public func run(until time: SimTime) {
        while let e = kernel.next(until: time) { handle(e) }
        kernel.moveClock(to: time)
    }

    /// Starts the memory loads of the next two events while a lookup is handled, in two stages. For the event after
    /// next: a lookup's ring place, request record and cached routing ends, or a reply's request and client records.
    /// For the next event, whose first-stage loads were asked for one event ago: if it is a lookup reaching its key's
    /// owner, that owner's server and replica flags. At 100,000 peers none of these lines is still in cache 20 ms of
    /// simulated time after its last use (perf: they were a third of a DHT run's time). Hints only: the run's results
    /// do not depend on them.
    @inline(__always) func prefetchAhead() {
        switch kernel.upcoming(1) {
        case .lookupArrives(let ref, let rank)?: prefetchHop(ref, rank: Int(rank))
        case .deliverReply(let ref, let client, _)?: prefetchReply(ref, client: Int(client))
        case nil:
            // The slot holds one more event only: its first stage, late, and no second.
            switch kernel.upcoming(0) {
            case .lookupArrives(let ref, let rank)?: prefetchHop(ref, rank: Int(rank))
            case .deliverReply(let ref, let client, _)?: prefetchReply(ref, client: Int(client))
            default: break
            }
            return
        default: break
        }
        if case .lookupArrives(let ref, let rank)? = kernel.upcoming(0) { prefetchOwner(ref, rank: Int(rank)) }
    }

    @inline(__always) func prefetchHop(_ ref: RequestRef, rank: Int) {
        guard mesh != nil else { return }  // not `guard let`: binding retains the mesh
        Unmanaged.passUnretained(mesh!)._withUnsafeGuaranteedRef { $0.prefetch(rank: rank, slot: Int(ref.slot)) }
        requests.prefetch(slot: Int(ref.slot))
    }

    /// The second stage for a lookup about to arrive at `rank`: when its cached ends say `rank` owns the key, the
    /// owner's server, replica flags, epoch and served count.
    @inline(__always) func prefetchOwner(_ ref: RequestRef, rank: Int) {
        guard mesh != nil else { return }
        let owner = Unmanaged.passUnretained(mesh!)._withUnsafeGuaranteedRef { $0.prefetchOwner(slot: Int(ref.slot), rank: rank) }
        if let owner { peerServers.prefetch(peer: owner) }
    }

    /// Starts loading what a reply arriving soon reads: its request record and its client's record (at 100,000 peers
    /// the client's record missed the cache on nearly every reply: 6% of a DHT run's time, by perf).
    @inline(__always) func prefetchReply(_ ref: RequestRef, client: Int) {
        requests.prefetch(slot: Int(ref.slot))
        guard client >= 0 else { return }
        prefetchHint(clientsAddress, index: client, stride: MemoryLayout<ClientRecord>.stride)
    }

    /// From this many clients on, the client table (48 bytes a client) outgrows the L2 cache and each arrival's
    /// random client misses it; below, the look-ahead would cost more than it hides.
    static let prefetchArrivalsFrom = 8_192
    /// Where `clients` keeps its records, for prefetch hints (see Prefetch.swift): refreshed every simulated second
    /// too, as a copy taken by a snapshot may move the array.
    var clientsAddress: UInt = 0

    /// Starts loading what issuing the next arrival's request will read. Its client and resource are the next draws of
    /// the arrival and workload streams, so copies of those generators name them without disturbing the real ones (if
    /// the population changes first, the guess is wrong and the hint merely wasted).
    @inline(__always) func prefetchNextArrival() {
        var arrivalsAhead = arrivals
        let c = arrivalsAhead.below(activeClients)
        prefetchHint(clientsAddress, index: c, stride: MemoryLayout<ClientRecord>.stride)
        guard mesh != nil, architecture == .peerMesh else { return }
        var workloadAhead = workload
        let resource = picker.pick(&workloadAhead)
        Unmanaged.passUnretained(mesh!)._withUnsafeGuaranteedRef { $0.prefetchIssue(peer: c, resource: resource) }
    }

    /// Brings the simulation to `time`: what the live view calls every frame with wall time × speed.
    public func advance(to time: SimTime) { run(until: time) }

    /// The current simulated time.
    public var now: SimTime { kernel.now }

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

    // MARK: - Event handling

    @inline(__always) func handle(_ event: Event) {
        metrics.integrate(to: kernel.now)
        switch event {
        case .arrival(let generation):
            guard generation == arrivalGeneration else { return }
            let c = arrivals.below(activeClients)
            scheduleNextArrival()
            if clients[c].up { issue(from: c) }
            // After the issue, so the workload stream's next draw is the next arrival's resource.
            if activeClients >= Self.prefetchArrivalsFrom { prefetchNextArrival() }
        case .deliverRequest(let ref):
            if requests.isLive(ref) { requests[ref].phase = .atServer }
            withServer { $0.receive(ref, effects: &$1) }
        case .serviceDone(let worker, let epoch):
            guard epoch == serverEpoch else { return }
            withServer { $0.finish(worker: Int(worker), effects: &$1) }
        case .deliverReply(let ref, _, let outcome):
            deliverReply(ref, outcome)
        case .timeoutsDue:
            while let due = timeouts.popDue(at: kernel.now) { expire(due.request, attempt: due.attempt) }
            if let next = timeouts.nextWakeup() { kernel.schedule(.timeoutsDue, at: next) }
        case .tick:
            clientsAddress = elementsAddress(of: clients)
            metrics.closeSecond(at: kernel.now, architecture: architecture, nodes: activeClients, workers: server.workers)
            kernel.schedule(.tick, after: SimTime.nanosPerSecond)
        case .timeline(let index):
            runTimelineAction(scenario.timeline[Int(index)])
        case .lookupArrives(let ref, let rank):
            // Looked ahead here, not for every event: the look cost the M/M/4 bench 4% of its instructions.
            prefetchAhead()
            lookupArrived(ref, atRank: Int(rank))
        case .floodArrives(let serial, let peer, let from, let ttl):
            floodArrived(serial, at: Int(peer), from: Int(from), ttl: Int(ttl))
        case .hitArrives(let serial, let peer, let holder):
            hitArrived(serial, at: Int(peer), holder: Int(holder))
        case .meshRequestArrives(let ref, let holder):
            if requests.isLive(ref) { servePeer(Int(holder), ref) }
        case .peerServiceDone(let peer, let worker, let epoch):
            peerServiceDone(Int(peer), worker: Int(worker), epoch: epoch)
        case .churn(let peer, let token):
            if Int(peer) < clients.count, clients[Int(peer)].churnToken == token { churn(Int(peer)) }
        case .seedArrives(let slot):
            seedArrived(Int(slot))
        case .ringRepair(let peer):
            mesh?.repairRing(Int(peer))
        case .attackTick(let generation):
            attackTick(generation)
        }
    }

    /// Runs a server transition with the engine as its effects sink, then refreshes the levels the metrics integrate.
    func withServer(_ body: (inout ServerMachine, inout EngineServerEffects) -> Void) {
        var effects = EngineServerEffects(engine: self)
        body(&server, &effects)
        metrics.busyLevel = server.busyWorkers
        metrics.setQueue(server.queueLength)
    }

    func scheduleNextArrival() {
        guard activeClients > 0, scenario.workload.rate > 0 else { return }
        // At least 1 ns between arrivals, so an absurd rate can never freeze the clock at one instant.
        let mean = max(1, SimTime.saturating(nanos: 1e9 / (scenario.workload.rate * Double(activeClients))))
        kernel.schedule(.arrival(generation: arrivalGeneration), after: arrivals.exponential(mean: mean))
    }

    /// One hop's delay: latency ± jitter, never negative.
    @inline(__always) func hopDelay() -> SimTime { max(0, latency + network.jitter(jitter)) }

    /// Client `c` (index) issues a new request.
    func issue(from c: Int) {
        let resource = picker.pick(&workload)
        let ref = requests.open(client: Int32(c), at: kernel.now, segment: metrics.currentSegment,
                                resource: resource, architecture: architecture)
        metrics.issued(segment: metrics.currentSegment)
        clients[c].sent += 1
        clients[c].outstanding += 1
        send(ref)
    }

    /// Sends the request's current attempt under the architecture that accepted it, and arms its timeout.
    func send(_ ref: RequestRef) {
        if requests[ref].architecture == .peerMesh { sendMesh(ref) } else { sendToServer(ref) }
    }

    /// Client-server: the request goes to the server; a client without a session sends its login first.
    func sendToServer(_ ref: RequestRef, armingTimeout: Bool = true) {
        if security.centralAuthentication {
            requests[ref].loggingIn = clients[Int(requests[ref].client)].session != security.loginEpoch
        }
        metrics.message()
        let now = kernel.now
        if network.chance(scenario.network.loss) {
            requests[ref].phase = .lost
            // With no timeout nothing will ever act on it: in flight forever, but its slot is freed.
            if timeout == 0 { strand(ref); return }
        } else {
            let d = hopDelay()
            requests[ref].depart(.toServer, from: requests[ref].client + 1, to: 0, at: now, arrivingAfter: d)
            kernel.schedule(.deliverRequest(ref), after: d)
        }
        // After a login the same attempt goes on: its timeout already runs.
        if armingTimeout { armTimeout(ref) }
    }

    func armTimeout(_ ref: RequestRef) {
        guard timeout > 0 else { return }
        // A compaction keeps only the entries `expire` would act on: the run goes on exactly as it would have.
        if let wake = timeouts.arm(ref, attempt: requests[ref].attempt, deadline: kernel.now + timeout,
                                   compactingWith: { self.requests.isLive($0.request)
                                       && self.requests[$0.request].attempt == $0.attempt }) {
            kernel.schedule(.timeoutsDue, at: wake)
        }
    }

    /// An attempt's timeout fell due: retry, or give up. Stale when the request ended or was retried since.
    func expire(_ ref: RequestRef, attempt: UInt16) {
        guard requests.isLive(ref), requests[ref].attempt == attempt else { return }
        if Int(attempt) < scenario.workload.retries {
            requests[ref].attempt = attempt + 1
            send(ref)
        } else {
            finish(ref, .timedOut)
        }
    }

    /// The server's reply goes back over the network (it may be lost).
    /// `from` is the replying node's id: 0 for the server, a peer's id in the mesh.
    func sendReply(_ ref: RequestRef, _ outcome: ReplyOutcome, from: Int = 0) {
        metrics.message()
        if network.chance(scenario.network.loss) {
            if timeout == 0, requests.isLive(ref) { strand(ref) }
            return
        }
        let d = hopDelay()
        var client: Int32 = -1
        if requests.isLive(ref) {
            client = requests[ref].client
            requests[ref].depart(.toClient, from: Int32(from), to: client + 1, at: kernel.now, arrivingAfter: d)
        }
        kernel.schedule(.deliverReply(ref, client: client, outcome), after: d)
    }

    func deliverReply(_ ref: RequestRef, _ outcome: ReplyOutcome) {
        // A reply to a request its client already gave up on is dropped: the server's work was wasted.
        guard requests.isLive(ref) else { return }
        switch outcome {
        case .completed:
            let c = Int(requests[ref].client)
            let latency = kernel.now - requests[ref].issuedAt
            clients[c].completed += 1
            clients[c].latencySum += latency
            finish(ref, .completed(latency: latency))
        case .rejected: finish(ref, .rejected)
        case .failed: finish(ref, .failed)
        case .denied: finish(ref, .denied)
        case .loggedIn:
            clients[Int(requests[ref].client)].session = security.loginEpoch
            sendToServer(ref, armingTimeout: false)
        }
    }

    /// How a request ended, from its requester's point of view.
    enum Outcome { case completed(latency: SimTime), rejected, timedOut, failed, denied }

    /// Ends a request: counts the outcome in the run and in the segment that accepted it, frees its slot.
    /// A guess is not a request of the workload: it only frees its slot.
    func finish(_ ref: RequestRef, _ outcome: Outcome) {
        guard requests[ref].kind == .data else { requests.close(ref); return }
        let segment = requests[ref].segment, architecture = requests[ref].architecture
        switch outcome {
        case .completed(let latency): metrics.completed(latency: latency, segment: segment, architecture)
        case .rejected: metrics.rejected(segment: segment, architecture)
        case .timedOut: metrics.timedOut(segment: segment, architecture)
        case .failed: metrics.failed(segment: segment, architecture)
        case .denied: metrics.denied(segment: segment, architecture)
        }
        clients[Int(requests[ref].client)].outstanding -= 1
        requests.close(ref)
    }

    func log(_ kind: NetworkEvent.Kind, node: Int, _ detail: String) {
        metrics.record(NetworkEvent(time: kernel.now, kind: kind, node: node, detail: detail))
    }
}

/// The engine as a server machine's effects sink (the central server, or peer `peer` of the mesh): schedules service
/// completions and replies, logs overloads.
struct EngineServerEffects: ServerEffects {
    // Unretained: the engine owns every sink it makes, for the duration of one call. Each method borrows it through
    // `_withUnsafeGuaranteedRef`, which costs no reference counting; a strong reference retained it for every sink
    // made, and each use of an unowned(unsafe) one retained it again (7% of the M/M/4 run's instructions).
    let unmanaged: Unmanaged<Engine>
    /// -1 for the central server, else the peer index.
    let peer: Int32

    init(engine: Engine, peer: Int32 = -1) { unmanaged = .passUnretained(engine); self.peer = peer }

    public mutating func startService(of request: RequestRef, worker: Int) {
        unmanaged._withUnsafeGuaranteedRef { startService(of: request, worker: worker, engine: $0) }
    }

    public mutating func reply(to request: RequestRef, outcome: ReplyOutcome) {
        unmanaged._withUnsafeGuaranteedRef { reply(to: request, outcome: outcome, engine: $0) }
    }

    public mutating func overloadChanged(to overloaded: Bool, queueLength: Int) {
        unmanaged._withUnsafeGuaranteedRef { overloadChanged(to: overloaded, queueLength: queueLength, engine: $0) }
    }

    private func startService(of request: RequestRef, worker: Int, engine: Engine) {
        if peer < 0 {
            let mean = engine.centralServiceMean(request)
            let d = engine.scenario.server.service == .constant ? mean : engine.service.exponential(mean: mean)
            engine.schedule(.serviceDone(worker: Int32(worker), epoch: engine.serverEpoch), after: d)
        } else {
            let mean = engine.isGuess(request) ? engine.meanLogin : engine.meanPeerService
            let d = engine.scenario.server.service == .constant ? mean : engine.service.exponential(mean: mean)
            let epoch = engine.mesh?.epochs[Int(peer)] ?? 0
            engine.schedule(.peerServiceDone(peer: peer, worker: Int32(worker), epoch: epoch), after: d)
        }
    }

    private func reply(to request: RequestRef, outcome: ReplyOutcome, engine: Engine) {
        if engine.isGuess(request) {
            engine.guessAnswered(request, outcome: outcome, byPeer: Int(peer))
        } else if peer >= 0 {
            if outcome == .completed { engine.mesh?.served[Int(peer)] += 1 }
            engine.sendReply(request, outcome, from: Int(peer) + 1)
        } else if outcome == .completed {
            engine.serverAnswered(request)
        } else {
            engine.sendReply(request, outcome)
        }
    }

    private func overloadChanged(to overloaded: Bool, queueLength: Int, engine: Engine) {
        if peer >= 0 {
            guard overloaded else { return }
            engine.mesh?.peerOverloads += 1
            engine.log(.overload, node: Int(peer) + 1,
                       "peer \(peer + 1) overloaded: its queue is full (\(queueLength)/\(engine.scenario.mesh.queue))")
            return
        }
        engine.metrics.overloadedLevel = overloaded
        if overloaded {
            engine.log(.overload, node: 0, "queue full (\(queueLength)/\(engine.scenario.server.queue)): rejecting requests")
        } else {
            engine.log(.recovered, node: 0, "queue drained to \(queueLength)")
        }
    }
}
