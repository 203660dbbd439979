/// "A server is overloaded when many clients make requests at the same time; in a peer mesh the peers share the
/// load."
///
/// Experiments: the `flash-crowd` scenario (a 2-worker server for 30 clients; 120 more arrive at 30 s and leave at
/// 60 s) as client-server and as a peer mesh. Evidence: the shares rejected and served before and during the
/// crowd, beside M/M/c/K's blocking at the crowd's load (a steady-state figure the crowd approaches).
public struct FlashCrowdClaim: Claim {
    public let id = "flash-crowd"
    public let statement = "A server is overloaded when many clients make requests at the same time; in a peer "
        + "mesh the peers share the load."
    public init() {}

    static let crowd = 120
    static let (arrive, leave, end) = (30.0, 60.0, 90.0)

    public func runs(_ scenarios: ClaimScenarios, _ size: ClaimsSize) throws -> [ClaimRun] {
        try Architecture.allCases.map { a in
            var s = try scenarios.base("flash-crowd")
            s.architecture = a
            s.duration = Self.end
            s.timeline = [.init(at: Self.arrive, kind: .addNodes(Self.crowd)),
                          .init(at: Self.leave, kind: .removeNodes(Self.crowd))]
            return ClaimRun(key: "\(id)/\(a.rawValue)", scenario: s, checkpoints: [Self.arrive, Self.leave])
        }
    }

    struct Window: Equatable {
        var rejectedBefore: Double
        var rejectedDuring: Double
        var servedDuring: Double
    }

    static func window(_ r: [RunReport]) -> Window {
        Window(rejectedBefore: r[0].rejectedShare, rejectedDuring: ClaimWindow.rejectedShare(from: r[0], to: r[1]),
               servedDuring: ClaimWindow.servedShare(from: r[0], to: r[1]))
    }

    public func judge(_ results: ClaimResults, _ scenarios: ClaimScenarios, _ size: ClaimsSize) -> ClaimResult {
        let cs = Self.window(results.all("\(id)/client-server"))
        let mesh = Self.window(results.all("\(id)/peer-mesh"))
        var blocking: Double?
        var method = ""
        if let s = try? scenarios.base("flash-crowd") {
            let lambda = Double(s.nodes + Self.crowd) * s.workload.rate
            blocking = QueueTheory.mmck(arrivalRate: lambda, serviceRate: 1000 / s.server.serviceMs,
                                        servers: s.server.workers, capacity: s.server.workers + s.server.queue)?.blocking
            method = "flash-crowd scenario: \(s.nodes) clients at \(RunReport.fixed(s.workload.rate, 0)) req/s, "
                + "\(Self.crowd) more from \(RunReport.fixed(Self.arrive, 0)) s to \(RunReport.fixed(Self.leave, 0)) s; "
                + "server \(s.server.workers) workers at \(RunReport.fixed(s.server.serviceMs, 0)) ms, queue "
                + "\(s.server.queue); seed \(s.seed)"
        }
        return ClaimResult(id: id, statement: statement, method: method,
                           parts: Self.verdict(server: cs, mesh: mesh, blockingTheory: blocking))
    }

    /// The server overloads when it rejects more than `overloadLimit` (5%) of the crowd's requests, having
    /// rejected under 1% before. The peers share the load when the mesh serves at least `servedLimit` (95%) during
    /// the crowd; the claim fails for the mesh when it serves less than the server, depends between.
    static let overloadLimit = 0.05
    static let servedLimit = 0.95

    static func verdict(server cs: Window, mesh: Window, blockingTheory: Double?) -> [ClaimPart] {
        let overloaded = cs.rejectedDuring > overloadLimit && cs.rejectedBefore < 0.01
        let server = ClaimPart(
            aspect: "the server overloads", verdict: overloaded ? .holds : .fails,
            finding: "the server rejected " + pct(cs.rejectedBefore) + " before the crowd and "
                + pct(cs.rejectedDuring) + " during it",
            evidence: [Evidence.share("rejected before the crowd, client-server", cs.rejectedBefore),
                       Evidence.share("rejected during the crowd, client-server", cs.rejectedDuring,
                                      theory: blockingTheory),
                       Evidence.share("served during the crowd, client-server", cs.servedDuring)])
        let meshVerdict: Verdict = mesh.servedDuring >= servedLimit ? .holds
            : (mesh.servedDuring < cs.servedDuring ? .fails : .depends)
        let meshPart = ClaimPart(
            aspect: "the peers share the load", verdict: meshVerdict,
            finding: "during the crowd the mesh served " + pct(mesh.servedDuring) + ", the server "
                + pct(cs.servedDuring) + (meshVerdict == .depends ? " (the popular resources' holders queue)" : ""),
            evidence: [Evidence.share("served during the crowd, peer mesh", mesh.servedDuring),
                       Evidence.share("rejected during the crowd, peer mesh", mesh.rejectedDuring)])
        return [server, meshPart]
    }
}
