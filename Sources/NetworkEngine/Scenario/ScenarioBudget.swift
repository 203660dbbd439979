#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// What a scenario will cost to run, estimated from its values before anything is built, so that a combination
/// that would exhaust memory or time is refused up front with a line naming the keys, instead of swapping, hanging
/// or being killed.
///
/// Each estimate is a sum of terms, one per structure or kind of event, each named by the keys that drive it; a
/// refusal names the largest term. The estimates assume both architectures may run (the live view's `t` and
/// `--toggle-at` can switch any scenario), the most nodes the timeline reaches, and the steady state of the workload.
/// They are meant to be within a small factor of the truth: generous enough that a real workload that ends (a
/// million clients for an hour) is allowed, tight enough that the examples (80 GB of replicas, 34 GB of peer
/// workers, a flood over a complete graph, churn every nanosecond) are refused. docs/PERFORMANCE.md gives measured
/// peak memory beside these estimates.
public enum ScenarioBudget {
    /// One part of an estimate: `amount` of something (bytes, or events per simulated second) that `keys` drive.
    public struct Term: Sendable, Equatable {
        /// The scenario keys whose values drive this term, most important first ("mesh.replicas",
        /// "workload.resources").
        public var keys: [String]
        /// How the keys combine, in words a user can act on: "mesh.replicas × workload.resources = 1e+12 copies".
        public var what: String
        public var amount: Double
    }

    /// Why a scenario is refused: the limit it exceeds and the largest term, whose first key the message is about.
    public struct Overrun: Sendable, Equatable, CustomStringConvertible {
        public var term: Term
        public var description: String
    }

    // MARK: - Checking

    /// Every limit the scenario exceeds (memory, events per simulated second, set-up work, replica copies), with the
    /// values its timeline's `set` entries give it as they come; empty when it may run.
    public static func overruns(_ s: Scenario) -> [Overrun] { staged(s).map(\.overrun) }

    /// The overruns of the scenario as it starts, then of each stage its timeline's `set` entries make (every set
    /// up to that entry applied), each reported once, with the line of the entry that brought it (nil for the
    /// scenario as it starts). A value set mid-run is costed exactly as the file's own value would be.
    static func staged(_ s: Scenario) -> [(overrun: Overrun, setLine: Int?)] {
        var out = overrunsAsGiven(s).map { (overrun: $0, setLine: Int?.none) }
        var stage = s
        for action in s.timeline {
            guard case .set(let parameter, let value) = action.kind else { continue }
            parameter.write(value, into: &stage)
            for overrun in overrunsAsGiven(stage) where !out.contains(where: { $0.overrun == overrun }) {
                out.append((overrun, action.line))
            }
        }
        return out
    }

    /// The overruns of the scenario's own values.
    private static func overrunsAsGiven(_ s: Scenario) -> [Overrun] {
        var out: [Overrun] = []
        let copies = replicaCopies(s)
        if copies.amount > ScenarioLimits.maxReplicaCopies {
            out.append(Overrun(term: copies, description: "\(copies.what): at most \(compact(ScenarioLimits.maxReplicaCopies))"))
        }
        let memory = memoryTerms(s)
        let bytes = memory.reduce(0) { $0 + $1.amount }
        if bytes > ScenarioLimits.maxMemoryBytes, let top = memory.max(by: { $0.amount < $1.amount }),
           top.keys != copies.keys || copies.amount <= ScenarioLimits.maxReplicaCopies {
            out.append(Overrun(term: top, description: "\(top.what) need \(Self.bytes(top.amount)) of memory; a run "
                + "may use at most \(Self.bytes(ScenarioLimits.maxMemoryBytes)) (this one about \(Self.bytes(bytes)))"))
        }
        let events = eventTerms(s)
        let rate = events.reduce(0) { $0 + $1.amount }
        if rate > ScenarioLimits.maxEventsPerSecond, let top = events.max(by: { $0.amount < $1.amount }) {
            out.append(Overrun(term: top, description: "\(top.what) = \(compact(top.amount)) events per simulated "
                + "second; a run may have at most \(compact(ScenarioLimits.maxEventsPerSecond)) (this one about "
                + "\(compact(rate)))"))
        }
        let setup = setupTerms(s)
        if let top = setup.max(by: { $0.amount < $1.amount }), top.amount > ScenarioLimits.maxSetupWork {
            out.append(Overrun(term: top, description: "\(top.what) = \(compact(top.amount)) steps to build; at most "
                + "\(compact(ScenarioLimits.maxSetupWork)) (about ten seconds)"))
        }
        return out
    }

    /// The overruns as problems of a file: each on the line of the first of its keys that the file gives
    /// (`lines` maps a key's dotted path to its line), or on no line when the value came from a default or a flag.
    public static func problems(_ s: Scenario, lines: [String: Int] = [:]) -> [ScenarioProblem] {
        staged(s).map { overrun, setLine in
            let line = setLine ?? overrun.term.keys.lazy.compactMap { key in lines[key.split(separator: " ").first.map(String.init) ?? key] }.first
            return ScenarioProblem(line: line, message: overrun.description)
        }
    }

    /// The scenario as a live run stands with `nodes` nodes: costed at that size, its timeline's growth (already
    /// costed when it was loaded) left out. What `+` and a flash crowd are checked against.
    public static func live(_ s: Scenario, nodes: Int) -> Scenario {
        var now = s
        now.nodes = nodes
        now.timeline = []
        return now
    }

    /// How many more requests may be alive at once without passing the memory limit, for a scenario at its present
    /// size: what a flash crowd may add.
    public static func requestHeadroom(_ s: Scenario) -> Int {
        let used = memoryTerms(s).reduce(0) { $0 + $1.amount }
        return max(0, Int((ScenarioLimits.maxMemoryBytes - used) / perRequestBytes))
    }

    /// Password guesses per simulated second: the attackers that are nodes, each at `attack_rate`.
    static func guessRate(_ s: Scenario) -> Double {
        Double(min(s.security.attackers, Int(peakNodes(s)))) * s.security.attackRate
    }

    /// Flood messages per simulated second: every reached peer forwards over each of its links, and each hit travels
    /// back; every retry floods again.
    static func floodMessageRate(_ s: Scenario) -> Double {
        let n = peakNodes(s)
        return requestRate(s) * attemptsPerRequest(s) * (floodReach(s) * (min(meanFloodDegree(s), max(1, n - 1)) + 1) + 4)
    }

    /// A replica copy: its holder, presence flag and place in its holder's list (12 bytes), and, when the run switches
    /// to the mesh, the seed message the server sends it, pending until it arrives; set with a margin above a measured
    /// seeding (docs/PERFORMANCE.md, 'Design measurements').
    static let bytesPerCopy = 96.0

    /// A peer's cache slot: the resource, its last use and its two links in the resource's list of copies (20 bytes),
    /// doubled because a rebuild larger appends to the arrays, which may briefly hold the old and the new storage.
    static let bytesPerCacheSlot = 40.0

    /// A peer's cache slots: `mesh.cache_items`, never more than there are resources (`PeerCaches`).
    static func cacheSlotsPerPeer(_ s: Scenario) -> Int { max(1, min(s.mesh.cacheItems, s.workload.resources)) }


    // MARK: - The shape of a run

    /// The most nodes the run reaches: the file's, plus every node the timeline adds (never above the engine's cap).
    static func peakNodes(_ s: Scenario) -> Double {
        var n = s.nodes, peak = s.nodes
        for action in s.timeline {
            switch action.kind {
            case .addNodes(let k): n = min(Engine.maxNodes, n + k)
            case .removeNodes(let k): n = max(0, n - k)
            default: break
            }
            peak = max(peak, n)
        }
        return Double(peak)
    }

    /// "nodes", or "nodes (with timeline.add_nodes)" when the timeline grows the population.
    static func nodesKey(_ s: Scenario) -> String {
        peakNodes(s) > Double(s.nodes) ? "nodes (with timeline.add_nodes)" : "nodes"
    }

    /// Requests per simulated second of the whole population at its peak.
    static func requestRate(_ s: Scenario) -> Double { s.workload.rate * peakNodes(s) }

    /// Replicas actually placed per resource: never more than there are peers.
    static func replicasPlaced(_ s: Scenario) -> Double { Double(min(s.mesh.replicas, max(1, Int(peakNodes(s))))) }

    /// Messages one attempt sends along its path: a request and its reply, or a mesh lookup's hops there and back
    /// (about ½·log₂N + 2 over a DHT; a flood's TTL out and the hit's way back), whichever is longer.
    static func messagesPerAttempt(_ s: Scenario) -> Double {
        let meshHops = s.mesh.discovery == .dht ? 0.5 * log2(max(2, peakNodes(s))) + 2 : Double(2 * s.mesh.ttl)
        return max(2, meshHops)
    }

    /// The probability that an attempt fails: any of its messages lost, q = 1 − (1 − p)^messages; an attempt whose
    /// timeout is shorter than the round trip always fails (q = 1).
    static func attemptFailure(_ s: Scenario) -> Double {
        let roundTripMs = 2 * (s.network.latencyMs - s.network.jitterMs) + min(s.server.serviceMs, s.mesh.serviceMs)
        if s.workload.timeout > 0, s.workload.timeout * 1000 < roundTripMs { return 1 }
        return 1 - pow(1 - s.network.loss, messagesPerAttempt(s))
    }

    /// Attempts per request: an attempt fails with probability q and is retried up to `retries` times after its
    /// timeout: 1 + q + … + q^retries.
    static func attemptsPerRequest(_ s: Scenario) -> Double {
        guard s.workload.timeout > 0, s.workload.retries > 0 else { return 1 }
        let q = attemptFailure(s)
        let r = Double(s.workload.retries)
        return q >= 1 ? r + 1 : (1 - pow(q, r + 1)) / (1 - q)
    }

    /// Peers a flooded query reaches: the breadth-first count of a tree of the overlay's mean degree to depth TTL,
    /// capped by the population.
    static func floodReach(_ s: Scenario) -> Double {
        let n = peakNodes(s)
        let d = min(meanFloodDegree(s), max(0, n - 1))
        var reach = 1.0, frontier = 1.0
        for hop in 0..<s.mesh.ttl {
            frontier *= hop == 0 ? d : max(0, d - 1)
            reach += frontier
            if reach >= n || frontier == 0 { break }
        }
        return min(n, reach)
    }

    /// The overlay's mean degree: each peer opens ⌈degree/2⌉ links (see `FloodingOverlay`).
    static func meanFloodDegree(_ s: Scenario) -> Double { 2 * Double((s.mesh.degree + 1) / 2) }

    // MARK: - Memory

    /// Bytes a run holds, by what holds them.
    public static func memoryTerms(_ s: Scenario) -> [Term] {
        let n = peakNodes(s), nodes = nodesKey(s)
        let flooding = s.mesh.discovery == .flooding
        var terms = [Term(keys: [], what: "the program itself", amount: baseBytes)]
        func add(_ keys: [String], _ what: String, _ count: Double, _ each: Double) {
            terms.append(Term(keys: keys, what: what, amount: count * each))
        }
        // Every node is a client record and an up flag, and after a switch its counters at the switch
        // (`NodeBaselines`); in the mesh, a place on the ring, its replica list, epoch, served count and its small
        // server's state (`perPeerBytes`).
        let perNode = MemoryLayout<ClientRecord>.stride + MemoryLayout<NodeBaselines.Entry>.stride
        add([nodes], "\(nodes) = \(compact(n)) nodes", n, Double(perNode) + perPeerBytes)
        add(["mesh.workers", nodes], "mesh.workers × \(nodes) = \(compact(Double(s.mesh.workers) * n)) peer workers",
            Double(s.mesh.workers) * n, 12)
        let copies = replicaCopies(s)
        add(copies.keys, copies.what, copies.amount, bytesPerCopy)
        add(["workload.resources"], "workload.resources = \(compact(Double(s.workload.resources))) resources",
            Double(s.workload.resources), 24)
        if s.mesh.cache {
            // Every peer's cache slots, allocated when the mesh is built (`PeerCaches`): peers × cache_items.
            let slots = n * Double(cacheSlotsPerPeer(s))
            add(["mesh.cache_items", nodes], "mesh.cache_items × \(nodes) = \(compact(slots)) cache slots", slots,
                bytesPerCacheSlot)
        }
        if flooding {
            let links = n * min(meanFloodDegree(s), max(0, n - 1))
            add(["mesh.degree", nodes], "mesh.degree × \(nodes) = \(compact(links)) overlay links", links, 4)
            add([nodes], "\(nodes) = \(compact(n)) neighbour lists", n, 48)
        }
        if storageInPlay(s) {
            // Each file's version, backup bookkeeping and lost flag (`FileStore`), and each peer's pending repair.
            add(["workload.resources"], "workload.resources = \(compact(Double(s.workload.resources))) files",
                Double(s.workload.resources), 16)
            add([nodes], "\(nodes) = \(compact(n)) disks awaiting repair", n, 24)
        }
        add(["security.accounts"], "security.accounts = \(compact(Double(s.security.accounts))) accounts",
            Double(s.security.accounts), 24)
        add(["server.workers"], "server.workers = \(compact(Double(s.server.workers))) workers",
            Double(s.server.workers), 16)
        add(["server.queue"], "server.queue = \(compact(Double(s.server.queue))) queue places",
            Double(s.server.queue), 16)
        // Requests alive at once, by Little's law: the rate times how long each lives.
        let inFlight = requestsInFlight(s)
        add(["workload.rate", nodes, "workload.timeout", "workload.retries", "security.attack_rate"],
            "workload.rate × \(nodes) × the time a request lives = \(compact(inFlight)) requests in flight",
            inFlight, perRequestBytes)
        // Completions of the current second wait in a buffer until its percentile is taken.
        add(["workload.rate", nodes], "workload.rate × \(nodes) completions a second",
            requestRate(s) + guessRate(s), 16)
        if flooding {
            // Every flood message is an event pending for its hop's delay.
            let messages = floodMessageRate(s) * (s.network.latencyMs + s.network.jitterMs) / 1000
            add(["mesh.degree", "mesh.ttl", "network.latency_ms", "workload.rate", nodes],
                "flood messages in flight (mesh.degree, mesh.ttl, network.latency_ms) = \(compact(messages))",
                messages, 48)
            // Each flood in flight remembers every peer it reached (for the hits' way back).
            let floods = requestRate(s) * Double(s.mesh.ttl) * (s.network.latencyMs + s.network.jitterMs) / 1000
            let entries = floods * floodReach(s)
            add(["mesh.ttl", "mesh.degree", "workload.rate", nodes],
                "floods in flight × peers each reaches (mesh.ttl, mesh.degree) = \(compact(entries)) entries",
                entries, 40)
        }
        if s.workload.kind == .distribution {
            // Two chunk maps per node (held, and held or on its way), one bit per chunk each, and a holder count per
            // chunk (`DistributionModel`).
            let chunks = Double(DistributionModel.chunkCount(s.distribution))
            add(["distribution.file_mb", "distribution.chunk_kb", nodes],
                "\(nodes) × chunks (distribution.file_mb / distribution.chunk_kb) = \(compact(n * chunks)) chunk bits",
                n * chunks, 0.25)
            add(["distribution.file_mb", "distribution.chunk_kb"], "\(compact(chunks)) chunk holder counts", chunks, 4)
        }
        return terms
    }

    /// The program with no scenario: the runtime, the libraries, the binary; set above its measured resident size
    /// (docs/PERFORMANCE.md, 'Design measurements').
    static let baseBytes = 32.0 * 1024 * 1024
    /// A mesh peer's fixed cost beyond its client record: ring place and order, replica list, epoch, served count,
    /// up flags, peer server state; set from a measured million-peer DHT run (docs/PERFORMANCE.md, 'Design
    /// measurements').
    static let perPeerBytes = 160.0
    /// A live request: its record and a lookup's cached ends, its timeout entry (the queue keeps up to 1.5 times the
    /// live ones between compactions), two pending events; times 1.5, as tables grow by doubling. Above what a
    /// measured run held per request (docs/PERFORMANCE.md, 'Design measurements').
    static var perRequestBytes: Double { 1.5 * (Double(MemoryLayout<RequestRecord>.stride) + 24 + 1.5 * 16 + 2 * 32) }

    /// Requests alive at once, by Little's law (rate × time alive) in two parts: those crossing the network or
    /// waiting out the timeout of a lost attempt, and those held at a server, which cannot outnumber the servers'
    /// places (queue and workers) however slow the service.
    static func requestsInFlight(_ s: Scenario) -> Double {
        let rate = requestRate(s)
        // Guesses hold request slots too, for a round trip and a login check.
        let guesses = guessRate(s) * (2 * (s.network.latencyMs + s.network.jitterMs) + s.security.loginMs) / 1000
        // The longer of a client-server round trip and a mesh lookup (about ½·log₂N + 2 hops, or a flood's TTL).
        let hop = (s.network.latencyMs + s.network.jitterMs) / 1000
        var travelling = messagesPerAttempt(s) * hop
        if s.workload.timeout > 0 {
            // Each attempt fails with probability q (a message lost) and then waits its timeout.
            travelling += attemptsPerRequest(s) * attemptFailure(s) * s.workload.timeout
        }
        let service = max(s.server.serviceMs, s.mesh.serviceMs) / 1000
        let places = max(Double(s.server.queue + s.server.workers),
                         peakNodes(s) * Double(s.mesh.queue + s.mesh.workers))
        return rate * travelling + min(rate * service, places) + guesses
    }

    static func replicaCopies(_ s: Scenario) -> Term {
        let copies = Double(s.workload.resources) * replicasPlaced(s)
        return Term(keys: ["mesh.replicas", "workload.resources"],
                    what: "mesh.replicas × workload.resources = \(compact(copies)) copies", amount: copies)
    }

    // MARK: - Events

    /// Events per simulated second, by what causes them. Only one architecture runs at a time, so the larger of the
    /// two counts.
    public static func eventTerms(_ s: Scenario) -> [Term] {
        let n = peakNodes(s), nodes = nodesKey(s)
        let rate = requestRate(s)
        var terms: [Term] = [Term(keys: ["duration"], what: "the per-second sample", amount: 1)]
        // Client-server: arrival, delivery, service, reply, a login now and then, a timeout: about six an attempt.
        let central = rate * attemptsPerRequest(s) * 6
        // Mesh: a DHT lookup takes about ½·log₂N hops, plus the request, service and reply; a flood sends a message
        // over every link of every peer it reaches, and each hit travels back.
        let mesh: Double
        if s.mesh.discovery == .dht {
            mesh = rate * attemptsPerRequest(s) * (0.5 * log2(max(2, n)) + 5)
        } else {
            mesh = floodMessageRate(s)
        }
        if central >= mesh {
            terms.append(Term(keys: ["workload.rate", nodes, "workload.retries"],
                              what: "workload.rate × \(nodes) × events per request", amount: central))
        } else {
            let keys = s.mesh.discovery == .dht ? ["workload.rate", nodes] : ["mesh.degree", "mesh.ttl", "workload.rate", nodes]
            let what = s.mesh.discovery == .dht
                ? "workload.rate × \(nodes) × events per lookup"
                : "workload.rate × \(nodes) × messages per flood (mesh.degree, mesh.ttl)"
            terms.append(Term(keys: keys, what: what, amount: mesh))
        }
        if let churn = s.mesh.churn {
            // Each peer leaves and returns once per mean up + down time; each move repairs the overlay around it,
            // and each departure fails and then resets every one of the peer's `mesh.workers` worker slots.
            let moves = 2 * n / (churn.meanUptime + churn.meanDowntime)
            let repairs = s.mesh.discovery == .flooding ? meanFloodDegree(s) : 2
            let workerSlots = Double(s.mesh.workers)
            terms.append(Term(keys: ["mesh.churn.mean_uptime", "mesh.churn.mean_downtime", nodes, "mesh.workers"],
                              what: "\(nodes) × 2 / (mesh.churn.mean_uptime + mean_downtime) peer moves, "
                                  + "each departure resetting mesh.workers slots",
                              amount: moves * (1 + repairs + workerSlots)))
        }
        if s.mesh.cache {
            // A peer looks for a resource by scanning its cache slots: at the requester, and under flooding at every
            // peer a query reaches. About 256 slots scanned cost what one event does (a compare each, against the
            // few hundred instructions of an event).
            let checks = rate * attemptsPerRequest(s) * (s.mesh.discovery == .flooding ? floodReach(s) : 1)
            let scans = checks * Double(cacheSlotsPerPeer(s)) / 256
            terms.append(Term(keys: ["mesh.cache_items", "workload.rate", nodes],
                              what: "workload.rate × \(nodes) reads × mesh.cache_items slots scanned / 256",
                              amount: scans))
        }
        if s.storage.diskMttfHours > 0 {
            // Every disk fails once per mean time to failure; a failure walks the copies the disk held (a peer's
            // share of mesh.replicas × workload.resources, the server's every file) and, with repair, so does its
            // repair.
            let perHour = (n + 1) / s.storage.diskMttfHours
            let work = 1 + (replicaCopies(s).amount + Double(s.workload.resources)) / (n + 1)
                * (s.storage.repairMinutes > 0 ? 2 : 1)
            terms.append(Term(keys: ["storage.disk_mttf_hours", nodes, "workload.resources"],
                              what: "(\(nodes) + 1) disks / storage.disk_mttf_hours, each failure walking its copies",
                              amount: perHour / 3600 * work))
        }
        if s.storage.backupEveryHours > 0 {
            terms.append(Term(keys: ["storage.backup_every_hours"], what: "1 / storage.backup_every_hours backups",
                              amount: 1 / (s.storage.backupEveryHours * 3600)))
        }
        let guesses = Double(min(s.security.attackers, Int(n))) * s.security.attackRate
        if guesses > 0 {
            terms.append(Term(keys: ["security.attack_rate", "security.attackers"],
                              what: "security.attackers × security.attack_rate guesses", amount: guesses * 6))
        }
        return terms
    }

    /// Whether the run keeps files (see `StorageModel`): writes, disk failures, or a timeline that fails a disk.
    static func storageInPlay(_ s: Scenario) -> Bool {
        s.workload.writeShare > 0 || s.storage.diskMttfHours > 0
            || s.timeline.contains { if case .failDisk = $0.kind { true } else { false } }
    }

    // MARK: - Set-up work

    /// Steps to build the mesh before the first event: the flooding overlay's links (a draw and a duplicate check
    /// each; a peer that is linked to nearly everyone finds partners only by a scan) and the replicas' placement.
    public static func setupTerms(_ s: Scenario) -> [Term] {
        let n = peakNodes(s), nodes = nodesKey(s)
        // The mesh is built when the run first becomes one, and again whenever nodes join beyond its size: once per
        // `add_nodes` of the timeline at most. A build sorts the ring and places every copy: 40 steps a copy at the
        // nanosecond a step this budget assumes, from a measured build (docs/PERFORMANCE.md, 'Design measurements').
        let adds = Double(s.timeline.filter { if case .addNodes = $0.kind { true } else { false } }.count)
        let build = n * 100 + replicaCopies(s).amount * 40
        let rebuilds = Term(keys: ["timeline.add_nodes", "mesh.replicas", "workload.resources", nodes],
                            what: "building the mesh \(Int(adds) + 1) times (timeline.add_nodes, mesh.replicas × "
                                + "workload.resources)", amount: (adds + 1) * build)
        guard s.mesh.discovery == .flooding, n > 1 else { return [rebuilds] }
        let links = min(Double((s.mesh.degree + 1) / 2), n - 1)
        let degree = min(2 * links, n - 1)
        let perLink = 2 * links < n / 2 ? degree : n * degree
        let r = replicasPlaced(s)
        let placement = Double(s.workload.resources) * n * log((n + 1) / max(1, n - r + 1)) * r
        return [
            rebuilds,
            Term(keys: ["mesh.degree", nodes], what: "mesh.degree × \(nodes) overlay links",
                 amount: (adds + 1) * n * links * perLink),
            Term(keys: ["mesh.replicas", "workload.resources", nodes], what: "placing mesh.replicas × workload.resources",
                 amount: (adds + 1) * placement),
        ]
    }

    // MARK: - Words

    /// A count for people: "4000", "2.5e+06", "1e+12".
    public static func compact(_ x: Double) -> String {
        guard x.isFinite else { return "more than 1e308" }
        if x < 1e6 { return String(Int(x.rounded())) }
        let exponent = Int(log10(x).rounded(.down))
        let mantissa = (x / pow(10, Double(exponent)) * 10).rounded() / 10
        let m = mantissa == mantissa.rounded() ? String(Int(mantissa)) : String(mantissa)
        return "\(m)e\(exponent)"
    }

    /// Bytes for people: "34 GB", "512 MB".
    public static func bytes(_ x: Double) -> String {
        let gb = x / (1024 * 1024 * 1024)
        // Past an Int's range (a random scenario of the property tests reached it): in powers of ten.
        if gb >= 1e15 { return compact(gb) + " GB" }
        if gb >= 1 {
            let tenths = (gb * 10).rounded() / 10
            return gb >= 10 || tenths == tenths.rounded() ? "\(Int(gb.rounded())) GB" : "\(tenths) GB"
        }
        return "\(Int((x / (1024 * 1024)).rounded())) MB"
    }
}
