/// Both security regimes and the attack, as plain state with no clock or I/O: the central security database of
/// client-server (accounts, lockouts, permissions, one audit log) and the peers' own share passwords.
///
/// The engine decides when a login or a guess reaches the server or a peer; this model decides what it finds there.
/// Guesses carry no word: the checker takes the next dictionary word not yet tried on that account or share, as an
/// attacker's tool that pipelines its list and resends what was never checked (a guess lost to overload or a crash
/// is simply tried again later).
struct SecurityModel {
    let seed: UInt64
    /// The scenario's security values; `lockoutAfter` may change while running (`set`).
    private(set) var settings: Scenario.Security

    /// Locks an account at its `count`th consecutive wrong password from now on; failures already counted stay, so
    /// an account past the new bound locks at its next wrong password.
    mutating func setLockoutAfter(_ count: Int) { settings.lockoutAfter = count }

    // MARK: - The central database (client-server)

    /// Failed password checks since the account's last lock (or since the start).
    var failures: [Int32]
    var lockedUntil: [SimTime]
    /// Dictionary words tried on each account.
    var accountTried: [Int32]
    var accountBroken: [Bool]
    /// Broken, or every word tried (a strong password): the attacker is done with it.
    var accountDone: [Bool]
    var accountsLeft: Int
    let weakAccounts: Int
    /// The account the attack works on.
    var accountCursor = 0
    /// Sessions stay valid while this is unchanged; it moves when the server restarts or client-server resumes.
    var loginEpoch: UInt32 = 1

    // MARK: - Peers' shares (peer mesh)

    var shareTried: [UInt16] = []
    var shareBroken: [Bool] = []
    var shareDone: [Bool] = []
    /// The peer the attack is working on (peer by peer).
    var peerCursor = 0
    /// Set when a full pass found nothing left to try; cleared when peers join or come back.
    var meshExhausted = false
    /// Open and weak shares among the first `sharesCounted` peers (kept up to date as the population changes, so a
    /// frame never walks a million peers).
    private var sharesCounted = 0
    private var openShares = 0, weakShares = 0

    // MARK: - The attack

    var attackActive = false
    var attackGeneration: UInt32 = 0
    /// Attacking nodes while the attack runs: node ids 1...attackers.
    var attackers = 0

    // MARK: - Counters (the JSON `security` object)

    var loginAttempts = 0, loginFailures = 0, lockouts = 0, unauthorized = 0
    var accountBreaches = 0, shareBreaches = 0
    /// Attack attempts that reached an account (all in the central log) or a share, and those a peer logged.
    var accountAttempts = 0, shareAttempts = 0, shareLogged = 0
    var firstAccountBreach: SimTime?, firstShareBreach: SimTime?
    /// Guesses whose word was checked against a password, and guesses refused unchecked because the account was
    /// locked (see `SecurityView`).
    var guessesChecked = 0, refusedLocked = 0
    /// The most wrong share passwords one peer logged over the run, and which peer (a node id).
    var mostLoggedByAPeer = 0, mostLoggingPeer = 0
    /// Legitimate clients whose login a lock refused, over the run and in the current phase.
    var lockedOut = ClientSet(), phaseLockedOut = ClientSet()

    // MARK: - Who saw the attack in the current architecture period (`SecurityModel+Phases.swift`)

    var phase: SecurityPhase
    var previousPhase: SecurityPhase?
    /// Attempts the server logged in the current phase (a server still draining after a switch to the mesh logs too).
    var phaseServerLogged = 0
    /// Wrong share passwords each peer logged in the current phase: 16 bits a peer, like `shareTried`, whose count
    /// it cannot pass within a phase.
    var phasePeerLogged: [UInt16] = []

    var attackAttempts: Int { accountAttempts + shareAttempts }
    var loggedAttempts: Int { accountAttempts + shareLogged }
    var firstBreach: SimTime? {
        switch (firstAccountBreach, firstShareBreach) {
        case let (a?, b?): min(a, b)
        case let (a, b): a ?? b
        }
    }

    init(scenario: Scenario) {
        seed = scenario.seed
        settings = scenario.security
        let n = settings.accounts
        failures = Array(repeating: 0, count: n)
        lockedUntil = Array(repeating: 0, count: n)
        accountTried = Array(repeating: 0, count: n)
        accountBroken = Array(repeating: false, count: n)
        accountDone = Array(repeating: false, count: n)
        accountsLeft = n
        var weak = 0
        for a in 0..<n where Self.accountPassword(seed: seed, settings: settings, a).isExposed { weak += 1 }
        weakAccounts = weak
        attackers = settings.attackers
        attackActive = settings.attackers > 0 && settings.attackRate > 0
        phase = SecurityPhase(architecture: scenario.architecture, from: 0)
    }

    /// Whole seconds until `account`'s lock ends, rounded up (for messages).
    func secondsLeft(_ account: Int, at now: SimTime) -> Int {
        Int(((lockedUntil[account] - now).inSeconds).rounded(.up))
    }

    /// Sessions end: the server restarted, or client-server resumed after a spell as a mesh.
    mutating func endSessions() { loginEpoch &+= 1 }

    var centralAuthentication: Bool { settings.accounts > 0 }

    // MARK: - Passwords and permissions

    static func accountPassword(seed: UInt64, settings: Scenario.Security, _ account: Int) -> ShareProtection {
        PasswordDraws.password(seed: seed, index: account, weak: settings.weakPasswords,
                               dictionary: settings.dictionary, weakSalt: PasswordDraws.accountWeak,
                               positionSalt: PasswordDraws.accountPosition)
    }

    func accountPassword(_ account: Int) -> ShareProtection {
        Self.accountPassword(seed: seed, settings: settings, account)
    }

    /// A peer's share: unprotected with probability 1 − share_passwords, else a weak or strong password.
    func shareProtection(_ peer: Int) -> ShareProtection {
        guard PasswordDraws.unit(seed: seed, salt: PasswordDraws.shareProtected, index: peer) < settings.sharePasswords
        else { return .open }
        return PasswordDraws.password(seed: seed, index: peer, weak: settings.weakPasswords,
                                      dictionary: settings.dictionary, weakSalt: PasswordDraws.shareWeak,
                                      positionSalt: PasswordDraws.sharePosition)
    }

    /// The account client `client` (index) logs in with: clients share the accounts round-robin.
    func account(ofClient client: Int) -> Int { client % settings.accounts }

    /// Whether the administrator granted `account` read access to `resource`.
    func mayRead(account: Int, resource: Int) -> Bool {
        settings.readAccess >= 1
            || PasswordDraws.unit(seed: seed, salt: PasswordDraws.readGrant, index: account << 32 | resource)
                < settings.readAccess
    }

    func isLocked(_ account: Int, at now: SimTime) -> Bool { lockedUntil[account] > now }

    func lockedAccounts(at now: SimTime) -> Int { lockedUntil.reduce(0) { $0 + ($1 > now ? 1 : 0) } }

    // MARK: - Exposure

    /// How many of the first `peers` peers leave their share open, and how many protect it with a weak password.
    mutating func shareCounts(_ peers: Int) -> (open: Int, weak: Int) {
        if peers < sharesCounted { sharesCounted = 0; openShares = 0; weakShares = 0 }
        while sharesCounted < peers {
            switch shareProtection(sharesCounted) {
            case .open: openShares += 1
            case .weak: weakShares += 1
            case .strong: break
            }
            sharesCounted += 1
        }
        return (openShares, weakShares)
    }

    /// Share of the first `peers` peers whose share is open or weakly protected.
    mutating func exposedShareOfPeers(_ peers: Int) -> Double {
        let c = shareCounts(peers)
        return peers > 0 ? Double(c.open + c.weak) / Double(peers) : 0
    }

    /// Share of accounts with a guessable password (an open server, with no accounts, exposes everything).
    var exposedShareOfAccounts: Double {
        settings.accounts > 0 ? Double(weakAccounts) / Double(settings.accounts) : 1
    }

    // MARK: - Logins and guesses at the server

    /// What a guess at an account found.
    enum AccountGuess: Equatable {
        /// The account is locked: refused without checking the password.
        case refused
        /// A wrong word; `locked` when this failure locked the account.
        case wrong(tryNumber: Int, locked: Bool)
        /// The right word: the attacker holds the account.
        case broken(tryNumber: Int)
        /// The attacker already holds it (a guess sent before it learned so): a plain login.
        case alreadyBroken
    }

    /// Client `client`'s (an index) own login: refused while the account is locked, and the client then counted
    /// among the users a lock shut out (`lockedOutUsers`) unless it is one of the attacking nodes.
    mutating func login(account: Int, client: Int, at now: SimTime) -> Bool {
        loginAttempts += 1
        guard !isLocked(account, at: now) else {
            loginFailures += 1
            userShutOut(client)
            return false
        }
        return true
    }

    /// A guess reaches the server: every one is checked against the lock, then the password, and logged centrally.
    mutating func guessAccount(_ a: Int, at now: SimTime) -> AccountGuess {
        loginAttempts += 1
        accountAttempts += 1
        serverLogged()
        if accountBroken[a] { return .alreadyBroken }
        if isLocked(a, at: now) {
            loginFailures += 1
            refusedLocked += 1
            phase.refusedLocked += 1
            return .refused
        }
        guessChecked()
        accountTried[a] += 1
        let tryNumber = Int(accountTried[a])
        if case .weak(let position) = accountPassword(a), tryNumber == position {
            accountBroken[a] = true
            accountBreaches += 1
            markDone(account: a)
            if firstAccountBreach == nil { firstAccountBreach = now }
            phaseBreach(at: now)
            return .broken(tryNumber: tryNumber)
        }
        loginFailures += 1
        failures[a] += 1
        if tryNumber >= settings.dictionary { markDone(account: a) }
        if failures[a] >= Int32(settings.lockoutAfter) {
            lockedUntil[a] = now + .seconds(settings.lockoutSeconds)
            failures[a] = 0
            lockouts += 1
            return .wrong(tryNumber: tryNumber, locked: true)
        }
        return .wrong(tryNumber: tryNumber, locked: false)
    }

    private mutating func markDone(account a: Int) {
        if !accountDone[a] { accountDone[a] = true; accountsLeft -= 1 }
    }

    /// The account the attack works on: the current one until it is locked, broken or exhausted, then the next one
    /// that is open to guessing. When every account left is locked, it keeps knocking at the current one (refused,
    /// but each refusal still costs the server a lookup and a log line). Nil when every account is broken or
    /// exhausted.
    mutating func nextAccountTarget(at now: SimTime) -> Int? {
        guard accountsLeft > 0 else { return nil }
        let n = settings.accounts
        var firstLocked: Int?
        for step in 0..<n {
            let a = (accountCursor + step) % n
            guard !accountDone[a] else { continue }
            if !isLocked(a, at: now) { accountCursor = a; return a }
            if firstLocked == nil { firstLocked = a }
        }
        if let a = firstLocked { accountCursor = a }
        return firstLocked
    }

    // MARK: - Guesses at peers' shares

    /// What a guess at a peer's share found.
    enum ShareGuess: Equatable {
        /// No password: the share was simply read (the peer does not notice).
        case readOpen
        /// A wrong word, which the peer logs (only the peer sees it).
        case wrong(tryNumber: Int)
        /// The right word: indistinguishable from its owner, so not logged as an attack.
        case broken(tryNumber: Int)
        /// Already in the attacker's hands.
        case alreadyBroken
    }

    mutating func ensurePeers(_ count: Int) {
        guard shareTried.count < count else { return }
        let add = count - shareTried.count
        shareTried += Array(repeating: 0, count: add)
        shareBroken += Array(repeating: false, count: add)
        shareDone += Array(repeating: false, count: add)
        phasePeerLogged += Array(repeating: 0, count: add)
    }

    mutating func guessShare(_ peer: Int, at now: SimTime) -> ShareGuess {
        ensurePeers(peer + 1)
        shareAttempts += 1
        phase.attempts += 1
        if shareBroken[peer] { return .alreadyBroken }
        let protection = shareProtection(peer)
        if protection == .open {
            breakShare(peer, at: now)
            return .readOpen
        }
        loginAttempts += 1
        guessChecked()
        shareTried[peer] &+= 1
        let tryNumber = Int(shareTried[peer])
        if case .weak(let position) = protection, tryNumber == position {
            breakShare(peer, at: now)
            return .broken(tryNumber: tryNumber)
        }
        loginFailures += 1
        shareLogged += 1
        peerLogged(peer, tryNumber: tryNumber)
        if tryNumber >= settings.dictionary { shareDone[peer] = true }
        return .wrong(tryNumber: tryNumber)
    }

    private mutating func breakShare(_ peer: Int, at now: SimTime) {
        shareBroken[peer] = true
        shareDone[peer] = true
        shareBreaches += 1
        if firstShareBreach == nil { firstShareBreach = now }
        phaseBreach(at: now)
    }

    /// The peer the attack works on: the current one until it is done, then the next reachable one.
    /// `isTarget` says whether a peer can be attacked now (up, and not an attacker itself).
    mutating func nextPeerTarget(peers: Int, isTarget: (Int) -> Bool) -> Int? {
        guard peers > 0, !meshExhausted else { return nil }
        ensurePeers(peers)
        for _ in 0..<peers {
            if peerCursor >= peers { peerCursor = 0 }
            let p = peerCursor
            if !shareDone[p] && isTarget(p) { return p }
            peerCursor += 1
        }
        meshExhausted = true
        return nil
    }

    // MARK: - Reading

    /// Share of attack attempts recorded in a log an administrator can read: the server's central log records every
    /// attempt at an account; in a mesh only a wrong share password is logged, by the attacked peer alone (an open
    /// share is read without a login, and the right password looks like the owner). Nil before any attempt.
    var detectedShare: Double? {
        attackAttempts > 0 ? Double(loggedAttempts) / Double(attackAttempts) : nil
    }
}
