// MARK: - Commands and the timeline: what touches several roles, in the order they must hear of it

extension Engine {
    /// Applies a command from the live view (or a timeline action) and says what happened.
    @discardableResult
    public func apply(_ command: EngineCommand) -> CommandOutcome {
        ctx.metrics.integrate(to: ctx.now)
        let outcome = carryOut(command)
        // Theory needs to know the run changed mid-way, whether a timeline or a live key changed it.
        guard outcome.accepted else { return outcome }
        changedMidRun = true
        commandsApplied &+= 1
        // The steady regime the confidence intervals measured is over: they measure the new one from now
        // (`LiveConfidence`). A headless report withholds them for a changed run, so its outputs do not move.
        ctx.metrics.restartBatches(at: ctx.now)
        mesh?.restartBatches()
        return outcome
    }

    private func carryOut(_ command: EngineCommand) -> CommandOutcome {
        switch command {
        case .addNodes(let n): return addClients(n)
        case .removeNodes(let n): return removeClients(n)
        case .toggleNode(let id): return isUp(node: id) ? crash(.node(id)) : restart(.node(id))
        case .crash(let target): return crash(target)
        case .restart(let target): return restart(target)
        case .failDisk(let target): return failDisk(target)
        case .flashCrowd(let count): return flashCrowd(count)
        case .toggleArchitecture:
            return switchArchitecture(to: ctx.architecture == .clientServer ? .peerMesh : .clientServer)
        case .switchArchitecture(let target): return switchArchitecture(to: target)
        case .toggleAttack: return attack.toggle(&ctx)
        case .set(let parameter, let value): return set(parameter, to: value)
        case .crashShare(let share): return crashShare(share)
        }
    }

    func runTimelineAction(_ action: Scenario.TimelineAction) { apply(action.kind) }

    // MARK: - The population

    func addClients(_ n: Int) -> CommandOutcome {
        let before = ctx.activeNodes
        let add = min(max(0, n), Engine.maxNodes - before)
        guard add > 0 else { return CommandOutcome(accepted: false, message: "no more clients can be added") }
        // The scenario was costed at the most nodes its timeline reaches; growing past that live (`+` held down) is
        // costed again, so the live view cannot be driven into exhausting memory or time either.
        if let overrun = ScenarioBudget.overruns(ScenarioBudget.live(ctx.scenario, nodes: before + add)).first {
            return CommandOutcome(accepted: false, message: "cannot add \(add): \(overrun)")
        }
        let joined = before..<(before + add)
        clients.join(joined)
        ctx.liveness.join(add, at: ctx.now)
        if let peers = mesh?.peerCount, ctx.liveness.slots > peers {
            mesh?.rebuild(scenario: scenario, peers: ctx.liveness.slots, seeded: true, &ctx)
        } else {
            for i in joined { mesh?.peerChanged(i, up: true, &ctx) }
        }
        for i in joined { startChurn(i) }
        ctx.security.meshExhausted = false
        distribution?.membersJoined(upTo: ctx.activeNodes, &ctx)
        populationChanged()
        let now = ctx.activeNodes, who = members(add)
        ctx.log(.nodesAdded, node: before + 1, "\(add) \(who) joined (now \(now))")
        return CommandOutcome(accepted: true, message: "+\(add) \(who): \(now) now")
    }

    func removeClients(_ n: Int) -> CommandOutcome {
        let remove = min(max(0, n), ctx.activeNodes)
        guard remove > 0 else { return CommandOutcome(accepted: false, message: "no clients left to remove") }
        let leaving = (ctx.activeNodes - remove)..<ctx.activeNodes
        let wereUp = leaving.filter { ctx.isUp($0) }
        // Departing peers take their replicas with them: said in the log line and the status line, not left silent.
        let taken = ctx.architecture == .peerMesh ? mesh?.onlineReplicas(on: wereUp, ctx) : nil
        ctx.liveness.leave(remove, at: ctx.now)
        for i in wereUp { mesh?.peerChanged(i, up: false, &ctx) }
        distribution?.membersLeft(downTo: ctx.activeNodes)
        populationChanged()
        // Departing clients stop issuing; what they already sent still resolves and is counted.
        let now = ctx.activeNodes, who = members(remove)
        let replicas = taken.map {
            ", taking \($0) replicas with \(remove == 1 ? "it" : "them"); " + Self.withoutCopy(mesh?.unavailableResources ?? 0)
        }
        ctx.log(.nodesRemoved, node: now + 1, "\(remove) \(who) left (now \(now))" + (replicas ?? ""))
        return CommandOutcome(accepted: true, message: "-\(remove) \(who): \(now) now" + (replicas ?? ""))
    }

    /// "client", "clients", "peer" or "peers": the population in the words of the architecture in force.
    func members(_ n: Int) -> String {
        (ctx.architecture == .peerMesh ? "peer" : "client") + (n == 1 ? "" : "s")
    }

    /// The merged arrival and attack streams depend on the population; by memorylessness a fresh draw is exact.
    func populationChanged() {
        clients.restartArrivals(&ctx)
        attack.restart(&ctx)
        storageDisksChanged()
    }

    // MARK: - Settings

    /// Changes a scenario value for the rest of the run; the role that owns it takes it at once. Refused when the key's
    /// limits refuse the value (a timeline's was checked when the file was read) or when the run would then pass the
    /// memory or time budget, in the words a file with that value would get.
    func set(_ parameter: ScenarioParameter, to value: Double) -> CommandOutcome {
        let name = parameter.rawValue, spelled = parameter.spelled(value)
        if case .failure(let problem) = parameter.read(spelled) {
            return CommandOutcome(accepted: false, message: problem.message)
        }
        var next = ctx.scenario
        parameter.write(value, into: &next)
        if let overrun = ScenarioBudget.overruns(ScenarioBudget.live(next, nodes: ctx.activeNodes)).first {
            return CommandOutcome(accepted: false, message: "cannot set \(name) to \(spelled): \(overrun)")
        }
        let was = parameter.spelled(parameter.value(in: ctx.scenario))
        let workersBefore = central.server.workers
        ctx.scenario = next
        switch parameter {
        case .rate: clients.setRate(value, &ctx)
        case .latencyMs, .jitterMs: ctx.networkChanged()
        case .loss, .ttl: break  // read from the values in force at each message and each flood
        case .workers:
            ctx.metrics.workersChanged(from: workersBefore, at: ctx.now)
            cost.workersChanged(to: Int(value), at: ctx.now)
            central.setWorkers(Int(value), &ctx)
        case .serviceMs: central.setServiceMs(value)
        case .queue: central.setQueue(Int(value), &ctx)
        case .lockoutAfter: ctx.security.setLockoutAfter(Int(value))
        case .cache: mesh?.cacheSwitched(&ctx)
        }
        let message = "\(name) set to \(spelled) (was \(was))"
        ctx.log(.setting, node: 0, message + ": " + parameter.effect)
        return CommandOutcome(accepted: true, message: message)
    }

    // MARK: - Crashes

    func crash(_ target: Scenario.NodeTarget) -> CommandOutcome {
        switch target {
        case .server, .node(0):
            let held = central.server.busyWorkers + central.server.queueLength
            guard central.crash(&ctx) else {
                return CommandOutcome(accepted: false, message: "the server is already down")
            }
            // In a mesh nothing new goes to the server: only what it still held (draining after a switch) fails.
            let what = distribution?.seedLost == true ? "it had no copy of the file left (the seed is lost)"
                : distribution != nil ? "it sends no chunks until it restarts"
                : ctx.architecture == .clientServer ? "every request fails until it restarts"
                : held == 0 ? "the peers do not use it" : "the \(held) requests it still held fail; the peers do not use it"
            distribution?.serverChanged(up: false, &ctx)
            ctx.log(.nodeDown, node: 0, "server crashed: " + what)
            return CommandOutcome(accepted: true, message: "server crashed")
        case .node(let id):
            guard id >= 1, id <= ctx.activeNodes else {
                return CommandOutcome(accepted: false, message: "no \(ctx.memberName(id)): there are \(ctx.activeNodes)")
            }
            guard ctx.liveness.set(id - 1, up: false, at: ctx.now) else {
                return CommandOutcome(accepted: false, message: "\(ctx.memberName(id)) is already down")
            }
            // The client process died: what it was waiting for can no longer be delivered.
            clients.failOutstanding(of: id - 1, &ctx)
            mesh?.peerChanged(id - 1, up: false, &ctx)
            distribution?.nodeChanged(id - 1, up: false, &ctx)
            ctx.log(.nodeDown, node: id, ctx.architecture == .peerMesh ? "peer \(id) left" : "client \(id) crashed")
            return CommandOutcome(accepted: true, message: ctx.architecture == .peerMesh ? "peer \(id) left"
                                  : "client \(id) crashed")
        }
    }

    func restart(_ target: Scenario.NodeTarget) -> CommandOutcome {
        switch target {
        case .server, .node(0):
            if let until = storage.restoringUntil {
                return CommandOutcome(accepted: false, message: "the server's disk is being restored ("
                                      + RunReport.fixed((until - ctx.now).inSeconds, 1) + " s left)")
            }
            guard central.restart(&ctx) else { return CommandOutcome(accepted: false, message: "the server is already up") }
            distribution?.serverChanged(up: true, &ctx)
            ctx.log(.nodeUp, node: 0, distribution?.seedLost == true ? "server restarted, with no copy of the file"
                    : distribution != nil ? "server restarted: it sends chunks again"
                    : ctx.architecture == .clientServer ? "server restarted with an empty queue"
                    : "server restarted (unused while the peer mesh is in force)")
            return CommandOutcome(accepted: true, message: "server restarted")
        case .node(let id):
            guard id >= 1, id <= ctx.activeNodes else {
                return CommandOutcome(accepted: false, message: "no \(ctx.memberName(id)): there are \(ctx.activeNodes)")
            }
            guard ctx.liveness.set(id - 1, up: true, at: ctx.now) else {
                return CommandOutcome(accepted: false, message: "\(ctx.memberName(id)) is already up")
            }
            mesh?.peerChanged(id - 1, up: true, &ctx)
            distribution?.nodeChanged(id - 1, up: true, &ctx)
            ctx.log(.nodeUp, node: id, ctx.architecture == .peerMesh ? "peer \(id) rejoined" : "client \(id) is back")
            return CommandOutcome(accepted: true, message: ctx.architecture == .peerMesh ? "peer \(id) rejoined"
                                  : "client \(id) restarted")
        }
    }

    func flashCrowd(_ count: Int) -> CommandOutcome {
        let members = ctx.activeNodes
        guard members > 0, count > 0 else {
            return CommandOutcome(accepted: false, message: "no clients to send a flash crowd")
        }
        // Every request of a crowd is alive at once: costed like `+`, against what the scenario leaves of the limit.
        let headroom = ScenarioBudget.requestHeadroom(ScenarioBudget.live(ctx.scenario, nodes: members))
            - ctx.requests.liveCount(of: .data)
        guard count <= headroom else {
            return CommandOutcome(accepted: false, message: "a flash crowd of \(count) requests would pass the memory "
                + "limit (\(ScenarioBudget.bytes(ScenarioLimits.maxMemoryBytes))): at most \(max(0, headroom)) now")
        }
        var sent = 0
        for _ in 0..<count {
            let c = clients.flash.below(members)
            if ctx.isUp(c) { issue(from: c); sent += 1 }
        }
        ctx.log(.flashCrowd, node: 0, "flash crowd: \(sent) simultaneous requests")
        return CommandOutcome(accepted: true, message: "flash crowd: \(sent) requests at once")
    }

    // MARK: - Switching architecture while running

    /// Switches new requests to the other architecture; requests already accepted finish under the old one.
    ///
    /// To the mesh: peers build (or rejoin) the overlay and the server seeds its resources onto their replica
    /// holders, one message each; resources become available as their replicas arrive. To client-server: a server
    /// comes up and the peers upload their resources to it, one message each. Metrics go on; a new segment starts.
    func switchArchitecture(to target: Architecture) -> CommandOutcome {
        guard target != ctx.architecture else {
            return CommandOutcome(accepted: false, message: "already \(target.rawValue)")
        }
        central.architectureChanged(to: target, at: ctx.now)
        cost.architectureChanged(to: target, ctx)
        // A server whose disk is being restored stays down until the restore ends, whatever is in force.
        if storage.isRestoring { _ = central.crash(&ctx) }
        ctx.architecture = target
        ctx.metrics.beginSegment(target, at: ctx.now)
        ctx.security.beginPhase(target, at: ctx.now)
        let message: String
        if distribution != nil {
            // A file distribution has no overlay or resources: the same nodes keep their chunks (`DistributionModel`).
            distribution?.architectureChanged(toMesh: target == .peerMesh, &ctx)
            // A switch to client-server brings a crashed server up (`CentralServerModel.architectureChanged`).
            distribution?.serverChanged(up: central.server.up, &ctx)
            message = target == .peerMesh
                ? "switched to peer-mesh: peers keep their chunks and trade them; the server seeds"
                : distribution?.seedLost == true
                ? "switched to client-server: nodes keep their chunks, but the server has no copy left to send"
                : "switched to client-server: nodes keep their chunks; the server sends each only what it lacks"
        } else {
            message = switchRoles(to: target)
        }
        // Where each node's figures since the switch start from (the inspector's), once the roles have changed.
        ctx.metrics.nodeBaselines.take(clients.records, served: mesh?.state.served ?? [],
                                       serverServed: central.server.served)
        ctx.log(.toggle, node: 0, message)
        storageDisksChanged()
        if storage.inPlay { storage.copiesChanged() }
        return CommandOutcome(accepted: true, message: message)
    }

    /// The request roles' part of a switch: the mesh built and seeded, or the server brought up; returns the message.
    private func switchRoles(to target: Architecture) -> String {
        let message: String
        switch target {
        case .peerMesh:
            let seeds = seedMesh()
            message = "switched to peer-mesh: \(ctx.activeNodes) peers, \(seeds) replicas seeded by the server"
        case .clientServer:
            // The central database comes back as it was (accounts, locks); everyone logs in again.
            ctx.security.endSessions()
            // Each resource still reachable in the mesh is uploaded once, by one of its holders.
            let uploads = mesh?.reachableResources ?? 0
            ctx.metrics.message(count: uploads)
            ctx.metrics.traffic.peerResources += uploads
            message = "switched to client-server: a server comes up; peers upload \(uploads) resources to it"
        }
        return message
    }

    /// Builds (or enlarges) the mesh for a switch from client-server and sends every replica from the server; returns
    /// the number of seed messages. Peers returning after a spell as clients still hold what they held: a mesh that
    /// already covers every slot is kept as it is.
    func seedMesh() -> Int {
        let slots = ctx.liveness.slots
        if let peers = mesh?.peerCount {
            guard peers < slots else { return 0 }
            mesh?.rebuild(scenario: scenario, peers: slots, seeded: false, &ctx)
        } else {
            mesh = MeshModel(scenario: scenario, peers: max(1, slots), now: ctx.now, seeded: false,
                             liveness: ctx.liveness)
            mesh?.cacheSwitched(&ctx)  // a `set` of mesh.cache before the first switch holds
        }
        return mesh?.seed(&ctx) ?? 0
    }
}
