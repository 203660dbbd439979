/// "Client-server costs more: it needs a dedicated server (and someone to run it)."
///
/// Experiments: the `cost` scenario's prices (server $/h, an administrator, bandwidth out; peers' donated hours
/// and uploads) at each N of `ClaimsSize.costNodes`, each architecture, without its mid-run upgrade. Evidence: what
/// the owner pays and the total whoever pays.
public struct ServerCostClaim: Claim {
    public let id = "server-cost"
    public let statement = "Client-server costs more: it needs a dedicated server and someone to run it."
    public init() {}

    public func runs(_ scenarios: ClaimScenarios, _ size: ClaimsSize) throws -> [ClaimRun] {
        var runs: [ClaimRun] = []
        for n in size.costNodes {
            for a in Architecture.allCases {
                var s = try scenarios.base("cost")
                s.architecture = a
                s.nodes = n
                s.duration = size.seconds / 2
                runs.append(ClaimRun(key: "\(id)/\(a.rawValue)-\(n)", scenario: s))
            }
        }
        return runs
    }

    struct Point: Equatable {
        var nodes: Int
        var serverOwner: Double, serverTotal: Double
        var meshOwner: Double, meshTotal: Double
    }

    public func judge(_ results: ClaimResults, _ scenarios: ClaimScenarios, _ size: ClaimsSize) -> ClaimResult {
        let points = size.costNodes.map { n -> Point in
            let cs = results.final("\(id)/client-server-\(n)").cost
            let mesh = results.final("\(id)/peer-mesh-\(n)").cost
            return Point(nodes: n, serverOwner: cs.ownerDollars, serverTotal: cs.totalDollars,
                         meshOwner: mesh.ownerDollars, meshTotal: mesh.totalDollars)
        }
        let s = try? scenarios.base("cost")
        let method = s.map { "cost scenario's prices: server $\(RunReport.fixed($0.server.costPerHour, 2))/h, admin "
            + "$\(RunReport.fixed($0.cost.adminPerMonth, 0))/month, $\(RunReport.fixed($0.cost.bandwidthPerGb, 2))/GB out, "
            + "a peer's hour $\(RunReport.fixed($0.cost.peerPerHour, 2)); \(RunReport.fixed(size.seconds / 2, 0)) s a run, "
            + "seed \($0.seed)" } ?? ""
        return ClaimResult(id: id, statement: statement, method: method, parts: Self.verdict(points))
    }

    /// For the owner: holds when the server's owner pays more than the mesh's (nobody: 0) at every N. In total: holds
    /// when client-server's total exceeds the mesh's (its peers' donated hours and uploads) at every N, fails when
    /// it is at most the mesh's at every N, depends otherwise (the finding names the sizes).
    static func verdict(_ points: [Point]) -> [ClaimPart] {
        let ownerHolds = points.allSatisfy { $0.serverOwner > $0.meshOwner }
        let owner = ClaimPart(
            aspect: "for the owner", verdict: ownerHolds ? .holds : .fails,
            finding: ownerHolds ? "the owner pays the server, the administrator and the bandwidth; a mesh has no owner "
                + "to pay" : "the owner does not pay more at every size",
            evidence: points.map { Evidence("owner pays, client-server, N = \($0.nodes)", $0.serverOwner, unit: "$",
                                            places: 4) })
        let dearer = points.filter { $0.serverTotal > $0.meshTotal }.map(\.nodes)
        let totalVerdict: Verdict = dearer.count == points.count ? .holds : (dearer.isEmpty ? .fails : .depends)
        let finding: String
        switch totalVerdict {
        case .holds: finding = "client-server costs more in total at every N, counting what the peers donate"
        case .fails: finding = "counting what the peers donate, the mesh costs as much or more at every N"
        case .depends: finding = "depends on N: client-server costs more in total at N = "
            + dearer.map(String.init).joined(separator: ", ") + "; the mesh, counting its peers' hours and uploads, at N = "
            + points.map(\.nodes).filter { !dearer.contains($0) }.map(String.init).joined(separator: ", ")
        }
        let total = ClaimPart(
            aspect: "in total, whoever pays", verdict: totalVerdict, finding: finding,
            evidence: points.flatMap { p in [
                Evidence("total, client-server, N = \(p.nodes)", p.serverTotal, unit: "$", places: 4),
                Evidence("total (donated), peer mesh, N = \(p.nodes)", p.meshTotal, unit: "$", places: 4),
            ] })
        return [owner, total]
    }
}
