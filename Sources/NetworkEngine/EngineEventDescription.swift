// MARK: - An event in words, for the live view's one-event step (`.`)

extension Engine {
    /// Runs the single next event, whenever it is due, and says what it was; nil when nothing is pending.
    public func stepDescribed() -> String? {
        guard let e = kernel.next(until: .max) else { return nil }
        let words = describe(e)
        handle(e)
        return words
    }

    /// What `event` is about to do, from its own fields and the state before it runs.
    func describe(_ event: Event) -> String {
        switch event {
        case .tick: return "the simulated second closes (its sample is taken)"
        case .timeline(let i):
            let kind = scenario.timeline[Int(i)].kind
            return "the timeline's " + (kind.timelineSpelling ?? "action")
        case .arrival: return "an arrival: the next request is sent"
        case .deliverReply(let ref, _, let outcome):
            guard ctx.requests.isLive(ref) else { return "a late reply (\(outcome)) arrives and is dropped" }
            return "a reply (\(outcome)) reaches \(requester(ref))"
        case .timeoutsDue: return "timeouts fall due: a request is retried or given up"
        case .deliverRequest(let ref):
            return (ctx.isGuess(ref) ? "a password guess" : "a request") + " reaches the server"
        case .serviceDone(let worker, _): return "the server finishes a request (worker \(worker + 1))"
        case .lookupArrives(_, let rank):
            return "a DHT lookup reaches peer \((mesh?.state.ring.peer(atRank: Int(rank)) ?? -1) + 1)"
        case .floodArrives(_, let peer, _, let ttl): return "a flooded query reaches peer \(peer + 1) (\(ttl) hops left)"
        case .hitArrives(_, let peer, _): return "a query hit travels back through peer \(peer + 1)"
        case .meshRequestArrives(let ref, let holder):
            return (ctx.isGuess(ref) ? "a password guess" : "a request") + " reaches peer \(holder + 1)"
        case .peerServiceDone(let peer, _, _): return "peer \(peer + 1) finishes a request"
        case .seedArrives: return "a replica seeded by the server reaches its holder"
        case .ringRepair(let peer): return "the ring's fix-up notices that peer \(peer + 1) left"
        case .churn(let peer, _): return "churn: peer \(peer + 1) " + (ctx.isUp(Int(peer)) ? "leaves" : "rejoins")
        case .attackTick: return "the attackers send a guess"
        }
    }

    private func requester(_ ref: RequestRef) -> String {
        let id = Int(ctx.requests[ref].client) + 1
        return (ctx.requests[ref].architecture == .peerMesh ? "peer " : "client ") + String(id)
    }
}
