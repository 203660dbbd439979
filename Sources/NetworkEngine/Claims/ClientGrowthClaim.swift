/// "Because the server handles most of the work, client growth does not affect performance."
///
/// Experiments: the `bottleneck` server (4 workers at 40 ms, a 64-place queue) with N clients at 1.5 req/s each,
/// no timeouts, no logins (so M/M/c/K covers every N), for each N of `ClaimsSize.clientCounts`. Evidence: mean
/// latency beside M/M/c/K's and its 95% interval, and the share rejected beside M/M/c/K's blocking; N* =
/// workers·(1000/service_ms)/rate.
public struct ClientGrowthClaim: Claim {
    public let id = "client-growth"
    public let statement = "Because the server handles most of the work, client growth does not affect performance."
    public init() {}

    func scenario(_ scenarios: ClaimScenarios, nodes: Int, seconds: Double) throws -> Scenario {
        var s = try scenarios.base("bottleneck")
        s.architecture = .clientServer
        s.nodes = nodes
        s.duration = seconds
        s.workload.timeout = 0
        s.workload.retries = 0
        s.security.accounts = 0
        return s
    }

    public func runs(_ scenarios: ClaimScenarios, _ size: ClaimsSize) throws -> [ClaimRun] {
        try size.clientCounts.map {
            ClaimRun(key: "\(id)/\($0)", scenario: try scenario(scenarios, nodes: $0, seconds: size.seconds))
        }
    }

    /// One size's measurements.
    struct Point: Equatable {
        var nodes: Int
        var meanMs: Double
        var rejected: Double
    }

    public func judge(_ results: ClaimResults, _ scenarios: ClaimScenarios, _ size: ClaimsSize) -> ClaimResult {
        var evidence: [Evidence] = []
        var points: [Point] = []
        var saturation = 0.0
        for n in size.clientCounts {
            let r = results.final("\(id)/\(n)")
            points.append(Point(nodes: n, meanMs: r.latency.mean, rejected: r.rejectedShare))
            saturation = r.theory?.saturationNodes ?? saturation
            evidence.append(Evidence("mean latency, N = \(n)", r.latency.mean, unit: "ms", places: 1,
                                     theory: r.theory?.meanLatencyMs, interval: r.confidence?.meanLatencyMs))
            evidence.append(Evidence.share("rejected, N = \(n)", r.rejectedShare, theory: r.theory?.blocking,
                                           places: 2, interval: r.confidence?.blocking))
        }
        let s = (try? scenario(scenarios, nodes: 0, seconds: size.seconds))
        let method = s.map { "bottleneck server: \($0.server.workers) workers at \(RunReport.fixed($0.server.serviceMs, 0)) ms, "
            + "queue \($0.server.queue), \(RunReport.fixed($0.workload.rate, 1)) req/s a client, no timeouts, "
            + "\(RunReport.fixed(size.seconds, 0)) s a run, seed \($0.seed)" } ?? ""
        var part = Self.verdict(points, saturationNodes: saturation)
        part.evidence = [Evidence("saturation point N* = workers·(1000/service_ms)/rate", saturation, unit: "clients",
                                  places: 1, theory: saturation)] + evidence
        return ClaimResult(id: id, statement: statement, method: method, parts: [part])
    }

    /// Performance is affected at N when its mean latency exceeds `slowdown` (2×) the smallest N's, or when more
    /// than `rejectedLimit` (1%) of its requests are rejected. The claim is false from the first such N on (the
    /// finding names N* beside it), true when no measured N is affected.
    static let slowdown = 2.0
    static let rejectedLimit = 0.01

    static func verdict(_ points: [Point], saturationNodes nStar: Double) -> ClaimPart {
        let base = points.first?.meanMs ?? 0
        let affected = points.first { p in p.meanMs > slowdown * base || p.rejected > rejectedLimit }
        guard let first = affected, let p0 = points.first else {
            return ClaimPart(aspect: "as clients grow", verdict: .holds,
                             finding: "no measured size slowed down by " + RunReport.fixed(slowdown, 0)
                                + "× or rejected over " + pct(rejectedLimit) + " (all below N* = "
                                + RunReport.fixed(nStar, 1) + ")", evidence: [])
        }
        let last = points.last ?? first
        return ClaimPart(
            aspect: "as clients grow", verdict: .fails,
            finding: (Double(first.nodes) >= nStar ? "false beyond N* = " + RunReport.fixed(nStar, 1) + " clients"
                    : "false from N = \(first.nodes), below N* = " + RunReport.fixed(nStar, 1))
                + ": at N = \(first.nodes) the mean "
                + "latency is " + RunReport.fixed(first.meanMs / max(p0.meanMs, 1e-9), 1) + "× that at N = \(p0.nodes) and "
                + pct(first.rejected) + " are rejected"
                + (last.nodes != first.nodes ? "; at N = \(last.nodes), " + pct(last.rejected) + " rejected" : ""),
            evidence: [])
    }
}
