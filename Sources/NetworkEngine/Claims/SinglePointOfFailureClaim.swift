/// "A client-server network has a single point of failure: when the server fails, the network fails; a
/// peer-to-peer network has none."
///
/// Experiments (the `spof` scenario's 100 nodes, seed 7): the server crashes for 10 s (client-server); 30% of the
/// peers crash at once with 3 replicas, then with 1 (peer mesh). Evidence: the share of requests served during the
/// outage, and after the mass failure (once routing has forgotten the crashed peers) beside the share of resources
/// that keep a copy, 1 − C(k, r)/C(N, r).
public struct SinglePointOfFailureClaim: Claim {
    public let id = "single-point-of-failure"
    public let statement = "A client-server network has a single point of failure: when the server fails, the "
        + "network fails; a peer-to-peer network has none."
    public init() {}

    static let crashShare = 0.3
    static let replicaCounts = [3, 1]

    public func runs(_ scenarios: ClaimScenarios, _ size: ClaimsSize) throws -> [ClaimRun] {
        var cs = try scenarios.base("spof")
        cs.architecture = .clientServer
        cs.duration = 30
        cs.timeline = [.init(at: 10, kind: .crash(.server)), .init(at: 20, kind: .restart(.server))]
        var runs = [ClaimRun(key: "\(id)/server", scenario: cs, checkpoints: [10, 20])]
        for r in Self.replicaCounts {
            var mesh = try scenarios.base("spof")
            mesh.architecture = .peerMesh
            mesh.duration = 30
            mesh.mesh.replicas = r
            mesh.timeline = [.init(at: 10, kind: .crashShare(Self.crashShare))]
            // From 10 s + stabilize on, routing no longer sends lookups to the crashed peers.
            runs.append(ClaimRun(key: "\(id)/mesh-r\(r)", scenario: mesh,
                                 checkpoints: [10, 10 + mesh.mesh.stabilize]))
        }
        return runs
    }

    public func judge(_ results: ClaimResults, _ scenarios: ClaimScenarios, _ size: ClaimsSize) -> ClaimResult {
        let server = results.all("\(id)/server")
        let before = ClaimWindow.servedShare(from: RunReport.zero(server[0]), to: server[0])
        let outage = ClaimWindow.servedShare(from: server[0], to: server[1])
        var mesh: [(replicas: Int, served: Double, theory: Double)] = []
        let nodes = (try? scenarios.base("spof").nodes) ?? 100
        let down = Int((Self.crashShare * Double(nodes)).rounded())
        for r in Self.replicaCounts {
            let reports = results.all("\(id)/mesh-r\(r)")
            mesh.append((r, ClaimWindow.servedShare(from: reports[1], to: reports[2]),
                         survivingShare(peers: nodes, down: down, replicas: r)))
        }
        let parts = Self.verdict(serverOutageServed: outage, serverBeforeServed: before, mesh: mesh,
                                 crashed: down, nodes: nodes)
        return ClaimResult(id: id, statement: statement,
                           method: "spof scenario, \(nodes) nodes, seed \(server[0].seed): the server down 10–20 s; "
                            + "\(down) of \(nodes) peers crashed at 10 s, served share measured from 10 s + stabilize",
                           parts: parts)
    }

    /// The server is a single point of failure when it served under `spofServed` (5%) of the demand during its
    /// outage (against what it served before); the mesh has none when, after losing 30% of its peers, it still
    /// served at least `meshSurvives` (90%) of requests. The mesh's part depends on replication when it holds at
    /// 3 replicas and not at 1.
    static let spofServed = 0.05
    static let meshSurvives = 0.90

    static func verdict(serverOutageServed outage: Double, serverBeforeServed before: Double,
                        mesh: [(replicas: Int, served: Double, theory: Double)], crashed: Int,
                        nodes: Int) -> [ClaimPart] {
        let serverPart = ClaimPart(
            aspect: "the server is a single point of failure",
            verdict: outage < spofServed ? .holds : .fails,
            finding: outage < spofServed
                ? "while the server was down it served " + pct(outage) + " of requests (" + pct(before)
                    + " before): every client depends on it"
                : "the network still served " + pct(outage) + " of requests without its server",
            evidence: [Evidence.share("served before the crash", before),
                       Evidence.share("served while the server is down", outage)])
        let holding = mesh.filter { $0.served >= meshSurvives }.map(\.replicas)
        let meshVerdict: Verdict = holding.count == mesh.count ? .holds : (holding.isEmpty ? .fails : .depends)
        let finding: String
        switch meshVerdict {
        case .holds: finding = "after \(crashed) of \(nodes) peers crashed the mesh served ≥ " + pct(meshSurvives)
            + " at every replica count"
        case .fails: finding = "after \(crashed) of \(nodes) peers crashed the mesh served under " + pct(meshSurvives)
            + ": it loses the data held only by the crashed peers"
        case .depends: finding = "depends on replication: with " + holding.map(String.init).joined(separator: ", ")
            + " replicas the mesh kept serving ≥ " + pct(meshSurvives) + " after \(crashed) of \(nodes) peers "
            + "crashed; with fewer it lost what only the crashed peers held"
        }
        let meshPart = ClaimPart(
            aspect: "a peer mesh has none", verdict: meshVerdict, finding: finding,
            evidence: mesh.map { Evidence.share("served after the crash, \($0.replicas) replica(s)", $0.served,
                                                theory: $0.theory) })
        return [serverPart, meshPart]
    }
}

func pct(_ x: Double) -> String { RunReport.fixed(100 * x, 1) + "%" }

extension RunReport {
    /// A report of nothing yet, of `like`'s run: the start of a window from 0.
    static func zero(_ like: RunReport) -> RunReport {
        var r = like
        r.requests = RequestCounts()
        return r
    }
}
