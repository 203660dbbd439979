/// Random replica placement for flooding: each of `resources` resources on `replicas` distinct peers drawn uniformly
/// from `0..<peers`, fixed for the run.
///
/// The result is resource-major: the holders of resource `r` are `result[r * replicas ..< (r + 1) * replicas]`. Flooding
/// has no key space to place by (the DHT places by `ChordRing.replicaHolders`), so any peer is as good as any other,
/// and a departing peer takes its replicas offline. Needs `replicas ≤ peers`; with no peers there is nothing to place
/// and the result is empty.
public func placeReplicas(resources: Int, replicas: Int, peers: Int, rng: inout SeededRandom) -> [Int32] {
    guard peers > 0, resources > 0, replicas > 0 else { return [] }
    precondition(replicas <= peers, "cannot place \(replicas) distinct replicas on \(peers) peers")
    var holders = [Int32]()
    holders.reserveCapacity(resources * replicas)
    for _ in 0..<resources {
        let first = holders.count
        while holders.count - first < replicas {
            // Redraw a peer already chosen for this resource: replicas are few, so a linear check is cheapest, and
            // redrawing keeps every r-subset equally likely.
            let peer = Int32(rng.below(peers))
            if !holders[first...].contains(peer) { holders.append(peer) }
        }
    }
    return holders
}
