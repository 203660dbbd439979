// MARK: - Who saw the attack: the single best-placed observer, every log together, and the lockout's two sides

extension SecurityModel {
    /// The server logged an attempt at an account (it logs every one, refused, wrong, right or already held).
    mutating func serverLogged() {
        phase.attempts += 1
        phase.logged += 1
        phaseServerLogged += 1
        if phaseServerLogged > phase.largestLogged {
            phase.largestLogged = phaseServerLogged
            phase.largestObserver = 0
        }
    }

    /// A guess's word was checked against a password.
    mutating func guessChecked() {
        guessesChecked += 1
        phase.guessesChecked += 1
    }

    /// Peer `peer` logged a wrong share password, the `tryNumber`th word tried on its share. A peer logs exactly its
    /// wrong tries, and a share still being guessed has had no right one, so `tryNumber` is all this peer has
    /// logged over the run: the run's largest single view needs no array of its own. Counts only grow, so the
    /// largest is kept as they do: O(1) per guess.
    mutating func peerLogged(_ peer: Int, tryNumber: Int) {
        phase.logged += 1
        if tryNumber > mostLoggedByAPeer { mostLoggedByAPeer = tryNumber; mostLoggingPeer = peer + 1 }
        if phasePeerLogged[peer] < UInt16.max { phasePeerLogged[peer] += 1 }
        let n = Int(phasePeerLogged[peer])
        if n > phase.largestLogged {
            phase.largestLogged = n
            phase.largestObserver = peer + 1
        }
    }

    /// An account or a share fell in the current phase.
    mutating func phaseBreach(at now: SimTime) {
        phase.breaches += 1
        if phase.firstBreach == nil { phase.firstBreach = now }
    }

    /// A lock refused client `client`'s own login. The attacking nodes (ids 1…attackers while the attack runs) are
    /// not legitimate users: their own workload's refusals are not counted.
    mutating func userShutOut(_ client: Int) {
        guard !(attackActive && client < attackers) else { return }
        lockedOut.insert(client)
        if phaseLockedOut.insert(client) { phase.lockedOutUsers = phaseLockedOut.count }
    }

    /// The architecture switched at `now`: the current phase becomes the previous one and a new one starts with
    /// every figure at 0. O(peers) once per switch, to clear the per-peer counts; nothing is allocated.
    mutating func beginPhase(_ architecture: Architecture, at now: SimTime) {
        var ended = phase
        ended.to = now
        previousPhase = ended
        phase = SecurityPhase(architecture: architecture, from: now)
        phaseServerLogged = 0
        for i in phasePeerLogged.indices where phasePeerLogged[i] != 0 { phasePeerLogged[i] = 0 }
        phaseLockedOut.removeAll()
    }

    /// The most attack attempts one observer logged over the run: the server logged every attempt at an account;
    /// the busiest peer, its wrong share passwords.
    var largestLogged: Int { max(accountAttempts, mostLoggedByAPeer) }

    /// Fills in the view's figures on who saw the attack, the lockout, and the phases.
    func describe(into view: inout SecurityView) {
        view.largestLogged = largestLogged
        view.largestObserver = largestLogged == 0 ? nil : accountAttempts >= mostLoggedByAPeer ? 0 : mostLoggingPeer
        view.guessesChecked = guessesChecked
        view.refusedLocked = refusedLocked
        view.lockedOutUsers = lockedOut.count
        view.phase = phase
        view.previousPhase = previousPhase
    }
}
