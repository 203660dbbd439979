/// The two architectures the engine can run.
public enum Architecture: String, Sendable, Codable, CaseIterable, BitwiseCopyable {
    case clientServer = "client-server"
    case peerMesh = "peer-mesh"
}

/// A typed, validated scenario: what a scenario file (the README's Scenario files) decodes into.
///
/// Every field but `name` has a default, so a file need only say what differs.
public struct Scenario: Sendable, Equatable {
    /// A short identifier for reports: the built-in name or the file's stem (empty when made in code).
    public var id: String = ""
    public var name: String
    public var description: String = ""
    public var seed: UInt64 = 1
    /// Simulated seconds for headless runs.
    public var duration: Double = 120
    public var architecture: Architecture = .clientServer
    /// Clients (under client-server) or peers (in a mesh).
    public var nodes: Int = 20
    public var workload = Workload()
    public var network = Network()
    public var server = Server()
    public var mesh = Mesh()
    public var security = Security()
    public var cost = Cost()
    public var storage = Storage()
    /// The file distribution (`workload.kind: distribution`).
    public var distribution = Distribution()
    public var timeline: [TimelineAction] = []
    /// Where each key was given in its file, for messages about combinations of keys (empty when made in code).
    public var keyLines = KeyLines()

    public init(name: String) { self.name = name }

    /// The identifier reports print: `id`, or `name` when the scenario was made in code.
    public var reportName: String { id.isEmpty ? name : id }

    /// How clients generate requests.
    public struct Workload: Sendable, Equatable {
        /// Requests per second per node (Poisson).
        public var rate: Double = 1.0
        /// Distinct resources that can be requested.
        public var resources: Int = 100
        public var popularity: Popularity = .zipf
        /// Seconds before a requester gives up on an attempt; 0 means never.
        public var timeout: Double = 5
        /// Further attempts after a timeout.
        public var retries: Int = 1
        /// Size of a reply that carries a resource, kilobytes (decimal: 1 kB = 1,000 bytes); what the bandwidth bill
        /// counts. Requests and other messages are `CostModel.messageBytes`.
        public var sizeKb: Double = 100
        /// Share of requests that write a new version of their file (see `Scenario.Storage`); 0 keeps every request a
        /// read and draws nothing.
        public var writeShare: Double = 0
        /// What the nodes do: make requests, or all fetch one file (`DistributionModel`).
        public var kind: WorkloadKind = .requests
        public init() {}
    }

    /// The two workloads: requests for resources, or one file every node downloads.
    public enum WorkloadKind: String, Sendable, Equatable, CaseIterable { case requests, distribution }

    /// One file, on the server at the start, that every node wants (decimal units: 1 MB = 10⁶ bytes, 1 Mbps =
    /// 10⁶ bit/s). Under client-server the server sends each node the whole file; in a peer mesh it seeds a swarm.
    public struct Distribution: Sendable, Equatable {
        public var fileMb: Double = 500
        public var chunkKb: Double = 256
        /// The server's upload rate u_s.
        public var serverUploadMbps: Double = 100
        /// The nodes' download rates d: one class, or classes of nodes (`RateClass`).
        public var download = [RateClass(share: 1, mbps: 20)]
        /// The peers' upload rates u (the mesh): one class, or classes of peers.
        public var peerUpload = [RateClass(share: 1, mbps: 5)]
        /// The probability that a peer with the whole file leaves instead of seeding.
        public var leaveAfterDone: Double = 0
        public init() {}
    }

    public enum Popularity: String, Sendable, Equatable, CaseIterable { case uniform, zipf }

    /// The network between nodes.
    public struct Network: Sendable, Equatable {
        /// One-way latency per hop, milliseconds.
        public var latencyMs: Double = 20
        /// Uniform jitter added to each hop, ± milliseconds.
        public var jitterMs: Double = 5
        /// Probability that a message is lost.
        public var loss: Double = 0
        public init() {}
    }

    /// The dedicated server (client-server architecture).
    public struct Server: Sendable, Equatable {
        public var workers: Int = 4
        public var serviceMs: Double = 40
        public var service: ServiceDistribution = .exponential
        /// Waiting room; a full queue rejects (overload).
        public var queue: Int = 64
        public var costPerHour: Double = 1.20
        public init() {}
    }

    public enum ServiceDistribution: String, Sendable, Equatable, CaseIterable { case exponential, constant }

    /// The peer mesh (peer-mesh architecture).
    public struct Mesh: Sendable, Equatable {
        public var discovery: Discovery = .dht
        public var degree: Int = 4
        public var ttl: Int = 7
        public var replicas: Int = 3
        public var workers: Int = 1
        public var serviceMs: Double = 40
        public var queue: Int = 8
        /// Seconds between a DHT peer's periodic fix-ups (stabilize, fix fingers): until the next one, peers still
        /// route to a departed peer, and those lookups are lost and retried. 0 repairs at once.
        public var stabilize: Double = 5
        /// A peer keeps what it fetched and serves it afterwards (`PeerCaches`), up to `cacheItems` resources, LRU.
        public var cache: Bool = false
        public var cacheItems: Int = 20
        public var churn: Churn? = nil
        public init() {}
    }

    public enum Discovery: String, Sendable, Equatable, CaseIterable { case flooding, dht }

    /// Peers leave and rejoin with exponential up and down times (seconds).
    public struct Churn: Sendable, Equatable {
        public var meanUptime: Double
        public var meanDowntime: Double
        public init(meanUptime: Double, meanDowntime: Double) {
            self.meanUptime = meanUptime; self.meanDowntime = meanDowntime
        }
    }

    /// Accounts, share passwords and attackers.
    public struct Security: Sendable, Equatable {
        /// Central accounts on the server; clients share them round-robin. 0 is an open server: no logins and no
        /// permission checks (the pure queue of the queueing-theory scenarios).
        public var accounts: Int = 50
        /// Failed password checks before an account locks.
        public var lockoutAfter: Int = 5
        public var lockoutSeconds: Double = 300
        /// Share of peers protecting their share with a password.
        public var sharePasswords: Double = 0.6
        /// Share of passwords (accounts' and shares') that are in the attacker's dictionary.
        public var weakPasswords: Double = 0.2
        /// Attacking nodes: node ids 1...attackers, insiders that also do ordinary work.
        public var attackers: Int = 0
        /// Password guesses per second per attacker (Poisson).
        public var attackRate: Double = 2
        /// Mean server time of a login or a permission denial (a lookup in the security database), milliseconds.
        public var loginMs: Double = 10
        /// Share of (account, resource) pairs the administrator grants read access to.
        public var readAccess: Double = 1
        /// Words in the attacker's dictionary: a weak password is one of them, a strong one none.
        public var dictionary: Int = 20
        public init() {}
    }

    /// Prices beyond the server's hourly one (`server.cost_per_hour`): what the bill of each architecture adds up.
    /// All 0 by default, so a scenario that names none costs what its server costs.
    public struct Cost: Sendable, Equatable {
        /// Dollars a month (730 hours) for the administrator, charged while client-server runs.
        public var adminPerMonth: Double = 0
        /// Dollars per GB (10⁹ bytes) sent: out of the server, or uploaded by peers.
        public var bandwidthPerGb: Double = 0
        /// Dollars per hour a peer's donated machine time is worth (disk included), while it is up in the mesh.
        public var peerPerHour: Double = 0
        public init() {}
    }

    /// Disks, backups and repair (the README's "Storage and backup"). All zero by default: disks never fail and
    /// nothing about storage is drawn, logged or reported.
    public struct Storage: Sendable, Equatable {
        /// Mean time to a disk failure (exponential), for the server and for each peer; 0 = never.
        public var diskMttfHours: Double = 0
        /// Client-server: hours between backups of the server's disk; 0 = no backup.
        public var backupEveryHours: Double = 0
        /// Client-server: hours the server stays down while its disk is restored after a failure.
        public var restoreHours: Double = 2
        /// Peer mesh: minutes after a copy is lost before the surviving holders copy it back; 0 = no repair.
        public var repairMinutes: Double = 0
        public init() {}
    }

    /// Which node a timeline action targets.
    public enum NodeTarget: Sendable, Equatable, CustomStringConvertible {
        case server
        /// A node id: 0 is the server, clients are 1...N.
        case node(Int)
        public var description: String {
            switch self { case .server: "server"; case .node(let n): "node \(n)" }
        }
    }

    /// One action of the timeline, at a simulated second.
    public struct TimelineAction: Sendable, Equatable {
        /// A timeline entry's action is a command like any other (one vocabulary with the live view's).
        public typealias Kind = EngineCommand
        public var at: Double
        public var kind: Kind
        /// The line in the file the action came from (0 when built in code).
        public var line: Int
        public init(at: Double, kind: Kind, line: Int = 0) { self.at = at; self.kind = kind; self.line = line }
    }
}

/// The line of each key of a scenario file by its dotted path ("workload.rate"): where a message about a key points.
///
/// Not part of what a scenario is: two scenarios that differ only in where their keys were written are equal.
public struct KeyLines: Sendable, Equatable {
    public var lines: [String: Int]
    public init(_ lines: [String: Int] = [:]) { self.lines = lines }
    public subscript(path: String) -> Int? { lines[path] }
    public static func == (a: KeyLines, b: KeyLines) -> Bool { true }
}
