/// Every key of a scenario file, in the order the README lists them: the one table the decoder, `check`, the
/// README's key table (`netexplorer scenarios --keys`), the property tests and the fuzz script read.
///
/// A row names the key by its dotted path, what it accepts (limits from `ScenarioLimits`), one line of doc, and the
/// field of `Scenario` it is written to; its default is read from `Scenario`, never typed here. The mappings of a
/// file (`workload`, `mesh.churn`, ...) are the paths' prefixes. Adding a key is adding a row.
public enum ScenarioKeyTable {
    public static let keys: [ScenarioKey] = [
        .text("name", \.name, required: true, "what reports and the live view call the scenario"),
        .text("description", \.description, "a paragraph about the scenario; `scenarios` shows its first line"),
        .seed("seed", \.seed, "the seed of every random stream: the same seed, the same run"),
        .number("duration", \.duration, .seconds(above: 0), "simulated seconds of a headless run"),
        .choice("architecture", \.architecture, "the architecture the run starts in"),
        .integer("nodes", \.nodes, .count(atLeast: 0), "clients (client-server) or peers (peer-mesh)"),

        .number("workload.rate", \.workload.rate, .atLeast(0, atMost: ScenarioLimits.maxRate),
                "requests per second per node, Poisson"),
        .integer("workload.resources", \.workload.resources, .count(atLeast: 1), "distinct resources to request"),
        .choice("workload.popularity", \.workload.popularity, "how requests pick a resource (zipf: a few are popular)"),
        .number("workload.timeout", \.workload.timeout, .seconds(atLeast: 0),
                "seconds before a requester gives up on an attempt; 0 = never"),
        .integer("workload.retries", \.workload.retries, .atLeast(0, atMost: Double(ScenarioLimits.maxRetries)),
                 "further attempts after a timeout"),
        .number("workload.size_kb", \.workload.sizeKb, .atLeast(0, atMost: ScenarioLimits.maxReplyKB),
                "size of a reply carrying a resource, kB (1 kB = 1,000 bytes); requests are 1 kB"),
        .number("workload.write_share", \.workload.writeShare, .share,
                "share of requests that write a new version of their file"),
        .choice("workload.kind", \.workload.kind, "requests, or distribution: every node fetches one file"),

        .number("distribution.file_mb", \.distribution.fileMb, .above(0, atMost: ScenarioLimits.maxFileMB),
                "size of the file, MB (1 MB = 10⁶ bytes)"),
        .number("distribution.chunk_kb", \.distribution.chunkKb, .above(0, atMost: ScenarioLimits.maxReplyKB),
                "size of a chunk, kB; the last chunk may be shorter"),
        .number("distribution.server_upload_mbps", \.distribution.serverUploadMbps,
                .above(0, atMost: ScenarioLimits.maxMbps), "the server's upload rate u_s, Mbps (10⁶ bit/s)"),
        .rates("distribution.download_mbps", \.distribution.download, .above(0, atMost: ScenarioLimits.maxMbps),
               "each node's download rate d, Mbps; or classes of nodes, each a share with its rate"),
        .rates("distribution.peer_upload_mbps", \.distribution.peerUpload,
               .atLeast(0, atMost: ScenarioLimits.maxMbps),
               "each peer's upload rate u, Mbps (peer-mesh); or classes of peers, each a share with its rate"),
        .number("distribution.leave_after_done", \.distribution.leaveAfterDone, .share,
                "probability that a peer with the whole file leaves instead of seeding"),

        .number("network.latency_ms", \.network.latencyMs, .millis(atLeast: 0), "one-way latency per hop, ms"),
        // Jitter may exceed latency: the engine clamps each hop's delay at zero.
        .number("network.jitter_ms", \.network.jitterMs, .millis(atLeast: 0), "uniform ± jitter added to each hop, ms"),
        .number("network.loss", \.network.loss, .share, "probability that a message is lost"),

        .integer("server.workers", \.server.workers, .count(atLeast: 1), "requests the server serves at once"),
        .number("server.service_ms", \.server.serviceMs, .millis(atLeast: ScenarioLimits.minServiceMillis),
                "mean service time of a request, ms"),
        .choice("server.service", \.server.service, "distribution of service times"),
        .integer("server.queue", \.server.queue, .count(atLeast: 0), "waiting room; a full queue rejects: overload"),
        .number("server.cost_per_hour", \.server.costPerHour, .atLeast(0, atMost: ScenarioLimits.maxDollarsPerHour),
                "dollars per hour of the server"),

        .choice("mesh.discovery", \.mesh.discovery, "flooding (Gnutella-style) or dht (a Chord-like ring)"),
        .integer("mesh.degree", \.mesh.degree, .count(atLeast: 1), "mean neighbours per peer (flooding)"),
        .integer("mesh.ttl", \.mesh.ttl, .atLeast(1, atMost: Double(ScenarioLimits.maxTTL)), "flooding hop limit"),
        .integer("mesh.replicas", \.mesh.replicas, .count(atLeast: 1),
                 "copies of each resource (DHT: the key's successors; flooding: random peers)"),
        .integer("mesh.workers", \.mesh.workers, .count(atLeast: 1), "requests each peer's own server serves at once"),
        .number("mesh.service_ms", \.mesh.serviceMs, .millis(atLeast: ScenarioLimits.minServiceMillis),
                "mean service time of a peer, ms"),
        .integer("mesh.queue", \.mesh.queue, .count(atLeast: 0), "each peer's waiting room"),
        .number("mesh.stabilize", \.mesh.stabilize, .seconds(atLeast: 0),
                "seconds between a DHT peer's fix-ups; until then departed peers still get lookups"),
        .flag("mesh.cache", \.mesh.cache, "a peer serves what it fetched: its cached copies are found as replicas are"),
        .integer("mesh.cache_items", \.mesh.cacheItems, .count(atLeast: 1),
                 "resources each peer's cache keeps (least recently used evicted)"),
        .churn("mesh.churn.mean_uptime", \.meanUptime, .seconds(atLeast: ScenarioLimits.minChurnSeconds),
               "mean seconds a peer stays up, exponential; give both means, or omit churn for none"),
        .churn("mesh.churn.mean_downtime", \.meanDowntime, .seconds(atLeast: ScenarioLimits.minChurnSeconds),
               "mean seconds a peer stays away before it rejoins"),

        .integer("security.accounts", \.security.accounts, .count(atLeast: 0),
                 "central accounts on the server; 0 = an open server with no logins"),
        .integer("security.lockout_after", \.security.lockoutAfter, .count(atLeast: 1),
                 "wrong passwords before an account locks"),
        .number("security.lockout_seconds", \.security.lockoutSeconds, .seconds(atLeast: 0), "how long a lock lasts"),
        .number("security.share_passwords", \.security.sharePasswords, .share,
                "share of peers protecting their share with a password"),
        .number("security.weak_passwords", \.security.weakPasswords, .share,
                "share of passwords in the attacker's dictionary"),
        .integer("security.attackers", \.security.attackers, .count(atLeast: 0),
                 "attacking nodes 1…k from the start (`a` starts one live)"),
        .number("security.attack_rate", \.security.attackRate, .atLeast(0, atMost: ScenarioLimits.maxRate),
                "guesses per second per attacker"),
        .number("security.login_ms", \.security.loginMs, .millis(atLeast: ScenarioLimits.minServiceMillis),
                "mean server time of a login or a denial, ms"),
        .number("security.read_access", \.security.readAccess, .share,
                "share of account–resource pairs the administrator grants"),
        .integer("security.dictionary", \.security.dictionary,
                 .atLeast(1, atMost: Double(ScenarioLimits.maxDictionary)), "words the attacker tries per password"),

        .number("cost.admin_per_month", \.cost.adminPerMonth, .atLeast(0, atMost: ScenarioLimits.maxDollars),
                "dollars a month (730 h) for the administrator, while client-server runs"),
        .number("cost.bandwidth_per_gb", \.cost.bandwidthPerGb, .atLeast(0, atMost: ScenarioLimits.maxDollars),
                "dollars per GB (10⁹ bytes) out of the server, and the value of the peers' uploads"),
        .number("cost.peer_per_hour", \.cost.peerPerHour, .atLeast(0, atMost: ScenarioLimits.maxDollars),
                "what an hour of a peer's donated machine and disk is worth, while up in the mesh"),
        .number("storage.disk_mttf_hours", \.storage.diskMttfHours, .atLeast(0, atMost: ScenarioLimits.maxHours),
                "mean hours to a disk failure, server and each peer (exponential); 0 = never"),
        .number("storage.backup_every_hours", \.storage.backupEveryHours, .atLeast(0, atMost: ScenarioLimits.maxHours),
                "client-server: hours between backups of the server's disk; 0 = none"),
        .number("storage.restore_hours", \.storage.restoreHours, .atLeast(0, atMost: ScenarioLimits.maxHours),
                "client-server: hours the server is down while its disk is restored"),
        .number("storage.repair_minutes", \.storage.repairMinutes, .atLeast(0, atMost: ScenarioLimits.maxMinutes),
                "mesh: minutes before the surviving holders copy a lost copy back; 0 = no repair"),

        // Each entry of the timeline list gives `at` and exactly one action.
        .actionTime("timeline.at", .seconds(atLeast: 0), "simulated second of the entry's one action"),
        .action("timeline.add_nodes", .integer(.count(above: 0)), "clients or peers join") {
            $0.integer.map { .addNodes($0) }
        },
        .action("timeline.remove_nodes", .integer(.count(above: 0)), "clients or peers leave") {
            $0.integer.map { .removeNodes($0) }
        },
        .action("timeline.toggle", .choices(Architecture.self), "switch to this architecture") {
            $0.choice.flatMap(Architecture.init(rawValue:)).map { .switchArchitecture(to: $0) }
        },
        .action("timeline.crash", .node, "crash the server or a node (clients or peers are 1…N)") {
            $0.node.map { .crash($0) }
        },
        .action("timeline.restart", .node, "bring the server or a node back") { $0.node.map { .restart($0) } },
        .action("timeline.fail_disk", .node, "the disk of the server or a node fails (see storage)") {
            $0.node.map { .failDisk($0) }
        },
        .action("timeline.flash_crowd", .integer(.count(above: 0)),
                "that many simultaneous requests from random members (refused past the memory limit)") {
            $0.integer.map { .flashCrowd(requests: $0) }
        },
        // The same command as `set: { workers: N }` and the live view's `[` `]`: one vocabulary, spelled for a bill.
        .action("timeline.server_workers", .integer(.count(atLeast: 1)),
                "the server's workers from then on; its hourly price scales with them") {
            $0.integer.map { .set(.workers, Double($0)) }
        },
        .action("timeline.set", .setting, "change one value mid-run, as the live view's `:set` does (limits as its key's)") {
            $0.setting.map { .set($0.0, $0.1) }
        },
        .action("timeline.crash_share", .number(.above(0, atMost: 1)),
                "crash this share of the members up, at random, at once (peers; under client-server, clients)") {
            $0.number.map { .crashShare($0) }
        },
    ]

    /// The row of a dotted path.
    public static func key(_ path: String) -> ScenarioKey? { byPath[path] }

    private static let byPath = Dictionary(uniqueKeysWithValues: keys.map { ($0.path, $0) })
}
