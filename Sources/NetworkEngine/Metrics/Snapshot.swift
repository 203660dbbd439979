/// Request outcomes, counted from the start of the run.
///
/// Conservation holds at every instant: `issued == completed + rejected + timedOut + failed + denied + inFlight`.
public struct RequestCounts: Sendable, Equatable {
    public var issued = 0
    public var completed = 0
    public var rejected = 0
    public var timedOut = 0
    public var failed = 0
    /// Refused by the server's security check: no permission, or the client's account was locked.
    public var denied = 0
    public var inFlight = 0
    public init() {}

    /// Requests that have ended, whatever the outcome.
    public var ended: Int { completed + rejected + timedOut + failed + denied }

    /// The bookkeeping identity `issued == ended + inFlight`. It holds by construction (`inFlight` moves in step with
    /// the other counts), so it proves nothing about leaks: `Engine.requestAudit` checks the counts against the
    /// request table and the clients instead.
    public var isConserved: Bool { issued == ended + inFlight }
}

/// Latency figures in milliseconds.
public struct LatencySummary: Sendable, Equatable {
    public var mean = 0.0, p50 = 0.0, p95 = 0.0, p99 = 0.0, max = 0.0
    /// Latencies beyond the percentile histogram's range (one hour), counted there at one hour: when non-zero, a
    /// percentile that reads one hour means "at least one hour". The mean and max are exact regardless.
    public var clamped = 0
    public init() {}
}

/// What happened during one simulated second: one point of the live view's sparklines and one CSV row. A chart
/// column folds several seconds into one (`seconds` > 1, see `SampleAccumulator`).
public struct SecondSample: Sendable, Equatable {
    /// The second's end, in whole simulated seconds since the start (a fold's: its last second's).
    public var second: Int
    /// Seconds this sample covers: 1 for a second; a fold's counts are its seconds' sums, its levels their means.
    public var seconds = 1
    public var architecture: Architecture
    public var nodes: Int
    /// Requests issued in this second, and requests that ended in it by each outcome.
    public var issued = 0, completed = 0, rejected = 0, timedOut = 0, failed = 0, denied = 0
    /// Mean and 95th-percentile latency of the requests completed in this second (0 when none).
    public var latencyMeanMs = 0.0, latencyP95Ms = 0.0
    /// Time-averaged queue length over the second (the central server's).
    public var queue = 0.0
    /// Requests waiting at the mesh's peers, all of them together, when the second closed (0 without a mesh): the
    /// mesh has no one queue, so the live view charts this one in its place.
    public var peerQueue = 0.0
    /// Time-averaged share of busy workers over the second.
    public var utilization = 0.0
    public var messages = 0
    public var securityEvents = 0
    /// The share of nodes with the whole file when the second closed, in a file distribution (nil otherwise).
    public var completeShare: Double? = nil

    public init(second: Int, architecture: Architecture, nodes: Int) {
        self.second = second; self.architecture = architecture; self.nodes = nodes
    }

    /// Completed requests per second over the seconds the sample covers.
    public var throughput: Double { Double(completed) / Double(max(1, seconds)) }

    /// Requests per second that ended unserved (rejected, failed or timed out) over the seconds covered.
    public var lostPerSecond: Double { Double(rejected + failed + timedOut) / Double(max(1, seconds)) }
}

/// The kind of a node on the screen.
public enum NodeRole: Sendable, Equatable { case server, client, peer }

/// What a node is doing, as the topology view shows it.
public enum NodeActivity: Sendable, Equatable {
    /// Up, nothing outstanding.
    case idle
    /// A client waiting for a reply, or a server with busy workers and an empty queue.
    case busy
    /// A server with requests waiting in its queue.
    case queueing
    /// A server whose queue is full: it rejects.
    case overloaded
    /// Crashed or left.
    case down
    /// A client with requests outstanding while the central server is down: no reply can come until it is back.
    case waiting
    /// A client whose last ended request failed or timed out, within `NodeActivity.failingWindow`.
    case failing

    /// How long after a failed or timed-out request a client still shows as failing (unless one completes first).
    public static let failingWindow: SimTime = 5 * SimTime.nanosPerSecond
}

/// One node as the live view sees it.
public struct NodeView: Sendable, Equatable {
    public var id: Int
    public var role: NodeRole
    public var activity: NodeActivity
    /// Requests this node issued (a client) or served (the server).
    public var sent: Int
    public var completed: Int
    /// Requests of this node still outstanding.
    public var outstanding: Int
    /// Mean latency of this node's completed requests, milliseconds (0 when none).
    public var meanLatencyMs: Double
    /// Requests this node served for others (a peer in the mesh).
    public var served: Int = 0
    public var security = NodeSecurity()
    /// This node's figures since the last switch of architecture; nil before the first (the totals above are then
    /// the period's).
    public var phase: NodePhaseFigures? = nil
    /// The share of the file this node holds (0…1) in a file distribution; nil in a request run.
    public var progress: Double? = nil

    public init(id: Int, role: NodeRole, activity: NodeActivity, sent: Int = 0, completed: Int = 0,
                outstanding: Int = 0, meanLatencyMs: Double = 0) {
        self.id = id; self.role = role; self.activity = activity; self.sent = sent; self.completed = completed
        self.outstanding = outstanding; self.meanLatencyMs = meanLatencyMs
    }
}

/// The server's state for the server panel.
public struct ServerView: Sendable, Equatable {
    public var up: Bool
    public var workers: Int
    public var busyWorkers: Int
    public var queueLength: Int
    public var queueCapacity: Int
    /// True between an `overload` event and the matching `recovered`.
    public var overloaded: Bool
    /// Share of busy workers over the last simulated second.
    public var recentUtilization: Double
    /// Requests per second the server can complete: workers ÷ mean service time.
    public var capacityRPS: Double
    /// Requests per second the clients offer: active clients × rate.
    public var offeredRPS: Double
    /// Dollars spent on the server so far (`cost_per_hour` × simulated hours).
    public var costDollars: Double
    public var costPerHour: Double

    public init(up: Bool, workers: Int, busyWorkers: Int, queueLength: Int, queueCapacity: Int, overloaded: Bool,
                recentUtilization: Double, capacityRPS: Double, offeredRPS: Double, costDollars: Double,
                costPerHour: Double) {
        self.up = up; self.workers = workers; self.busyWorkers = busyWorkers; self.queueLength = queueLength
        self.queueCapacity = queueCapacity; self.overloaded = overloaded; self.recentUtilization = recentUtilization
        self.capacityRPS = capacityRPS; self.offeredRPS = offeredRPS; self.costDollars = costDollars
        self.costPerHour = costPerHour
    }
}

/// A message on the wire, for drawing requests in flight.
public struct FlightView: Sendable, Equatable {
    public enum Direction: Sendable, Equatable { case toServer, toClient }
    /// The client end of the message.
    public var client: Int
    public var direction: Direction
    /// 0 at the sender, 1 at the receiver.
    public var progress: Double
    /// A password guess rather than a request.
    public var attack = false
    /// Node ids of the sender and receiver (0 is the server); peer-to-peer hops in a mesh.
    public var from: Int
    public var to: Int
    public init(client: Int, direction: Direction, progress: Double) {
        self.client = client; self.direction = direction; self.progress = progress
        from = direction == .toServer ? client : 0
        to = direction == .toServer ? 0 : client
    }
    public init(from: Int, to: Int, progress: Double) {
        self.from = from; self.to = to; self.progress = progress
        client = from; direction = .toServer
    }
}

/// The peer mesh's figures for its panel.
public struct MeshView: Sendable, Equatable {
    public var discovery: Scenario.Discovery
    /// Overlay hops per resolved lookup (DHT), since the mesh started.
    public var meanHops: Double
    /// Lookup messages (hops, or flood queries, duplicates and hits) per lookup started.
    public var messagesPerLookup: Double
    /// The busiest peer's served requests over the mean per peer.
    public var maxOverMeanLoad: Double
    /// Share of resources with at least one replica online: now, and time-averaged.
    public var availabilityNow: Double
    public var availability: Double
    public var replicas: Int
    public var resources: Int
    public var peerOverloads: Int
    /// Lookups resolved since the mesh started.
    public var lookupsResolved: Int = 0
    /// Peers a completed flood reached on average, its requester not counted (`mesh.mean_reach`); nil for a DHT and
    /// before the first flood completes.
    public var meanFloodReach: Double? = nil
    /// The same since the configuration last changed (a command: a TTL set, peers added, …), so it is of the
    /// configuration the theory beside it describes; nil before a flood completes in it.
    public var floodReachSinceChange: Double? = nil
    /// The peers' caches (`mesh.cache`), nil when off.
    public var cache: CacheView? = nil

    /// What the peers' caches did since the mesh started.
    public struct CacheView: Sendable, Equatable {
        /// Resources each peer's cache keeps.
        public var items: Int
        /// Reads a cached copy served (at home or for another peer).
        public var hits: Int
        /// Cached copies now, over all peers.
        public var copies: Int
        /// Invalidation messages writes sent to cached copies.
        public var invalidations: Int
    }
    /// Node ids in ring order (DHT), for drawing the ring.
    public var ringOrder: [Int]
    /// Overlay links between node ids (flooding), only for meshes small enough to draw.
    public var links: [Link]
    /// The ring places, fingers, lookup path, links and flood wave of the snapshot's shown peers.
    public var picture = MeshPicture()

    public struct Link: Sendable, Equatable {
        public var a: Int, b: Int
        public init(a: Int, b: Int) { self.a = a; self.b = b }
    }

    public init(discovery: Scenario.Discovery, meanHops: Double, messagesPerLookup: Double, maxOverMeanLoad: Double,
                availabilityNow: Double, availability: Double, replicas: Int, resources: Int, peerOverloads: Int,
                ringOrder: [Int], links: [Link]) {
        self.discovery = discovery; self.meanHops = meanHops; self.messagesPerLookup = messagesPerLookup
        self.maxOverMeanLoad = maxOverMeanLoad; self.availabilityNow = availabilityNow; self.availability = availability
        self.replicas = replicas; self.resources = resources; self.peerOverloads = peerOverloads
        self.ringOrder = ringOrder; self.links = links
    }
}

/// Everything the live view needs for one frame; the UI never reads engine internals.
public struct Snapshot: Sendable {
    public var scenarioName: String
    public var architecture: Architecture
    public var now: SimTime
    /// Active nodes; under client-server the server is first (id 0), then clients 1...N.
    public var nodes: [NodeView]
    public var server: ServerView?
    /// The mesh's figures while the mesh exists (nil before the first switch to it).
    public var mesh: MeshView? = nil
    /// Accounts, share protection and the attack.
    public var security: SecurityView? = nil
    /// The bill so far, split by who pays (nil from a model that keeps none).
    public var cost: CostView? = nil
    /// Disks, backups and copies, while storage is in play (nil otherwise).
    public var storage: StorageView? = nil
    /// What theory predicts for the configuration in force now (`TheoryView(steadyStateOf:)`): the marks beside the
    /// charts and panels.
    public var theory: TheoryView? = nil
    /// The 95% intervals of the measured figures that have a theory, since the configuration last changed (nil from
    /// a model that keeps none).
    public var confidence: LiveConfidence? = nil
    /// The file distribution's figures (`workload.kind: distribution`; nil otherwise).
    public var distribution: DistributionSnapshot? = nil
    /// Times (simulated) of architecture switches, for markers on the sparklines.
    public var switches: [SimTime] = []
    /// The period in force and the one before it (`currentPhase`, `previousPhase`); nil from a model that does not
    /// split the run, whose `requests` and `latency` are then the one period's.
    public var phases: PhaseView? = nil
    public var requests: RequestCounts
    /// Latency of the period in force: the whole run until a switch, then the period since the last one (the
    /// engine's is `phases.current.latency`; a model that does not split the run gives the whole run's).
    public var latency: LatencySummary
    /// Samples, oldest first: the last `seriesLimit` seconds, or with `SnapshotRequest.secondsPerColumn` > 1 the
    /// last complete columns of that many seconds each (`secondsPerColumn` says which).
    public var series: [SecondSample]
    /// Seconds each sample of `series` covers (1 unless the request asked for columns).
    public var secondsPerColumn = 1
    /// Recent events, oldest first.
    public var recentEvents: [NetworkEvent]
    /// Messages on the wire.
    public var flights: [FlightView]
    /// Clients (or peers) currently active.
    public var activeNodeCount: Int
    /// Requests per second per node.
    public var ratePerNode: Double
    /// Overloads, breaches, crashes, failed and lost requests since the start (what `:pause-on` watches).
    public var tally = EventTally()

    public init(scenarioName: String, architecture: Architecture, now: SimTime, nodes: [NodeView], server: ServerView?,
                requests: RequestCounts, latency: LatencySummary, series: [SecondSample],
                recentEvents: [NetworkEvent], flights: [FlightView], activeNodeCount: Int, ratePerNode: Double) {
        self.scenarioName = scenarioName; self.architecture = architecture; self.now = now; self.nodes = nodes
        self.server = server; self.requests = requests; self.latency = latency; self.series = series
        self.recentEvents = recentEvents; self.flights = flights; self.activeNodeCount = activeNodeCount
        self.ratePerNode = ratePerNode
    }
}
