/// What every role of the engine shares: the clock, the network, the request table, the metrics, who is up and the
/// security database. Each role owns the rest of its state; the roles never call one another, and `Engine` routes
/// between them.
///
/// The network here is the simulator's: a message is a scheduled event, delayed by latency ± jitter and lost with the
/// scenario's probability. A real-network driver would replace this, not the roles' logic (see docs/ARCHITECTURE.md).
struct EngineContext {
    /// The scenario's values in force: as given, with every `set` since applied (`Engine.scenario` keeps the run as
    /// given, for its timeline and a restart).
    var scenario: Scenario
    let kernel: Kernel<Engine.Event>
    let requests: RequestTable
    var metrics: MetricsRecorder
    var liveness: Liveness
    /// Accounts, sessions, permissions and share passwords (read by the servers), and the attack's progress.
    var security: SecurityModel
    /// The files behind the resources (consulted by the servers when storage is in play; see `StorageModel`).
    var files = FileStore()
    /// The architecture that new requests use.
    var architecture: Architecture

    // Streams shared by several roles (each role keeps its own private ones).
    /// Hop delays and losses.
    var network: SeededRandom
    /// Service times, at the server and at the peers.
    var service: SeededRandom
    /// Churn, and the overlay repairs that follow it.
    var churn: SeededRandom

    private(set) var latency: SimTime
    private(set) var jitter: SimTime
    /// A request's timeout (0: none).
    let timeout: SimTime
    /// Time to check a password, at the server or at a peer.
    let meanLogin: SimTime

    init(scenario: Scenario, nodes: Int) {
        self.scenario = scenario
        kernel = Kernel()
        requests = RequestTable()
        architecture = scenario.architecture
        metrics = MetricsRecorder(architecture: scenario.architecture)
        liveness = Liveness(nodes: nodes)
        security = SecurityModel(scenario: scenario)
        network = SeededRandom(seed: scenario.seed, stream: .network)
        service = SeededRandom(seed: scenario.seed, stream: .service)
        churn = SeededRandom(seed: scenario.seed, stream: .churn)
        latency = .millis(scenario.network.latencyMs)
        jitter = .millis(scenario.network.jitterMs)
        timeout = .seconds(scenario.workload.timeout)
        meanLogin = .millis(scenario.security.loginMs)
    }

    /// The same context with its own clock, queue and request table, and no output sink (a checkpoint: the copy's
    /// future must not write into this run's files).
    func copy() -> EngineContext { EngineContext(copying: self) }

    private init(copying o: EngineContext) {
        scenario = o.scenario
        kernel = o.kernel.copy()
        requests = o.requests.copy()
        metrics = o.metrics
        metrics.sink = nil
        liveness = o.liveness; security = o.security; files = o.files; architecture = o.architecture
        network = o.network; service = o.service; churn = o.churn
        latency = o.latency; jitter = o.jitter; timeout = o.timeout; meanLogin = o.meanLogin
    }

    /// Latency or jitter was set: messages sent from now on take the new delays (those in the air keep theirs).
    mutating func networkChanged() {
        latency = .millis(scenario.network.latencyMs)
        jitter = .millis(scenario.network.jitterMs)
    }

    var now: SimTime { kernel.now }
    /// Members of the population now.
    var activeNodes: Int { liveness.active }
    @inline(__always) func isUp(_ node: Int) -> Bool { liveness.isUp(node) }
    @inline(__always) func isGuess(_ ref: RequestRef) -> Bool { requests.isLive(ref) && requests[ref].kind == .guess }

    /// One hop's delay: latency ± jitter, never negative.
    @inline(__always) mutating func hopDelay() -> SimTime { max(0, latency + network.jitter(jitter)) }

    /// Whether the next message is lost on the wire (counting it as sent either way).
    @inline(__always) mutating func sendsAndLoses() -> Bool {
        metrics.message()
        return network.chance(scenario.network.loss)
    }

    /// Node `id` (1-based) in the words of the architecture in force: "client 4" or "peer 4".
    func memberName(_ id: Int) -> String { (architecture == .peerMesh ? "peer " : "client ") + String(id) }

    /// Records an event with the facts it is about (`account` 1-based, `peer` a node id; see `NetworkEvent`) and its
    /// sentence for people.
    mutating func log(_ kind: NetworkEvent.Kind, node: Int, account: Int? = nil, peer: Int? = nil,
                      outcome: NetworkEvent.Outcome? = nil, _ detail: String) {
        metrics.record(NetworkEvent(time: kernel.now, kind: kind, node: node, account: account, peer: peer,
                                    outcome: outcome, detail: detail))
    }

    // MARK: - Messages

    /// A server's or a peer's reply goes back over the network (it may be lost). `from` is the replying node's id: 0
    /// for the server, a peer's id in the mesh.
    mutating func sendReply(_ ref: RequestRef, _ outcome: ReplyOutcome, from: Int = 0) {
        // What the bill's bandwidth counts: a resource, or a small answer; sent even when lost.
        switch (from == 0, outcome == .completed) {
        case (true, true): metrics.traffic.serverResources += 1
        case (true, false): metrics.traffic.serverMessages += 1
        case (false, true): metrics.traffic.peerResources += 1
        case (false, false): metrics.traffic.peerMessages += 1
        }
        if sendsAndLoses() {
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

    /// Sends a request-carrying message between peers (`from` and `to` are peer indices); when it is lost, the
    /// requester's timeout acts.
    mutating func sendMessage(_ event: Engine.Event, ref: RequestRef, from: Int, to: Int) {
        metrics.traffic.peerMessages += 1
        if sendsAndLoses() {
            if requests.isLive(ref) {
                requests[ref].phase = .lost
                if timeout == 0 { strand(ref) }
            }
            return
        }
        let d = hopDelay()
        if requests.isLive(ref) {
            requests[ref].depart(.toServer, from: Int32(from + 1), to: Int32(to + 1), at: kernel.now, arrivingAfter: d)
        }
        kernel.schedule(event, after: d)
    }

    /// A live request was dropped (lost on the wire, or at a departed peer) and no timeout runs (`timeout: 0`): no
    /// event can ever reach it again. By the model's definition its client waits forever, so it stays in flight (in
    /// the counts and in its client's outstanding requests), but it no longer holds a slot: a lossy run without
    /// timeouts otherwise kept every lost request until the end. A guess is not waited for: its slot is just freed.
    ///
    /// Consequence: a stranded request is not failed when its client later crashes (nothing of it is left to fail);
    /// it stays in flight, as it would for a client that never crashed.
    mutating func strand(_ ref: RequestRef) {
        if requests[ref].kind == .data { metrics.stranded += 1 }
        requests.close(ref)
    }
}
