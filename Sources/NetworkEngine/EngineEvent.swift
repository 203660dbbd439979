extension Engine {
    /// Everything that can happen, as a small value (no allocation per event), grouped by the role that handles it.
    ///
    /// Internal, with `kernel` and `handle(_:)`: events carry request references and node indices that the roles
    /// read raw memory with, so only the engine may make them. A new role adds its cases here and one line per case
    /// to `Engine.handle(_:)`. The fields are ordered so an event stays at most 14 bytes (a queue entry, 32).
    enum Event: BitwiseCopyable {
        // The driver
        /// The end of a simulated second: close the per-second sample.
        case tick
        case timeline(index: Int32)

        // Clients (`ClientsModel`)
        /// The merged Poisson arrival of all clients; stale when the population changed since it was scheduled.
        case arrival(generation: UInt32)
        /// A reply reaches the request's client (`client`, named so the engine can prefetch its record; -1 when the
        /// request had already ended).
        case deliverReply(RequestRef, client: Int32, ReplyOutcome)
        /// The earliest armed timeout falls due (see `TimeoutQueue`).
        case timeoutsDue

        // The central server (`CentralServerModel`)
        case deliverRequest(RequestRef)
        case serviceDone(worker: Int32, epoch: UInt32)

        // The peer mesh (`MeshModel`)
        /// A DHT lookup message reaches the peer at `rank` on the ring.
        case lookupArrives(RequestRef, rank: Int32)
        /// A DHT lookup's last hop reaches `peer`, the replica holder its key's predecessor chose to serve it.
        case lookupReachesHolder(RequestRef, peer: Int32)
        /// A flooded query reaches `peer` from `from` with `ttl` hops left.
        case floodArrives(flood: UInt32, peer: Int32, from: Int32, ttl: UInt8)
        /// A query hit travels back toward the requester, now at `peer`.
        case hitArrives(flood: UInt32, peer: Int32, holder: Int32)
        /// After a flood found `holder` (or an attacker picked it), the request goes straight to it.
        case meshRequestArrives(RequestRef, holder: Int32)
        case peerServiceDone(peer: Int32, worker: Int32, epoch: UInt32)
        /// A replica seeded by the server (after a switch to the mesh) reaches its holder.
        case seedArrives(slot: Int32)
        /// The overlay's periodic fix-up notices that `peer` left (DHT): routing stops using it.
        case ringRepair(peer: Int32)

        // File distribution (`DistributionModel`); `uploader` −1 is the server.
        /// A chunk's transmission ends: the uploader's slot and the receiver's download room are free.
        case chunkSent(uploader: Int32, receiver: Int32, last: Bool)
        /// A chunk reaches its receiver, a latency after its transmission ended.
        case chunkArrives(receiver: Int32, chunk: Int32)
        /// An upload slot that found no receiver tries again.
        case uploadRetry(uploader: Int32)

        // Liveness (`ChurnModel`)
        /// A peer leaves or rejoins.
        case churn(peer: Int32, token: UInt32)

        // Storage (`StorageModel`)
        /// The merged stream of disk failures; stale when the disks that can fail changed since.
        case diskFails(generation: UInt32)
        /// The server's backup clock.
        case backupDue(generation: UInt32)
        /// The server's restore after a disk failure ends.
        case restoreDone(generation: UInt32)
        /// The copies `peer` lost come back from their surviving holders.
        case repairDue(peer: Int32, generation: UInt32)

        // The attack (`AttackModel`)
        /// The merged Poisson stream of the attackers' guesses; stale when the attack stopped or restarted.
        case attackTick(generation: UInt32)
    }
}
