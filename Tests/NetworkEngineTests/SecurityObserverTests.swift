import Testing
import NetworkEngine

/// Who saw the attack, and the lockout's two sides (issue 15, item 5), and the security figures per architecture
/// period (item 2): the largest single view, the attempts in any log, guesses checked against guesses refused by a
/// lock, the legitimate users a lock shut out, and the phase before a switch.
@Suite("Security observers and phases")
struct SecurityObserverTests {
    /// One attacker (node 1) against a mesh of `targets` peers, every share protected by a strong password, with
    /// a dictionary of `words`: the attacker tries every word on one peer, then moves on to the next.
    static func strongMesh(targets: Int, words: Int) -> Scenario {
        var s = Scenario(name: "strong mesh")
        s.seed = 21
        s.architecture = .peerMesh
        s.nodes = targets + 1
        s.workload.rate = 0.01
        s.network.latencyMs = 1
        s.network.jitterMs = 0
        s.security.sharePasswords = 1
        s.security.weakPasswords = 0
        s.security.dictionary = words
        s.security.attackers = 1
        s.security.attackRate = 10
        return s
    }

    /// Wrong passwords each node logged, from the event log (node 0 is the server): what each observer saw.
    static func loggedByNode(_ engine: Engine) -> [Int: Int] {
        var logged: [Int: Int] = [:]
        for e in engine.allEvents where e.kind == .loginFailure && (e.outcome == .wrong || e.outcome == .refused) {
            logged[e.node, default: 0] += 1
        }
        return logged
    }

    @Test("client-server: the server's log is the single best view and sees every attempt: largest single view = detected share = 1")
    func centralSeesAll() throws {
        // Every guess at an account is written to the server's one log (refused, wrong or right), so the single
        // best observer (the server) saw attempts/attempts = 1, the same as every log together.
        let s = SecurityTests.attacked(seconds: 120)
        let engine = Engine(scenario: s, keepAllEvents: true)
        engine.run(until: .seconds(s.duration))
        let v = engine.report().security
        #expect(v.attackAttempts > 500)
        #expect(v.largestSingleView == 1 && v.detectedShare == 1)
        #expect(v.largestObserver == 0 && v.largestLogged == v.attackAttempts)
        #expect(v.phase.largestSingleView == 1 && v.phase.largestObserver == 0 && v.previousPhase == nil)
        // Cross-check against the log: every attempt's line is at node 0 (no breach here: every password strong).
        #expect(Self.loggedByNode(engine)[0] == v.attackAttempts)
    }

    @Test("a mesh whose k peers the attacker works through equally: the best single view is 1/k, every log together 1",
          arguments: [10, 40])
    func meshLargestViewIsOneOverK(k: Int) throws {
        // Every share is strong, so each of the k target peers logs all D words tried on it, plus the guesses that
        // were already on their way when its last word was answered (the attacker learns a peer is done only then).
        // Those extra guesses are the ones sent within one round trip, τ ≈ 2 ms of network + the check's 10 ms mean:
        // Poisson with mean r·τ ≈ 10 × 0.012 = 0.12 a peer. A peer's share of all attempts is (D + X_p) / Σ(D + X),
        // so the largest is at least 1/k (a maximum is at least the mean) and at most (D + max X) / (k·D); with
        // P(X ≥ 4) ≈ 1.1e-5 a peer, max X ≤ 3 for every peer here, so k × largest ≤ 1 + 3/D.
        let words = 20
        let s = Self.strongMesh(targets: k, words: words)
        let engine = Engine(scenario: s, keepAllEvents: true)
        // k × D guesses at 10 a second, with room to spare.
        engine.run(until: .seconds(Double(k * words) / 10 * 1.5 + 20))
        let v = engine.report().security
        #expect(v.target == nil, "the attack finished its pass over the \(k) peers")
        #expect(v.attackAttempts >= k * words)
        let view = try #require(v.largestSingleView)
        #expect(view * Double(k) >= 1 - 1e-12 && view * Double(k) <= 1 + 3 / Double(words), "k × view = \(view * Double(k))")
        // Nothing is open and nothing breaks: every attempt is in some peer's log, the union sees them all.
        #expect(v.detectedShare == 1)
        // The incremental maximum equals the one recounted from the events: the busiest peer's log.
        let logged = Self.loggedByNode(engine)
        #expect(logged.count == k && logged[0] == nil, "k peers logged, the server none")
        let busiest = try #require(logged.max { ($0.value, -$0.key) < ($1.value, -$1.key) })
        #expect(v.largestLogged == busiest.value)
        #expect(logged[try #require(v.largestObserver)] == busiest.value)
        #expect(v.phase.largestLogged == busiest.value && v.phase.attempts == v.attackAttempts)
    }

    @Test("guesses checked + refused by a lock = the guesses that reached a password check, through both regimes")
    func checkedPlusRefused() {
        // A guess that reaches its target is either checked (a `wrong` line, or the `broken` breach), refused
        // unchecked at a locked account (a `refused` line), a read of an open share (`read_open`), or a login to an
        // account the attacker already holds (no line). The first two are what the lockout splits.
        var s = SecurityTests.attacked(accounts: 20, seconds: 90)
        s.nodes = 60
        s.security.weakPasswords = 0.5
        s.security.dictionary = 20
        s.timeline = [.init(at: 30, kind: .switchArchitecture(to: .peerMesh)),
                      .init(at: 60, kind: .switchArchitecture(to: .clientServer))]
        let engine = Engine(scenario: s, keepAllEvents: true)
        engine.run(until: .seconds(90))
        let v = engine.report().security
        let events = engine.allEvents
        let checked = events.filter { $0.outcome == .wrong || $0.outcome == .broken }.count
        let refused = events.filter { $0.outcome == .refused }.count
        let openReads = events.filter { $0.outcome == .readOpen }.count
        #expect(v.guessesChecked == checked && v.refusedLocked == refused)
        #expect(v.guessesChecked > 0 && v.refusedLocked > 0 && openReads > 0, "every kind of answer happened")
        #expect(v.guessesChecked + v.refusedLocked + openReads <= v.attackAttempts,
                "the rest are logins to accounts already held")
        // A mesh has no lock: no guess is refused in the mesh phase, only under client-server.
        #expect(events.filter { $0.outcome == .refused }.allSatisfy { $0.node == 0 })
    }

    /// One attacker alone on a server with 2 accounts locked for 1000 s after 5 wrong passwords; at 20 guesses a
    /// second both are locked within a second.
    static func lockedServer() -> Scenario {
        var s = SecurityTests.attacked(accounts: 2, seconds: 60)
        s.nodes = 1
        s.security.lockoutSeconds = 1_000
        return s
    }

    @Test("locked_out_users counts each legitimate client a lock refused once, and not the attacker")
    func lockedOutUsersByHand() throws {
        // Built by hand: the attacker (node 1, account 1) locks both accounts before anyone else exists; then four
        // clients join (nodes 2–5: accounts 2, 1, 2, 1). Every one of their logins is refused for 1000 s, again
        // with each request, but each client counts once: 4 users. The attacker's own refused logins are not a
        // user's.
        let engine = Engine(scenario: Self.lockedServer(), keepAllEvents: true)
        engine.run(until: .seconds(10))
        #expect(engine.snapshot().security?.lockedAccounts == 2)
        #expect(engine.report().security.lockedOutUsers == 0)
        engine.apply(.addNodes(4))
        engine.run(until: .seconds(60))
        let refusals = engine.allEvents.filter { $0.outcome == .lockedOut }
        let refusedClients = Set(refusals.compactMap(\.peer))
        #expect(refusedClients.isSuperset(of: [2, 3, 4, 5]))
        #expect(refusals.count > 8, "refused again and again: \(refusals.count)")
        let v = engine.report().security
        #expect(v.lockedOutUsers == 4)
        #expect(v.phase.lockedOutUsers == 4)
        // The attacker's own workload was refused too (so the exclusion is exercised), yet not counted.
        #expect(refusedClients.contains(1))
    }

    @Test("a switch keeps the previous phase: the run's figures are the two phases' sums, and a new phase starts at 0")
    func phasesAddUp() throws {
        var s = SecurityTests.attacked(accounts: 10, seconds: 120)
        s.nodes = 40
        s.security.weakPasswords = 0.5
        s.security.dictionary = 20
        s.security.sharePasswords = 0.6
        let engine = Engine(scenario: s, keepAllEvents: true)
        engine.run(until: .seconds(60))
        let before = engine.report().security
        #expect(before.previousPhase == nil && before.phase.architecture == .clientServer)
        engine.apply(.switchArchitecture(to: .peerMesh))
        let atSwitch = engine.report().security
        let previous = try #require(atSwitch.previousPhase)
        // The phase that ended is the whole client-server run so far, ended at the switch.
        #expect(previous.architecture == .clientServer && previous.from == 0 && previous.to == .seconds(60))
        #expect(previous.attempts == before.attackAttempts && previous.breaches == before.breaches)
        #expect(previous.guessesChecked == before.guessesChecked && previous.refusedLocked == before.refusedLocked)
        #expect(previous.largestSingleView == 1)
        #expect(atSwitch.phase == SecurityPhase(architecture: .peerMesh, from: .seconds(60)))
        engine.run(until: .seconds(120))
        let after = engine.report().security
        let mesh = after.phase
        #expect(after.previousPhase == previous, "the previous phase does not change after its end")
        #expect(mesh.attempts > 0 && mesh.breaches > 0)
        #expect(previous.attempts + mesh.attempts == after.attackAttempts)
        #expect(previous.logged + mesh.logged == after.loggedAttempts)
        #expect(previous.breaches + mesh.breaches == after.breaches)
        #expect(previous.guessesChecked + mesh.guessesChecked == after.guessesChecked)
        #expect(previous.refusedLocked + mesh.refusedLocked == after.refusedLocked)
        // A mesh has no lock: what its phase counts as refused is the server draining the guesses already on their
        // way at the switch (each guess is counted where and when it is checked), all within the first second.
        let lateRefusals = engine.allEvents.filter { $0.outcome == .refused && $0.time >= .seconds(60) }
        #expect(mesh.refusedLocked == lateRefusals.count && lateRefusals.allSatisfy { $0.time < .seconds(61) })
        // The mesh's best single view is one peer's: far from the server's whole log.
        #expect(try #require(mesh.largestSingleView) < 0.5 && mesh.largestObserver ?? 0 > 0)
        #expect(mesh.firstBreach ?? 0 >= .seconds(60))
    }

    @Test("back under client-server the users shut out are counted afresh in the new phase, once in the run")
    func lockedOutPerPhase() throws {
        let engine = Engine(scenario: Self.lockedServer())
        engine.run(until: .seconds(10))
        engine.apply(.addNodes(4))
        engine.run(until: .seconds(40))
        engine.apply(.switchArchitecture(to: .peerMesh))
        engine.run(until: .seconds(50))
        #expect(engine.report().security.phase.lockedOutUsers == 0, "a mesh has no lock")
        engine.apply(.switchArchitecture(to: .clientServer))
        // The locks outlast the mesh (1000 s) and the switch ended every session: the four log in again, refused.
        engine.run(until: .seconds(90))
        let v = engine.report().security
        #expect(v.previousPhase?.architecture == .peerMesh && v.previousPhase?.lockedOutUsers == 0)
        #expect(v.phase.lockedOutUsers == 4 && v.lockedOutUsers == 4)
    }

    @Test("a second mesh phase counts each peer's log afresh: its best single view is what one peer logged since then")
    func secondMeshPhase() throws {
        // Strong shares and a long dictionary: the attacker is still on the same peer when the mesh comes back, so a
        // count carried over from the first mesh phase would show (and could pass the phase's attempts).
        var s = Self.strongMesh(targets: 5, words: 2_000)
        s.security.attackRate = 20
        s.timeline = [.init(at: 20, kind: .switchArchitecture(to: .clientServer)),
                      .init(at: 30, kind: .switchArchitecture(to: .peerMesh))]
        let engine = Engine(scenario: s, keepAllEvents: true)
        engine.run(until: .seconds(45))
        let v = engine.report().security
        #expect(v.previousPhase?.architecture == .clientServer && v.phase.from == .seconds(30))
        var since: [Int: Int] = [:]
        for e in engine.allEvents where e.time >= .seconds(30) && e.outcome == .wrong { since[e.node, default: 0] += 1 }
        let peer = try #require(v.phase.largestObserver)
        #expect(v.phase.largestLogged == since.values.max() && since[peer] == v.phase.largestLogged)
        #expect(try #require(v.phase.largestSingleView) <= 1)
        // Over the run, the same peer's two mesh phases add up: its log holds both.
        let all = engine.allEvents.filter { $0.node == peer && $0.outcome == .wrong }.count
        #expect(v.largestObserver == peer && v.largestLogged == all)
    }

    @Test("the JSON report carries the new security fields with the view's values")
    func jsonFields() throws {
        let engine = Engine(scenario: Self.lockedServer())
        engine.run(until: .seconds(10))
        engine.apply(.addNodes(4))
        engine.run(until: .seconds(30))
        let report = engine.report()
        let json = report.json.serialized()
        let v = report.security
        // Every attempt was at the server's accounts: its log is the single best view, all of it.
        #expect(v.largestSingleView == 1 && json.contains("\"largest_single_view\":1.0,"), "\(json)")
        #expect(json.contains("\"guesses_checked\":\(v.guessesChecked),\"refused_locked\":\(v.refusedLocked),"
                              + "\"locked_out_users\":4"), "\(json)")
        // Before any attempt the view does not exist: null, as detected_share.
        var calm = Self.lockedServer()
        calm.security.attackers = 0
        let quiet = Engine(scenario: calm)
        quiet.run(until: .seconds(5))
        #expect(quiet.report().json.serialized().contains("\"largest_single_view\":null"))
    }
}
