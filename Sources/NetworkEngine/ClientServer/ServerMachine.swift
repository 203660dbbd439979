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

/// What a server's transition asks its driver to do, returned rather than called back, so the machine never runs
/// while its driver is borrowed. At most one of each; the driver carries them out in this order: the overload
/// turning on, the reply, the service start, the overload turning off (the order the events happen in).
public struct ServerStep<Request> {
    /// Send this reply.
    public var reply: (request: Request, outcome: ReplyOutcome)?
    /// Start serving this request on this worker; the driver decides how long it takes and calls `finish(worker:)`.
    public var start: (request: Request, worker: Int)?
    /// The queue filled (`true`) or drained below half (`false`), with its length then.
    public var overload: (overloaded: Bool, queueLength: Int)?

    public init() {}
}

/// A server's crash: every request it held fails (connection reset), in the order held (workers, then the queue).
public struct ServerFailure<Request> {
    public var failed: [Request] = []
    /// The overload state was on and is now off.
    public var overloadEnded = false
}

/// What a server's logic needs of its storage: its workers (which are idle, what each holds), its waiting room and
/// two flags. `ServerMachine` keeps these in its own arrays; the mesh's peers keep theirs side by side in one flat
/// store (`PeerServers`), so a hop to a holder touches one or two cache lines instead of a record and three arrays.
protocol ServerStorage {
    associatedtype Request
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
    func request(on worker: Int) -> Request?
    mutating func setRequest(_ request: Request?, on worker: Int)
    var waitingCount: Int { get }
    /// Worker slots that may hold a request: `workers`, and those removed that still finish theirs.
    var workerSlots: Int { get }
    mutating func enqueue(_ request: Request)
    mutating func dequeue() -> Request?
    mutating func countServed()
    /// Whether `worker` was removed while busy and leaves once its request is done (`ServerMachine.resize`).
    func retires(_ worker: Int) -> Bool
}

extension ServerStorage {
    /// Peers' servers never change size: no worker retires.
    @inline(__always) func retires(_ worker: Int) -> Bool { false }
    var workerSlots: Int { workers }
}

extension ServerStorage {
    /// A request arrived: serve it, queue it, or turn it away.
    @inline(__always)
    mutating func accept(_ request: Request) -> ServerStep<Request> {
        var step = ServerStep<Request>()
        guard up else { step.reply = (request, .failed); return step }
        if let w = takeIdleWorker() {
            setRequest(request, on: w)
            step.start = (request, w)
        } else if waitingCount < queueCapacity {
            enqueue(request)
            if waitingCount == queueCapacity && !overloaded {
                overloaded = true
                step.overload = (true, waitingCount)
            }
        } else {
            // A zero-length waiting room is "full" as soon as every worker is busy.
            if !overloaded {
                overloaded = true
                step.overload = (true, waitingCount)
            }
            step.reply = (request, .rejected)
        }
        return step
    }

    /// A worker finished: reply, then take the next waiting request.
    @inline(__always)
    mutating func complete(worker: Int) -> ServerStep<Request> {
        var step = ServerStep<Request>()
        guard up, let done = request(on: worker) else { return step }
        countServed()
        step.reply = (done, .completed)
        if retires(worker) {
            setRequest(nil, on: worker)
            releaseWorker(worker)
        } else if let next = dequeue() {
            setRequest(next, on: worker)
            step.start = (next, worker)
        } else {
            setRequest(nil, on: worker)
            releaseWorker(worker)
        }
        if overloaded && (waitingCount * 2 < queueCapacity || (queueCapacity == 0 && idleCount > 0)) {
            overloaded = false
            step.overload = (false, waitingCount)
        }
        return step
    }

    /// The server process dies: everything it held fails (connection reset) and it refuses work until restarted.
    mutating func fail() -> ServerFailure<Request> {
        var failure = ServerFailure<Request>()
        guard up else { return failure }
        up = false
        for w in 0..<workerSlots {
            if let r = request(on: w) { failure.failed.append(r) }
            setRequest(nil, on: w)
        }
        resetWorkers()
        while let r = dequeue() { failure.failed.append(r) }
        if overloaded {
            overloaded = false
            failure.overloadEnded = true
        }
        return failure
    }
}

/// The server's queue and workers as a sans-I/O state machine: it takes inputs and emits effects, no clock, no I/O.
///
/// Kept apart from the simulator in the way swift-cluster-membership keeps `SWIM.Instance` apart from its NIO shell,
/// so the same logic can run over real sockets later. Generic over the request identifier; its effects are returned (`ServerStep`), never called back.
/// The logic itself is `ServerStorage`'s, shared with the mesh's peers.
public struct ServerMachine<Request>: ServerStorage {
    /// Workers serving; `resize(workers:)` changes it while the server runs.
    public private(set) var workers: Int
    /// Places in the waiting room; `setQueueCapacity(_:)` changes it while the server runs.
    public private(set) var queueCapacity: Int
    public internal(set) var up = true
    public internal(set) var overloaded = false
    /// The request each worker holds (nil when idle).
    var inService: [Request?]
    var idleWorkers: [Int]
    var waiting = RingBuffer<Request>()
    /// Requests served to completion.
    public internal(set) var served = 0
    /// Workers removed while busy (slots `workers...`): each finishes its request, then leaves.
    private var retiring = 0

    public init(workers: Int, queueCapacity: Int) {
        self.workers = workers
        self.queueCapacity = queueCapacity
        inService = Array(repeating: nil, count: workers)
        idleWorkers = Array((0..<workers).reversed())
    }

    public var busyWorkers: Int { workers - idleWorkers.count + retiring }
    public var queueLength: Int { waiting.count }

    /// A request arrived: serve it, queue it, or turn it away.
    public mutating func receive(_ request: Request) -> ServerStep<Request> { accept(request) }

    /// A worker finished: reply, then take the next waiting request.
    public mutating func finish(worker: Int) -> ServerStep<Request> { complete(worker: worker) }

    /// The server process dies: everything it held fails (connection reset) and it refuses work until restarted.
    public mutating func crash() -> ServerFailure<Request> { fail() }

    /// The server comes back, empty.
    public mutating func restart() { up = true }

    /// Switched off while empty (there is no server in a peer mesh); `restart()` brings it up.
    public mutating func shutDown() {
        guard waiting.isEmpty, busyWorkers == 0 else { return }
        up = false
    }

    // MARK: Changing size while running

    /// What a resize asks its driver to do: start these waiting requests on the workers just added, and the
    /// overload turning off when the queue drained below half.
    public struct Resize {
        public var starts: [(request: Request, worker: Int)] = []
        public var overloadEnded: Int?
    }

    /// Serves with `count` workers from now on. Capacity changes at once: added workers take waiting requests
    /// straight away; a removed worker that is busy finishes its request and then leaves (nothing is dropped).
    public mutating func resize(workers count: Int) -> Resize {
        let count = max(1, count)
        var resize = Resize()
        let slots = max(inService.count, count)
        if inService.count < slots { inService += Array(repeating: nil, count: slots - inService.count) }
        // Idle workers keep their order (the most recently freed is taken first); slots above `count` go.
        let kept = idleWorkers.filter { $0 < count }
        let known = Set(idleWorkers)
        let added = (0..<count).reversed().filter { $0 >= workers && inService[$0] == nil && !known.contains($0) }
        idleWorkers = added + kept
        workers = count
        retiring = inService[count...].reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        trimRetired()
        guard up else { return resize }
        while let w = idleWorkers.last, let next = waiting.popFirst() {
            idleWorkers.removeLast()
            inService[w] = next
            resize.starts.append((next, w))
        }
        if overloaded && (waiting.count * 2 < queueCapacity || (queueCapacity == 0 && !idleWorkers.isEmpty)) {
            overloaded = false
            resize.overloadEnded = waiting.count
        }
        return resize
    }

    /// A waiting room of `capacity` places from now on; requests already waiting stay. True when the server is now
    /// overloaded and was not (the queue is at or past the new capacity).
    public mutating func setQueueCapacity(_ capacity: Int) -> (overloadBegan: Bool, overloadEnded: Bool) {
        queueCapacity = max(0, capacity)
        let full = waiting.count >= queueCapacity && (queueCapacity > 0 || idleWorkers.isEmpty)
        if up && full && !overloaded { overloaded = true; return (true, false) }
        if overloaded && (waiting.count * 2 < queueCapacity || (queueCapacity == 0 && !idleWorkers.isEmpty)) {
            overloaded = false
            return (false, true)
        }
        return (false, false)
    }

    /// Drops the slots above `workers` once none of them holds a request.
    private mutating func trimRetired() {
        if retiring == 0, inService.count > workers { inService.removeLast(inService.count - workers) }
    }

    // MARK: ServerStorage

    var idleCount: Int { idleWorkers.count }
    var workerSlots: Int { inService.count }
    func retires(_ worker: Int) -> Bool { worker >= workers }
    mutating func takeIdleWorker() -> Int? { idleWorkers.popLast() }
    mutating func releaseWorker(_ worker: Int) {
        if worker >= workers {
            retiring -= 1
            trimRetired()
        } else {
            idleWorkers.append(worker)
        }
    }
    mutating func resetWorkers() {
        retiring = 0
        trimRetired()
        idleWorkers = Array((0..<workers).reversed())
    }
    func request(on worker: Int) -> Request? { inService[worker] }
    mutating func setRequest(_ request: Request?, on worker: Int) { inService[worker] = request }
    var waitingCount: Int { waiting.count }
    mutating func enqueue(_ request: Request) { waiting.append(request) }
    mutating func dequeue() -> Request? { waiting.popFirst() }
    mutating func countServed() { served += 1 }
}
