/// The most recent DHT lookup's path and flood's wave, recorded for the live view's mesh picture.
///
/// One lookup and one flood at a time are followed from start to end, and each stays on show for `hold` of simulated
/// time after it ends before the next one started is followed: at thousands of lookups a second, following the newest
/// would restart the picture on every event. Recording is a comparison per hop and a store into buffers of fixed size
/// allocated once, so the engine still allocates nothing per event; results never depend on it.
struct MeshTrace {
    /// Hops a Chord lookup takes are bounded by 65 (see `ChordRing.route`); a retry may add a few more.
    static let pathCapacity = 80
    /// Peers of a flood's wave recorded one by one; the count goes on past it.
    static let waveCapacity = 4096
    /// How long an ended lookup or flood stays on show before another is followed.
    static let hold: SimTime = 2 * SimTime.nanosPerSecond
    /// A lookup or flood followed for longer than this (its messages were lost) is given up.
    static let stale: SimTime = 30 * SimTime.nanosPerSecond

    var lookup = RequestRef(slot: -1, token: 0)
    var lookupActive = false
    var lookupSince: SimTime = .min
    var lookupEndedAt: SimTime = .min
    /// Peers (indices) the lookup visited, the requester first; `pathCount` of them are valid.
    var path: [Int32]
    var pathCount = 0

    var flood: UInt32 = 0
    var floodActive = false
    var floodSince: SimTime = .min
    var floodEndedAt: SimTime = .min
    var waveOrigin: Int32 = -1
    /// Peers (indices) the flood reached and at which hop (0 for its origin); `waveCount` of them are valid.
    var wavePeers: [Int32]
    var waveHops: [UInt8]
    var waveCount = 0
    /// Peers reached, including those past `waveCapacity`.
    var waveReached = 0

    init() {
        path = Array(repeating: -1, count: Self.pathCapacity)
        wavePeers = Array(repeating: -1, count: Self.waveCapacity)
        waveHops = Array(repeating: 0, count: Self.waveCapacity)
    }

    /// Whether a lookup starting `now` should be followed.
    func wantsLookup(at now: SimTime) -> Bool {
        lookupActive ? now - lookupSince > Self.stale : lookupEndedAt == .min || now - lookupEndedAt >= Self.hold
    }

    mutating func startLookup(_ ref: RequestRef, at now: SimTime) {
        lookup = ref; lookupActive = true; lookupSince = now; pathCount = 0
    }

    /// The followed lookup is at `peer`; `ended` when `peer` owns the key.
    @inline(__always) mutating func lookupAt(_ peer: Int, ended: Bool, now: SimTime) {
        if pathCount < Self.pathCapacity { path[pathCount] = Int32(peer); pathCount += 1 }
        if ended { lookupActive = false; lookupEndedAt = now }
    }

    func wantsFlood(at now: SimTime) -> Bool {
        floodActive ? now - floodSince > Self.stale : floodEndedAt == .min || now - floodEndedAt >= Self.hold
    }

    mutating func startFlood(_ serial: UInt32, origin: Int, at now: SimTime) {
        flood = serial; floodActive = true; floodSince = now; waveOrigin = Int32(origin)
        waveCount = 0; waveReached = 0
        reached(origin, hop: 0)
    }

    /// The followed flood first reached `peer` at `hop`.
    @inline(__always) mutating func reached(_ peer: Int, hop: Int) {
        if waveCount < Self.waveCapacity {
            wavePeers[waveCount] = Int32(peer); waveHops[waveCount] = UInt8(clamping: hop); waveCount += 1
        }
        waveReached += 1
    }

    mutating func floodEnded(at now: SimTime) { floodActive = false; floodEndedAt = now }
}
