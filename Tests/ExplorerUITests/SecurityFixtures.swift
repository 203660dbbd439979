import ExplorerUI
import NetworkEngine
import TerminalCanvas

/// Hand-built security figures and marks over the classroom fixtures, every figure fixed.
enum SecurityFixtures {
    /// Client-server: 40 accounts, 6 weak, 2 locked now; node 1 guessing account 7 at 5/s; one account broken at
    /// t=45.3 s; every guess logged.
    static func central(attack: Bool = true, accounts: Int = 40) -> SecurityView {
        var s = SecurityView(architecture: .clientServer, accounts: accounts, weakAccounts: accounts > 0 ? 6 : 0,
                             lockedAccounts: accounts > 0 ? 2 : 0, openShares: 0, weakShares: 0,
                             protectedShares: 0, exposedShare: accounts > 0 ? 0.15 : 1)
        if accounts > 0 {
            s.loginAttempts = 412; s.loginFailures = 31; s.lockouts = 3; s.unauthorized = 12
            s.accountBreaches = 1; s.firstBreach = .seconds(45.3)
        }
        s.attackAttempts = 30; s.loggedAttempts = 30
        // The server's log saw all 30: 22 words checked, 8 refused at a locked account; 4 users shut out.
        s.largestLogged = 30; s.largestObserver = 0
        s.guessesChecked = 22; s.refusedLocked = 8; s.lockedOutUsers = 4
        s.phase.attempts = 30; s.phase.logged = 30; s.phase.largestLogged = 30; s.phase.largestObserver = 0
        s.phase.guessesChecked = 22; s.phase.refusedLocked = 8; s.phase.lockedOutUsers = 4
        s.phase.breaches = accounts > 0 ? 1 : 0; s.phase.firstBreach = s.firstBreach
        if attack {
            s.attackActive = true; s.attackers = 1...1; s.attackRate = 5
            if accounts > 0 { s.target = 0; s.targetAccount = 7 }
        }
        return s
    }

    /// The mesh over 12 peers: 4 open shares, 2 weak, 6 strong (the engine counts weak ones as protected too);
    /// 3 shares broken since t=52.1 s, 120 guesses at shares of which 38 logged, peer 7's log the largest with 5;
    /// node 1 guessing peer 9's share. With `switched`, the run began under client-server (0–50 s: 30 attempts,
    /// all in the server's log, 1 account broken) and this is the phase since the switch; without it, a mesh
    /// throughout.
    static func mesh(attack: Bool = true, switched: Bool = true) -> SecurityView {
        var s = SecurityView(architecture: .peerMesh, accounts: 40, weakAccounts: 6, lockedAccounts: 0,
                             openShares: 4, weakShares: 2, protectedShares: 8, exposedShare: 0.5)
        s.shareBreaches = 3
        s.phase = SecurityPhase(architecture: .peerMesh, from: switched ? .seconds(50) : 0)
        s.phase.attempts = 120; s.phase.logged = 38; s.phase.largestLogged = 5; s.phase.largestObserver = 7
        s.phase.guessesChecked = 80; s.phase.breaches = 3; s.phase.firstBreach = .seconds(52.1)
        s.attackAttempts = 120; s.loggedAttempts = 38; s.largestLogged = 5; s.largestObserver = 7
        s.guessesChecked = 80
        if switched {
            s.loginAttempts = 412; s.loginFailures = 31; s.lockouts = 3; s.unauthorized = 12
            s.accountBreaches = 1; s.firstBreach = .seconds(45.3)
            var before = SecurityPhase(architecture: .clientServer, from: 0)
            before.to = .seconds(50)
            before.attempts = 30; before.logged = 30; before.largestLogged = 30; before.largestObserver = 0
            before.guessesChecked = 22; before.refusedLocked = 8; before.lockedOutUsers = 4
            before.breaches = 1; before.firstBreach = .seconds(45.3)
            s.previousPhase = before
            s.attackAttempts = 150; s.loggedAttempts = 68; s.largestLogged = 30; s.largestObserver = 0
            s.guessesChecked = 102; s.refusedLocked = 8; s.lockedOutUsers = 4
        } else {
            s.firstBreach = .seconds(52.1)
        }
        if attack { s.attackActive = true; s.attackers = 1...1; s.attackRate = 5; s.target = 9 }
        return s
    }

    /// Client-server after a spell as a mesh: the mesh phase (`mesh(switched: false)`, 0–90 s) is the previous
    /// one, and the server's phase since 90 s has 20 attempts, all logged, 15 checked, 5 refused, 2 users shut out,
    /// no breach yet.
    static func centralAfterSwitch() -> SecurityView {
        var s = central()
        var before = mesh(switched: false).phase
        before.to = .seconds(90)
        s.previousPhase = before
        s.phase = SecurityPhase(architecture: .clientServer, from: .seconds(90))
        s.phase.attempts = 20; s.phase.logged = 20; s.phase.largestLogged = 20; s.phase.largestObserver = 0
        s.phase.guessesChecked = 15; s.phase.refusedLocked = 5; s.phase.lockedOutUsers = 2
        return s
    }

    /// The classroom fixture under attack: client 1 the attacker, the server under attack, client 4's account
    /// broken, client 2's locked; every client has the account of its id.
    static func snapshot(attack: Bool = true, flights: [FlightView] = []) -> Snapshot {
        var s = Fixtures.snapshot(flights: flights)
        s.security = central(attack: attack)
        s.requests.denied = 15
        for i in s.nodes.indices {
            let id = s.nodes[i].id
            if id == 0 { s.nodes[i].security.underAttack = attack; continue }
            s.nodes[i].security.account = id
            s.nodes[i].security.attacker = attack && id == 1
            s.nodes[i].security.accountLocked = id == 2
            s.nodes[i].security.breached = id == 4
        }
        return s
    }

    /// The share each mesh fixture peer has: every third open, 4 and 8 weak, the rest strong.
    static func share(of id: Int) -> ShareProtection {
        id % 3 == 0 ? .open : id == 4 || id == 8 ? .weak(position: 3) : .strong
    }

    /// The mesh fixture under attack: peer 1 the attacker, peer 9 under attack, peers 3 (down), 6 and 12 breached.
    static func meshSnapshot(attack: Bool = true, flights: [FlightView] = []) -> Snapshot {
        var s = MeshFixtures.snapshot(flights: flights)
        s.security = mesh(attack: attack)
        for i in s.nodes.indices {
            let id = s.nodes[i].id
            s.nodes[i].security.share = share(of: id)
            s.nodes[i].security.attacker = attack && id == 1
            s.nodes[i].security.underAttack = attack && id == 9
            s.nodes[i].security.breached = id == 3 || id == 6 || id == 12
        }
        return s
    }
}
