import Testing
@testable import NetworkEngine

/// Each claim's verdict logic on synthetic measurements: the case the thresholds accept and the one that flips it.
@Suite("Claim verdicts")
struct ClaimVerdictTests {
    @Test("Verdicts combine to one when they agree and to depends when they do not")
    func combine() {
        #expect(Verdict.combined([.holds, .holds]) == .holds)
        #expect(Verdict.combined([.fails]) == .fails)
        #expect(Verdict.combined([.holds, .fails]) == .depends)
    }

    @Test("Single point of failure: a server that serves nothing while down, a mesh that depends on replicas")
    func spof() {
        let mesh: [(replicas: Int, served: Double, theory: Double)] = [(3, 0.97, 0.975), (1, 0.70, 0.7)]
        let parts = SinglePointOfFailureClaim.verdict(serverOutageServed: 0, serverBeforeServed: 1, mesh: mesh,
                                                      crashed: 30, nodes: 100)
        #expect(parts.map(\.verdict) == [.holds, .depends])
        let robust = SinglePointOfFailureClaim.verdict(serverOutageServed: 0.5, serverBeforeServed: 1,
                                                       mesh: [(3, 0.97, 0.975), (1, 0.95, 0.7)], crashed: 30,
                                                       nodes: 100)
        #expect(robust.map(\.verdict) == [.fails, .holds])
        #expect(SinglePointOfFailureClaim.verdict(serverOutageServed: 0, serverBeforeServed: 1,
                                                  mesh: [(3, 0.5, 0.975)], crashed: 30, nodes: 100)[1].verdict == .fails)
    }

    @Test("Client growth: false beyond N* when latency doubles or requests are rejected, true otherwise")
    func clientGrowth() {
        typealias P = ClientGrowthClaim.Point
        let flat = [P(nodes: 20, meanMs: 90, rejected: 0), P(nodes: 60, meanMs: 150, rejected: 0.001)]
        #expect(ClientGrowthClaim.verdict(flat, saturationNodes: 66.7).verdict == .holds)
        let saturated = flat + [P(nodes: 80, meanMs: 700, rejected: 0.16)]
        let part = ClientGrowthClaim.verdict(saturated, saturationNodes: 66.7)
        #expect(part.verdict == .fails)
        #expect(part.finding.hasPrefix("false beyond N* = 66.7 clients: at N = 80"))
        let early = [P(nodes: 20, meanMs: 90, rejected: 0), P(nodes: 60, meanMs: 90, rejected: 0.02)]
        #expect(ClientGrowthClaim.verdict(early, saturationNodes: 66.7).finding.hasPrefix("false from N = 60, below"))
    }

    @Test("Peer scalability: distribution, lookups and request load each flip with their measurements")
    func scalability() {
        let swarm = [(nodes: 10, server: 40.0, swarm: 30.0, serverBound: 32.0, swarmBound: 16.0),
                     (nodes: 1000, server: 3200.0, swarm: 40.0, serverBound: 3200.0, swarmBound: 31.4)]
        #expect(PeerScalabilityClaim.distributionVerdict(swarm).verdict == .fails)
        let slow = [(nodes: 10, server: 40.0, swarm: 30.0, serverBound: 32.0, swarmBound: 16.0),
                    (nodes: 1000, server: 3200.0, swarm: 4000.0, serverBound: 3200.0, swarmBound: 31.4)]
        #expect(PeerScalabilityClaim.distributionVerdict(slow).verdict == .holds)

        let log: [(nodes: Int, measured: Double, theory: Double?, interval: ConfidenceInterval?)] =
            [(100, 3.8, 3.8, nil), (10000, 7.1, 7.1, nil)]
        #expect(PeerScalabilityClaim.lookupVerdict(log).verdict == .holds)
        let flatHops: [(nodes: Int, measured: Double, theory: Double?, interval: ConfidenceInterval?)] =
            [(100, 3.8, 3.8, nil), (10000, 4.5, 7.1, nil)]
        #expect(PeerScalabilityClaim.lookupVerdict(flatHops).verdict == .fails)

        #expect(PeerScalabilityClaim.loadVerdict([(nodes: 400, plain: 0.8, cached: 0.99)]).verdict == .depends)
        #expect(PeerScalabilityClaim.loadVerdict([(nodes: 400, plain: 0.97, cached: 0.99)]).verdict == .fails)
        #expect(PeerScalabilityClaim.loadVerdict([(nodes: 400, plain: 0.5, cached: 0.6)]).verdict == .holds)
    }

    @Test("Churn: data depends on replicas; lookups are unstable above 1% lost")
    func churn() {
        typealias P = ChurnStabilityClaim.Point
        let parts = ChurnStabilityClaim.verdict([P(replicas: 3, availability: 0.962, theory: 0.963, lookupsLost: 0.25),
                                                 P(replicas: 1, availability: 0.67, theory: 0.667, lookupsLost: 0.4)])
        #expect(parts.map(\.verdict) == [.depends, .holds])
        let calm = ChurnStabilityClaim.verdict([P(replicas: 3, availability: 0.999, theory: 1, lookupsLost: 0.001),
                                                P(replicas: 1, availability: 0.99, theory: 1, lookupsLost: 0.002)])
        #expect(calm.map(\.verdict) == [.fails, .fails])
        let harsh = ChurnStabilityClaim.verdict([P(replicas: 3, availability: 0.8, theory: 0.8, lookupsLost: 0.3)])
        #expect(harsh[0].verdict == .holds)
    }

    @Test("Security: breaches, detection and the lockout's price each decide their part")
    func security() {
        typealias S = CentralSecurityClaim.Side
        let server = S(breaches: 1, exposed: 0.2, exposedTheory: 0.2, singleView: 1, refused: 400, lockedOutUsers: 3)
        let mesh = S(breaches: 9, exposed: 0.52, exposedTheory: 0.52, singleView: 0.05, refused: 0, lockedOutUsers: 0)
        #expect(CentralSecurityClaim.verdict(server: server, mesh: mesh).map(\.verdict) == [.holds, .holds, .fails])
        var free = server
        free.lockedOutUsers = 0
        #expect(CentralSecurityClaim.verdict(server: free, mesh: mesh).map(\.verdict) == [.holds, .holds, .holds])
        var breached = server
        breached.breaches = 12
        #expect(CentralSecurityClaim.verdict(server: breached, mesh: mesh)[0].verdict == .fails)
    }

    @Test("Flash crowd: the server overloads above 5% rejected; the mesh shares the load at 95% served")
    func flashCrowd() {
        typealias W = FlashCrowdClaim.Window
        let server = W(rejectedBefore: 0, rejectedDuring: 0.6, servedDuring: 0.4)
        #expect(FlashCrowdClaim.verdict(server: server, mesh: W(rejectedBefore: 0, rejectedDuring: 0, servedDuring: 0.99),
                                        blockingTheory: 0.73).map(\.verdict) == [.holds, .holds])
        let calm = W(rejectedBefore: 0, rejectedDuring: 0.01, servedDuring: 0.99)
        #expect(FlashCrowdClaim.verdict(server: calm, mesh: W(rejectedBefore: 0, rejectedDuring: 0.3, servedDuring: 0.7),
                                        blockingTheory: nil).map(\.verdict) == [.fails, .fails])
        #expect(FlashCrowdClaim.verdict(server: server, mesh: W(rejectedBefore: 0, rejectedDuring: 0.2, servedDuring: 0.8),
                                        blockingTheory: nil)[1].verdict == .depends)
    }

    @Test("Cost: the owner always pays more; the total depends on the sizes where it is dearer")
    func cost() {
        typealias P = ServerCostClaim.Point
        let dearer = [P(nodes: 10, serverOwner: 0.2, serverTotal: 0.2, meshOwner: 0, meshTotal: 0.01),
                      P(nodes: 1000, serverOwner: 0.9, serverTotal: 0.9, meshOwner: 0, meshTotal: 1.5)]
        #expect(ServerCostClaim.verdict(dearer).map(\.verdict) == [.holds, .depends])
        #expect(ServerCostClaim.verdict(Array(dearer.prefix(1))).map(\.verdict) == [.holds, .holds])
        #expect(ServerCostClaim.verdict(Array(dearer.suffix(1)))[1].verdict == .fails)
    }

    @Test("Backup: the server keeps its files; the mesh loses data only to simultaneous failures")
    func backup() {
        typealias F = CentralBackupClaim.Figures
        let f = F(serverFilesLost: 0, serverWritesLost: 12, serverDownSeconds: 7, meshLostAfterSingles: 0,
                  meshLostAfterMass: 5)
        #expect(CentralBackupClaim.verdict(f).map(\.verdict) == [.holds, .depends])
        var lost = f
        lost.serverFilesLost = 3
        lost.meshLostAfterSingles = 2
        #expect(CentralBackupClaim.verdict(lost).map(\.verdict) == [.fails, .holds])
        lost.meshLostAfterSingles = 0
        lost.meshLostAfterMass = 0
        #expect(CentralBackupClaim.verdict(lost)[1].verdict == .fails)
    }
}
