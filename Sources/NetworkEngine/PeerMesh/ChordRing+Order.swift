extension ChordRing {
    /// Peer indices in ring order (by identifier), for drawing the ring.
    public var peersInRingOrder: [Int] { (0..<peerCount).map { peer(atRank: $0) } }
}
