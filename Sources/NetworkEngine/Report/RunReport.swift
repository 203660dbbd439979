/// The figures of a finished (or paused) run, in the shapes of the command-line contract (the README's Headless commands).
public struct RunReport: Sendable {
    public var scenario: String
    public var architecture: Architecture
    public var nodes: Int
    public var seed: UInt64
    public var simulatedSeconds: Double
    public var eventsProcessed: Int
    public var requests: RequestCounts
    public var latency: LatencySummary
    public var throughputRPS: Double
    public var utilization: Double
    public var meanQueue: Double
    public var maxQueue: Int
    public var overloadSeconds: Double
    public var messages: Int
    public var serverDollars: Double
    /// The per-second series: empty unless the engine kept it (`Engine.keepsSeries`); a long run streams it through
    /// a `RunOutputSink` instead, with `csvHeader` and `csvRow(_:)`.
    public var series: [SecondSample]
    /// False when the run never had a server (a peer mesh throughout): `server` is then null.
    public var hadServer: Bool
    /// Share of the run the server was up.
    public var serverAvailability: Double
    /// The mesh's figures, when the run had a mesh.
    public var mesh: MeshView?
    /// Logins, lockouts, denials and breaches over the whole run; exposure under the architecture at the end.
    public var security: SecurityView
    /// The mesh's lookups over the whole run and how they ended (the stability figures).
    public var lookups = LookupCounts()
    /// The bill split by who pays (`serverDollars` is its server term).
    public var cost = CostView()
    /// What theory predicts for these figures (`TheoryView`); nil for a report built without its scenario.
    public var theory: TheoryView? = nil
    /// The 95% intervals of the measured figures that have a theory (`ConfidenceView`); nil for a report built
    /// without its engine.
    public var confidence: ConfidenceView? = nil
    /// The file distribution's figures; nil unless `workload.kind` is `distribution`.
    public var distribution: DistributionView? = nil

    /// One architecture period of the run.
    public struct Segment: Sendable {
        public var architecture: Architecture
        public var fromSeconds: Double
        public var toSeconds: Double
        public var requests: RequestCounts
        public var latency: LatencySummary
        public var messages: Int
        /// True when the entry folds several older periods of this architecture (only the latest
        /// `MetricsRecorder.exactSegments` are kept one by one); `periods` says how many.
        public var merged = false
        public var periods = 1
        /// The period's mesh lookups (a peer-mesh period's `mesh` object in the JSON).
        public var lookups = LookupCounts()

        /// Completed requests per second over the period.
        public var throughputRPS: Double {
            toSeconds > fromSeconds ? Double(requests.completed) / (toSeconds - fromSeconds) : 0
        }

        /// `merged` appears only on merged entries (`"merged": true`, with `periods`): a run toggled fewer times than
        /// segments are kept prints exactly what it always did. Scripts read a missing `merged` as false.
        var json: JSONValue {
            var fields: [(String, JSONValue)] = [
                ("architecture", .string(architecture.rawValue)),
                ("from_s", .rounded(fromSeconds, 3)),
                ("to_s", .rounded(toSeconds, 3)),
                ("requests", RunReport.json(requests)),
                ("latency_ms", RunReport.json(latency)),
                ("throughput_rps", .rounded(throughputRPS)),
                ("messages", .int(messages)),
            ]
            if merged { fields += [("merged", .bool(true)), ("periods", .int(periods))] }
            // Only a mesh period has lookups: a client-server period prints exactly what it always did.
            if architecture == .peerMesh { fields.append(("mesh", .object(RunReport.json(lookups)))) }
            return .object(fields)
        }
    }

    /// Each architecture's part of the run; one entry unless the architecture was switched.
    public var segments: [Segment]
    /// Disks, backups and copies: nil (and absent from every output) unless storage was in play.
    public var storage: StorageView? = nil

    static func json(_ requests: RequestCounts) -> JSONValue {
        .object([
            ("issued", .int(requests.issued)), ("completed", .int(requests.completed)),
            ("rejected", .int(requests.rejected)), ("timed_out", .int(requests.timedOut)),
            ("failed", .int(requests.failed)), ("denied", .int(requests.denied)),
            ("in_flight", .int(requests.inFlight)),
        ])
    }

    /// The stability figures: lookups started, those that failed (no holder to be had) and those that timed out (lost
    /// on the way), and the share that did either (null with no lookup).
    public static func json(_ lookups: LookupCounts) -> [(String, JSONValue)] {
        [
            ("lookups", .int(lookups.started)), ("lookups_failed", .int(lookups.failed)),
            ("lookups_timed_out", .int(lookups.timedOut)),
            ("lookup_failure_share", lookups.failureShare.map { .rounded($0, 6) } ?? .null),
        ]
    }

    /// `clamped_count`: latencies beyond the percentile histogram's one hour, counted there at one hour (when it is
    /// not 0, a percentile reading 3,600,000 ms means "at least an hour"; the mean and max are exact).
    static func json(_ latency: LatencySummary) -> JSONValue {
        .object([
            ("mean", .rounded(latency.mean, 3)), ("p50", .rounded(latency.p50, 3)), ("p95", .rounded(latency.p95, 3)),
            ("p99", .rounded(latency.p99, 3)), ("max", .rounded(latency.max, 3)),
            ("clamped_count", .int(latency.clamped)),
        ])
    }

    /// The `mesh` object: the overlay's figures, the cache's when it is on, and the lookups' outcomes. Built in steps
    /// (one literal with every optional part does not type-check in reasonable time).
    func meshJSON(_ m: MeshView) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("discovery", .string(m.discovery.rawValue)),
            // A flood has no single path: hops are a DHT figure, null under flooding rather than 0.
            ("mean_hops", m.discovery == .dht ? .rounded(m.meanHops) : .null),
            ("messages_per_lookup", .rounded(m.messagesPerLookup)),
            // Peers a flood reached, beside `theory.flood_reach`: a DHT lookup floods nothing, null there.
            ("mean_reach", m.meanFloodReach.map { .rounded($0) } ?? .null),
            ("max_over_mean_load", .rounded(m.maxOverMeanLoad)),
            ("availability", .rounded(m.availability)),
            ("peer_overloads", .int(m.peerOverloads)),
        ]
        if let c = m.cache {
            fields += [("cache_hits", .int(c.hits)), ("cache_invalidations", .int(c.invalidations))]
        }
        return .object(fields + RunReport.json(lookups))
    }

    /// The version of the JSON outputs' shape (`schema_version`, first in `simulate` and `replay` JSON and in a lab
    /// record's manifest): it changes when a field is renamed or removed, so a reader can refuse what it cannot read.
    public static let schemaVersion = 1

    /// The `simulate --format json` object, built in steps (one literal with every optional part does not
    /// type-check in reasonable time).
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("schema_version", .int(Self.schemaVersion)),
            ("scenario", .string(scenario)),
            ("architecture", .string(architecture.rawValue)),
            ("nodes", .int(nodes)),
            ("seed", .unsigned(seed)),
            ("simulated_seconds", .rounded(simulatedSeconds, 3)),
            ("events_processed", .int(eventsProcessed)),
            ("requests", RunReport.json(requests)),
            ("latency_ms", RunReport.json(latency)),
            ("throughput_rps", .rounded(throughputRPS)),
            ("server", hadServer ? .object([
                ("utilization", .rounded(utilization)),
                ("mean_queue", .rounded(meanQueue)),
                ("max_queue", .int(maxQueue)),
                ("overload_seconds", .rounded(overloadSeconds, 3)),
            ]) : .null),
            ("mesh", mesh.map(meshJSON) ?? .null),
            ("messages", .object([("total", .int(messages))])),
            ("security", .object([
                ("login_attempts", .int(security.loginAttempts)),
                ("login_failures", .int(security.loginFailures)),
                ("lockouts", .int(security.lockouts)),
                ("unauthorized", .int(security.unauthorized)),
                ("breaches", .int(security.breaches)),
                ("exposed_share", .rounded(security.exposedShare)),
                ("first_breach_s", security.firstBreach.map { .rounded($0.inSeconds, 3) } ?? .null),
                // No attempt, no share: null rather than a made-up 0 or 1.
                ("detected_share", security.detectedShare.map { .rounded($0) } ?? .null),
                // What one observer saw, beside what every log saw together (`detected_share`); and the lockout's
                // two sides: the guesses it left the attacker, those it refused, and the users it shut out.
                ("largest_single_view", security.largestSingleView.map { .rounded($0) } ?? .null),
                ("guesses_checked", .int(security.guessesChecked)),
                ("refused_locked", .int(security.refusedLocked)),
                ("locked_out_users", .int(security.lockedOutUsers)),
            ])),
            ("cost", costJSON),
        ]
        if let storage { fields.append(("storage", Self.json(storage))) }
        fields.append(("segments", .array(segments.map(\.json))))
        fields += distributionJSON
        fields.append(("theory", theoryJSON))
        fields.append(("confidence", confidence?.json ?? .null))
        return .object(fields)
    }

    /// `cost`: `server_dollars` as it always was, then the other terms, the total whoever pays, the price of a
    /// thousand completed requests (null when none completed) and the month (730 h) at the run's rate.
    var costJSON: JSONValue {
        .object([
            ("server_dollars", .rounded(serverDollars, 4)),
            ("admin_dollars", .rounded(cost.adminDollars, 4)),
            ("bandwidth_dollars", .rounded(cost.bandwidthDollars, 4)),
            ("peer_donated_dollars", .rounded(cost.peerDonatedDollars, 4)),
            ("total_dollars", .rounded(cost.totalDollars, 4)),
            ("dollars_per_1000_requests", cost.dollarsPer1000Requests.map { .rounded($0, 4) } ?? .null),
            ("per_month_dollars", cost.perMonthDollars.map { .rounded($0, 4) } ?? .null),
        ])
    }

    /// The per-second series as CSV (the kept `series`: see there).
    public var csv: String {
        var out = distribution != nil ? Self.distributionCSVHeader : Self.csvHeader
        for s in series { out += Self.csvRow(s) }
        return out
    }

    /// The CSV header line of the command-line contract, newline included.
    public static let csvHeader = "t_s,architecture,nodes,issued,completed,rejected,timed_out,failed,throughput_rps,latency_mean_ms,latency_p95_ms,queue,utilization,messages,security_events,denied\n"

    /// A file distribution's header: the contract's, then `complete_share`, the share of nodes with the whole file
    /// when the second closed (only there, so every other run's CSV is as it was).
    public static let distributionCSVHeader = String(csvHeader.dropLast()) + ",complete_share\n"

    /// The header of `scenario`'s CSV.
    public static func csvHeader(_ scenario: Scenario) -> String {
        scenario.workload.kind == .distribution ? distributionCSVHeader : csvHeader
    }

    /// One second's CSV row, newline included. `denied` comes last (added after the others, so scripts reading by
    /// position keep working): completed + rejected + timed_out + failed + denied are the requests that ended in the
    /// second. A second in which nothing completed has no latency: its two latency fields are empty, not 0.
    public static func csvRow(_ s: SecondSample) -> String {
        var out = "\(s.second),\(s.architecture.rawValue),\(s.nodes),\(s.issued),\(s.completed),\(s.rejected),"
        let latency = s.completed > 0
        out += "\(s.timedOut),\(s.failed),\(Self.fixed(s.throughput, 1)),\(latency ? Self.fixed(s.latencyMeanMs, 3) : ""),"
        out += "\(latency ? Self.fixed(s.latencyP95Ms, 3) : ""),\(Self.fixed(s.queue, 3)),\(Self.fixed(s.utilization, 4)),"
        out += "\(s.messages),\(s.securityEvents),\(s.denied)"
        if let share = s.completeShare { out += "," + Self.fixed(share, 4) }
        return out + "\n"
    }

    /// The summary for people.
    public var table: String {
        let r = requests
        func pct(_ n: Int) -> String { r.issued > 0 ? Self.fixed(100 * Double(n) / Double(r.issued), 1) + "%" : "-" }
        let rows: [(String, String)] = [
            ("scenario", scenario),
            ("architecture", architecture.rawValue),
            ("nodes", "\(nodes)"),
            ("seed", "\(seed)"),
            ("simulated", Self.fixed(simulatedSeconds, 1) + " s (\(eventsProcessed) events)"),
            ("requests issued", "\(r.issued)"),
            ("  completed", "\(r.completed) (\(pct(r.completed)))"),
            ("  rejected (overload)", "\(r.rejected) (\(pct(r.rejected)))"),
            ("  timed out", "\(r.timedOut) (\(pct(r.timedOut)))"),
            ("  failed", "\(r.failed) (\(pct(r.failed)))"),
            ("  denied (security)", "\(r.denied) (\(pct(r.denied)))"),
            ("  in flight", "\(r.inFlight)"),
            ("throughput", Self.fixed(throughputRPS, 2) + " req/s"),
            ("latency mean / p50", Self.fixed(latency.mean, 1) + " / " + Self.fixed(latency.p50, 1) + " ms"),
            ("latency p95 / p99", Self.fixed(latency.p95, 1) + " / " + Self.fixed(latency.p99, 1) + " ms"),
            ("latency max", Self.fixed(latency.max, 1) + " ms"),
        ] + (latency.clamped > 0 ? [
            ("latency over 1 h", "\(latency.clamped) (counted as 1 h in the percentiles)"),
        ] : []) + serverRows + [
            ("messages", "\(messages)"),
        ] + meshRows + costRows + (showsSecurity ? securityRows : []) + storageRows + segmentRows + distributionRows
            + theoryRows
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 }
            .joined(separator: "\n") + "\n"
    }

    /// The server's lines, for a run that had a server at some point: a mesh-only run has none to report.
    var serverRows: [(String, String)] {
        guard hadServer else { return [] }
        return [
            ("server utilization", Self.fixed(100 * utilization, 1) + "%"),
            ("queue mean / max", Self.fixed(meanQueue, 2) + " / \(maxQueue)"),
            ("overloaded for", Self.fixed(overloadSeconds, 1) + " s"),
            ("server cost", Money.text(serverDollars)),
        ]
    }

    /// The bill by who pays: the server's owner (server, administrator, bandwidth out) and the peers (machine time
    /// and uploads they donate), then the whole and what it comes to per thousand requests and per month.
    var costRows: [(String, String)] {
        let c = cost
        let owner = "server " + Money.text(c.serverDollars) + " + admin " + Money.text(c.adminDollars)
            + " + bandwidth " + Money.text(c.bandwidthDollars) + " (" + Self.gigabytes(c.serverBytes) + " out)"
        let peers = Self.fixed(c.peerHours, 2) + " peer-hours up + " + Self.gigabytes(c.peerBytes) + " uploaded"
        return [
            ("cost: owner pays", Money.text(c.ownerDollars) + " = " + owner),
            ("cost: peers donate", Money.text(c.peerDonatedDollars) + " = " + peers),
            ("cost total", Money.text(c.totalDollars) + ", "
                + (c.dollarsPer1000Requests.map { Money.text($0) } ?? "-") + " per 1,000 requests, "
                + (c.perMonthDollars.map { Money.text($0) } ?? "-") + " per month (730 h) at this rate"),
        ]
    }

    /// Bytes as decimal gigabytes (1 GB = 10⁹ bytes), three decimals.
    static func gigabytes(_ bytes: Double) -> String { fixed(bytes / 1e9, 3) + " GB" }

    /// False for an open server (no accounts) that never became a mesh and saw no attack: nothing guards anything,
    /// nothing attacked it, and a block of zeros would only hide the figures that matter.
    var showsSecurity: Bool {
        security.accounts > 0 || mesh != nil || security.attackAttempts > 0 || security.unauthorized > 0
    }

    var meshRows: [(String, String)] {
        guard let m = mesh else { return [] }
        return [
            ("mesh discovery", m.discovery.rawValue + ", \(m.replicas) replicas of \(m.resources) resources"),
            ("hops per lookup", m.discovery == .dht ? Self.fixed(m.meanHops, 2) : "- (a flood has no single path)"),
            ("messages per lookup", Self.fixed(m.messagesPerLookup, 2)),
        ] + (m.meanFloodReach.map { [("peers per flood", Self.fixed($0, 2))] } ?? []) + [
            ("load max / mean", Self.fixed(m.maxOverMeanLoad, 2)),
            ("availability", Self.fixed(100 * m.availability, 2) + "%"),
            ("peer overloads", "\(m.peerOverloads)"),
            ("lookups failed / timed out", Self.lookupWords(lookups)),
        ] + (m.cache.map { c in [
            ("cache hits", "\(c.hits) (\(c.items) items a peer), \(c.invalidations) invalidations"),
        ] } ?? [])
    }

    /// `12 / 340 of 25000 (1.41% failed or timed out)`.
    static func lookupWords(_ l: LookupCounts) -> String {
        "\(l.failed) / \(l.timedOut) of \(l.started)"
            + (l.failureShare.map { " (" + Self.fixed(100 * $0, 2) + "% failed or timed out)" } ?? "")
    }

    var securityRows: [(String, String)] {
        let s = security
        let regime = s.architecture == .clientServer
            ? (s.accounts > 0 ? "central: \(s.accounts) accounts on the server" : "none: an open server")
            : "each peer guards its share (\(s.openShares) open, \(s.weakShares) weak)"
        return [
            ("security", regime),
            ("logins / failed", "\(s.loginAttempts) / \(s.loginFailures)"),
            ("lockouts", "\(s.lockouts)"),
            ("unauthorized", "\(s.unauthorized)"),
            ("breaches", "\(s.breaches)" + (s.firstBreach.map { ", first at " + Self.fixed($0.inSeconds, 1) + " s" } ?? "")),
            // Exposure counts accounts under client-server and peers in a mesh: the words say which.
            ("exposed", Self.fixed(100 * s.exposedShare, 1) + "% " + (s.architecture == .peerMesh
                ? "of peers (open or weak share)"
                : s.accounts > 0 ? "of accounts (weak password)" : "(no accounts: nothing is protected)")),
            ("best single observer saw", s.largestSingleView.map {
                Self.fixed(100 * $0, 1) + "% of \(s.attackAttempts) attempts" + Self.observer(s.largestObserver)
            } ?? "- (no attack attempt)"),
            ("logged anywhere", s.detectedShare.map { Self.fixed(100 * $0, 1) + "% (every log together)" }
                ?? "- (no attack attempt)"),
            ("guesses checked", "\(s.guessesChecked), and \(s.refusedLocked) refused unchecked (account locked)"),
            ("users locked out", "\(s.lockedOutUsers)"),
        ]
    }

    /// ` (the server's log)`, ` (peer 12's log)`, or nothing when no one logged anything.
    static func observer(_ id: Int?) -> String {
        switch id {
        case 0?: " (the server's log)"
        case let peer?: " (peer \(peer)'s log)"
        case nil: ""
        }
    }

    var segmentRows: [(String, String)] {
        guard segments.count > 1 else { return [] }
        return segments.map { seg in
            ("  " + seg.architecture.rawValue + (seg.merged ? " (\(seg.periods) periods merged)" : ""),
             Self.fixed(seg.fromSeconds, 1) + "–" + Self.fixed(seg.toSeconds, 1) + " s: "
                + "\(seg.requests.completed)/\(seg.requests.issued) completed, \(seg.requests.rejected) rejected, "
                + (seg.requests.failed > 0 ? "\(seg.requests.failed) failed, " : "")
                + (seg.requests.timedOut > 0 ? "\(seg.requests.timedOut) timed out, " : "")
                + "mean " + Self.fixed(seg.latency.mean, 1) + " ms, p95 " + Self.fixed(seg.latency.p95, 1) + " ms"
                + (seg.architecture == .peerMesh ? ", lookups " + Self.lookupWords(seg.lookups) : ""))
        }
    }

    /// `x` with exactly `places` decimals, without Foundation's locale-dependent formatting.
    public static func fixed(_ x: Double, _ places: Int) -> String {
        guard x.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        // Past Int's range the digits would trap: such a figure is shown in exponent form ("1e+300").
        guard abs(x) * scale < 9e18 else { return "\(x)" }
        let n = Int((abs(x) * scale).rounded())
        let sign = x < 0 && n != 0 ? "-" : ""
        let whole = n / Int(scale)
        guard places > 0 else { return sign + String(whole) }
        let frac = String(n % Int(scale))
        return sign + String(whole) + "." + String(repeating: "0", count: places - frac.count) + frac
    }
}

extension Engine {
    /// The report of the run so far.
    public func report() -> RunReport {
        ctx.metrics.integrate(to: now)
        let metrics = ctx.metrics
        let seconds = now.inSeconds
        var report = RunReport(
            scenario: scenario.reportName, architecture: architecture, nodes: activeClients, seed: scenario.seed,
            simulatedSeconds: seconds, eventsProcessed: eventsProcessed, requests: metrics.counts,
            latency: metrics.latency,
            throughputRPS: seconds > 0 ? Double(metrics.counts.completed) / seconds : 0,
            utilization: metrics.utilization(at: now, workers: central.server.workers),
            meanQueue: metrics.meanQueue(at: now), maxQueue: metrics.maxQueue,
            overloadSeconds: metrics.overloadSeconds, messages: metrics.messages, serverDollars: serverCostDollars,
            series: metrics.series,
            hadServer: metrics.segments.contains { $0.architecture == .clientServer },
            serverAvailability: serverAvailability,
            mesh: meshView,
            security: securityView,
            lookups: metrics.lookups,
            cost: costView,
            distribution: distributionView,
            segments: metrics.segments.indices.map { i in
                let seg = metrics.segments[i]
                return RunReport.Segment(architecture: seg.architecture, fromSeconds: seg.from.inSeconds,
                        toSeconds: (seg.to ?? now).inSeconds, requests: seg.counts,
                        latency: seg.latency.summary, messages: metrics.messages(inSegment: i),
                        merged: seg.merged, periods: seg.periods, lookups: seg.lookups)
            })
        report.storage = storageView()
        report.theory = TheoryView(scenario: scenario, report: report, changedMidRun: changedMidRun)
        let steady = !changedMidRun && metrics.segments.count <= 1 && scenario.workload.kind == .requests
        let dht = mesh.flatMap { $0.state.discovery == .dht && architecture == .peerMesh ? $0.state.hopBatches : nil }
        let floods = mesh.flatMap {
            $0.state.discovery == .flooding && architecture == .peerMesh ? $0.state.reachBatches : nil
        }
        report.confidence = ConfidenceView(latencies: metrics.latencyBatches, hops: dht, reach: floods,
                                           blocked: metrics.blockingBatches, steady: steady)
        return report
    }
}

extension NetworkEvent {
    /// One line of `--events FILE`: `{"t": 12.5, "kind": "overload", "node": 0, "detail": "..."}`, then those of
    /// `account`, `peer` and `outcome` that the event has, in that order: `..., "account": 3, "peer": 1,
    /// "outcome": "wrong"}`.
    public var jsonLine: String {
        var fields: [(String, JSONValue)] = [
            ("t", .rounded(time.inSeconds, 6)), ("kind", .string(kind.rawValue)), ("node", .int(node)),
            ("detail", .string(detail)),
        ]
        if let account { fields.append(("account", .int(account))) }
        if let peer { fields.append(("peer", .int(peer))) }
        if let outcome { fields.append(("outcome", .string(outcome.rawValue))) }
        return JSONValue.object(fields).serialized()
    }
}
