/// How the server answered a request.
public enum ReplyOutcome: UInt8, Sendable, BitwiseCopyable {
    case completed
    /// The queue was full: overload.
    case rejected
    /// The server was down (connection refused) or crashed while holding the request (connection reset).
    case failed
    /// Refused by the security check: the account may not read the resource, or is locked.
    case denied
    /// A login succeeded: the client has a session and now sends the request itself.
    case loggedIn
}

/// What the server machine asks its driver to do; the simulator and a future live mode each provide one.
public protocol ServerEffects {
    /// Start serving `request` on `worker`; the driver decides how long it takes and calls `finish(worker:)`.
    mutating func startService(of request: RequestRef, worker: Int)
    /// Send the reply for `request`.
    mutating func reply(to request: RequestRef, outcome: ReplyOutcome)
    /// The queue filled (`true`) or drained below half (`false`).
    mutating func overloadChanged(to overloaded: Bool, queueLength: Int)
}

/// What a server's logic needs of its storage: its workers (which are idle, what each holds), its waiting room and
/// two flags. `ServerMachine` keeps these in its own arrays; the mesh's peers keep theirs side by side in one flat
/// store (`PeerServers`), so a hop to a holder touches one or two cache lines instead of a record and three arrays.
protocol ServerStorage {
    var workers: Int { get }
    var queueCapacity: Int { get }
    var up: Bool { get set }
    var overloaded: Bool { get set }
    var idleCount: Int { get }
    /// Takes the most recently freed idle worker.
    mutating func takeIdleWorker() -> Int?
    mutating func releaseWorker(_ worker: Int)
    /// Every worker idle again, in the order a new server has them.
    mutating func resetWorkers()
    func request(on worker: Int) -> RequestRef?
    mutating func setRequest(_ request: RequestRef?, on worker: Int)
    var waitingCount: Int { get }
    mutating func enqueue(_ request: RequestRef)
    mutating func dequeue() -> RequestRef?
    mutating func countServed()
}

extension ServerStorage {
    /// A request arrived: serve it, queue it, or turn it away.
    mutating func accept<E: ServerEffects>(_ request: RequestRef, effects: inout E) {
        guard up else { effects.reply(to: request, outcome: .failed); return }
        if let w = takeIdleWorker() {
            setRequest(request, on: w)
            effects.startService(of: request, worker: w)
        } else if waitingCount < queueCapacity {
            enqueue(request)
            if waitingCount == queueCapacity && !overloaded {
                overloaded = true
                effects.overloadChanged(to: true, queueLength: waitingCount)
            }
        } else {
            // A zero-length waiting room is "full" as soon as every worker is busy.
            if !overloaded {
                overloaded = true
                effects.overloadChanged(to: true, queueLength: waitingCount)
            }
            effects.reply(to: request, outcome: .rejected)
        }
    }

    /// A worker finished: reply, then take the next waiting request.
    mutating func complete<E: ServerEffects>(worker: Int, effects: inout E) {
        guard up, let done = request(on: worker) else { return }
        countServed()
        effects.reply(to: done, outcome: .completed)
        if let next = dequeue() {
            setRequest(next, on: worker)
            effects.startService(of: next, worker: worker)
        } else {
            setRequest(nil, on: worker)
            releaseWorker(worker)
        }
        if overloaded && (waitingCount * 2 < queueCapacity || (queueCapacity == 0 && idleCount > 0)) {
            overloaded = false
            effects.overloadChanged(to: false, queueLength: waitingCount)
        }
    }

    /// The server process dies: everything it held fails (connection reset) and it refuses work until restarted.
    mutating func fail<E: ServerEffects>(effects: inout E) {
        guard up else { return }
        up = false
        for w in 0..<workers {
            if let r = request(on: w) { effects.reply(to: r, outcome: .failed) }
            setRequest(nil, on: w)
        }
        resetWorkers()
        while let r = dequeue() { effects.reply(to: r, outcome: .failed) }
        if overloaded {
            overloaded = false
            effects.overloadChanged(to: false, queueLength: 0)
        }
    }
}

/// The server's queue and workers as a sans-I/O state machine: it takes inputs and emits effects, no clock, no I/O.
///
/// Kept apart from the simulator in the way swift-cluster-membership keeps `SWIM.Instance` apart from its NIO shell,
/// so the same logic can run over real sockets later. Generic over the effects sink, so the simulator pays nothing.
/// The logic itself is `ServerStorage`'s, shared with the mesh's peers.
public struct ServerMachine: ServerStorage {
    public let workers: Int
    public let queueCapacity: Int
    public internal(set) var up = true
    public internal(set) var overloaded = false
    /// The request each worker holds (nil when idle).
    var inService: [RequestRef?]
    var idleWorkers: [Int]
    var waiting = RingBuffer<RequestRef>()
    /// Requests served to completion.
    public internal(set) var served = 0

    public init(workers: Int, queueCapacity: Int) {
        self.workers = workers
        self.queueCapacity = queueCapacity
        inService = Array(repeating: nil, count: workers)
        idleWorkers = Array((0..<workers).reversed())
    }

    public var busyWorkers: Int { workers - idleWorkers.count }
    public var queueLength: Int { waiting.count }

    /// A request arrived: serve it, queue it, or turn it away.
    public mutating func receive<E: ServerEffects>(_ request: RequestRef, effects: inout E) {
        accept(request, effects: &effects)
    }

    /// A worker finished: reply, then take the next waiting request.
    public mutating func finish<E: ServerEffects>(worker: Int, effects: inout E) {
        complete(worker: worker, effects: &effects)
    }

    /// The server process dies: everything it held fails (connection reset) and it refuses work until restarted.
    public mutating func crash<E: ServerEffects>(effects: inout E) { fail(effects: &effects) }

    /// The server comes back, empty.
    public mutating func restart() { up = true }

    /// Switched off while empty (there is no server in a peer mesh); `restart()` brings it up.
    public mutating func shutDown() {
        guard waiting.isEmpty, busyWorkers == 0 else { return }
        up = false
    }

    // MARK: ServerStorage

    var idleCount: Int { idleWorkers.count }
    mutating func takeIdleWorker() -> Int? { idleWorkers.popLast() }
    mutating func releaseWorker(_ worker: Int) { idleWorkers.append(worker) }
    mutating func resetWorkers() { idleWorkers = Array((0..<workers).reversed()) }
    func request(on worker: Int) -> RequestRef? { inService[worker] }
    mutating func setRequest(_ request: RequestRef?, on worker: Int) { inService[worker] = request }
    var waitingCount: Int { waiting.count }
    mutating func enqueue(_ request: RequestRef) { waiting.append(request) }
    mutating func dequeue() -> RequestRef? { waiting.popFirst() }
    mutating func countServed() { served += 1 }
}
