/// Every mesh peer's small server, side by side in flat storage: one 20-byte state per peer, then each peer's
/// workers (idle stack and the request each holds) at `peer * workers`, and one shared pool of waiting-room entries.
///
/// Why not a `ServerMachine` per peer: each is a record plus three small arrays, four scattered cache lines; at
/// 100,000 peers every lookup's holder missed the cache on each of them, twice (at arrival and at completion;
/// docs/PERFORMANCE.md, 'Design measurements'). Here a peer's server is its state and one or two worker slots.
/// Every peer starts with an idle, empty server, which behaves exactly as a server made on first use would (failing
/// one only marks it down, and the engine brings it back up at once).
final class PeerServers {
    struct State: BitwiseCopyable {
        var idleCount: Int32
        var waitCount: Int32
        var waitHead: Int32
        var waitTail: Int32
        var up: Bool
        var overloaded: Bool
    }

    let workers: Int
    let queueCapacity: Int
    /// Peers with a server.
    private(set) var count = 0
    var state = RawBuffer<State>(capacity: 1)
    /// Each peer's idle workers as a stack (`idleCount` of them), most recently freed last.
    var idle = RawBuffer<Int32>(capacity: 1)
    /// The request each worker holds; slot -1 when idle.
    var inService = RawBuffer<RequestRef>(capacity: 1)
    /// Waiting-room entries of all peers: each peer's is a FIFO list through `waitNext`; freed entries are listed
    /// from `freeWait`.
    var waitRef = RawBuffer<RequestRef>(capacity: 64)
    var waitNext = RawBuffer<Int32>(capacity: 64)
    var waitUsed = 0
    var freeWait: Int32 = -1
    /// Requests waiting at every peer together: the per-second sample's `peerQueue`, read without a walk.
    fileprivate(set) var waiting = 0

    static let none = RequestRef(slot: -1, token: 0)

    init(workers: Int, queueCapacity: Int) {
        self.workers = max(0, workers)
        self.queueCapacity = queueCapacity
    }

    /// The same servers in the same state, in memory of their own (a checkpoint).
    func copy() -> PeerServers {
        let copy = PeerServers(workers: workers, queueCapacity: queueCapacity)
        copy.count = count
        copy.state = state.clone(count: count)
        copy.idle = idle.clone(count: count * workers)
        copy.inService = inService.clone(count: count * workers)
        copy.waitRef = waitRef.clone(count: waitUsed)
        copy.waitNext = waitNext.clone(count: waitUsed)
        copy.waitUsed = waitUsed
        copy.freeWait = freeWait
        copy.waiting = waiting
        return copy
    }

    /// Gives every peer below `peers` a fresh server.
    func grow(to peers: Int) {
        guard peers > count else { return }
        if peers > state.capacity { state.grow(keeping: count, toHold: peers) }
        if peers * workers > idle.capacity { idle.grow(keeping: count * workers, toHold: peers * workers) }
        if peers * workers > inService.capacity {
            inService.grow(keeping: count * workers, toHold: peers * workers)
        }
        for p in count..<peers {
            state[p] = State(idleCount: Int32(workers), waitCount: 0, waitHead: -1, waitTail: -1, up: true,
                             overloaded: false)
            for i in 0..<workers {
                idle[p * workers + i] = Int32(workers - 1 - i)
                inService[p * workers + i] = Self.none
            }
        }
        count = peers
    }

    /// Starts loading `peer`'s server: its state and its worker slots.
    @inline(__always) func prefetch(peer: Int) {
        guard peer < count else { return }
        prefetchHint(state.base + peer)
        prefetchHint(idle.base + peer &* workers)
        prefetchHint(inService.base + peer &* workers)
    }

    /// Peer `peer`'s server (`peer < count`).
    ///
    /// Checked in every build: a peer index follows from the population, which scenarios and live commands change,
    /// and every slot of a peer's server is read unchecked from it. The engine validates node ids before they get
    /// here (a command naming a missing node is refused), so this is a last line, never tripped by input.
    func server(_ peer: Int) -> PeerServer {
        precondition(UInt(bitPattern: peer) < UInt(count), "no server for peer \(peer)")
        return PeerServer(servers: self, peer: peer)
    }
}

/// One peer's server in `PeerServers`: the shared server logic (`ServerStorage`) over that peer's slots.
struct PeerServer: ServerStorage {
    typealias Request = RequestRef
    let servers: PeerServers
    let peer: Int

    var workers: Int { servers.workers }
    var queueCapacity: Int { servers.queueCapacity }
    var up: Bool {
        get { servers.state[peer].up }
        nonmutating set { servers.state.base[peer].up = newValue }
    }
    var overloaded: Bool {
        get { servers.state[peer].overloaded }
        nonmutating set { servers.state.base[peer].overloaded = newValue }
    }
    var idleCount: Int { Int(servers.state[peer].idleCount) }
    var busyWorkers: Int { workers - idleCount }

    func takeIdleWorker() -> Int? {
        let n = servers.state[peer].idleCount
        guard n > 0 else { return nil }
        servers.state.base[peer].idleCount = n - 1
        return Int(servers.idle[peer * workers + Int(n) - 1])
    }

    func releaseWorker(_ worker: Int) {
        let n = Int(servers.state[peer].idleCount)
        servers.idle[peer * workers + n] = Int32(worker)
        servers.state.base[peer].idleCount = Int32(n + 1)
    }

    func resetWorkers() {
        for i in 0..<workers { servers.idle[peer * workers + i] = Int32(workers - 1 - i) }
        servers.state.base[peer].idleCount = Int32(workers)
    }

    func request(on worker: Int) -> RequestRef? {
        assert(worker >= 0 && worker < workers, "no worker \(worker)")
        let r = servers.inService[peer * workers + worker]
        return r.slot < 0 ? nil : r
    }

    func setRequest(_ request: RequestRef?, on worker: Int) {
        servers.inService[peer * workers + worker] = request ?? PeerServers.none
    }

    var waitingCount: Int { Int(servers.state[peer].waitCount) }

    func enqueue(_ request: RequestRef) {
        let s = servers
        var n = s.freeWait
        if n >= 0 {
            s.freeWait = s.waitNext[Int(n)]
        } else {
            if s.waitUsed == s.waitRef.capacity {
                s.waitRef.grow(keeping: s.waitUsed, toHold: s.waitUsed + 1)
                s.waitNext.grow(keeping: s.waitUsed, toHold: s.waitUsed + 1)
            }
            n = Int32(s.waitUsed)
            s.waitUsed += 1
        }
        s.waitRef[Int(n)] = request
        s.waitNext[Int(n)] = -1
        let tail = s.state[peer].waitTail
        if tail >= 0 { s.waitNext[Int(tail)] = n } else { s.state.base[peer].waitHead = n }
        s.state.base[peer].waitTail = n
        s.state.base[peer].waitCount += 1
        s.waiting += 1
    }

    func dequeue() -> RequestRef? {
        let s = servers
        guard s.state[peer].waitCount > 0 else { return nil }
        let n = s.state[peer].waitHead
        let request = s.waitRef[Int(n)]
        let following = s.waitNext[Int(n)]
        s.state.base[peer].waitHead = following
        if following < 0 { s.state.base[peer].waitTail = -1 }
        s.state.base[peer].waitCount -= 1
        s.waiting -= 1
        s.waitNext[Int(n)] = s.freeWait
        s.freeWait = n
        return request
    }

    /// Peers' completions are counted by the mesh (`MeshState.served`), per peer.
    func countServed() {}
}
