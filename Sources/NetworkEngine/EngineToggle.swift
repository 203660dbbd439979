// MARK: - Switching architecture while running

extension Engine {
    /// Switches new requests to the other architecture; requests already accepted finish under the old one.
    ///
    /// To the mesh: peers build (or rejoin) the overlay and the server seeds its resources onto their replica
    /// holders, one message each; resources become available as their replicas arrive. To client-server: a server
    /// comes up and the peers upload their resources to it, one message each. Metrics go on; a new segment starts.
    func switchArchitecture(to target: Architecture) -> CommandOutcome {
        guard target != architecture else {
            return CommandOutcome(accepted: false, message: "already \(target.rawValue)")
        }
        if architecture == .clientServer { serverTime += kernel.now - lastArchitectureChange }
        lastArchitectureChange = kernel.now
        architecture = target
        metrics.beginSegment(target, at: kernel.now)
        let message: String
        switch target {
        case .peerMesh:
            let seeds = seedMesh()
            message = "switched to peer-mesh: \(activeClients) peers, \(seeds) replicas seeded by the server"
        case .clientServer:
            if !server.up { server.restart() }
            // The central database comes back as it was (accounts, locks); everyone logs in again.
            endSessions()
            // Each resource still reachable in the mesh is uploaded once, by one of its holders.
            let uploads = mesh.map { $0.resources - $0.unavailable } ?? 0
            metrics.message(count: uploads)
            message = "switched to client-server: a server comes up; peers upload \(uploads) resources to it"
        }
        log(.toggle, node: 0, message)
        return CommandOutcome(accepted: true, message: message)
    }

    /// Makes the mesh over every client slot; up peers join the overlay. A rebuild (peers joined beyond the overlay's
    /// size) keeps the counters, so the figures run on.
    func buildMesh(seeded: Bool) {
        let fresh = MeshState(scenario: scenario, peers: max(1, clients.count), now: kernel.now, seeded: seeded,
                              isUp: { [clients, activeClients] in $0 < activeClients && clients[$0].up })
        if let old = mesh {
            fresh.carryCounters(from: old, at: kernel.now)
            // Lookups in flight name their next peer by its place on the ring; the bigger ring places peers anew.
            kernel.updatePending { event in
                if case .lookupArrives(let ref, let rank) = event {
                    event = .lookupArrives(ref, rank: Int32(fresh.ring.rank(of: old.ring.peer(atRank: Int(rank)))))
                }
            }
        }
        mesh = fresh
    }

    /// Builds (or refreshes) the mesh for a switch from client-server and sends every replica from the server.
    /// Returns the number of seed messages.
    func seedMesh() -> Int {
        // Peers returning after a spell as clients still hold what they held: the mesh kept track of them.
        guard mesh == nil || mesh!.peerCount < clients.count else { return 0 }
        buildMesh(seeded: false)
        guard let mesh else { return 0 }
        for slot in mesh.holders.indices {
            metrics.message()
            if network.chance(scenario.network.loss) { continue }
            kernel.schedule(.seedArrives(slot: Int32(slot)), after: hopDelay())
        }
        return mesh.holders.count
    }

    func seedArrived(_ slot: Int) {
        guard let holder = mesh?.holders[slot] else { return }
        mesh?.replicaArrived(slot: slot, holderUp: isUp(Int(holder)), at: kernel.now)
    }

    /// Starts `peer`'s churn chain (when the scenario has churn).
    ///
    /// The peer starts in the stationary state of its up/down process (down with probability D/(U+D)), so time
    /// averages such as availability carry no warm-up bias; memorylessness makes the first change exact.
    func scheduleChurn(_ peer: Int) {
        guard let churn = scenario.mesh.churn else { return }
        nextChurnToken &+= 1
        clients[peer].churnToken = nextChurnToken
        let downProbability = churn.meanDowntime / (churn.meanUptime + churn.meanDowntime)
        if clients[peer].up && churnRandom.chance(downProbability) {
            setUp(peer, false)
            meshPeerChanged(peer, up: false)
            scheduleChurnStep(peer, after: churn.meanDowntime)
        } else {
            scheduleChurnStep(peer, after: clients[peer].up ? churn.meanUptime : churn.meanDowntime)
        }
    }

    func scheduleChurnStep(_ peer: Int, after meanSeconds: Double) {
        kernel.schedule(.churn(peer: Int32(peer), token: clients[peer].churnToken),
                        after: churnRandom.exponential(mean: .seconds(meanSeconds)))
    }
}

// MARK: - Figures for tests and benchmarks

/// Totals over completed floods: what the fidelity test compares with a breadth-first count.
public struct FloodTotals: Sendable, Equatable {
    public var floods: Int
    public var reached: Int
    public var queryMessages: Int
}

extension Engine {
    /// Totals over completed floods, or nil without a flooding mesh.
    public var floodTotals: FloodTotals? {
        guard let mesh, mesh.discovery == .flooding else { return nil }
        return FloodTotals(floods: mesh.floodsCompleted, reached: mesh.floodReachedSum,
                           queryMessages: mesh.floodQueryMessageSum)
    }

    /// What a flood from node `id` with the scenario's TTL costs on the current overlay, by a breadth-first count.
    public func floodPrediction(fromNode id: Int) -> (reached: Int, messages: Int)? {
        guard let mesh, mesh.discovery == .flooding, id >= 1, id <= mesh.peerCount else { return nil }
        let r = mesh.flood.bfsPrediction(from: id - 1, ttl: scenario.mesh.ttl) { [self] in isUp($0) }
        return (r.reached, r.messages)
    }

    /// Node ids of every peer that issued a request so far (tests find a flood's origin with it).
    public var requesterIDs: [Int] { clients.indices.filter { clients[$0].sent > 0 }.map { $0 + 1 } }
}
