/// Which nodes are up: the one source of truth every role reads.
///
/// Node slots `0..<active` are the population (node id = slot + 1); a slot at or past `active` left the population
/// and is not up, whatever its flag says. The flags are packed bits rather than a field of each client's record: the
/// mesh checks them on every hop, and 100,000 packed flags stay in cache where the 48-byte records did not
/// (docs/PERFORMANCE.md, 'Design measurements').
///
/// Not the same fact as what DHT routing believes (`ChordRing`'s alive bitmap): routing learns of a departure only at
/// its next fix-up, which is the point of the churn lesson.
///
/// It also keeps the member-time up since the start (the area under the count of members up), since a change of
/// that count happens only here: what peers donate in a mesh is read from it (`CostModel`).
struct Liveness {
    private(set) var flags: BitFlags
    /// The population: slots below are members.
    private(set) var active: Int
    /// Members up now.
    private(set) var upCount: Int
    /// Member-nanoseconds up from the start to `lastChange` (a Double: a million members for years pass Int64).
    private var upArea: Double = 0
    private var lastChange: SimTime = 0

    init(nodes: Int) {
        flags = BitFlags(repeating: true, count: nodes)
        active = nodes
        upCount = nodes
    }

    /// Member-nanoseconds spent up from the start to `now`.
    func upNanos(at now: SimTime) -> Double { upArea + Double(now - lastChange) * Double(upCount) }

    private mutating func accrue(to now: SimTime) {
        upArea = upNanos(at: now)
        lastChange = now
    }

    /// Node slots ever used (members and departed members alike).
    var slots: Int { flags.count }

    /// Whether node slot `i` is a member of the population and running.
    @inline(__always) func isUp(_ i: Int) -> Bool { i < active && flags[i] }

    /// Marks member slot `i` crashed or running at `now`; returns whether that changed it.
    @discardableResult
    mutating func set(_ i: Int, up: Bool, at now: SimTime) -> Bool {
        guard i < active, flags[i] != up else { return false }
        accrue(to: now)
        flags[i] = up
        upCount += up ? 1 : -1
        return true
    }

    /// `n` more members, running, at `now`: departed slots are reused first, then new slots are added.
    mutating func join(_ n: Int, at now: SimTime) {
        accrue(to: now)
        for i in active..<(active + n) {
            if i < flags.count { flags[i] = true } else { flags.append(true) }
        }
        active += n
        upCount += n
    }

    /// The last `n` members leave at `now` (their flags stay for a return; they are not up while out).
    mutating func leave(_ n: Int, at now: SimTime) {
        accrue(to: now)
        for i in (active - n)..<active where flags[i] { upCount -= 1 }
        active -= n
    }
}
