import Foundation

/// "Peer-to-peer is less scalable."
///
/// Three experiments, one per kind of work that grows with the nodes:
/// - file distribution (the `distribution` scenario's rates, a smaller file): time for every node to hold the file,
///   client-server and swarm, beside Kurose–Ross's bounds, at each N of `ClaimsSize.distributionNodes`;
/// - lookup cost (a DHT without churn): hops per lookup beside Chord's expectation, at each N of `lookupNodes`
///   (under client-server a lookup is one message to the server at every N);
/// - request load (the `bottleneck` workload as a mesh): the share of requests served with and without caching at
///   each N of `loadNodes`.
public struct PeerScalabilityClaim: Claim {
    public let id = "p2p-scalability"
    public let statement = "Peer-to-peer is less scalable than client-server."
    public init() {}

    public func runs(_ scenarios: ClaimScenarios, _ size: ClaimsSize) throws -> [ClaimRun] {
        var runs: [ClaimRun] = []
        for n in size.distributionNodes {
            for a in Architecture.allCases {
                var s = try scenarios.base("distribution")
                s.architecture = a
                s.nodes = n
                s.distribution.fileMb = size.fileMb
                // Long enough for the server alone: twice its bound N·F/u_s, plus the slowest download F/d.
                let fileMbit = 8 * size.fileMb
                s.duration = 2 * (Double(n) * fileMbit / s.distribution.serverUploadMbps
                    + fileMbit / RateClass.slowest(s.distribution.download, nodes: n))
                runs.append(ClaimRun(key: "\(id)/distribution-\(a.rawValue)-\(n)", scenario: s))
            }
        }
        for n in size.lookupNodes { runs.append(ClaimRun(key: "\(id)/hops-\(n)", scenario: try hops(scenarios, n))) }
        for n in size.loadNodes {
            for cache in [false, true] {
                var s = try scenarios.base("bottleneck")
                s.architecture = .peerMesh
                s.nodes = n
                s.duration = size.seconds
                s.mesh.cache = cache
                runs.append(ClaimRun(key: "\(id)/load-\(cache ? "cache" : "plain")-\(n)", scenario: s))
            }
        }
        return runs
    }

    /// Lookups in a DHT of `n` peers without churn: about 200 lookups a second whatever N, for 30 s.
    func hops(_ scenarios: ClaimScenarios, _ n: Int) throws -> Scenario {
        var s = try scenarios.base("churn")
        s.mesh.churn = nil
        s.nodes = n
        s.duration = 30
        s.workload.rate = 200 / Double(n)
        return s
    }

    public func judge(_ results: ClaimResults, _ scenarios: ClaimScenarios, _ size: ClaimsSize) -> ClaimResult {
        var times: [(nodes: Int, server: Double, swarm: Double, serverBound: Double, swarmBound: Double)] = []
        for n in size.distributionNodes {
            let cs = results.final("\(id)/distribution-client-server-\(n)")
            let p2p = results.final("\(id)/distribution-peer-mesh-\(n)")
            times.append((n, cs.distribution?.timeSeconds ?? .infinity, p2p.distribution?.timeSeconds ?? .infinity,
                          cs.theory?.distributionSeconds ?? 0, p2p.theory?.distributionSeconds ?? 0))
        }
        var hops: [(nodes: Int, measured: Double, theory: Double?, interval: ConfidenceInterval?)] = []
        for n in size.lookupNodes {
            let r = results.final("\(id)/hops-\(n)")
            hops.append((n, r.mesh?.meanHops ?? 0, r.theory?.meanHops, r.confidence?.meanHops))
        }
        var load: [(nodes: Int, plain: Double, cached: Double)] = []
        for n in size.loadNodes {
            load.append((n, results.final("\(id)/load-plain-\(n)").servedShare,
                         results.final("\(id)/load-cache-\(n)").servedShare))
        }
        let method = "distribution: a \(RunReport.fixed(size.fileMb, 0)) MB file, the distribution scenario's rates; "
            + "lookups: a DHT without churn, 200 lookups/s for 30 s; request load: the bottleneck workload as a mesh, "
            + "\(RunReport.fixed(size.seconds, 0)) s a run"
        return ClaimResult(id: id, statement: statement, method: method,
                           parts: [Self.distributionVerdict(times), Self.lookupVerdict(hops), Self.loadVerdict(load)])
    }

    /// File distribution: the claim fails when, at the largest N, the swarm finishes first and its time grew by
    /// less than half as much as the server's from the smallest N; it holds when the swarm is slower at the largest
    /// N; it depends otherwise.
    static func distributionVerdict(_ t: [(nodes: Int, server: Double, swarm: Double, serverBound: Double,
                                          swarmBound: Double)]) -> ClaimPart {
        let evidence = t.flatMap { p in [
            Evidence("client-server, N = \(p.nodes)", p.server, unit: "s", places: 1, theory: p.serverBound),
            Evidence("swarm, N = \(p.nodes)", p.swarm, unit: "s", places: 1, theory: p.swarmBound),
        ] }
        guard let a = t.first, let b = t.last else {
            return ClaimPart(aspect: "for file distribution", verdict: .depends, finding: "no measurement",
                             evidence: [])
        }
        let serverGrowth = b.server / a.server, swarmGrowth = b.swarm / a.swarm
        let growth = "from N = \(a.nodes) to \(b.nodes) the server's time grew " + RunReport.fixed(serverGrowth, 1)
            + "×, the swarm's " + RunReport.fixed(swarmGrowth, 1) + "× (theory: the times against the lower bounds)"
        let verdict: Verdict
        if b.swarm < b.server && swarmGrowth < serverGrowth / 2 { verdict = .fails }
        else if b.swarm > b.server { verdict = .holds }
        else { verdict = .depends }
        let head = verdict == .fails ? "false: every peer uploads too, so the swarm's capacity grows with N; "
            : verdict == .holds ? "true: the swarm is slower at N = \(b.nodes); " : "depends on N: "
        return ClaimPart(aspect: "for file distribution", verdict: verdict, finding: head + growth, evidence: evidence)
    }

    /// Lookup cost: the claim holds when hops per lookup grow from the smallest to the largest N by at least half
    /// of Chord's ½·log2(N_max/N_min) (the cost grows with N, as log N, where a server answers in one message); it
    /// fails when they do not grow that much.
    static func lookupVerdict(_ h: [(nodes: Int, measured: Double, theory: Double?,
                                     interval: ConfidenceInterval?)]) -> ClaimPart {
        let evidence = h.map { Evidence("hops per lookup, N = \($0.nodes)", $0.measured, unit: "hops", places: 2,
                                        theory: $0.theory, interval: $0.interval) }
        guard let a = h.first, let b = h.last, b.nodes > a.nodes else {
            return ClaimPart(aspect: "for lookup cost", verdict: .depends, finding: "no measurement", evidence: evidence)
        }
        let expected = 0.5 * log2(Double(b.nodes) / Double(a.nodes))
        let grew = b.measured - a.measured
        let verdict: Verdict = grew >= expected / 2 ? .holds : .fails
        return ClaimPart(
            aspect: "for lookup cost", verdict: verdict,
            finding: (verdict == .holds ? "true: " : "false: ") + "hops grew by " + RunReport.fixed(grew, 2)
                + " from N = \(a.nodes) to \(b.nodes) (½·log2 of the ratio: " + RunReport.fixed(expected, 2)
                + "); a server answers in one message at every N",
            evidence: evidence)
    }

    /// Request load: a size is served when at least `servedLimit` (95%) of its requests complete. The claim
    /// depends on caching when, at the largest N, the mesh serves with caching and not without; it holds when
    /// neither serves, fails when both do.
    static let servedLimit = 0.95

    static func loadVerdict(_ l: [(nodes: Int, plain: Double, cached: Double)]) -> ClaimPart {
        let evidence = l.flatMap { p in [
            Evidence.share("served without caching, N = \(p.nodes)", p.plain),
            Evidence.share("served with caching, N = \(p.nodes)", p.cached),
        ] }
        guard let b = l.last else {
            return ClaimPart(aspect: "for request load", verdict: .depends, finding: "no measurement", evidence: [])
        }
        let plain = b.plain >= servedLimit, cached = b.cached >= servedLimit
        let verdict: Verdict = plain && cached ? .fails : (!plain && !cached ? .holds : .depends)
        let finding: String
        switch (plain, cached) {
        case (false, true): finding = "depends on caching: at N = \(b.nodes) the mesh served " + pct(b.plain)
            + " without it (the popular resources' few holders saturate) and " + pct(b.cached) + " with it"
        case (true, true): finding = "false: at N = \(b.nodes) the mesh served ≥ " + pct(servedLimit) + " either way"
        case (false, false): finding = "true: at N = \(b.nodes) the mesh served under " + pct(servedLimit)
            + " with and without caching"
        case (true, false): finding = "depends: at N = \(b.nodes) caching lowered the served share to "
            + pct(b.cached)
        }
        return ClaimPart(aspect: "for request load", verdict: verdict, finding: finding, evidence: evidence)
    }
}
