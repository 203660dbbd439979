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

/// The server's queue and workers as a sans-I/O state machine: it takes inputs and emits effects, no clock, no I/O.
///
/// Kept apart from the simulator in the way swift-cluster-membership keeps `SWIM.Instance` apart from its NIO shell,
/// so the same logic can run over real sockets later. Generic over the effects sink, so the simulator pays nothing.
public struct ServerMachine {
    public let workers: Int
    public let queueCapacity: Int
    public internal(set) var up = true
    public internal(set) var overloaded = false
    /// The request each worker holds (nil when idle).
    var inService: [RequestRef?]
    var idleWorkers: [Int]
    /// Starts small and doubles when full: a mesh makes one server per serving peer, tens of thousands at 100,000
    /// peers, and most of them never queue anything.
    var waiting = RingBuffer<RequestRef>(initialCapacity: 4)
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
        guard up else { effects.reply(to: request, outcome: .failed); return }
        if let w = idleWorkers.popLast() {
            inService[w] = request
            effects.startService(of: request, worker: w)
        } else if waiting.count < queueCapacity {
            waiting.append(request)
            if waiting.count == queueCapacity && !overloaded {
                overloaded = true
                effects.overloadChanged(to: true, queueLength: waiting.count)
            }
        } else {
            // A zero-length waiting room is "full" as soon as every worker is busy.
            if !overloaded {
                overloaded = true
                effects.overloadChanged(to: true, queueLength: waiting.count)
            }
            effects.reply(to: request, outcome: .rejected)
        }
    }

    /// A worker finished: reply, then take the next waiting request.
    public mutating func finish<E: ServerEffects>(worker: Int, effects: inout E) {
        guard up, let done = inService[worker] else { return }
        served += 1
        effects.reply(to: done, outcome: .completed)
        if let next = waiting.popFirst() {
            inService[worker] = next
            effects.startService(of: next, worker: worker)
        } else {
            inService[worker] = nil
            idleWorkers.append(worker)
        }
        if overloaded && (waiting.count * 2 < queueCapacity || (queueCapacity == 0 && !idleWorkers.isEmpty)) {
            overloaded = false
            effects.overloadChanged(to: false, queueLength: waiting.count)
        }
    }

    /// The server process dies: everything it held fails (connection reset) and it refuses work until restarted.
    public mutating func crash<E: ServerEffects>(effects: inout E) {
        guard up else { return }
        up = false
        for w in 0..<workers {
            if let r = inService[w] { effects.reply(to: r, outcome: .failed) }
            inService[w] = nil
        }
        idleWorkers = Array((0..<workers).reversed())
        while let r = waiting.popFirst() { effects.reply(to: r, outcome: .failed) }
        if overloaded {
            overloaded = false
            effects.overloadChanged(to: false, queueLength: 0)
        }
    }

    /// The server comes back, empty.
    public mutating func restart() { up = true }

    /// Switched off while empty (there is no server in a peer mesh); `restart()` brings it up.
    public mutating func shutDown() {
        guard waiting.isEmpty, busyWorkers == 0 else { return }
        up = false
    }
}
