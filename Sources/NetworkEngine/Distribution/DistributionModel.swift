/// File distribution (`workload.kind: distribution`): one file, split into chunks, starts on the server; every node
/// wants it. Under client-server the server sends every node the whole file; in a peer mesh the server seeds and the
/// peers trade chunks they hold (a BitTorrent-like swarm).
///
/// The scheme (README, 'File distribution'), chosen so a chunk costs O(1) work and no allocation:
/// - Upload slots. An uploader sends to at most k receivers at once, each at u/k (fixed for the transfer). The
///   server's k ≥ ⌈u_s/d⌉, so its slots together fill its link while none outruns a download; a peer has
///   k = max(4, ⌈u/d⌉) (BitTorrent's four unchoked peers); the server 4·⌈u_s/d⌉ (see `slotsPerDownload`). A receiver takes a transfer only while the rates of those
///   it already receives leave room under d.
/// - A chunk's transmission holds its slot for size/rate; it reaches the receiver `network.latency_ms` later (no
///   jitter: the figures are compared with a formula). The slot moves on at once, so latency costs a run one hop per
///   relay, not one per chunk.
/// - Who and what. Client-server: the server's free slot takes the next node round the ring that has room and still
///   lacks a chunk, and sends it the first chunk it lacks. Mesh: the server does the same but sends, of the chunks in
///   a 64-chunk word the receiver lacks, the one fewest nodes hold or are receiving (the word rotates, so the server
///   spreads the file); a peer's free slot tries up to `probes` random peers and sends the rarest chunk of the first
///   word of its map the receiver lacks, scanning from a random word (rarest first within a word, not the whole file).
/// - A slot that finds no receiver retries one chunk-time later; a peer that gets a chunk tries its idle slots. A
///   peer with the whole file keeps seeding, or leaves with probability `distribution.leave_after_done`.
///
/// Chunk maps are bitsets (one bit per node and chunk, twice: held, and held or on its way). Nodes are 0…N−1 (node
/// ids 1…N); the server, as an uploader, is −1.
///
/// Members come and go (`+`/`-` live, a timeline's `add_nodes`/`remove_nodes`): the members are always nodes
/// 0…N−1, as in `Liveness`. A node that joins wants the file too (N grows, so `finished` waits for it); one that
/// leaves takes its chunks with it and no longer counts, and if it is added back (the same slot, the same machine)
/// it brings them back. Transfers under way to or from a leaver finish, as with churn.
struct DistributionModel {
    /// A peer's upload slots (`distribution.peer_upload_mbps`, its class's rate u_i, shared by k_i slots).
    struct PeerUpload {
        var slots: Int
        var rate: Int64
        var tx: SimTime
        var txLast: SimTime
        /// Its upload u_i, bit/s (what the bound adds up).
        var bps: Int64
    }
    /// A node's latest incoming transfer: its uploader (−1: the server) and when it began (−1: none yet).
    struct LastTransfer {
        var from: Int32
        var begun: SimTime
    }

    /// Peers a free peer slot tries before it waits: enough that an idle slot is rare once the swarm has chunks.
    static let probes = 8
    /// The server's receivers tried per free slot before it waits (bounds its work when most nodes are served).
    static let serverScan = 64
    /// A peer's upload slots (BitTorrent unchokes four peers), more when one slot would outrun a download.
    static let minPeerSlots = 4
    /// The server's slots per download's worth of its upload: one slot of d would fill a node's download alone, so a
    /// node receiving anything from a peer could take nothing from the server, which then idles in a swarm; four
    /// slots of d/4 each leave room (and under client-server, with d a multiple of u_s/k, change no figure).
    static let slotsPerDownload = 4

    /// N: the members, nodes 0…N−1 (the arrays hold `slots` ≥ N nodes; those past N left).
    private(set) var nodes: Int
    let chunks: Int
    let words: Int
    /// Whether peers upload: the architecture in force (`t` switches it mid-distribution; the chunk maps stay).
    private(set) var mesh: Bool
    /// Whether the mesh was ever in force: then peers may have uploaded, and only the swarm's bound is a bound.
    private(set) var everMesh: Bool
    /// Whether members left mid-distribution (`membersLeft`): their uploads helped those who stay, so no bound over
    /// the members now holds.
    private(set) var someLeft = false
    /// Each node's download rate d_i, bit/s (`distribution.download_mbps`, one rate or classes).
    private(set) var downloadOf: [Int64]
    /// Each node's download and upload class (indices into the scenario's classes; `classes(_:extending:to:)`).
    private(set) var downloadClass: [UInt8]
    private(set) var uploadClass: [UInt8]
    let serverSlots: Int, serverRate: Int64
    /// Each peer's upload: its slots, each slot's rate, and a full and the last chunk's transmission time.
    private(set) var uploaders: [PeerUpload]
    /// The slowest download of any class (`distribution.download_mbps`), bit/s: what the slots are sized by, so a
    /// node of any class, there at the start or joining later, can take a transfer from any uploader.
    let slowestDownload: Int64
    /// The scenario's distribution keys: the rate classes a node joining later takes its rates from.
    let settings: Scenario.Distribution
    let chunkBits: Int64, lastChunkBits: Int64
    /// Transmission times of a full and of the last chunk, from the server's slots and from a peer's.
    let serverTx: SimTime, serverTxLast: SimTime
    let latency: SimTime
    /// `distribution.leave_after_done`: applied to peers that complete while the mesh is in force.
    let leaveAfterDone: Double

    /// Held chunks, `words` per node.
    var have: [UInt64]
    /// Held or on their way: what no uploader should send again. Padding bits past the last chunk are set.
    var claimed: [UInt64]
    var held: [Int32]
    var claimedCount: [Int32]
    /// Each node's download room: its rate d_i less the rates of the transfers it is receiving (one load per probe,
    /// where the rate and the room apart would be two).
    var room: [Int64]
    /// Nodes holding or receiving each chunk: the rarity rarest-first reads.
    var holders: [Int32]
    /// Each node's completion time, −1 until it has the file.
    var completedAt: [SimTime]
    /// First word of a node's claimed map that may still have a gap.
    var firstOpen: [Int32]
    /// Idle upload slots per node, and the server's.
    var idle: [Int32]
    var serverIdle: Int
    /// Whether a retry event is pending for a node (peers), and for the server.
    var retryPending: [Bool]
    var serverRetryPending = false
    /// Why a node takes no part now, as bits: `leftAfterDone` (it had the file and left for good), `down` (it left
    /// by churn or crashed, and may come back). 0: it takes part.
    var away: [UInt8]
    static let leftAfterDone: UInt8 = 1, down: UInt8 = 2
    /// The server is down (crashed, or its disk being restored): it starts no transfer until it is back.
    var serverDown = false
    /// The server's disk failed with no backup: its copy of the file, the seed, is gone for good.
    private(set) var seedLost = false
    var serverCursor = 0
    var serverWord = 0
    var random: SeededRandom
    /// The last transfer each node began to receive: the live view's chunks in flight, read for the nodes it shows
    /// (one store per chunk, into one array, and no walk of the kernel's events).
    var lastTransfer: [LastTransfer]
    /// Completion times in the order they happened (so sorted): the completion chart's curve by binary search.
    /// Its capacity is reserved for every member, so an append never allocates.
    var completions: [SimTime]
    /// Chunks held, over the members: the mean progress.
    private(set) var heldTotal = 0

    /// Members with the whole file.
    private(set) var completed = 0
    /// Chunks lost on failed disks, over the run.
    private(set) var chunksLost = 0
    /// The latest completion of a member (one by a node that lost its disk stays until the node completes again).
    private(set) var lastCompletion: SimTime = 0
    private(set) var completionSum: Double = 0

    /// Chunks of the scenario's file (the last may be shorter).
    static func chunkCount(_ d: Scenario.Distribution) -> Int {
        let fileBits = (d.fileMb * 8e6).rounded(), chunkBits = max(1, (d.chunkKb * 8e3).rounded())
        return max(1, Int(min((fileBits / chunkBits).rounded(.up), Double(Int32.max))))
    }

    init(scenario: Scenario, nodes: Int) {
        let d = scenario.distribution
        settings = d
        self.nodes = nodes
        chunks = Self.chunkCount(d)
        words = (chunks + 63) / 64
        mesh = scenario.architecture == .peerMesh
        everMesh = mesh
        downloadOf = []; uploaders = []; downloadClass = []; uploadClass = []
        // Slots are sized by the slowest class, so no slot outruns any receiver (one class: its rate d).
        let slowest = Self.slowestDownload(d)
        slowestDownload = slowest
        let us = max(1, Int64((d.serverUploadMbps * 1e6).rounded()))
        serverSlots = Self.slotsPerDownload * Int((us + slowest - 1) / slowest)
        serverRate = max(1, us / Int64(serverSlots))
        serverIdle = serverSlots
        let fileBits = Int64((d.fileMb * 8e6).rounded())
        let chunkBits = max(1, Int64((d.chunkKb * 8e3).rounded()))
        let lastChunkBits = max(1, fileBits - Int64(chunks - 1) * chunkBits)
        self.chunkBits = chunkBits; self.lastChunkBits = lastChunkBits
        serverTx = Self.tx(chunkBits, serverRate); serverTxLast = Self.tx(lastChunkBits, serverRate)
        latency = .millis(scenario.network.latencyMs)
        leaveAfterDone = d.leaveAfterDone
        have = []; claimed = []
        held = []; claimedCount = []; room = []; completedAt = []; firstOpen = []; idle = []; retryPending = []
        away = []; lastTransfer = []
        holders = Array(repeating: 0, count: chunks)
        random = SeededRandom(seed: scenario.seed, stream: .distribution)
        completions = []
        completions.reserveCapacity(nodes)
        addSlots(nodes)
    }

    /// A transmission's time: `bits` at `rate` bit/s.
    private static func tx(_ bits: Int64, _ rate: Int64) -> SimTime { .saturating(nanos: Double(bits) * 1e9 / Double(rate)) }

    /// The class of each of nodes 0…`count`−1 (indices into `classes`), extending those of the nodes there already:
    /// at the start in consecutive blocks (`RateClass.counts`); each node added later takes the class
    /// furthest below its share (share × nodes − nodes it has; the first on a tie), so however the population grows,
    /// one node at a time or many, the counts stay as close to the shares as whole nodes allow.
    static func classes(_ classes: [RateClass], extending existing: [UInt8], to count: Int) -> [UInt8] {
        guard !existing.isEmpty else {
            var out: [UInt8] = []
            out.reserveCapacity(max(0, count))
            for (k, n) in RateClass.counts(classes, nodes: count).enumerated() {
                out.append(contentsOf: repeatElement(UInt8(k), count: n))
            }
            return out
        }
        var out = existing
        var have = Array(repeating: 0, count: classes.count)
        for k in existing { have[Int(k)] += 1 }
        while out.count < count {
            let n = Double(out.count + 1)
            var best = 0, gap = -Double.infinity
            for (k, c) in classes.enumerated() where c.share * n - Double(have[k]) > gap {
                best = k; gap = c.share * n - Double(have[k])
            }
            have[best] += 1
            out.append(UInt8(best))
        }
        return out
    }

    /// The slowest download rate of any class, bit/s.
    private static func slowestDownload(_ d: Scenario.Distribution) -> Int64 {
        d.download.map { max(1, Int64(($0.mbps * 1e6).rounded())) }.min() ?? 1
    }

    /// A node's upload at `mbps`: its slots and each slot's rate.
    private static func upload(mbps: Double, slowest: Int64, chunkBits: Int64, lastChunkBits: Int64) -> PeerUpload {
        let u = Int64((mbps * 1e6).rounded())
        // Capped where a count of idle slots (Int32) ends: u/d past 2³¹ only with rates the limits allow at their
        // extremes, and no peer has that many receivers anyway.
        let slots = u > 0 ? min(Int(Int32.max), max(Self.minPeerSlots, Int((u + slowest - 1) / slowest))) : 0
        let rate = slots > 0 ? max(1, u / Int64(slots)) : 1
        return PeerUpload(slots: slots, rate: rate, tx: tx(chunkBits, rate), txLast: tx(lastChunkBits, rate), bps: u)
    }

    /// Room in the arrays for nodes up to `count` (new nodes hold nothing), with their rate classes (`classes`).
    private mutating func addSlots(_ count: Int) {
        let from = held.count
        guard count > from else { return }
        let add = count - from
        downloadClass = Self.classes(settings.download, extending: downloadClass, to: count)
        uploadClass = Self.classes(settings.peerUpload, extending: uploadClass, to: count)
        for i in from..<count {
            downloadOf.append(max(1, Int64((settings.download[Int(downloadClass[i])].mbps * 1e6).rounded())))
            uploaders.append(Self.upload(mbps: settings.peerUpload[Int(uploadClass[i])].mbps, slowest: slowestDownload,
                                         chunkBits: chunkBits, lastChunkBits: lastChunkBits))
        }
        have += repeatElement(0, count: add * words)
        let padding = chunks % 64 == 0 ? 0 : ~UInt64(0) << UInt64(chunks % 64)
        for _ in 0..<add {
            claimed += repeatElement(0, count: words - 1)
            claimed.append(padding)
        }
        held += repeatElement(0, count: add)
        claimedCount += repeatElement(0, count: add)
        room += downloadOf[from..<count]
        completedAt += repeatElement(-1, count: add)
        firstOpen += repeatElement(0, count: add)
        idle += uploaders[from..<count].map { Int32($0.slots) }
        retryPending += repeatElement(false, count: add)
        away += repeatElement(0, count: add)
        lastTransfer += repeatElement(LastTransfer(from: -1, begun: -1), count: add)
    }

    /// Whether every node has the file.
    var finished: Bool { completed == nodes }

    /// The share of nodes with the whole file.
    var completeShare: Double { nodes > 0 ? Double(completed) / Double(nodes) : 0 }

    /// Starts the server's slots at time 0.
    mutating func start(_ ctx: inout EngineContext) { fillServer(&ctx) }

    // MARK: - Events

    /// A transmission from `uploader` (−1: the server) to `receiver` ends: the slot and the receiver's room are free.
    mutating func sent(uploader: Int, receiver: Int, last: Bool, _ ctx: inout EngineContext) {
        let bytes = (last ? lastChunkBits : chunkBits) / 8
        if uploader < 0 {
            room[receiver] += serverRate
            ctx.metrics.traffic.serverFileBytes += bytes
            serverIdle += 1
            fillServer(&ctx)
        } else {
            room[receiver] += uploaders[uploader].rate
            ctx.metrics.traffic.peerFileBytes += bytes
            idle[uploader] += 1
            fillPeer(uploader, &ctx)
        }
    }

    /// Chunk `chunk` reaches `receiver`.
    mutating func arrived(_ receiver: Int, chunk: Int, _ ctx: inout EngineContext) {
        have[receiver * words + chunk >> 6] |= 1 << UInt64(chunk & 63)
        held[receiver] += 1
        // A node that left keeps what still arrives, and counts again only if it is added back.
        guard receiver < nodes else { return }
        heldTotal += 1
        if Int(held[receiver]) == chunks {
            completedAt[receiver] = ctx.now
            completed += 1
            completions.append(ctx.now)
            lastCompletion = ctx.now
            completionSum += ctx.now.inSeconds
            if mesh, leaveAfterDone > 0, random.chance(leaveAfterDone) { away[receiver] |= Self.leftAfterDone }
        }
        if mesh { fillPeer(receiver, &ctx) }
    }

    /// A waiting uploader tries again.
    mutating func retry(_ uploader: Int, _ ctx: inout EngineContext) {
        if uploader < 0 {
            serverRetryPending = false
            fillServer(&ctx)
        } else {
            retryPending[uploader] = false
            fillPeer(uploader, &ctx)
        }
    }

    // MARK: - Switching architecture

    /// The architecture switches mid-distribution (`t`, a timeline `toggle`): every node keeps the chunks it holds,
    /// and those on their way still arrive. To client-server, peers start no more uploads and the server sends each
    /// node only the chunks it lacks (its choice skips what a node holds or receives); to the mesh, every peer that
    /// holds a chunk starts its slots, and the server seeds rarest first. O(nodes), once a switch.
    mutating func architectureChanged(toMesh: Bool, _ ctx: inout EngineContext) {
        guard toMesh != mesh else { return }
        mesh = toMesh
        everMesh = everMesh || toMesh
        if mesh { for u in 0..<nodes { fillPeer(u, &ctx) } }
        fillServer(&ctx)
    }

    // MARK: - Members joining and leaving

    /// Nodes N…`count`−1 join (`+`, a timeline's `add_nodes`): each wants the file. A node added back into a slot
    /// that left brings the chunks it held (they count for rarest-first again); if it held them all it counts as
    /// complete from when it completed (or from now, if its last chunk arrived while it was away). O(new nodes ×
    /// chunks / 64), and one merge of the completion times.
    mutating func membersJoined(upTo count: Int, _ ctx: inout EngineContext) {
        guard count > nodes else { return }
        let wasFinished = finished
        addSlots(count)
        let joined = nodes..<count
        nodes = count
        var back: [SimTime] = []
        for i in joined {
            away[i] &= ~Self.down
            heldTotal += Int(held[i])
            countHolders(of: i, by: 1)
            if Int(held[i]) == chunks {
                if completedAt[i] < 0 { completedAt[i] = ctx.now }
                back.append(completedAt[i])
                completionSum += completedAt[i].inSeconds
                completed += 1
            }
        }
        if !back.isEmpty {
            // Completion times stay in order for the chart's binary search: one merge, not an insert each.
            back.sort()
            var merged: [SimTime] = []
            merged.reserveCapacity(max(count, completions.count + back.count))
            var a = 0, b = 0
            while a < completions.count || b < back.count {
                if b == back.count || (a < completions.count && completions[a] <= back[b]) {
                    merged.append(completions[a]); a += 1
                } else {
                    merged.append(back[b]); b += 1
                }
            }
            completions = merged
        }
        completions.reserveCapacity(count)
        lastCompletion = completions.last ?? 0
        resume(wasFinished: wasFinished, &ctx)
        for i in joined { fillPeer(i, &ctx) }
        fillServer(&ctx)
    }

    /// Nodes `count`…N−1 leave (`-`, a timeline's `remove_nodes`): they no longer count, complete or not, and take
    /// their chunks with them (transfers under way finish; what arrives is kept on their disks). One pass over the
    /// completion times, however many leave.
    mutating func membersLeft(downTo count: Int) {
        guard count < nodes, count >= 0 else { return }
        var gone: [SimTime] = []
        for i in count..<nodes {
            heldTotal -= Int(held[i])
            countHolders(of: i, by: -1)
            if completedAt[i] >= 0 {
                gone.append(completedAt[i])
                completionSum -= completedAt[i].inSeconds
                completed -= 1
            }
        }
        if !gone.isEmpty {
            gone.sort()
            var kept: [SimTime] = []
            kept.reserveCapacity(completions.capacity)
            var g = 0
            for t in completions {
                while g < gone.count, gone[g] < t { g += 1 }
                if g < gone.count, gone[g] == t { g += 1 } else { kept.append(t) }
            }
            completions = kept
        }
        nodes = count
        // Leavers helped those who stay only if peers uploaded: under client-server alone the bound still holds.
        someLeft = someLeft || everMesh
        lastCompletion = completions.last ?? 0
        if serverCursor >= nodes { serverCursor = 0 }
    }

    /// Node `i`'s chunks, held or on their way, added to (or taken from) each chunk's holder count.
    private mutating func countHolders(of i: Int, by delta: Int32) {
        let base = i * words
        for w in 0..<words {
            var bits = claimed[base + w]
            if w == words - 1, chunks % 64 != 0 { bits &= (UInt64(1) << UInt64(chunks % 64)) - 1 }
            while bits != 0 {
                holders[w << 6 | bits.trailingZeroBitCount] += delta
                bits &= bits - 1
            }
        }
    }

    /// A change made a finished distribution unfinished (nodes joined, a disk failed): the seeders, idle since every
    /// node had the file, start their slots again. O(nodes), once a change.
    private mutating func resume(wasFinished: Bool, _ ctx: inout EngineContext) {
        guard wasFinished, !finished, mesh else { return }
        for u in 0..<nodes { fillPeer(u, &ctx) }
    }

    /// Takes one completion at `at` out of the figures (a node that lost its chunks).
    private mutating func uncount(_ at: SimTime) {
        if let k = completions.lastIndex(of: at) { completions.remove(at: k) }
        completionSum -= at.inSeconds
        completed -= 1
    }

    // MARK: - Churn, crashes and disks

    /// Node `i` leaves (churn, a crash) or comes back. Away, it keeps the chunks it holds (they are on its disk) but
    /// starts no upload and is sent nothing new; transfers under way finish (a transfer's slot and room are reserved
    /// when it starts, which keeps a chunk O(1)). Back, its slots start again, and the server looks for it.
    mutating func nodeChanged(_ i: Int, up: Bool, _ ctx: inout EngineContext) {
        guard i >= 0, i < nodes else { return }
        if up { away[i] &= ~Self.down } else { away[i] |= Self.down }
        guard up else { return }
        fillPeer(i, &ctx)
        fillServer(&ctx)
    }

    /// The server crashes or comes back: down, it starts no transfer (those under way finish). A crash keeps its
    /// copy of the file (the seed); only its disk failing without a backup loses it (`serverDiskFailed`).
    mutating func serverChanged(up: Bool, _ ctx: inout EngineContext) {
        guard serverDown == up else { return }
        serverDown = !up
        if up { fillServer(&ctx) }
    }

    /// The server's disk fails: it is down until its restore ends (`serverChanged(up: true)`), and comes back with
    /// the file when there is a backup (the file was on it from the start), or without it: then the seed is lost for
    /// good, the server sends nothing more, and the nodes can complete only from the chunks they hold between them.
    mutating func serverDiskFailed(keepsFile: Bool) {
        serverDown = true
        if !keepsFile { seedLost = true }
    }

    /// Chunks no member holds or is receiving: with the seed lost, the chunks nobody can complete without.
    /// O(nodes × chunks / 64).
    func chunksHeldByNoMember() -> Int {
        var missing = 0
        for w in 0..<words {
            var any: UInt64 = 0
            for n in 0..<nodes { any |= claimed[n * words + w] }
            let valid = w == words - 1 && chunks % 64 != 0 ? (UInt64(1) << UInt64(chunks % 64)) - 1 : ~UInt64(0)
            missing += (~any & valid).nonzeroBitCount
        }
        return missing
    }

    /// Node `i`'s disk fails: it loses every chunk it holds (those on their way still arrive), and with them the file
    /// if it had it (it no longer counts as complete, and completes again when it has every chunk back). Returns the
    /// chunks lost. O(chunks), once a failure.
    mutating func diskFailed(_ i: Int, _ ctx: inout EngineContext) -> Int {
        // A peer that left for good after completing takes no further part: its disk no longer matters here.
        guard i >= 0, i < nodes, held[i] > 0, away[i] & Self.leftAfterDone == 0 else { return 0 }
        let wasFinished = finished
        let wasComplete = completedAt[i]
        let lost = Int(held[i])
        chunksLost += lost
        for w in 0..<words {
            var bits = have[i * words + w]
            claimed[i * words + w] &= ~bits
            have[i * words + w] = 0
            while bits != 0 {
                holders[w << 6 | bits.trailingZeroBitCount] -= 1
                bits &= bits - 1
            }
        }
        claimedCount[i] -= held[i]
        heldTotal -= lost
        held[i] = 0
        firstOpen[i] = 0
        if wasComplete >= 0 {
            // Completion times are kept in order: removing one keeps the order, and its next completion comes last.
            uncount(wasComplete)
            completedAt[i] = -1
        }
        resume(wasFinished: wasFinished, &ctx)
        fillServer(&ctx)
        return lost
    }

    // MARK: - Starting transfers

    private mutating func fillServer(_ ctx: inout EngineContext) {
        while serverIdle > 0, !finished, !serverDown, !seedLost {
            guard serverSend(&ctx) else {
                if !serverRetryPending {
                    serverRetryPending = true
                    ctx.kernel.schedule(.uploadRetry(uploader: -1), after: serverTx)
                }
                return
            }
        }
    }

    /// One transfer from the server, if a node round the ring has room and lacks a chunk.
    private mutating func serverSend(_ ctx: inout EngineContext) -> Bool {
        for _ in 0..<min(nodes, Self.serverScan) {
            let r = serverCursor
            serverCursor = serverCursor + 1 == nodes ? 0 : serverCursor + 1
            guard Int(claimedCount[r]) < chunks, serverRate <= room[r], away[r] == 0 else { continue }
            let chunk: Int
            if mesh {
                chunk = rarest(lacking: r, from: serverWord, offering: nil)
                serverWord = serverWord + 1 == words ? 0 : serverWord + 1
            } else {
                chunk = rarest(lacking: r, from: Int(firstOpen[r]), offering: nil, first: true)
            }
            guard chunk >= 0 else { continue }
            begin(chunk, to: r, from: -1, &ctx)
            serverIdle -= 1
            return true
        }
        return false
    }

    private mutating func fillPeer(_ u: Int, _ ctx: inout EngineContext) {
        // Under client-server only the server uploads: a peer's transfers under way finish, and it starts no more.
        guard mesh, u < nodes, away[u] == 0, held[u] > 0 else { return }
        while idle[u] > 0, !finished {
            guard peerSend(u, &ctx) else {
                if !retryPending[u] {
                    retryPending[u] = true
                    ctx.kernel.schedule(.uploadRetry(uploader: Int32(u)), after: uploaders[u].tx)
                }
                return
            }
        }
    }

    /// One transfer from peer `u` to one of `probes` random peers that has room and lacks a chunk `u` holds.
    private mutating func peerSend(_ u: Int, _ ctx: inout EngineContext) -> Bool {
        guard nodes > 1 else { return false }
        let rate = uploaders[u].rate
        for _ in 0..<Self.probes {
            var r = random.below(nodes - 1)
            if r >= u { r += 1 }
            guard Int(claimedCount[r]) < chunks, rate <= room[r], away[r] == 0 else { continue }
            let chunk = rarest(lacking: r, from: random.below(words), offering: u)
            guard chunk >= 0 else { continue }
            begin(chunk, to: r, from: u, &ctx)
            idle[u] -= 1
            return true
        }
        return false
    }

    /// Of the chunks `offering` holds (the server holds all: nil) that `r` neither holds nor receives, the rarest
    /// in the first word from `start` (round the map) that has any; or, with `first`, the lowest-numbered. −1: none.
    private mutating func rarest(lacking r: Int, from start: Int, offering: Int?, first: Bool = false) -> Int {
        let base = r * words
        var w = start
        for _ in 0..<words {
            var useful = ~claimed[base + w]
            if let u = offering { useful &= have[u * words + w] }
            if useful != 0 {
                if first { return w << 6 | useful.trailingZeroBitCount }
                var best = -1, fewest = Int32.max
                while useful != 0 {
                    let c = w << 6 | useful.trailingZeroBitCount
                    if holders[c] < fewest { fewest = holders[c]; best = c }
                    useful &= useful - 1
                }
                return best
            }
            w = w + 1 == words ? 0 : w + 1
        }
        return -1
    }

    /// Claims `chunk` for `r` and schedules its transmission's end and its arrival.
    private mutating func begin(_ chunk: Int, to r: Int, from u: Int, _ ctx: inout EngineContext) {
        let i = r * words + chunk >> 6
        claimed[i] |= 1 << UInt64(chunk & 63)
        if claimed[i] == ~0, Int(firstOpen[r]) == chunk >> 6 {
            var w = Int(firstOpen[r])
            while w < words - 1, claimed[r * words + w] == ~0 { w += 1 }
            firstOpen[r] = Int32(w)
        }
        claimedCount[r] += 1
        holders[chunk] += 1
        lastTransfer[r] = LastTransfer(from: Int32(u), begun: ctx.now)
        let last = chunk == chunks - 1
        let tx: SimTime
        if u < 0 {
            room[r] -= serverRate
            tx = last ? serverTxLast : serverTx
        } else {
            let p = uploaders[u]
            room[r] -= p.rate
            tx = last ? p.txLast : p.tx
        }
        ctx.kernel.schedule(.chunkSent(uploader: Int32(u), receiver: Int32(r), last: last), after: tx)
        ctx.kernel.schedule(.chunkArrives(receiver: Int32(r), chunk: Int32(chunk)), after: tx + latency)
    }
}
