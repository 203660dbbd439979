import Foundation

/// What theory predicts for a run's figures, beside the measurements (`theory` in `simulate --format json`).
///
/// Each figure is nil when no formula covers the run; `assumptionsBroken` says why, one short reason per cause,
/// starting with the figures it breaks ("mean_latency_ms: retries add load"), and only when the cause matters.
public struct TheoryView: Sendable, Equatable {
    /// Mean response time of completed requests, ms: two network hops plus the server's M/M/c/K sojourn (M/D/1 for
    /// constant service with one worker).
    public var meanLatencyMs: Double?
    /// Probability that an accepted request waits for a worker.
    public var pWait: Double?
    /// Share of requests turned away by a full queue (M/M/c/K).
    public var blocking: Double?
    /// Clients at which the server's load reaches 1: N* = workers·(1000/service_ms)/rate.
    public var saturationNodes: Double?
    /// Expected hops of a DHT lookup (`ChordHops`).
    public var meanHops: Double?
    /// How far one ring's mean may lie from `meanHops`, relative (`ChordHops.accuracy`): the live view marks a miss
    /// only beyond it. Not in the JSON.
    public var meanHopsAccuracy: Double?
    /// Expected peers a flood reaches, its requester not counted (`FloodReach`, beside `mesh.mean_reach`).
    public var floodReach: Double?
    /// Expected lookup messages per lookup under flooding: the flood's queries and the hits travelling back, none
    /// when the requester holds a replica (`FloodReach`, beside `mesh.messages_per_lookup`).
    public var messagesPerLookup: Double?
    /// Time-averaged share of resources with a live replica: 1 − pʳ.
    public var availability: Double?
    /// Expected exposed share: (1 − s) + s·w in a mesh, w of the server's accounts.
    public var exposedShare: Double?
    /// Expected durability, 1 − files lost / files, at the run's end (`StorageTheory.durability`); nil unless disks
    /// fail (`storage.disk_mttf_hours` > 0).
    public var durability: Double?
    /// The Kurose–Ross lower bound on a file distribution's time in this architecture, s (`DistributionBound`); nil
    /// unless the run distributes a file.
    public var distributionSeconds: Double?
    public var assumptionsBroken: [String] = []

    /// A timeout is material when more than this share of responses would outlast it.
    static let materialShare = 0.001

    /// The theory of `report`'s run of `scenario` (its parameters as they ended).
    ///
    /// `changedMidRun` says a command changed the run mid-way (`Engine.changedMidRun`: the timeline's and the live
    /// view's alike, so a value set live and the same value set by the timeline give the same theory).
    public init(scenario s: Scenario, report r: RunReport, changedMidRun: Bool) {
        var broken: [String] = []
        let hopMs = NetworkTheory.meanHopDelay(latency: s.network.latencyMs, jitter: s.network.jitterMs)
        if changedMidRun {
            broken.append("all figures: commands changed the run mid-way (nodes, crashes, settings, a flash crowd)")
        }
        if r.segments.count > 1 { broken.append("all figures: the architecture was switched mid-run") }
        // A distribution run makes no requests: the request figures have nothing to compare with.
        let steady = !changedMidRun && r.segments.count <= 1 && s.workload.kind == .requests
        distributionSeconds = r.distribution?.boundBroken == nil ? r.distribution?.boundSeconds : nil
        if let reason = r.distribution?.boundBroken { broken.append(reason) }
        let timedOut = r.requests.issued > 0 ? Double(r.requests.timedOut) / Double(r.requests.issued) : 0
        if r.hadServer && steady { queue(s, nodes: r.nodes, timedOutShare: timedOut, hopMs: hopMs, &broken) }
        if r.mesh != nil && r.architecture == .peerMesh && steady { mesh(s, nodes: r.nodes, &broken) }
        if steady { exposedShare = Self.exposure(s, architecture: r.architecture) }
        if steady && s.storage.diskMttfHours > 0 {
            durability = Self.durability(s, nodes: r.nodes, architecture: r.architecture, seconds: r.simulatedSeconds,
                                         &broken)
        }
        assumptionsBroken = broken
    }

    /// Files that survive to `seconds`: the server's with backups all do (restored from the media: only writes since
    /// the last backup are lost); without, all are lost at its disk's first failure, e^{−T/M} expected; a mesh's
    /// file survives while a copy does (`StorageTheory.durability`, the engine's repair rule).
    static func durability(_ s: Scenario, nodes: Int, architecture: Architecture, seconds t: Double,
                           _ broken: inout [String]) -> Double? {
        let m = s.storage.diskMttfHours * 3600
        switch architecture {
        case .clientServer:
            return s.storage.backupEveryHours > 0 ? 1 : exp(-t / m)
        case .peerMesh:
            let copies = min(s.mesh.replicas, max(1, nodes))
            let value = StorageTheory.durability(at: t, copies: copies, mttf: m, repair: s.storage.repairMinutes * 60)
            if value == nil { broken.append("durability: no chain worked out for more than 3 copies with repair") }
            return value
        }
    }

    /// The steady state of the configuration in force now: `scenario`'s values as they stand (every `set` applied),
    /// `nodes` members, under `architecture`. What the live view marks beside its charts: unlike a run's theory it
    /// does not ask how the run got here (commands, a switch), only where it would settle if nothing changed now,
    /// so adding clients moves the marks at once. A distribution has no request figures: then every figure is nil.
    ///
    /// `down` peers down now (crashed, not by churn) make availability the share expected with them down
    /// (`MeshTheory.availableNow`); under churn it stays the time average 1 − pʳ.
    public init(steadyStateOf s: Scenario, nodes: Int, architecture: Architecture, down: Int = 0) {
        var broken: [String] = []
        if s.workload.kind == .requests {
            switch architecture {
            case .clientServer:
                let hopMs = NetworkTheory.meanHopDelay(latency: s.network.latencyMs, jitter: s.network.jitterMs)
                queue(s, nodes: nodes, timedOutShare: 0, hopMs: hopMs, &broken)
            case .peerMesh:
                mesh(s, nodes: nodes, &broken)
                if s.mesh.churn == nil, down > 0, availability != nil {
                    availability = MeshTheory.availableNow(members: nodes, down: down,
                                                           replicas: min(s.mesh.replicas, max(1, nodes)))
                }
                if down > 0, floodReach != nil {
                    // Crashed peers keep their links but neither forward nor count: a thinned overlay.
                    floodReach = nil
                    messagesPerLookup = nil
                    broken.append("flood_reach, messages_per_lookup: \(down) peers down neither forward nor count")
                }
            }
            exposedShare = Self.exposure(s, architecture: architecture)
        }
        assumptionsBroken = broken
    }

    /// The server's queue: M/M/c/K for exponential service, M/D/1 for constant service with one worker.
    private mutating func queue(_ s: Scenario, nodes: Int, timedOutShare timedOut: Double, hopMs: Double,
                                _ broken: inout [String]) {
        let c = s.server.workers
        let mu = 1000 / s.server.serviceMs
        let lambda = Double(nodes) * s.workload.rate
        saturationNodes = QueueTheory.saturationClients(workers: c, serviceMs: s.server.serviceMs, ratePerClient: s.workload.rate)
        guard lambda > 0 else { return }
        let finite = QueueTheory.mmck(arrivalRate: lambda, serviceRate: mu, servers: c, capacity: c + s.server.queue)
        var seconds: Double?
        switch s.server.service {
        case .exponential:
            seconds = finite?.meanResponse; pWait = finite?.waitProbability; blocking = finite?.blocking
        case .constant:
            broken.append("blocking: no closed form for a finite queue with constant service (M/D/c/K)")
            if c > 1 {
                broken.append("mean_latency_ms, p_wait: no closed form for M/D/c with c > 1")
            } else if let w = QueueTheory.md1MeanResponse(arrivalRate: lambda, serviceRate: mu) {
                if let f = finite, f.blocking > Self.materialShare {
                    broken.append("mean_latency_ms, p_wait: M/D/1 assumes an unbounded queue; this one turns "
                        + RunReport.fixed(100 * f.blocking, 1) + "% away")
                } else { seconds = w; pWait = lambda / mu }
            } else {
                broken.append("mean_latency_ms, p_wait: load ρ = " + RunReport.fixed(lambda / mu, 2) + " ≥ 1")
            }
        }
        let queueFigures = "mean_latency_ms, p_wait, blocking"
        if s.workload.timeout > 0 {
            let left = s.workload.timeout - 2 * hopMs / 1000
            let tail = QueueTheory.mmcResponseTail(left, arrivalRate: lambda, serviceRate: mu, servers: c) ?? 1
            if tail > Self.materialShare {
                broken.append("mean_latency_ms: timeout " + Self.seconds(s.workload.timeout)
                    + " is below the response time's 99.9th percentile (P(response > timeout) = "
                    + RunReport.fixed(100 * min(1, tail), 1) + "%)")
                if s.workload.retries > 0 { broken.append(queueFigures + ": retries add load") }
            }
        }
        if s.security.accounts > 0 && s.security.loginMs > 0 {
            broken.append(queueFigures + ": logins take server time (accounts > 0)")
        }
        if s.security.attackers > 0 { broken.append(queueFigures + ": attackers' guesses take server time") }
        if s.storage.diskMttfHours > 0 {
            broken.append(queueFigures + ": disk failures take the server down while it is restored")
        }
        if s.network.loss > 0 { broken.append("mean_latency_ms: lost messages wait for the timeout (loss > 0)") }
        if timedOut > Self.materialShare {
            broken.append("mean_latency_ms: measured over completed requests only; "
                + RunReport.fixed(100 * timedOut, 1) + "% timed out")
        }
        if broken.contains(where: { $0.hasPrefix(queueFigures) }) { pWait = nil; blocking = nil; seconds = nil }
        if broken.contains(where: { $0.hasPrefix("mean_latency_ms") }) { seconds = nil }
        if broken.contains(where: { $0.hasPrefix("mean_latency_ms, p_wait") }) { pWait = nil }
        meanLatencyMs = seconds.map { 1000 * $0 + 2 * hopMs }
    }

    /// The mesh: DHT hops over the peers alive on average, availability under churn.
    private mutating func mesh(_ s: Scenario, nodes: Int, _ broken: inout [String]) {
        let downShare = s.mesh.churn.map { $0.meanDowntime / ($0.meanUptime + $0.meanDowntime) } ?? 0
        switch s.mesh.discovery {
        case .dht:
            let alive = Int((Double(nodes) * (1 - downShare)).rounded())
            if s.mesh.cache {
                // A requester's own cached copy answers at 0 hops: the mean falls below the route to the owner.
                broken.append("mean_hops: cached copies answer some reads without a lookup (mesh.cache)")
            } else {
                // Requesters holding a replica take 0 hops; under churn only the holders alive count, r·(1 − p) on
                // average: between two whole counts the expectation is interpolated.
                let holders = max(1, Double(min(s.mesh.replicas, max(1, nodes))) * (1 - downShare))
                let below = Int(holders.rounded(.down)), share = holders - Double(below)
                meanHops = ChordHops.expected(peers: alive, replicas: below).map { low in
                    share == 0 ? low : low + share * ((ChordHops.expected(peers: alive, replicas: below + 1) ?? low) - low)
                }
                meanHopsAccuracy = ChordHops.accuracy(peers: alive)
            }
        case .flooding:
            broken.append("mean_hops: a flood has no single path")
            flood(s, nodes: nodes, downShare: downShare, &broken)
        }
        let replicas = min(s.mesh.replicas, max(1, nodes))
        if let churn = s.mesh.churn {
            availability = MeshTheory.availability(meanUptime: churn.meanUptime, meanDowntime: churn.meanDowntime,
                                                   replicas: replicas)
        } else {
            availability = 1
        }
        if s.storage.diskMttfHours > 0 {
            broken.append("availability: failed disks lose copies for good (storage.disk_mttf_hours)")
            availability = nil
        }
    }

    /// Exposure under the architecture the run ended in: peers' shares in a mesh, the server's accounts otherwise
    /// (nil for an open server: nothing is protected).
    static func exposure(_ s: Scenario, architecture: Architecture) -> Double? {
        switch architecture {
        case .peerMesh: MeshTheory.exposedShare(protected: s.security.sharePasswords, weak: s.security.weakPasswords)
        case .clientServer: s.security.accounts > 0 ? s.security.weakPasswords : nil
        }
    }

    static func seconds(_ x: Double) -> String {
        x == x.rounded() ? RunReport.fixed(x, 0) + " s" : RunReport.fixed(x, 1) + " s"
    }

    /// The `theory` object: every figure, null where no formula covers the run, then the reasons.
    public var json: JSONValue {
        func opt(_ x: Double?, _ places: Int) -> JSONValue { x.map { .rounded($0, places) } ?? .null }
        return .object([
            ("mean_latency_ms", opt(meanLatencyMs, 3)),
            ("p_wait", opt(pWait, 4)),
            ("blocking", opt(blocking, 4)),
            ("saturation_nodes", opt(saturationNodes, 2)),
            ("mean_hops", opt(meanHops, 3)),
            ("flood_reach", opt(floodReach, 3)),
            ("messages_per_lookup", opt(messagesPerLookup, 3)),
            ("availability", opt(availability, 4)),
            ("exposed_share", opt(exposedShare, 4)),
            ("durability", opt(durability, 4)),
            ("distribution_s", opt(distributionSeconds, 3)),
            ("assumptions_broken", .array(assumptionsBroken.map { .string($0) })),
        ])
    }
}
