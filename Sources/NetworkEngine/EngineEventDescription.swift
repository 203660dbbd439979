// MARK: - An event in words, for the live view's one-event step (`.`)

extension Engine {
    /// Runs the single next event, whenever it is due, and says what it was; nil when nothing is pending.
    ///
    /// The words open with the facts, then the sentence: `kind · node · request: what happened`, for example
    /// `request · server · request 17.3 of client 12: a request reaches the server`. The node is where the event
    /// happens (absent for events of the whole run, such as the second's tick); the request is named where the event
    /// carries one, as `slot.use` (the request table's slot, and which use of that slot it is, counted from 1:
    /// together unique).
    public func stepDescribed() -> String? {
        guard let e = kernel.next(until: .max) else { return nil }
        var facts = describe(e)
        // What only the handling tells: whose arrival it was, whether a service end was stale.
        let arrivalClient = arrivalSender(e)
        let sentBefore = arrivalClient.map { clients.records[$0].sent }
        let servedBefore = serverWorkerRequest(e)
        handle(e)
        if let c = arrivalClient, let before = sentBefore {
            if clients.records[c].sent > before {
                facts.node = memberName(c + 1)
                facts.words = "\(memberName(c + 1)) sends its next request"
            } else {
                facts.words = "an arrival that sends nothing: its client is down, or the population changed"
            }
        }
        if case .serviceDone(let worker, _) = e {
            if let ref = servedBefore, central.server.request(on: Int(worker)) != ref {
                facts.request = requestName(ref)
            } else {
                facts.words = "a service end left over from before the server's crash: nothing happens"
            }
        }
        return facts.text
    }

    /// What an event is, as the step line says it.
    struct StepFacts {
        /// The kind of event, in words: `arrival`, `request`, `DHT hop`.
        var kind: String
        /// Where it happens: `server`, `client 12`, `peer 7`.
        var node: String?
        /// The request it carries, with its requester: `request 17.3 of client 12`.
        var request: String?
        /// The sentence.
        var words: String

        var text: String {
            [kind, node, request].compactMap { $0 }.joined(separator: " · ") + ": " + words
        }
    }

    /// What `event` is about to do, from its own fields and the state before it runs.
    func describe(_ event: Event) -> StepFacts {
        switch event {
        case .tick:
            return StepFacts(kind: "tick", words: "the simulated second closes (its sample is taken)")
        case .timeline(let i):
            let kind = scenario.timeline[Int(i)].kind
            return StepFacts(kind: "timeline", words: "the timeline's " + (kind.timelineSpelling ?? "action"))
        case .arrival:
            return StepFacts(kind: "arrival", words: "an arrival: the next request is sent")
        case .deliverReply(let ref, _, let outcome):
            guard ctx.requests.isLive(ref) else {
                return StepFacts(kind: "reply", request: requestName(ref),
                                 words: "a late reply (\(outcome)) arrives and is dropped")
            }
            let who = requester(ref)
            return StepFacts(kind: "reply", node: who, request: requestName(ref),
                             words: "a reply (\(outcome)) reaches \(who)")
        case .timeoutsDue:
            return timeoutFacts()
        case .deliverRequest(let ref):
            let guess = ctx.isGuess(ref)
            return StepFacts(kind: guess ? "guess" : "request", node: "server", request: requestName(ref),
                             words: (guess ? "a password guess" : "a request") + " reaches the server")
        case .serviceDone(let worker, _):
            return StepFacts(kind: "service done", node: "server",
                             words: "the server finishes a request (worker \(worker + 1))")
        case .lookupArrives(let ref, let rank):
            let peer = (mesh?.state.ring.peer(atRank: Int(rank)) ?? -1) + 1
            return StepFacts(kind: "DHT hop", node: "peer \(peer)", request: requestName(ref),
                             words: "a DHT lookup reaches peer \(peer)")
        case .lookupReachesHolder(let ref, let peer):
            return StepFacts(kind: "DHT hop", node: "peer \(peer + 1)", request: requestName(ref),
                             words: "a DHT lookup's last hop reaches peer \(peer + 1), a holder of its key")
        case .floodArrives(let flood, let peer, _, let ttl):
            return StepFacts(kind: "flood", node: "peer \(peer + 1)", request: "query \(flood)",
                             words: "a flooded query reaches peer \(peer + 1) (\(ttl) hops left)")
        case .hitArrives(let flood, let peer, _):
            return StepFacts(kind: "query hit", node: "peer \(peer + 1)", request: "query \(flood)",
                             words: "a query hit travels back through peer \(peer + 1)")
        case .meshRequestArrives(let ref, let holder):
            let guess = ctx.isGuess(ref)
            return StepFacts(kind: guess ? "guess" : "request", node: "peer \(holder + 1)", request: requestName(ref),
                             words: (guess ? "a password guess" : "a request") + " reaches peer \(holder + 1)")
        case .peerServiceDone(let peer, let worker, _):
            return StepFacts(kind: "service done", node: "peer \(peer + 1)",
                             request: peerWorkerRequest(peer: Int(peer), worker: Int(worker)).map { requestName($0) },
                             words: "peer \(peer + 1) finishes a request")
        case .seedArrives:
            return StepFacts(kind: "seed", words: "a replica seeded by the server reaches its holder")
        case .ringRepair(let peer):
            return StepFacts(kind: "ring repair", node: "peer \(peer + 1)",
                             words: "the ring's fix-up notices that peer \(peer + 1) left")
        case .churn(let peer, _):
            return StepFacts(kind: "churn", node: "peer \(peer + 1)",
                             words: "churn: peer \(peer + 1) " + (ctx.isUp(Int(peer)) ? "leaves" : "rejoins"))
        case .attackTick:
            return StepFacts(kind: "attack", words: "the attackers send a guess")
        case .diskFails:
            return StepFacts(kind: "disk failure", words: "a disk fails (server or peer, drawn at random)")
        case .backupDue:
            return StepFacts(kind: "backup", node: "server", words: "the server's backup clock falls due")
        case .restoreDone:
            return StepFacts(kind: "restore", node: "server", words: "the server's restore ends: it comes back")
        case .repairDue(let peer, _):
            return StepFacts(kind: "repair", node: "peer \(peer + 1)",
                             words: "peer \(peer + 1)'s lost copies are copied back from surviving holders")
        case .chunkSent(let uploader, let receiver, _):
            return StepFacts(kind: "chunk", node: uploader < 0 ? "server" : memberName(Int(uploader) + 1),
                             words: "a chunk's transmission to \(memberName(Int(receiver) + 1)) ends: the slot is free")
        case .chunkArrives(let receiver, let chunk):
            return StepFacts(kind: "chunk", node: memberName(Int(receiver) + 1),
                             words: "chunk \(chunk + 1) reaches \(memberName(Int(receiver) + 1))")
        case .uploadRetry(let uploader):
            return StepFacts(kind: "chunk", node: uploader < 0 ? "server" : memberName(Int(uploader) + 1),
                             words: "an idle upload slot looks for a receiver again")
        }
    }

    /// A timeout's step, named like the others: the first request whose timer falls due now (stale timers, of
    /// requests that ended or went on to a later attempt, are skipped as the handling skips them), whether it is
    /// retried or given up, and how many more fall due with it.
    private func timeoutFacts() -> StepFacts {
        let requests = ctx.requests
        let (first, count) = clients.timeouts.due(at: ctx.now) { e in
            requests.isLive(e.request) && requests[e.request].attempt == e.attempt
        }
        guard let due = first else {
            return StepFacts(kind: "timeout", words: "a timer falls due for requests that already ended: nothing happens")
        }
        let who = requester(due.request)
        let attempt = Int(due.attempt) + 1
        var words = Int(due.attempt) < scenario.workload.retries
            ? "attempt \(attempt) timed out: \(who) sends it again"
            : "attempt \(attempt) timed out and no retry is left: \(who) gives up"
        if count > 1 { words += " (\(count - 1) more time out with it)" }
        return StepFacts(kind: "timeout", node: who, request: requestName(due.request), words: words)
    }

    /// The client (0-based) an arrival will be sent by, read from a copy of the arrival stream; nil for other events.
    private func arrivalSender(_ event: Event) -> Int? {
        guard case .arrival = event, ctx.activeNodes > 0 else { return nil }
        let c = clients.nextArrivalGuess(members: ctx.activeNodes).client
        return c < clients.records.count ? c : nil
    }

    /// The request a server worker holds before a service end runs; nil for other events.
    private func serverWorkerRequest(_ event: Event) -> RequestRef? {
        guard case .serviceDone(let worker, _) = event, worker >= 0, Int(worker) < central.server.workers else {
            return nil
        }
        return central.server.request(on: Int(worker))
    }

    /// The request a peer's worker holds, when the peer's server exists.
    private func peerWorkerRequest(peer: Int, worker: Int) -> RequestRef? {
        guard let servers = mesh?.servers, peer >= 0, peer < servers.count, worker >= 0, worker < servers.workers
        else { return nil }
        return servers.server(peer).request(on: worker)
    }

    /// `request 17.3 of client 12`: the reference as `slot.use` (the third request in slot 17), and who asked while
    /// the request is live.
    private func requestName(_ ref: RequestRef) -> String {
        let id = "request \(ref.slot).\(ref.token &+ 1)"
        return ctx.requests.isLive(ref) ? id + " of " + requester(ref) : id
    }

    /// A client or peer by its node id, as the architecture now calls it.
    private func memberName(_ id: Int) -> String {
        (ctx.architecture == .peerMesh ? "peer " : "client ") + String(id)
    }

    private func requester(_ ref: RequestRef) -> String {
        let id = Int(ctx.requests[ref].client) + 1
        return (ctx.requests[ref].architecture == .peerMesh ? "peer " : "client ") + String(id)
    }
}
