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
        s.regimeAttempts = 30; s.regimeLogged = 30; s.regimeFirstBreach = s.firstBreach
        if attack {
            s.attackActive = true; s.attackers = 1...1; s.attackRate = 5
            if accounts > 0 { s.target = 0; s.targetAccount = 7 }
        }
        return s
    }

    /// The mesh over 12 peers: 4 open shares, 2 weak, 6 strong (the engine counts weak ones as protected too);
    /// 3 shares broken (and 1 account before the switch), 120 guesses at shares of which 38 logged; node 1 guessing
    /// peer 9's share.
    static func mesh(attack: Bool = true) -> SecurityView {
        var s = SecurityView(architecture: .peerMesh, accounts: 40, weakAccounts: 6, lockedAccounts: 0,
                             openShares: 4, weakShares: 2, protectedShares: 8, exposedShare: 0.5)
        s.loginAttempts = 412; s.loginFailures = 31; s.lockouts = 3; s.unauthorized = 12
        s.accountBreaches = 1; s.shareBreaches = 3; s.firstBreach = .seconds(45.3)
        s.attackAttempts = 150; s.loggedAttempts = 68
        // The panel shows the mesh's own: its 120 guesses at shares, 38 logged, 3 shares broken since t=52.1 s.
        s.regimeAttempts = 120; s.regimeLogged = 38; s.regimeFirstBreach = .seconds(52.1)
        if attack { s.attackActive = true; s.attackers = 1...1; s.attackRate = 5; s.target = 9 }
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
