/// Which nodes are up: the one source of truth every role reads.
///
/// Node slots `0..<active` are the population (node id = slot + 1); a slot at or past `active` left the population
/// and is not up, whatever its flag says. The flags are packed bits rather than a field of each client's record: the
/// mesh checks them on every hop, and 100,000 packed flags stay in cache where the 48-byte records did not
/// (docs/PERFORMANCE.md, 'Design measurements').
///
/// Not the same fact as what DHT routing believes (`ChordRing`'s alive bitmap): routing learns of a departure only at
/// its next fix-up, which is the point of the churn lesson.
struct Liveness {
    private(set) var flags: BitFlags
    /// The population: slots below are members.
    private(set) var active: Int

    init(nodes: Int) {
        flags = BitFlags(repeating: true, count: nodes)
        active = nodes
    }

    /// Node slots ever used (members and departed members alike).
    var slots: Int { flags.count }

    /// Whether node slot `i` is a member of the population and running.
    @inline(__always) func isUp(_ i: Int) -> Bool { i < active && flags[i] }

    /// Marks member slot `i` crashed or running; returns whether that changed it.
    @discardableResult
    mutating func set(_ i: Int, up: Bool) -> Bool {
        guard i < active, flags[i] != up else { return false }
        flags[i] = up
        return true
    }

    /// `n` more members, running: departed slots are reused first, then new slots are added.
    mutating func join(_ n: Int) {
        for i in active..<(active + n) {
            if i < flags.count { flags[i] = true } else { flags.append(true) }
        }
        active += n
    }

    /// The last `n` members leave (their flags stay for a return; they are not up while out).
    mutating func leave(_ n: Int) { active -= n }
}
