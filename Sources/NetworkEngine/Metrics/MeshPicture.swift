/// What the live view's mesh picture draws beyond each peer's own state: where shown peers sit on the DHT ring, the
/// focused peer's fingers, the most recent lookup's path, and the most recent flood's wave; and the overlay links
/// between shown peers. Built per frame in O(shown peers) (plus the fixed-size lookup path and wave).
public struct MeshPicture: Sendable, Equatable {
    /// A peer (node id, 1...N) and its rank on the DHT ring (0 for flooding).
    public struct Peer: Sendable, Equatable {
        public var id: Int
        public var rank: Int
        public init(id: Int, rank: Int) { self.id = id; self.rank = rank }
    }

    /// A peer a flood reached and the hop at which it first heard the query (0: the peer that asked).
    public struct Reached: Sendable, Equatable {
        public var id: Int
        public var hop: Int
        public init(id: Int, hop: Int) { self.id = id; self.hop = hop }
    }

    /// Places on the DHT ring (every peer, up or not): what a rank is out of.
    public var ringSize = 0
    /// The snapshot's shown peers in ring order with their ranks (DHT; empty for flooding).
    public var ring: [Peer] = []
    /// The focused peer's distinct fingers (Chord's successor(id + 2^i)), nearest first; empty without a focus.
    public var fingers: [Peer] = []
    /// The most recent followed lookup's peers, the requester first (DHT).
    public var lookupPath: [Peer] = []
    /// True once that lookup reached the key's owner; false while it is still on its way.
    public var lookupDone = false
    /// Overlay links between shown peers (flooding).
    public var links: [MeshView.Link] = []
    /// The most recent followed flood's reach, in the order it spread (at most `MeshPicture.waveLimit` of them).
    public var wave: [Reached] = []
    /// Peers that flood reached in all (past the listed ones too), and the deepest hop listed.
    public var waveReached = 0
    public var waveDepth = 0
    /// True once that flood has no message left on the wire.
    public var waveDone = false

    public init() {}
}
