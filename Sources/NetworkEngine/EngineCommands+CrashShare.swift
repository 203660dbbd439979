// MARK: - Many members failing at once, and what leaves with departing peers

extension Engine {
    /// Crashes `share` of the members up now, chosen at random (`MassFailure`): each goes down as `x` takes it down
    /// (its own outstanding requests fail, a peer's replicas go offline and what its server held fails), one
    /// `node_down` line each, then one `crash_share` line that says what the crash took.
    ///
    /// Under client-server it crashes that share of the clients: they stop asking, and the server serves the others
    /// as before (crash the server with `x` on it, or a timeline's `crash: server`). A crashed member stays down until
    /// revived (`x`, `restart:`); with churn, it rejoins when its churn would next have changed it.
    func crashShare(_ share: Double) -> CommandOutcome {
        guard share > 0, share <= 1 else {
            return CommandOutcome(accepted: false, message: "a share to crash is more than 0 and at most 1")
        }
        let who = members(2)
        let up = (0..<ctx.activeNodes).filter { ctx.isUp($0) }
        let count = MassFailure.count(share: share, of: up.count)
        guard count > 0 else {
            return CommandOutcome(accepted: false, message: up.isEmpty ? "no \(who) up to crash"
                : "\(Self.percent(share)) of \(up.count) \(who) up is none")
        }
        let victims = failures.choose(count, from: up)
        let inMesh = ctx.architecture == .peerMesh
        let replicas = inMesh ? mesh?.onlineReplicas(on: victims, ctx) : nil
        var down = ClientSet()
        for v in victims {
            _ = ctx.liveness.set(v, up: false, at: ctx.now)
            down.insert(v)
        }
        // The crashed processes' own requests can no longer be delivered: one pass over the live requests for all.
        clients.failOutstanding(of: down, &ctx)
        for v in victims {
            mesh?.peerChanged(v, up: false, &ctx)
            ctx.log(.nodeDown, node: v + 1, inMesh ? "peer \(v + 1) left (crash of \(Self.percent(share)))"
                    : "client \(v + 1) crashed (crash of \(Self.percent(share)))")
        }
        let headline = "\(count) of \(up.count) \(who) up crashed at once (\(Self.percent(share)))"
        let detail: String
        if let replicas, let mesh {
            detail = headline + ", taking \(replicas) replicas offline; " + Self.withoutCopy(mesh.unavailableResources)
        } else if inMesh {
            detail = headline
        } else {
            detail = headline + "; the server serves the \(up.count - count) left as before"
        }
        ctx.log(.crashShare, node: victims[0] + 1, detail)
        return CommandOutcome(accepted: true, message: detail)
    }

    /// `2 resources now have no copy online` (`1 resource now has ...`).
    static func withoutCopy(_ n: Int) -> String {
        n == 1 ? "1 resource now has no copy online" : "\(n) resources now have no copy online"
    }

    /// `30%`, `12.5%`: a share as the log says it.
    static func percent(_ share: Double) -> String {
        // Rounded to a thousandth of a percent first: 0.3 × 100 is 30.000000000000004 in binary floating point.
        ScenarioRange.formatted((share * 100_000).rounded() / 1000) + "%"
    }
}

extension ClientsModel {
    /// The clients in `crashed` died at once: what they were waiting for can no longer be delivered (one pass over
    /// the live requests, where `failOutstanding(of:)` for each would make one per client).
    mutating func failOutstanding(of crashed: ClientSet, _ ctx: inout EngineContext) {
        for ref in ctx.requests.liveRefs() where crashed.contains(Int(ctx.requests[ref].client)) {
            finish(ref, .failed, &ctx)
        }
    }
}
