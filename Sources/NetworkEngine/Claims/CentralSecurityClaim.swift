/// "A client-server network is secure because the server validates access: central accounts and admin
/// permissions, where each peer guards its own share with a password."
///
/// Experiments: the `password-attack` scenario (an insider guessing 5 passwords a second) as client-server and as a
/// peer mesh, without its mid-run switch. Evidence: breaches, the share of attempts the best-placed single observer
/// logged, the guesses the lockout refused, and its price: legitimate users locked out.
public struct CentralSecurityClaim: Claim {
    public let id = "central-security"
    public let statement = "A client-server network is secure because the server validates access (central "
        + "accounts and admin permissions); peers each guard their share with a password."
    public init() {}

    public func runs(_ scenarios: ClaimScenarios, _ size: ClaimsSize) throws -> [ClaimRun] {
        try Architecture.allCases.map { a in
            var s = try scenarios.base("password-attack")
            s.architecture = a
            s.duration = size.seconds
            return ClaimRun(key: "\(id)/\(a.rawValue)", scenario: s)
        }
    }

    struct Side: Equatable {
        var breaches: Int
        var exposed: Double
        var exposedTheory: Double?
        var singleView: Double
        var refused: Int
        var lockedOutUsers: Int
    }

    static func side(_ r: RunReport) -> Side {
        Side(breaches: r.security.breaches, exposed: r.security.exposedShare, exposedTheory: r.theory?.exposedShare,
             singleView: r.security.largestSingleView ?? 0, refused: r.security.refusedLocked,
             lockedOutUsers: r.security.lockedOutUsers)
    }

    public func judge(_ results: ClaimResults, _ scenarios: ClaimScenarios, _ size: ClaimsSize) -> ClaimResult {
        let cs = Self.side(results.final("\(id)/client-server"))
        let mesh = Self.side(results.final("\(id)/peer-mesh"))
        let s = try? scenarios.base("password-attack")
        let method = s.map { "password-attack scenario: \($0.nodes) nodes, \($0.security.attackers) attacker(s) at "
            + "\(RunReport.fixed($0.security.attackRate, 0)) guesses/s, lockout after \($0.security.lockoutAfter) "
            + "failures for \(RunReport.fixed($0.security.lockoutSeconds, 0)) s, "
            + "\(RunReport.fixed(size.seconds, 0)) s a run, seed \($0.seed)" } ?? ""
        return ClaimResult(id: id, statement: statement, method: method, parts: Self.verdict(server: cs, mesh: mesh))
    }

    /// Breaches: holds when the server let fewer through than the mesh, fails otherwise. Detection: holds when the
    /// server's log saw at least `seenLimit` (99%) of the attempts and the best-placed peer under half. Price:
    /// holds (no price) when the lockout shut out no legitimate user, fails when it shut out any.
    static let seenLimit = 0.99

    static func verdict(server cs: Side, mesh: Side) -> [ClaimPart] {
        let breaches = ClaimPart(
            aspect: "fewer breaches", verdict: cs.breaches < mesh.breaches ? .holds : .fails,
            finding: "\(cs.breaches) breach(es) under client-server, \(mesh.breaches) in the mesh"
                + (cs.breaches < mesh.breaches ? ": the lockout refused \(cs.refused) guesses unchecked" : ""),
            evidence: [Evidence("breaches, client-server", Double(cs.breaches), places: 0),
                       Evidence("breaches, peer mesh", Double(mesh.breaches), places: 0),
                       Evidence.share("exposed accounts (weak password), client-server", cs.exposed,
                                      theory: cs.exposedTheory),
                       Evidence.share("exposed peers (open or weak share), peer mesh", mesh.exposed,
                                      theory: mesh.exposedTheory)])
        let seen = cs.singleView >= seenLimit && mesh.singleView < 0.5
        let detection = ClaimPart(
            aspect: "the attack is seen", verdict: seen ? .holds : .fails,
            finding: "the server's log saw " + pct(cs.singleView) + " of the attempts; the best-placed peer "
                + pct(mesh.singleView),
            evidence: [Evidence.share("attempts one observer saw, client-server", cs.singleView),
                       Evidence.share("attempts one observer saw, peer mesh", mesh.singleView)])
        let price = ClaimPart(
            aspect: "at no cost to users", verdict: cs.lockedOutUsers == 0 ? .holds : .fails,
            finding: cs.lockedOutUsers == 0 ? "the lockout shut out no legitimate user"
                : "the lockout also shut out \(cs.lockedOutUsers) legitimate user(s), and every account sits on "
                    + "one target",
            evidence: [Evidence("legitimate users locked out, client-server", Double(cs.lockedOutUsers), places: 0)])
        return [breaches, detection, price]
    }
}
