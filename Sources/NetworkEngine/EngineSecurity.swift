// MARK: - Security: logins, permissions, and the password-guessing attack

extension Engine {
    @inline(__always) func isGuess(_ ref: RequestRef) -> Bool { requests.isLive(ref) && requests[ref].kind == .guess }

    /// The server's mean time for what it is about to serve: a login, a guess and a permission denial are lookups
    /// in the security database (`login_ms`); a granted request is the real work (`service_ms`).
    func centralServiceMean(_ ref: RequestRef) -> SimTime {
        guard security.centralAuthentication, requests.isLive(ref) else { return meanService }
        let r = requests[ref]
        if r.kind == .guess || r.loggingIn { return meanLogin }
        let account = security.account(ofClient: Int(r.client))
        return security.mayRead(account: account, resource: Int(r.resource)) ? meanService : meanLogin
    }

    /// The server finished serving a client's message: a login is checked against the account's lock, a request
    /// against the account's permissions, and the answer goes back.
    func serverAnswered(_ ref: RequestRef) {
        guard security.centralAuthentication, requests.isLive(ref) else { sendReply(ref, .completed); return }
        let client = Int(requests[ref].client)
        let account = security.account(ofClient: client)
        if requests[ref].loggingIn {
            if security.login(account: account, at: kernel.now) {
                sendReply(ref, .loggedIn)
            } else {
                log(.loginFailure, node: 0, "client \(client + 1) cannot log in: account \(account + 1) is locked "
                    + "(\(secondsLeft(account)) s left)")
                sendReply(ref, .denied)
            }
            return
        }
        let resource = Int(requests[ref].resource)
        if security.mayRead(account: account, resource: resource) {
            sendReply(ref, .completed)
        } else {
            security.unauthorized += 1
            log(.unauthorized, node: 0, "client \(client + 1) (account \(account + 1)) denied resource \(resource): "
                + "no read permission")
            sendReply(ref, .denied)
        }
    }

    func secondsLeft(_ account: Int) -> Int {
        Int(((security.lockedUntil[account] - kernel.now).inSeconds).rounded(.up))
    }

    /// Sessions end: the server restarted, or client-server resumed after a spell as a mesh.
    func endSessions() { security.loginEpoch &+= 1 }

    // MARK: - The attack

    /// The attackers' next guess: one merged Poisson stream at `attack_rate` × attackers.
    func scheduleNextGuess() {
        // Attackers are nodes of the population: only those that exist guess. The stream restarts whenever the
        // population changes (`restartArrivals`), so by memorylessness the merged rate is always exact.
        guard security.attackActive, activeAttackers > 0, scenario.security.attackRate > 0 else { return }
        let rate = scenario.security.attackRate * Double(activeAttackers)
        let mean = max(1, SimTime.saturating(nanos: 1e9 / rate))
        kernel.schedule(.attackTick(generation: security.attackGeneration), after: attackRandom.exponential(mean: mean))
    }

    /// Attackers that are nodes of the population now.
    var activeAttackers: Int { min(security.attackers, activeClients) }

    /// Node ids of the attackers while the attack runs (insiders: the first nodes of the population).
    public var attackerIDs: ClosedRange<Int>? {
        security.attackActive && activeAttackers > 0 ? 1...activeAttackers : nil
    }

    func attackTick(_ generation: UInt32) {
        guard generation == security.attackGeneration, security.attackActive else { return }
        scheduleNextGuess()
        guard activeAttackers > 0 else { return }
        let attacker = attackRandom.below(activeAttackers)
        guard isUp(attacker) else { return }
        if architecture == .clientServer {
            guard security.centralAuthentication, let account = security.nextAccountTarget(at: kernel.now) else { return }
            sendGuess(from: attacker, target: account, to: -1)
        } else {
            let attackers = security.attackers
            guard let peer = security.nextPeerTarget(peers: activeClients, isTarget: { [self] p in
                p >= attackers && isUp(p)
            }) else { return }
            sendGuess(from: attacker, target: peer, to: peer)
        }
    }

    /// A guess leaves the attacker for the server (`to` = -1) or for peer `to`; it queues there like any request.
    func sendGuess(from attacker: Int, target: Int, to peer: Int) {
        metrics.message()
        // A lost guess is never checked; the tool sends that word again later.
        if network.chance(scenario.network.loss) { return }
        let ref = requests.open(client: Int32(attacker), at: kernel.now, segment: metrics.currentSegment,
                                resource: target, architecture: architecture, kind: .guess)
        let d = hopDelay()
        requests[ref].depart(.toServer, from: Int32(attacker + 1), to: Int32(peer + 1), at: kernel.now, arrivingAfter: d)
        if peer < 0 {
            kernel.schedule(.deliverRequest(ref), after: d)
        } else {
            kernel.schedule(.meshRequestArrives(ref, holder: Int32(peer)), after: d)
        }
    }

    /// The server (`byPeer` = -1) or a peer finished with a guess. Only a served guess was checked; one turned away
    /// by a full queue or a crash was not, and its word is tried again later. The answer goes back as one message;
    /// the attacker's tool acts on the verdict at once (the model's shortcut: a reply's flight would change nothing).
    func guessAnswered(_ ref: RequestRef, outcome: ReplyOutcome, byPeer peer: Int) {
        let attacker = Int(requests[ref].client)
        let target = Int(requests[ref].resource)
        requests.close(ref)
        guard outcome == .completed else { return }
        metrics.message()
        if peer < 0 {
            accountGuessed(target, by: attacker)
        } else {
            shareGuessed(peer, by: attacker)
        }
    }

    func accountGuessed(_ account: Int, by attacker: Int) {
        let who = "node \(attacker + 1)"
        switch security.guessAccount(account, at: kernel.now) {
        case .refused:
            log(.loginFailure, node: 0, "\(who) refused at account \(account + 1): locked (\(secondsLeft(account)) s left)")
        case .wrong(let n, let locked):
            log(.loginFailure, node: 0, "\(who) failed a password for account \(account + 1) (try \(n))")
            if locked {
                log(.lockout, node: 0, "account \(account + 1) locked for "
                    + "\(RunReport.fixed(scenario.security.lockoutSeconds, 0)) s after "
                    + "\(scenario.security.lockoutAfter) failed passwords")
            }
        case .broken(let n):
            log(.breach, node: 0, "\(who) broke into account \(account + 1): weak password guessed on try \(n)")
        case .alreadyBroken:
            break
        }
    }

    func shareGuessed(_ peer: Int, by attacker: Int) {
        let who = "node \(attacker + 1)"
        switch security.guessShare(peer, at: kernel.now) {
        case .readOpen:
            log(.breach, node: peer + 1, "\(who) read peer \(peer + 1)'s share: no password (unnoticed by the peer)")
        case .wrong(let n):
            log(.loginFailure, node: peer + 1, "seen by peer \(peer + 1): wrong share password from \(who) (try \(n))")
        case .broken(let n):
            log(.breach, node: peer + 1,
                "\(who) guessed peer \(peer + 1)'s weak share password on try \(n) (looks like its owner: unnoticed)")
        case .alreadyBroken:
            break
        }
    }

    /// `a` in the live view: starts the scenario's attack (one attacker if it names none), or stops it.
    func toggleAttack() -> CommandOutcome {
        security.attackGeneration &+= 1
        if security.attackActive {
            security.attackActive = false
            log(.attack, node: 1, "attack stopped")
            return CommandOutcome(accepted: true, message: "attack stopped")
        }
        guard scenario.security.attackRate > 0 else {
            return CommandOutcome(accepted: false, message: "no attack: the scenario's attack_rate is 0")
        }
        guard activeClients > 0 else { return CommandOutcome(accepted: false, message: "no nodes to attack from") }
        security.attackActive = true
        security.attackers = max(1, scenario.security.attackers)
        security.meshExhausted = false
        scheduleNextGuess()
        let n = security.attackers
        let who = n == 1 ? "node 1" : "nodes 1–\(n)"
        let rate = RunReport.fixed(scenario.security.attackRate * Double(n), 1)
        let target = architecture == .peerMesh ? "the peers' shares, one by one"
            : security.centralAuthentication ? "the server's \(scenario.security.accounts) accounts"
            : "an open server (no accounts to guess; they wait for a mesh)"
        log(.attack, node: 1, "attack started: \(who) guess \(rate) passwords/s at \(target)")
        return CommandOutcome(accepted: true, message: "attack started from \(who)")
    }
}
