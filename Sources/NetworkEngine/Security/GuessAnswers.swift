// MARK: - What a password guess finds at the server or at a peer

extension EngineContext {
    /// The server (`byPeer` = -1) or a peer finished with a guess. Only a served guess was checked; one turned away
    /// by a full queue or a crash was not, and its word is tried again later. The answer goes back as one message;
    /// the attacker's tool acts on the verdict at once (the model's shortcut: a reply's flight would change nothing).
    mutating func guessAnswered(_ ref: RequestRef, outcome: ReplyOutcome, byPeer peer: Int) {
        let attacker = Int(requests[ref].client)
        let target = Int(requests[ref].resource)
        requests.close(ref)
        guard outcome == .completed else { return }
        metrics.message()
        if peer < 0 { accountGuessed(target, by: attacker) } else { shareGuessed(peer, by: attacker) }
    }

    /// A guess at account `account` was checked at the server: its events are the server's (node 0), with the
    /// account and the attacker.
    private mutating func accountGuessed(_ account: Int, by attacker: Int) {
        let (number, by) = (account + 1, attacker + 1)
        let who = memberName(by)
        switch security.guessAccount(account, at: now) {
        case .refused:
            log(.loginFailure, node: 0, account: number, peer: by, outcome: .refused,
                "\(who) refused at account \(number): locked (\(security.secondsLeft(account, at: now)) s left)")
        case .wrong(let n, let locked):
            log(.loginFailure, node: 0, account: number, peer: by, outcome: .wrong,
                "\(who) failed a password for account \(number) (try \(n))")
            if locked {
                log(.lockout, node: 0, account: number, peer: by, "account \(number) locked for "
                    + "\(RunReport.fixed(scenario.security.lockoutSeconds, 0)) s after "
                    + "\(scenario.security.lockoutAfter) failed passwords")
            }
        case .broken(let n):
            log(.breach, node: 0, account: number, peer: by, outcome: .broken,
                "\(who) broke into account \(number): weak password guessed on try \(n)")
        case .alreadyBroken:
            break
        }
    }

    /// A guess at peer `peer`'s share was checked by that peer: its events are the peer's, with the attacker.
    private mutating func shareGuessed(_ peer: Int, by attacker: Int) {
        let by = attacker + 1
        let who = memberName(by)
        switch security.guessShare(peer, at: now) {
        case .readOpen:
            log(.breach, node: peer + 1, peer: by, outcome: .readOpen,
                "\(who) read peer \(peer + 1)'s share: no password (unnoticed by the peer)")
        case .wrong(let n):
            log(.loginFailure, node: peer + 1, peer: by, outcome: .wrong,
                "seen by peer \(peer + 1): wrong share password from \(who) (try \(n))")
        case .broken(let n):
            log(.breach, node: peer + 1, peer: by, outcome: .broken,
                "\(who) guessed peer \(peer + 1)'s weak share password on try \(n) (looks like its owner: unnoticed)")
        case .alreadyBroken:
            break
        }
    }
}
