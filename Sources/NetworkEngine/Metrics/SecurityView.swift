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

    /// The most attack attempts that one observer logged over the run: the server's central log, or one peer's own
    /// (`SecurityPhase.largestLogged` says which observers there are).
    public var largestLogged = 0
    /// That observer: 0 for the server, a peer's id; nil before any attempt was logged.
    public var largestObserver: Int?
    /// The share of attack attempts that the single best-placed observer saw; nil before any attempt. Under
    /// client-server it is the server's log, which sees every attempt (1); in a mesh, the one peer that logged the
    /// most, about 1/k when the attack spread over k peers. `detectedShare` is the union of every log.
    public var largestSingleView: Double? {
        attackAttempts > 0 ? Double(largestLogged) / Double(attackAttempts) : nil
    }
    /// Guesses whose word was checked against a password (wrong, or the one that broke in), and guesses refused
    /// unchecked because the account was locked: what the lockout leaves the attacker, and what it takes away.
    public var guessesChecked = 0, refusedLocked = 0
    /// Legitimate clients shut out by a lock: distinct clients, other than the attacking nodes while the attack
    /// runs, whose own login the server refused because their account was locked (a logged-in client's requests
    /// are never refused for a lock; a refused login denies the request that needed it).
    public var lockedOutUsers = 0

    /// The figures of the architecture period in force (since the last switch, or the start), so the panel never
    /// mixes the server's log with the peers' nor seems to reset at a switch; and the period before it, if any.
    public var phase: SecurityPhase
    public var previousPhase: SecurityPhase?

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
        phase = SecurityPhase(architecture: architecture, from: 0)
    }
}

/// What the attack did, and who saw it, during one architecture period (a phase: from the start or a switch to the
/// next switch). Every figure counts only what happened inside the period, so two phases read side by side as a
/// before/after comparison.
public struct SecurityPhase: Sendable, Equatable {
    /// The architecture in force during the phase.
    public var architecture: Architecture
    /// When it began; when it ended (nil while it is the current one).
    public var from: SimTime
    public var to: SimTime?
    /// Attack attempts that reached a target (the server's accounts, or a peer's share) in the phase.
    public var attempts = 0
    /// Of them, those written to some log: the server's central log, or the log of the peer attacked.
    public var logged = 0
    /// The most that any single observer logged in the phase, and who it was (0: the server, else a peer's id).
    public var largestLogged = 0
    public var largestObserver: Int?
    public var guessesChecked = 0, refusedLocked = 0
    /// Distinct legitimate clients refused a login in the phase because their account was locked (as
    /// `SecurityView.lockedOutUsers`, counted afresh in each phase).
    public var lockedOutUsers = 0
    /// Accounts or shares broken in the phase, and when the first fell.
    public var breaches = 0
    public var firstBreach: SimTime?

    public init(architecture: Architecture, from: SimTime) {
        self.architecture = architecture
        self.from = from
    }

    /// Logged attempts over attempts: every log together. Nil before any attempt.
    public var detectedShare: Double? { attempts > 0 ? Double(logged) / Double(attempts) : nil }
    /// The best-placed single observer's share of the attempts. Nil before any attempt.
    public var largestSingleView: Double? { attempts > 0 ? Double(largestLogged) / Double(attempts) : nil }
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
