// MARK: - Commands and the timeline

extension Engine {
    /// Applies a command from the live view (or a timeline action) and says what happened.
    @discardableResult
    public func apply(_ command: EngineCommand) -> CommandOutcome {
        metrics.integrate(to: kernel.now)
        switch command {
        case .addNodes(let n): return addClients(n)
        case .removeNodes(let n): return removeClients(n)
        case .toggleNode(let id):
            let isUp = id == 0 ? server.up : (id >= 1 && id <= activeClients && clients[id - 1].up)
            return isUp ? crash(.node(id)) : restart(.node(id))
        case .crash(let target): return crash(target)
        case .restart(let target): return restart(target)
        case .flashCrowd(let count): return flashCrowd(count)
        case .toggleArchitecture:
            return switchArchitecture(to: architecture == .clientServer ? .peerMesh : .clientServer)
        case .toggleAttack:
            return toggleAttack()
        }
    }

    func runTimelineAction(_ action: Scenario.TimelineAction) {
        switch action.kind {
        case .addNodes(let n): apply(.addNodes(n))
        case .removeNodes(let n): apply(.removeNodes(n))
        case .crash(let t): apply(.crash(t))
        case .restart(let t): apply(.restart(t))
        case .toggle(let target):
            _ = switchArchitecture(to: target)
        }
    }

    func addClients(_ n: Int) -> CommandOutcome {
        let add = min(max(0, n), Engine.maxNodes - activeClients)
        guard add > 0 else { return CommandOutcome(accepted: false, message: "no more clients can be added") }
        // The scenario was costed at the most nodes its timeline reaches; growing past that live (`+` held down) is
        // costed again, so the live view cannot be driven into exhausting memory or time either.
        if let overrun = ScenarioBudget.overruns(ScenarioBudget.live(scenario, nodes: activeClients + add)).first {
            return CommandOutcome(accepted: false, message: "cannot add \(add): \(overrun)")
        }
        let first = activeClients + 1
        for i in activeClients..<(activeClients + add) {
            if i < clients.count {
                // A returning slot starts fresh but keeps any requests it still has outstanding.
                let outstanding = clients[i].outstanding
                clients[i] = ClientRecord()
                clients[i].outstanding = outstanding
                upFlags[i] = true
            } else {
                clients.append(ClientRecord())
                upFlags.append(true)
            }
        }
        activeClients += add
        clientsAddress = elementsAddress(of: clients)
        if let mesh, clients.count > mesh.peerCount {
            buildMesh(seeded: true)
        } else {
            for i in (activeClients - add)..<activeClients { meshPeerChanged(i, up: clients[i].up) }
        }
        for i in (activeClients - add)..<activeClients { scheduleChurn(i) }
        security.meshExhausted = false
        restartArrivals()
        log(.nodesAdded, node: first, "\(add) client\(add == 1 ? "" : "s") joined (now \(activeClients))")
        return CommandOutcome(accepted: true, message: "+\(add) client\(add == 1 ? "" : "s"): \(activeClients) now")
    }

    func removeClients(_ n: Int) -> CommandOutcome {
        let remove = min(max(0, n), activeClients)
        guard remove > 0 else { return CommandOutcome(accepted: false, message: "no clients left to remove") }
        activeClients -= remove
        for i in activeClients..<(activeClients + remove) { meshPeerChanged(i, up: false) }
        restartArrivals()
        // Departing clients stop issuing; what they already sent still resolves and is counted.
        log(.nodesRemoved, node: activeClients + 1, "\(remove) client\(remove == 1 ? "" : "s") left (now \(activeClients))")
        return CommandOutcome(accepted: true, message: "-\(remove) client\(remove == 1 ? "" : "s"): \(activeClients) now")
    }

    /// The merged arrival and attack streams depend on the population; by memorylessness a fresh draw is exact.
    func restartArrivals() {
        arrivalGeneration &+= 1
        scheduleNextArrival()
        if security.attackActive {
            security.attackGeneration &+= 1
            scheduleNextGuess()
        }
    }

    func crash(_ target: Scenario.NodeTarget) -> CommandOutcome {
        switch target {
        case .server, .node(0):
            guard server.up else { return CommandOutcome(accepted: false, message: "the server is already down") }
            serverEpoch &+= 1
            serverDownSince = kernel.now
            withServer { $0.crash(effects: &$1) }
            log(.nodeDown, node: 0, "server crashed: every request fails until it restarts")
            return CommandOutcome(accepted: true, message: "server crashed")
        case .node(let id):
            guard id >= 1, id <= activeClients else {
                return CommandOutcome(accepted: false, message: "no node \(id)")
            }
            guard clients[id - 1].up else { return CommandOutcome(accepted: false, message: "node \(id) is already down") }
            setUp(id - 1, false)
            // The client process died: what it was waiting for can no longer be delivered.
            for ref in requests.liveRefs() where Int(requests[ref].client) == id - 1 {
                finish(ref, .failed)
            }
            meshPeerChanged(id - 1, up: false)
            log(.nodeDown, node: id, architecture == .peerMesh ? "peer \(id) left" : "client \(id) crashed")
            return CommandOutcome(accepted: true, message: "node \(id) crashed")
        }
    }

    func restart(_ target: Scenario.NodeTarget) -> CommandOutcome {
        switch target {
        case .server, .node(0):
            guard !server.up else { return CommandOutcome(accepted: false, message: "the server is already up") }
            server.restart()
            endSessions()  // the restarted server remembers its accounts, not who was logged in
            if let since = serverDownSince { serverDownTime += kernel.now - since }
            serverDownSince = nil
            log(.nodeUp, node: 0, "server restarted with an empty queue")
            return CommandOutcome(accepted: true, message: "server restarted")
        case .node(let id):
            guard id >= 1, id <= activeClients else {
                return CommandOutcome(accepted: false, message: "no node \(id)")
            }
            guard !clients[id - 1].up else { return CommandOutcome(accepted: false, message: "node \(id) is already up") }
            setUp(id - 1, true)
            meshPeerChanged(id - 1, up: true)
            log(.nodeUp, node: id, architecture == .peerMesh ? "peer \(id) rejoined" : "client \(id) is back")
            return CommandOutcome(accepted: true, message: "node \(id) restarted")
        }
    }

    func flashCrowd(_ count: Int) -> CommandOutcome {
        guard activeClients > 0, count > 0 else {
            return CommandOutcome(accepted: false, message: "no clients to send a flash crowd")
        }
        // Every request of a crowd is alive at once: costed like `+`, against what the scenario leaves of the limit.
        let headroom = ScenarioBudget.requestHeadroom(ScenarioBudget.live(scenario, nodes: activeClients))
            - requests.liveCount(of: .data)
        guard count <= headroom else {
            return CommandOutcome(accepted: false, message: "a flash crowd of \(count) requests would pass the memory "
                + "limit (\(ScenarioBudget.bytes(ScenarioLimits.maxMemoryBytes))): at most \(max(0, headroom)) now")
        }
        var sent = 0
        for _ in 0..<count {
            let c = flash.below(activeClients)
            if clients[c].up { issue(from: c); sent += 1 }
        }
        log(.flashCrowd, node: 0, "flash crowd: \(sent) simultaneous requests")
        return CommandOutcome(accepted: true, message: "flash crowd: \(sent) requests at once")
    }
}
