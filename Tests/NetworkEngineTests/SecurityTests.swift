import Testing
import NetworkEngine

/// The security model: central lockout and permissions, peers' own share passwords, and attacks that are real load.
@Suite("Security")
struct SecurityTests {
    /// A client-server network with one attacker; every password is strong unless the test says otherwise, so the
    /// attack never ends and keeps meeting the lockout.
    static func attacked(accounts: Int = 5, seconds: Double = 400) -> Scenario {
        var s = Scenario(name: "security")
        s.seed = 5
        s.nodes = 10
        s.duration = seconds
        s.workload.rate = 0.5
        s.security.accounts = accounts
        s.security.lockoutAfter = 5
        s.security.lockoutSeconds = 30
        s.security.weakPasswords = 0
        s.security.dictionary = 10_000
        s.security.attackers = 1
        s.security.attackRate = 20
        return s
    }

    @Test("with lockout after 5 failures an attacker never gets more than 5 guesses per account per lock period")
    func lockoutBoundsGuesses() {
        let s = Self.attacked()
        let engine = Engine(scenario: s, keepAllEvents: true)
        engine.run(until: .seconds(s.duration))
        var checksSinceLock: [Int: Int] = [:]
        var lockedUntil: [Int: SimTime] = [:]
        var lockouts = 0, refusals = 0, checks = 0
        for e in engine.allEvents {
            guard let a = e.account else { continue }
            if e.kind == .loginFailure && e.outcome == .wrong {
                checks += 1
                // A password is checked only when the account is not locked…
                #expect(e.time >= lockedUntil[a, default: 0], "checked account \(a) while locked: \(e.detail)")
                checksSinceLock[a, default: 0] += 1
                // …and at most lockout_after times before the lock falls.
                #expect(checksSinceLock[a, default: 0] <= s.security.lockoutAfter)
            } else if e.kind == .loginFailure && e.outcome == .refused {
                refusals += 1
                #expect(e.time < lockedUntil[a, default: 0], "refused an unlocked account \(a)")
            } else if e.kind == .lockout {
                lockouts += 1
                #expect(checksSinceLock[a, default: 0] == s.security.lockoutAfter)
                checksSinceLock[a] = 0
                lockedUntil[a] = e.time + .seconds(s.security.lockoutSeconds)
            }
        }
        // 20 guesses/s against 5 accounts × 5 checks per 30 s: the lock, not the attacker, sets the pace.
        let periods = Int(s.duration / s.security.lockoutSeconds)
        #expect(lockouts >= periods * s.security.accounts - s.security.accounts)
        #expect(checks <= (periods + 1) * s.security.accounts * s.security.lockoutAfter)
        #expect(refusals > checks, "the attacker keeps knocking at locked accounts")
        let report = engine.report().security
        #expect(report.lockouts == lockouts && report.breaches == 0)
        // The server logs every guess centrally: one refusal, failure or breach at node 0 for each attempt (a
        // client's own refused login is `lockedOut`, not a guess).
        let guessOutcomes: [NetworkEvent.Outcome?] = [.refused, .wrong, .broken]
        let centralGuessLogs = engine.allEvents.filter { e in
            e.node == 0 && guessOutcomes.contains(e.outcome)
        }.count
        #expect(report.attackAttempts > 0 && centralGuessLogs == report.attackAttempts)
    }

    @Test("in a mesh the exposed share of peers converges to (1 − p) + p·w within 3%", arguments: [
        (0.6, 0.2), (0.3, 0.5), (0.9, 0.1), (1.0, 0.0),
    ])
    func exposedShareOfPeers(p: Double, w: Double) {
        // 20,000 peers: the standard error of a share is at most √(0.25 / 20,000) = 0.0035, and 3% of the smallest
        // expectation here (0.52) is 0.0156, more than 4 standard errors. (1, 0) must be exactly 0.
        var s = Scenario(name: "exposure")
        s.architecture = .peerMesh
        s.nodes = 20_000
        s.security.sharePasswords = p
        s.security.weakPasswords = w
        let exposed = Engine(scenario: s).report().security.exposedShare
        let expected = (1 - p) + p * w
        #expect(abs(exposed - expected) <= 0.03 * expected, "\(exposed)")
    }

    @Test("under client-server the exposed share is the share of accounts with a guessable password")
    func exposedShareOfAccounts() {
        var s = Scenario(name: "exposure")
        s.security.accounts = 100_000
        s.security.weakPasswords = 0.2
        let exposed = Engine(scenario: s).report().security.exposedShare
        #expect(abs(exposed - 0.2) <= 0.03 * 0.2, "\(exposed)")  // 3% = 0.006: 4.7 standard errors of 0.00126
    }

    /// One attacker against a mesh of `peers`, long enough to try every share once.
    static func meshAttack(peers: Int) -> Engine {
        var s = Scenario(name: "mesh attack")
        s.seed = 9
        s.architecture = .peerMesh
        s.nodes = peers
        s.workload.rate = 0.02
        s.security.attackers = 1
        s.security.attackRate = 50
        // About (1 − p)·1 + p·w·(D + 1)/2 + p·(1 − w)·D = 11.3 guesses per peer with the defaults (D = 20).
        let seconds = Double(peers) * 11.3 / 50 * 1.5 + 30
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(seconds))
        return engine
    }

    @Test("with more peers the number of breached peers grows linearly", arguments: [250, 500, 1_000])
    func breachesGrowLinearly(peers: Int) {
        let engine = Self.meshAttack(peers: peers)
        let snapshot = engine.snapshot()
        let security = snapshot.security
        // The attack went through every share: exactly the open and weak ones fell, no strong one.
        let exposedTargets = snapshot.nodes.filter { $0.role == .peer && !$0.security.attacker }
            .filter { $0.security.share?.isExposed ?? false }.count
        let breached = snapshot.nodes.filter { $0.security.breached }.count
        #expect(security?.target == nil, "the attack finished its pass")
        #expect(security?.shareBreaches == exposedTargets && breached == exposedTargets)
        // Breaches ≈ N·((1 − p) + p·w): a binomial count, within 4 standard errors.
        let e = 0.4 + 0.6 * 0.2
        let share = Double(exposedTargets) / Double(peers)
        #expect(abs(share - e) <= 4 * (e * (1 - e) / Double(peers)).squareRoot(), "\(share)")
        #expect(security?.lockouts == 0, "no peer locks anyone out")
        #expect((security?.detectedShare ?? 1) < 1, "open shares and right guesses leave no trace")
    }

    @Test("an attack on the server raises legitimate clients' latency: guesses are real load")
    func attackIsLoad() {
        // 50 clients × 1/s × 40 ms on 4 workers is ρ = 0.5: M/M/4 gives 40 + 3.5 ms. Six attackers at 20/s add
        // 120 logins of 10 ms a second (ρ = 0.8); the mixed M/G/4 queue then waits about 21 ms (the Erlang C wait ×
        // (1 + cv²)/2), so the mean rises to about 61 ms, 1.4×. Over 100,000 requests the means are within 1%.
        var s = Scenario(name: "load")
        s.seed = 3
        s.nodes = 50
        s.workload.rate = 1
        s.workload.timeout = 0
        s.network.latencyMs = 0
        s.network.jitterMs = 0
        s.server.queue = 100_000
        s.security.accounts = 1_000
        s.security.weakPasswords = 0
        s.security.dictionary = 60_000
        s.security.attackRate = 20
        // No lock: every guess is checked, and no client is locked out of its own account (the next test's effect).
        s.security.lockoutAfter = 1_000_000
        func meanLatency(attackers: Int) -> Double {
            var t = s
            t.security.attackers = attackers
            let engine = Engine(scenario: t)
            engine.run(until: .seconds(2_000))
            #expect(engine.requestCounts.completed > 90_000)
            return engine.report().latency.mean
        }
        let calm = meanLatency(attackers: 0), attacked = meanLatency(attackers: 6)
        #expect(abs(calm - 43.5) < 0.05 * 43.5, "\(calm)")
        #expect(abs(attacked - 61) < 0.05 * 61, "calm \(calm) ms, attacked \(attacked) ms")
    }

    @Test("a lockout caused by an attacker also shuts out the account's legitimate user")
    func lockoutDeniesTheOwner() {
        // The attacker works through accounts 1, 2, … and locks each after 5 wrong passwords, before the clients
        // sharing them have logged in: their logins are refused until the lock ends, and their requests denied.
        var s = Self.attacked(accounts: 10, seconds: 120)
        s.security.lockoutSeconds = 300
        let engine = Engine(scenario: s, keepAllEvents: true)
        engine.run(until: .seconds(120))
        let refusedOwners = engine.allEvents.filter { $0.kind == .loginFailure && $0.outcome == .lockedOut }
        #expect(!refusedOwners.isEmpty && engine.requestCounts.denied > 0)
        #expect(engine.report().security.unauthorized == 0, "no permission was missing: the lock did it")
    }

    @Test("the server denies what an account may not read, in the share the administrator set")
    func permissionsDeny() {
        var s = Scenario(name: "permissions")
        s.nodes = 100
        s.workload.popularity = .uniform
        s.workload.resources = 200
        s.security.readAccess = 0.7
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(300))
        let c = engine.requestCounts
        let share = Double(c.denied) / Double(c.issued)
        // 50 accounts × 200 resources = 10,000 grants drawn at 0.7: the denied share's spread is about 0.005.
        #expect(abs(share - 0.3) < 0.02, "\(share)")
        #expect(engine.report().security.unauthorized >= c.denied)
        #expect(engine.requestAudit.isConserved, "\(engine.requestAudit)")
    }

    @Test("every request is accounted for through an attack, a crash and switches both ways")
    func conservationUnderAttack() {
        var s = Self.attacked(accounts: 20, seconds: 90)
        s.nodes = 60
        s.workload.rate = 2
        s.network.loss = 0.02
        s.security.readAccess = 0.8
        s.security.weakPasswords = 0.5
        s.security.dictionary = 20
        s.timeline = [
            .init(at: 15, kind: .crash(.server)), .init(at: 18, kind: .restart(.server)),
            .init(at: 30, kind: .switchArchitecture(to: .peerMesh)), .init(at: 60, kind: .switchArchitecture(to: .clientServer)),
        ]
        let engine = Engine(scenario: s, keepAllEvents: true)
        while engine.now < .seconds(90), engine.step() {
            #expect(engine.requestAudit.isConserved, "\(engine.requestAudit)")
        }
        let report = engine.report()
        let kinds = Set(engine.allEvents.map(\.kind))
        #expect(kinds.isSuperset(of: [.loginFailure, .lockout, .unauthorized, .breach]))
        #expect(report.requests.denied > 0 && report.security.breaches > 0)
        // The mesh's breaches are peers' shares, marked on the peer that was attacked.
        let meshBreaches = engine.allEvents.filter {
            $0.kind == .breach && $0.time > .seconds(30) && $0.time < .seconds(60)
        }
        #expect(!meshBreaches.isEmpty && meshBreaches.allSatisfy { $0.node > 0 })
        // Back under client-server the central database locks accounts again.
        #expect(engine.allEvents.contains { $0.kind == .lockout && $0.time > .seconds(60) })
    }

    @Test("attackers are nodes of the population: none guess from an empty network, and they start when nodes join")
    func attackersFollowThePopulation() {
        var s = Self.attacked()
        s.nodes = 0
        s.security.attackers = 3
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(10))
        #expect(engine.report().security.loginAttempts == 0)
        engine.apply(.addNodes(2))
        engine.run(until: .seconds(20))
        // Two of the three attackers exist now: about 2 × 20 guesses a second, and the stream restarted at once.
        let attempts = engine.report().security.loginAttempts
        #expect(attempts > 300 && attempts < 500, "\(attempts)")
        #expect(engine.snapshot().security?.attackers == 1...2)
    }

    @Test("a mesh spell ends every session: back under client-server each client logs in again")
    func sessionsEndWithTheMesh() {
        var s = Scenario(name: "sessions")
        s.nodes = 30
        s.workload.rate = 2
        s.timeline = [.init(at: 20, kind: .switchArchitecture(to: .peerMesh)), .init(at: 40, kind: .switchArchitecture(to: .clientServer))]
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(20))
        let first = engine.report().security.loginAttempts
        engine.run(until: .seconds(40))
        #expect(engine.report().security.loginAttempts == first, "no logins in a mesh")
        engine.run(until: .seconds(60))
        // No attacker here: every login is a client's, at least one per client after the switch back.
        #expect(first >= s.nodes && engine.report().security.loginAttempts - first >= s.nodes)
    }

    @Test("the same seed gives the same security figures")
    func determinism() {
        let a = Engine(scenario: Self.attacked(seconds: 60)), b = Engine(scenario: Self.attacked(seconds: 60))
        a.run(until: .seconds(60)); b.run(until: .seconds(60))
        #expect(a.report().json.serialized() == b.report().json.serialized())
    }
}
