// MARK: - What the live view and the report read of the mesh

extension MeshModel {
    /// Peer `peer`'s completed requests and its server's state (nil activity when it is idle), or nil when the peer is
    /// not in the mesh.
    func peerLoad(_ peer: Int) -> (served: Int, activity: NodeActivity?)? {
        guard peer < state.peerCount else { return nil }
        guard peer < servers.count else { return (state.served[peer], nil) }
        let server = servers.server(peer)
        let activity: NodeActivity? = server.overloaded ? .overloaded
            : server.waitingCount > 0 ? .queueing
            : server.busyWorkers > 0 ? .busy : nil
        return (state.served[peer], activity)
    }

    /// The mesh panel's figures.
    func view(now: SimTime, members: Int) -> MeshView {
        // Only meshes small enough to draw as a ring need the order (an O(N) array otherwise, every frame).
        let ringOrder = state.discovery == .dht && members <= 64
            ? state.ring.peersInRingOrder.filter { $0 < members }.map { $0 + 1 } : []
        var links: [MeshView.Link] = []
        if state.discovery == .flooding && members <= 64 {
            for p in 0..<min(members, state.peerCount) {
                for n in state.flood.neighbours(of: p) where Int(n) > p && Int(n) < members {
                    links.append(MeshView.Link(a: p + 1, b: Int(n) + 1))
                }
            }
        }
        var view = MeshView(
            discovery: state.discovery, meanHops: state.meanHops, messagesPerLookup: state.messagesPerLookup,
            maxOverMeanLoad: state.maxOverMeanLoad,
            availabilityNow: Double(state.resources - state.unavailable) / Double(max(1, state.resources)),
            availability: state.availability(at: now), replicas: state.replicas, resources: state.resources,
            peerOverloads: state.peerOverloads, ringOrder: ringOrder, links: links)
        view.lookupsResolved = state.lookupsResolved
        if state.discovery == .flooding, state.floodsCompleted > 0 {
            view.meanFloodReach = Double(state.floodReachedSum) / Double(state.floodsCompleted)
        }
        if state.discovery == .flooding { view.floodReachSinceChange = state.reachBatches.mean }
        if let cache = state.cache {
            view.cache = MeshView.CacheView(items: cache.itemsPerPeer, hits: state.cacheHits, copies: cache.totalCopies,
                                            invalidations: state.cacheInvalidations)
        }
        return view
    }

    /// The mesh panel's figures and the picture of the shown peers (every `stride`-th of `shown`): their ring places
    /// or links, `focus`'s fingers, the followed lookup's path and flood's wave. O(shown ÷ stride), plus the fixed-size
    /// path and wave.
    func view(now: SimTime, members: Int, shown: Range<Int>, stride step: Int, focus: Int?) -> MeshView {
        var view = view(now: now, members: members)
        var picture = MeshPicture()
        let peers = min(members, state.peerCount)
        let sampled = Swift.stride(from: shown.lowerBound, to: min(shown.upperBound, peers + 1), by: max(1, step))
        let isShown = { (id: Int) in id >= shown.lowerBound && id < min(shown.upperBound, peers + 1)
            && (id - shown.lowerBound) % max(1, step) == 0 }
        let ring = state.ring
        switch state.discovery {
        case .dht:
            picture.ringSize = ring.peerCount
            picture.ring.reserveCapacity(sampled.underestimatedCount)
            for id in sampled { picture.ring.append(.init(id: id, rank: ring.rank(of: id - 1))) }
            picture.ring.sort { $0.rank < $1.rank }
            if let focus, focus >= 1, focus <= peers {
                let base = ring.identifier(of: focus - 1)
                var last = -1
                for i in 0..<64 {
                    guard let p = ring.successor(of: base &+ (1 << UInt64(i))), p != focus - 1, p != last else {
                        continue
                    }
                    last = p
                    if p < peers, !picture.fingers.contains(where: { $0.id == p + 1 }) {
                        picture.fingers.append(.init(id: p + 1, rank: ring.rank(of: p)))
                    }
                }
            }
            let trace = state.trace
            for k in 0..<trace.pathCount where Int(trace.path[k]) < peers {
                let p = Int(trace.path[k])
                picture.lookupPath.append(.init(id: p + 1, rank: ring.rank(of: p)))
            }
            picture.lookupDone = !trace.lookupActive
        case .flooding:
            for id in sampled {
                for n in state.flood.neighbours(of: id - 1) where Int(n) + 1 > id && isShown(Int(n) + 1) {
                    picture.links.append(MeshView.Link(a: id, b: Int(n) + 1))
                }
            }
            let trace = state.trace
            picture.wave.reserveCapacity(trace.waveCount)
            for k in 0..<trace.waveCount where Int(trace.wavePeers[k]) < peers {
                let hop = Int(trace.waveHops[k])
                picture.wave.append(.init(id: Int(trace.wavePeers[k]) + 1, hop: hop))
                picture.waveDepth = max(picture.waveDepth, hop)
            }
            picture.waveReached = trace.waveReached
            picture.waveDone = !trace.floodActive
        }
        view.picture = picture
        return view
    }

    /// Totals over completed floods, or nil for a DHT.
    var floodTotals: FloodTotals? {
        guard state.discovery == .flooding else { return nil }
        return FloodTotals(floods: state.floodsCompleted, reached: state.floodReachedSum,
                           queryMessages: state.floodQueryMessageSum)
    }
}

/// Totals over completed floods: what the fidelity test compares with a breadth-first count.
public struct FloodTotals: Sendable, Equatable {
    public var floods: Int
    public var reached: Int
    public var queryMessages: Int
}

// MARK: - Figures for tests and benchmarks

extension Engine {
    /// Totals over completed floods, or nil without a flooding mesh.
    public var floodTotals: FloodTotals? { mesh?.floodTotals }

    /// What a flood from node `id` with the scenario's TTL costs on the current overlay, by a breadth-first count.
    public func floodPrediction(fromNode id: Int) -> (reached: Int, messages: Int)? {
        guard let mesh, mesh.state.discovery == .flooding, id >= 1, id <= mesh.peerCount else { return nil }
        return mesh.floodPrediction(from: id - 1, ttl: ctx.scenario.mesh.ttl, ctx)
    }

    /// Node ids of every peer that issued a request so far (tests find a flood's origin with it).
    public var requesterIDs: [Int] { clients.requesterIDs }
}
