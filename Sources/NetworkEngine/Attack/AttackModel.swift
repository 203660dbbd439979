/// The password-guessing attack: insiders (the first nodes of the population) send guesses as one merged Poisson
/// stream, at the server's accounts under client-server and at the peers' shares, one by one, in a mesh. What a
/// guess finds is the security database's business (`EngineContext.guessAnswered`).
struct AttackModel {
    /// Which attacker guesses next.
    private var random: SeededRandom
    /// Guesses per second per attacker.
    let rate: Double
    let settings: Scenario.Security

    init(scenario: Scenario) {
        random = SeededRandom(seed: scenario.seed, stream: .attacks)
        rate = scenario.security.attackRate
        settings = scenario.security
    }

    /// Attackers that are nodes of the population now.
    func activeAttackers(_ ctx: EngineContext) -> Int { min(ctx.security.attackers, ctx.activeNodes) }

    /// Node ids of the attackers while the attack runs.
    func attackerIDs(_ ctx: EngineContext) -> ClosedRange<Int>? {
        let n = activeAttackers(ctx)
        return ctx.security.attackActive && n > 0 ? 1...n : nil
    }

    /// The attackers' next guess. Only attackers that exist guess; the stream restarts whenever the population
    /// changes (`restart`), so by memorylessness the merged rate is always exact.
    mutating func scheduleNextGuess(_ ctx: inout EngineContext) {
        let attackers = activeAttackers(ctx)
        guard ctx.security.attackActive, attackers > 0, rate > 0 else { return }
        let mean = max(1, SimTime.saturating(nanos: 1e9 / (rate * Double(attackers))))
        ctx.kernel.schedule(.attackTick(generation: ctx.security.attackGeneration), after: random.exponential(mean: mean))
    }

    /// The population changed: a running attack redraws its next guess at the new rate.
    mutating func restart(_ ctx: inout EngineContext) {
        guard ctx.security.attackActive else { return }
        ctx.security.attackGeneration &+= 1
        scheduleNextGuess(&ctx)
    }

    mutating func tick(generation: UInt32, _ ctx: inout EngineContext) {
        guard generation == ctx.security.attackGeneration, ctx.security.attackActive else { return }
        scheduleNextGuess(&ctx)
        let attackers = activeAttackers(ctx)
        guard attackers > 0 else { return }
        let attacker = random.below(attackers)
        guard ctx.isUp(attacker) else { return }
        if ctx.architecture == .clientServer {
            guard ctx.security.centralAuthentication,
                  let account = ctx.security.nextAccountTarget(at: ctx.now) else { return }
            sendGuess(from: attacker, target: account, to: -1, &ctx)
        } else {
            let first = ctx.security.attackers
            let liveness = ctx.liveness
            guard let peer = ctx.security.nextPeerTarget(peers: ctx.activeNodes, isTarget: { p in
                p >= first && liveness.isUp(p)
            }) else { return }
            sendGuess(from: attacker, target: peer, to: peer, &ctx)
        }
    }

    /// A guess leaves the attacker for the server (`to` = -1) or for peer `to`; it queues there like any request.
    private func sendGuess(from attacker: Int, target: Int, to peer: Int, _ ctx: inout EngineContext) {
        // A lost guess is never checked; the tool sends that word again later.
        if ctx.sendsAndLoses() { return }
        let ref = ctx.requests.open(client: Int32(attacker), at: ctx.now, segment: ctx.metrics.currentSegment,
                                    resource: target, architecture: ctx.architecture, kind: .guess)
        let d = ctx.hopDelay()
        ctx.requests[ref].depart(.toServer, from: Int32(attacker + 1), to: Int32(peer + 1), at: ctx.now,
                                 arrivingAfter: d)
        ctx.kernel.schedule(peer < 0 ? .deliverRequest(ref) : .meshRequestArrives(ref, holder: Int32(peer)), after: d)
    }

    /// `a` in the live view: starts the scenario's attack (one attacker if it names none), or stops it.
    mutating func toggle(_ ctx: inout EngineContext) -> CommandOutcome {
        ctx.security.attackGeneration &+= 1
        if ctx.security.attackActive {
            ctx.security.attackActive = false
            ctx.log(.attack, node: 1, "attack stopped")
            return CommandOutcome(accepted: true, message: "attack stopped")
        }
        guard rate > 0 else {
            return CommandOutcome(accepted: false, message: "no attack: the scenario's attack_rate is 0")
        }
        guard ctx.activeNodes > 0 else { return CommandOutcome(accepted: false, message: "no nodes to attack from") }
        ctx.security.attackActive = true
        ctx.security.attackers = max(1, settings.attackers)
        ctx.security.meshExhausted = false
        scheduleNextGuess(&ctx)
        let n = ctx.security.attackers
        let who = n == 1 ? ctx.memberName(1) : (ctx.architecture == .peerMesh ? "peers" : "clients") + " 1–\(n)"
        let total = RunReport.fixed(rate * Double(n), 1)
        let target = ctx.architecture == .peerMesh ? "the peers' shares, one by one"
            : ctx.security.centralAuthentication ? "the server's \(settings.accounts) accounts"
            : "an open server (no accounts to guess; they wait for a mesh)"
        ctx.log(.attack, node: 1, "attack started: \(who) guess \(total) passwords/s at \(target)")
        return CommandOutcome(accepted: true, message: "attack started from \(who)")
    }
}
