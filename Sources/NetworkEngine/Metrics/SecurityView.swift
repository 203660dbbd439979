/// The security figures for the panel and the report: who guards what, and what the attack has achieved.
public struct SecurityView: Sendable, Equatable {
    /// The regime in force: the server's central database (client-server), or each peer for itself.
    public var architecture: Architecture
    /// Central accounts (0: an open server with no logins).
    public var accounts: Int
    public var weakAccounts: Int
    /// Accounts locked right now.
    public var lockedAccounts: Int
    /// Active peers by share protection: no password, a weak one, and any password (weak or strong).
    public var openShares: Int
    public var weakShares: Int
    public var protectedShares: Int

    public var loginAttempts = 0, loginFailures = 0, lockouts = 0, unauthorized = 0
    public var accountBreaches = 0, shareBreaches = 0
    /// Attack attempts that reached their target, and those written to a log.
    public var attackAttempts = 0, loggedAttempts = 0
    /// Accounts (client-server) or peers (mesh) that are open or weakly protected, as a share of all of them.
    public var exposedShare: Double
    public var firstBreach: SimTime?
    /// Logged attempts over attempts; nil before any attempt.
    public var detectedShare: Double? {
        attackAttempts > 0 ? Double(loggedAttempts) / Double(attackAttempts) : nil
    }

    /// The same figures for the regime in force only (attempts at accounts, or at shares), so the panel shows
    /// what the mesh detects, not a mixture with the server's log.
    public var regimeAttempts = 0, regimeLogged = 0
    public var regimeFirstBreach: SimTime?
    public var regimeBreaches: Int { architecture == .clientServer ? accountBreaches : shareBreaches }
    public var regimeDetectedShare: Double? {
        regimeAttempts > 0 ? Double(regimeLogged) / Double(regimeAttempts) : nil
    }

    public var attackActive = false
    /// Node ids of the attackers while the attack runs.
    public var attackers: ClosedRange<Int>?
    /// Guesses per second of all attackers together.
    public var attackRate = 0.0
    /// The node being attacked now: 0 for the server, a peer's id in a mesh.
    public var target: Int?
    /// The account being guessed now (1-based), under client-server.
    public var targetAccount: Int?

    public var breaches: Int { accountBreaches + shareBreaches }

    public init(architecture: Architecture, accounts: Int, weakAccounts: Int, lockedAccounts: Int,
                openShares: Int, weakShares: Int, protectedShares: Int, exposedShare: Double) {
        self.architecture = architecture; self.accounts = accounts; self.weakAccounts = weakAccounts
        self.lockedAccounts = lockedAccounts; self.openShares = openShares
        self.weakShares = weakShares; self.protectedShares = protectedShares; self.exposedShare = exposedShare
    }
}

/// One node's security marks on the topology and in the inspector.
public struct NodeSecurity: Sendable, Equatable {
    /// An attacking node.
    public var attacker = false
    /// The node the attack is working on now.
    public var underAttack = false
    /// The peer's share, or the client's account, is in the attacker's hands.
    public var breached = false
    /// A peer's share protection (nil for clients and the server).
    public var share: ShareProtection?
    /// A client's account id, 1-based (nil in a mesh or on an open server).
    public var account: Int?
    public var accountLocked = false
    public init() {}
}
