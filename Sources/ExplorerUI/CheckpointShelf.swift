import NetworkEngine

/// The checkpoints a live session keeps for rewinding: at most `capacity`, at least `spacing` of simulated time
/// apart; when the shelf fills, every other one goes (the first, t=0, always stays) and the spacing doubles.
///
/// So memory is bounded however long the session (never more than `capacity` copies of the run), and a rewind
/// replays at most about one spacing of simulated time, which grows only with the session's length: after
/// `capacity × spacing₀ × 2ᵏ` simulated seconds the spacing is `spacing₀ × 2ᵏ⁺¹`, a 64th to a 32nd of the session.
public struct CheckpointShelf<Saved> {
    /// One checkpoint: the point of the run it was taken at and what was kept.
    public struct Entry {
        public var time: SimTime
        public var saved: Saved
    }

    /// The most checkpoints kept (64 by default).
    public private(set) var capacity: Int
    /// The least simulated time between two checkpoints; doubles at each thinning.
    public private(set) var spacing: SimTime
    /// The checkpoints, oldest first, their times never decreasing.
    public private(set) var entries: [Entry] = []

    /// The default `capacity`.
    public static var defaultCapacity: Int { 64 }

    public init(capacity: Int = defaultCapacity, spacing: SimTime = .seconds(1)) {
        self.capacity = max(2, capacity)
        self.spacing = max(1, spacing)
        entries.reserveCapacity(self.capacity)
    }

    /// True when a checkpoint taken at `time` would be kept: the shelf is empty, or the last one is at least
    /// `spacing` older.
    public func isDue(at time: SimTime) -> Bool {
        guard let last = entries.last else { return true }
        return time >= last.time &+ spacing
    }

    /// Keeps `saved`, taken at `time` (not before the last one); thins the shelf once it holds `capacity`.
    public mutating func add(_ saved: Saved, at time: SimTime) {
        entries.append(Entry(time: time, saved: saved))
        if entries.count >= capacity { thin() }
    }

    /// Keeps at most `capacity` checkpoints from now on (at least 2), thinning the shelf until it holds fewer.
    public mutating func limit(to capacity: Int) {
        self.capacity = max(2, capacity)
        while entries.count >= self.capacity { thin() }
    }

    /// Drops every other checkpoint (keeping the first) and doubles the spacing: the kept ones are then at least
    /// twice the old spacing apart, as the doubled spacing promises.
    mutating func thin() {
        var kept = 0
        for index in stride(from: 0, to: entries.count, by: 2) {
            entries.swapAt(kept, index)
            kept += 1
        }
        entries.removeLast(entries.count - kept)
        spacing = spacing > SimTime.max / 2 ? SimTime.max : spacing * 2
    }

    /// The newest checkpoint that `isBefore` accepts (the checkpoints it accepts must be a prefix of the shelf).
    public func latest(where isBefore: (Entry) -> Bool) -> Entry? {
        var low = 0, high = entries.count  // binary search for the first entry not accepted
        while low < high {
            let mid = (low + high) / 2
            if isBefore(entries[mid]) { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : entries[low - 1]
    }

    /// Drops the checkpoints `isAfter` picks (a suffix of the shelf): those of a future discarded by a fork.
    public mutating func removeAll(where isAfter: (Entry) -> Bool) {
        while let last = entries.last, isAfter(last) { entries.removeLast() }
    }

    /// Drops every checkpoint and the grown spacing (a new run).
    public mutating func reset(spacing: SimTime = .seconds(1)) {
        entries.removeAll(keepingCapacity: true)
        self.spacing = max(1, spacing)
    }
}
