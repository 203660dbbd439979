/// "Peer-to-peer networks are unstable: peers come and go."
///
/// Experiments: the `churn` scenario (200 peers up 120 s, away 60 s on average, stabilize 10 s) with 3 replicas
/// and with 1. Evidence: the time-averaged share of resources with a copy online beside 1 − pʳ, and the share of
/// lookups that failed or timed out (routing still trusting departed peers).
public struct ChurnStabilityClaim: Claim {
    public let id = "churn-stability"
    public let statement = "Peer-to-peer networks are unstable: peers come and go."
    public init() {}

    static let replicaCounts = [3, 1]

    public func runs(_ scenarios: ClaimScenarios, _ size: ClaimsSize) throws -> [ClaimRun] {
        try Self.replicaCounts.map { r in
            var s = try scenarios.base("churn")
            s.duration = size.churnSeconds
            s.mesh.replicas = r
            return ClaimRun(key: "\(id)/r\(r)", scenario: s)
        }
    }

    public func judge(_ results: ClaimResults, _ scenarios: ClaimScenarios, _ size: ClaimsSize) -> ClaimResult {
        var points: [Point] = []
        for r in Self.replicaCounts {
            let report = results.final("\(id)/r\(r)")
            points.append(Point(replicas: r, availability: report.mesh?.availability ?? 0,
                                theory: report.theory?.availability,
                                lookupsLost: report.lookups.failureShare ?? 0))
        }
        let s = try? scenarios.base("churn")
        let method = s.map { s in "churn scenario: \(s.nodes) peers, " + (s.mesh.churn.map {
            "up \(RunReport.fixed($0.meanUptime, 0)) s, away \(RunReport.fixed($0.meanDowntime, 0)) s on average, " } ?? "")
            + "stabilize \(RunReport.fixed(s.mesh.stabilize, 0)) s, \(RunReport.fixed(size.churnSeconds, 0)) s a run, "
            + "seed \(s.seed)" } ?? ""
        return ClaimResult(id: id, statement: statement, method: method, parts: Self.verdict(points))
    }

    struct Point: Equatable {
        var replicas: Int
        var availability: Double
        var theory: Double?
        var lookupsLost: Double
    }

    /// Data: a replica count keeps the data available when at least `availableLimit` (95%) of resources have a
    /// copy online on average. The claim depends on replication when the most replicas keep it and the fewest do
    /// not; holds when none does; fails when all do.
    /// Lookups: unstable when more than `lostLimit` (1%) of the most-replicated run's lookups fail or time out.
    static let availableLimit = 0.95
    static let lostLimit = 0.01

    static func verdict(_ points: [Point]) -> [ClaimPart] {
        let sorted = points.sorted { $0.replicas > $1.replicas }
        let keeps = sorted.map { $0.availability >= availableLimit }
        let dataVerdict: Verdict = keeps.allSatisfy { $0 } ? .fails : (keeps.contains(true) ? .depends : .holds)
        let most = sorted.first, fewest = sorted.last
        let words = sorted.map { "\($0.replicas) replica(s) " + pct($0.availability) }.joined(separator: ", ")
        let dataFinding: String
        switch dataVerdict {
        case .fails: dataFinding = "false: the data stayed available (" + words + ")"
        case .holds: dataFinding = "true: no replica count kept " + pct(availableLimit) + " of resources online ("
            + words + ")"
        case .depends: dataFinding = "depends on replication: with \(most?.replicas ?? 0) replicas "
            + pct(most?.availability ?? 0) + " of resources stayed online, with \(fewest?.replicas ?? 0) only "
            + pct(fewest?.availability ?? 0) + " (1 − pʳ)"
        }
        let lost = most?.lookupsLost ?? 0
        let lookupVerdict: Verdict = lost > lostLimit ? .holds : .fails
        let lookupFinding = (lookupVerdict == .holds ? "true: " : "false: ") + pct(lost)
            + " of lookups failed or timed out" + (lookupVerdict == .holds
                ? ": routing trusts a departed peer until its next fix-up (stabilize)" : "")
        return [
            ClaimPart(aspect: "the data stays available", verdict: dataVerdict, finding: dataFinding,
                      evidence: sorted.map { Evidence.share("resources online, \($0.replicas) replica(s)",
                                                            $0.availability, theory: $0.theory, places: 2) }),
            ClaimPart(aspect: "lookups succeed", verdict: lookupVerdict, finding: lookupFinding,
                      evidence: sorted.map { Evidence.share("lookups lost, \($0.replicas) replica(s)", $0.lookupsLost,
                                                            places: 2) }),
        ]
    }
}
