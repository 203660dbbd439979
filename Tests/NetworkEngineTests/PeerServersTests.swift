import Testing
@testable import NetworkEngine

/// The mesh's flat peer servers must behave exactly as a `ServerMachine` would, call for call: the same effects in
/// the same order for the same inputs, whatever the workers and waiting room.
@Suite("Peer servers")
struct PeerServersTests {
    /// The callbacks the server logic made before its effects were returned as `ServerStep`s (the frozen original
    /// below still makes them).
    protocol ServerEffects {
        mutating func startService(of request: RequestRef, worker: Int)
        mutating func reply(to request: RequestRef, outcome: ReplyOutcome)
        mutating func overloadChanged(to overloaded: Bool, queueLength: Int)
    }

    /// Writes down every effect a server asks for.
    struct Recorder: ServerEffects {
        var log: [String] = []
        mutating func startService(of request: RequestRef, worker: Int) { log.append("start \(request.slot) w\(worker)") }
        mutating func reply(to request: RequestRef, outcome: ReplyOutcome) { log.append("reply \(request.slot) \(outcome)") }
        mutating func overloadChanged(to overloaded: Bool, queueLength: Int) {
            log.append("overload \(overloaded) \(queueLength)")
        }
    }

    /// Writes down a returned step's effects in the order the driver carries them out (`ServerStep`'s contract),
    /// which must be the order the frozen original called them in.
    static func record(_ step: ServerStep<RequestRef>, _ r: inout Recorder) {
        if let o = step.overload, o.overloaded { r.overloadChanged(to: true, queueLength: o.queueLength) }
        if let reply = step.reply { r.reply(to: reply.request, outcome: reply.outcome) }
        if let start = step.start { r.startService(of: start.request, worker: start.worker) }
        if let o = step.overload, !o.overloaded { r.overloadChanged(to: false, queueLength: o.queueLength) }
    }

    static func record(_ failure: ServerFailure<RequestRef>, _ r: inout Recorder) {
        for request in failure.failed { r.reply(to: request, outcome: .failed) }
        if failure.overloadEnded { r.overloadChanged(to: false, queueLength: 0) }
    }

    /// `ServerMachine` as it was before its logic moved into `ServerStorage` (commit 1250a47), kept verbatim as the
    /// reference both of today's implementations must match.
    struct FrozenServerMachine {
        let workers: Int
        let queueCapacity: Int
        var up = true
        var overloaded = false
        /// The request each worker holds (nil when idle).
        var inService: [RequestRef?]
        var idleWorkers: [Int]
        /// Starts small and doubles when full: a mesh makes one server per serving peer, tens of thousands at 100,000
        /// peers, and most of them never queue anything.
        var waiting = RingBuffer<RequestRef>(initialCapacity: 4)
        /// Requests served to completion.
        var served = 0

        init(workers: Int, queueCapacity: Int) {
            self.workers = workers
            self.queueCapacity = queueCapacity
            inService = Array(repeating: nil, count: workers)
            idleWorkers = Array((0..<workers).reversed())
        }

        var busyWorkers: Int { workers - idleWorkers.count }
        var queueLength: Int { waiting.count }

        /// A request arrived: serve it, queue it, or turn it away.
        mutating func receive<E: ServerEffects>(_ request: RequestRef, effects: inout E) {
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
        mutating func finish<E: ServerEffects>(worker: Int, effects: inout E) {
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
        mutating func crash<E: ServerEffects>(effects: inout E) {
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
        mutating func restart() { up = true }

        /// Switched off while empty (there is no server in a peer mesh); `restart()` brings it up.
        mutating func shutDown() {
            guard waiting.isEmpty, busyWorkers == 0 else { return }
            up = false
        }
    }

    @Test("random arrivals, completions and crashes give the same effects as a ServerMachine",
          arguments: [(1, 8), (4, 3), (3, 0), (2, 12)])
    func sameAsServerMachine(workers: Int, queue: Int) {
        let servers = PeerServers(workers: workers, queueCapacity: queue)
        servers.grow(to: 5)
        servers.grow(to: 40)  // growing keeps the first peers' state
        var machines = (0..<40).map { _ in ServerMachine<RequestRef>(workers: workers, queueCapacity: queue) }
        var frozen = (0..<40).map { _ in FrozenServerMachine(workers: workers, queueCapacity: queue) }
        var rng = SeededRandom(seed: UInt64(workers * 100 + queue), stream: .service)
        var a = Recorder(), b = Recorder(), c = Recorder()
        var next: Int32 = 0
        for _ in 0..<20_000 {
            let peer = rng.below(40)
            var flat = servers.server(peer)
            switch rng.below(100) {
            case 0..<55:
                let r = RequestRef(slot: next, token: 1)
                next += 1
                Self.record(machines[peer].receive(r), &a)
                Self.record(flat.accept(r), &b)
                frozen[peer].receive(r, effects: &c)
            case 55..<97:
                let w = rng.below(max(1, workers))
                Self.record(machines[peer].finish(worker: w), &a)
                Self.record(flat.complete(worker: w), &b)
                frozen[peer].finish(worker: w, effects: &c)
            default:
                Self.record(machines[peer].crash(), &a)
                Self.record(flat.fail(), &b)
                frozen[peer].crash(effects: &c)
                machines[peer].restart()
                flat.up = true
                frozen[peer].restart()
            }
            #expect(machines[peer].busyWorkers == flat.busyWorkers)
            #expect(machines[peer].queueLength == flat.waitingCount)
            #expect(machines[peer].overloaded == flat.overloaded)
            #expect(frozen[peer].busyWorkers == flat.busyWorkers && frozen[peer].queueLength == flat.waitingCount)
        }
        #expect(a.log == c.log, "ServerMachine against the frozen original")
        #expect(b.log == c.log, "PeerServers against the frozen original")
        #expect(a.log.count > 15_000)
        // Waiting rooms filled and drained, and crashes reset busy servers: every path was taken.
        #expect(a.log.contains { $0.hasPrefix("overload true") })
        #expect(a.log.contains { $0.hasSuffix("failed") })
    }
}
