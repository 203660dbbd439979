// MARK: - The peer mesh: lookups, floods, peer servers, churn

extension Engine {
    /// A peer-mesh request starts (or is retried): find a holder of its resource, then be served there.
    func sendMesh(_ ref: RequestRef) {
        guard mesh != nil else { return }
        let requester = Int(requests[ref].client)
        let resource = Int(requests[ref].resource)
        requests[ref].hops = 0
        mesh!.lookupsStarted += 1
        // A peer that holds the resource itself serves it at home: no lookup, no network.
        if mesh!.holds(requester, resource) {
            recordLookup(hops: 0)
            servePeer(requester, ref)
            return
        }
        switch mesh!.discovery {
        case .dht:
            forwardLookup(ref, from: requester, rank: mesh!.ring.rank(of: requester), resource: resource)
        case .flooding:
            let serial = mesh!.nextFlood
            mesh!.nextFlood &+= 1
            var flood = MeshState.Flood(request: ref, origin: Int32(requester), resource: Int32(resource))
            flood.parent[Int32(requester)] = -1
            mesh!.floods[serial] = flood
            requests[ref].phase = .toServer
            floodOut(serial, from: requester, except: -1, ttl: scenario.mesh.ttl)
            finishFloodIfDone(serial)
        }
        armTimeout(ref)
    }

    // MARK: DHT

    /// Sends the live lookup `ref` for `resource` one hop on from `peer` (at `rank` on the ring), or serves it there
    /// when `peer` owns the key.
    func forwardLookup(_ ref: RequestRef, from peer: Int, rank: Int, resource: Int) {
        guard mesh != nil else { return }
        let key = ChordRing.key(forResource: resource)
        // The routing step borrows the mesh without retaining it: a `guard let` (or each `mesh!`) retained and
        // released it on every hop (measured: 4% of a 100,000-peer DHT run). Nothing in the step replaces the mesh.
        let next: (rank: Int, peer: Int)? = Unmanaged.passUnretained(mesh!)._withUnsafeGuaranteedRef { mesh in
            guard let ends = mesh.endpoints(slot: Int(ref.slot), resource: resource),
                  let next = mesh.ring.nextRank(fromRank: rank, toward: key, ends: ends) else { return nil }
            mesh.lookupMessages += 1
            return (next, mesh.ring.peer(atRank: next))
        }
        if let next {
            sendMessage(.lookupArrives(ref, rank: Int32(next.rank)), ref: ref, from: peer, to: next.peer)
        } else {
            arriveAtOwner(ref, peer)
        }
    }

    /// A lookup message reached the peer at `rank` on the ring.
    func lookupArrived(_ ref: RequestRef, atRank rank: Int) {
        guard mesh != nil else { return }
        let peer = mesh!.ring.peer(atRank: rank)
        guard requests.isLive(ref) else { return }
        // A departed peer drops it; the timeout retries (with none, it is stranded).
        guard isUp(peer) else { if timeout == 0 { strand(ref) }; return }
        requests[ref].hops &+= 1
        forwardLookup(ref, from: peer, rank: rank, resource: Int(requests[ref].resource))
    }

    /// The key's owner has the request: serve it if it holds a replica, or say it is not found.
    func arriveAtOwner(_ ref: RequestRef, _ owner: Int) {
        guard mesh != nil else { return }
        recordLookup(hops: Int(requests[ref].hops))
        if mesh?.holds(owner, Int(requests[ref].resource)) == true {
            servePeer(owner, ref)
        } else {
            // Every replica is offline (or not yet seeded): the resource cannot be had right now.
            sendReply(ref, .failed, from: owner + 1)
        }
    }

    func recordLookup(hops: Int) {
        mesh?.lookupsResolved += 1
        mesh?.hopSum += hops
    }

    // MARK: Flooding

    /// Sends flood `serial` from `peer` to each up neighbour but `except`, with `ttl` hops left.
    func floodOut(_ serial: UInt32, from peer: Int, except: Int, ttl: Int) {
        guard ttl > 0, let neighbours = mesh?.flood.neighbours(of: peer) else { return }
        // Links to departed peers are repaired away; a neighbour that is down right now is not sent to.
        for n in neighbours where Int(n) != except && isUp(Int(n)) {
            mesh?.floods[serial]?.pending += 1
            mesh?.floods[serial]?.queryMessages += 1
            mesh?.lookupMessages += 1
            metrics.message()
            if network.chance(scenario.network.loss) {
                mesh?.floods[serial]?.pending -= 1
                continue
            }
            kernel.schedule(.floodArrives(flood: serial, peer: Int32(n), from: Int32(peer), ttl: UInt8(ttl - 1)),
                            after: hopDelay())
        }
    }

    /// A query reached `peer` from `from`: duplicates stop here; first receptions answer if they hold it and pass on.
    func floodArrived(_ serial: UInt32, at peer: Int, from: Int, ttl: Int) {
        guard mesh?.floods[serial] != nil else { return }
        mesh!.floods[serial]!.pending -= 1
        let seen = mesh!.floods[serial]!.parent[Int32(peer)] != nil
        if !seen && isUp(peer) {
            mesh!.floods[serial]!.parent[Int32(peer)] = Int32(from)
            if mesh!.holds(peer, Int(mesh!.floods[serial]!.resource)) {
                sendHit(serial, toward: from, holder: peer)
            }
            floodOut(serial, from: peer, except: from, ttl: ttl)
        }
        finishFloodIfDone(serial)
    }

    func sendHit(_ serial: UInt32, toward peer: Int, holder: Int) {
        mesh?.lookupMessages += 1
        mesh?.floods[serial]?.pending += 1
        metrics.message()
        if network.chance(scenario.network.loss) {
            mesh?.floods[serial]?.pending -= 1
            return
        }
        kernel.schedule(.hitArrives(flood: serial, peer: Int32(peer), holder: Int32(holder)), after: hopDelay())
    }

    /// A query hit travels back along the reverse path; the first to reach the requester wins.
    func hitArrived(_ serial: UInt32, at peer: Int, holder: Int) {
        guard mesh?.floods[serial] != nil else { return }
        mesh!.floods[serial]!.pending -= 1
        let origin = Int(mesh!.floods[serial]!.origin)
        if peer == origin {
            let ref = mesh!.floods[serial]!.request
            if !mesh!.floods[serial]!.answered, requests.isLive(ref), requests[ref].phase == .toServer {
                mesh!.floods[serial]!.answered = true
                recordLookup(hops: 0)
                sendMessage(.meshRequestArrives(ref, holder: Int32(holder)), ref: ref, from: peer, to: holder)
            }
        } else if isUp(peer), let parent = mesh!.floods[serial]!.parent[Int32(peer)], parent >= 0 {
            sendHit(serial, toward: Int(parent), holder: holder)
        }
        finishFloodIfDone(serial)
    }

    /// Forgets a flood once none of its messages is on the wire, and adds it to the fidelity sums.
    func finishFloodIfDone(_ serial: UInt32) {
        guard let flood = mesh?.floods[serial], flood.pending == 0 else { return }
        mesh?.floods[serial] = nil
        // A flood that found nobody leaves its request to the timeout; with none, it is stranded.
        if !flood.answered, timeout == 0, requests.isLive(flood.request), requests[flood.request].phase == .toServer {
            strand(flood.request)
        }
        mesh?.floodsCompleted += 1
        mesh?.floodReachedSum += flood.parent.count - 1
        mesh?.floodQueryMessageSum += flood.queryMessages
    }

    // MARK: Serving

    /// Sends a request-carrying message; it may be lost, in which case the requester's timeout acts.
    /// `from` and `to` are peer indices.
    func sendMessage(_ event: Event, ref: RequestRef, from: Int, to: Int) {
        metrics.message()
        if network.chance(scenario.network.loss) {
            if requests.isLive(ref) {
                requests[ref].phase = .lost
                if timeout == 0 { strand(ref) }
            }
            return
        }
        let d = hopDelay()
        if requests.isLive(ref) {
            requests[ref].depart(.toServer, from: Int32(from + 1), to: Int32(to + 1), at: kernel.now, arrivingAfter: d)
        }
        kernel.schedule(event, after: d)
    }

    /// Hands `ref` to peer `peer`'s own small server.
    func servePeer(_ peer: Int, _ ref: RequestRef) {
        guard isUp(peer) else {
            // A request's timeout deals with a departed holder; a guess has none: it is simply gone.
            if isGuess(ref) { requests.close(ref) } else if timeout == 0, requests.isLive(ref) { strand(ref) }
            return
        }
        if requests.isLive(ref) { requests[ref].phase = .atServer }
        withPeer(peer) { $0.accept(ref, effects: &$1) }
    }

    /// Runs a transition of peer `peer`'s server.
    func withPeer(_ peer: Int, _ body: (inout PeerServer, inout EngineServerEffects) -> Void) {
        guard mesh != nil else { return }  // not `guard let`: binding retained the mesh on every service
        if peerServers.count < mesh!.peerCount { peerServers.grow(to: mesh!.peerCount) }
        var effects = EngineServerEffects(engine: self, peer: Int32(peer))
        var server = peerServers.server(peer)
        body(&server, &effects)
    }

    func peerServiceDone(_ peer: Int, worker: Int, epoch: UInt32) {
        guard epoch == mesh?.epochs[peer] else { return }
        withPeer(peer) { $0.complete(worker: worker, effects: &$1) }
    }

    // MARK: Churn and seeding

    /// A peer leaves or rejoins (exponential up and down times).
    func churn(_ peer: Int) {
        guard let churn = scenario.mesh.churn, peer < activeClients else { return }
        let goingDown = clients[peer].up
        if goingDown {
            _ = crash(.node(peer + 1))
            scheduleChurnStep(peer, after: churn.meanDowntime)
        } else {
            _ = restart(.node(peer + 1))
            scheduleChurnStep(peer, after: churn.meanUptime)
        }
    }

    /// A peer's state changed (crash, churn, restart): its replicas and server follow, and the overlay repairs.
    func meshPeerChanged(_ peer: Int, up: Bool) {
        guard mesh != nil, peer < mesh!.peerCount else { return }
        let changed = mesh!.peerUp[peer] != up
        if up { security.meshExhausted = false }
        // DHT peers learn of a departure at their next periodic fix-up, uniformly within the period; until then
        // lookups are still routed to the departed peer and lost (the requester's timeout retries them).
        let stabilize = scenario.mesh.stabilize
        let repairNow = up || mesh!.discovery == .flooding || stabilize <= 0
        mesh!.peerChanged(peer, up: up, at: kernel.now, repairNow: repairNow)
        guard changed else { return }
        if !repairNow {
            kernel.schedule(.ringRepair(peer: Int32(peer)), after: .seconds(stabilize * churnRandom.unit()))
        }
        if up, mesh!.discovery == .flooding {
            mesh!.flood.rejoin(peer, rng: &churnRandom) { [clients, activeClients] in
                $0 < activeClients && clients[$0].up
            }
        }
        if !up {
            mesh!.epochs[peer] &+= 1
            // What the departing peer was serving is lost with it (its requesters hear a reset).
            if peer < peerServers.count {
                withPeer(peer) { $0.fail(effects: &$1) }
                peerServers.server(peer).up = true  // back up, empty, for the peer's return
            }
            if mesh!.discovery == .flooding {
                for n in mesh!.flood.neighbours(of: peer) {
                    mesh!.flood.replaceNeighbour(of: Int(n), lost: peer, rng: &churnRandom) {
                        [clients, activeClients] in $0 < activeClients && clients[$0].up
                    }
                }
            }
        }
    }

    @inline(__always) func isUp(_ peer: Int) -> Bool {
        assert(peer >= activeClients || upFlags[peer] == clients[peer].up, "up flag out of step with its record")
        return peer < activeClients && upFlags[peer]
    }

    /// Marks client or peer `c` up or down, in its record and in the flags the hops read.
    func setUp(_ c: Int, _ up: Bool) {
        clients[c].up = up
        upFlags[c] = up
    }
}
