/// Request timeouts, all of the same duration, kept in arming order.
///
/// Because every timeout lasts the same time, they fall due in the order they were armed: a FIFO holds them and the
/// event queue carries a single wake-up for the earliest one. This keeps the heap small (one entry instead of one per
/// outstanding request) and makes arming O(1). Timeouts of requests that already ended are skipped when they fall due,
/// and dropped earlier by `compact(keeping:)` once they pile up: otherwise every request armed within the last
/// timeout period stays here, finished or not (10 M requests/s with a 5 s timeout: 50 M entries).
struct TimeoutQueue {
    struct Entry {
        var request: RequestRef
        var attempt: UInt16
        var deadline: SimTime
    }

    private var entries = RingBuffer<Entry>(initialCapacity: 256)
    /// True while a wake-up event for the head is pending in the kernel.
    private(set) var wakeupPending = false
    /// The size at which the FIFO is next compacted: 1.5 times what survived the last compaction, and at least
    /// `compactFloor`. Each compaction scans at most three times the entries armed since the previous one, so arming
    /// stays O(1) amortized, and the FIFO never holds more than 1.5 times the timeouts still current (or the floor).
    private(set) var compactAt = TimeoutQueue.compactFloor
    /// Below this many entries (2 MB) stale ones are left to fall due: a small run never compacts, so its wake-ups,
    /// and so its event count, are what they always were.
    static let compactFloor = 65_536

    /// Entries held, stale ones included.
    var count: Int { entries.count }

    /// Adds a timeout; returns the time a wake-up must be scheduled for, or nil when one is already pending. When the
    /// FIFO is due for compaction it first keeps only the entries `isCurrent` accepts (in the same call: each access
    /// to the engine's stored queue costs an exclusivity check).
    mutating func arm(_ request: RequestRef, attempt: UInt16, deadline: SimTime,
                      compactingWith isCurrent: (Entry) -> Bool) -> SimTime? {
        if entries.count >= compactAt { compact(keeping: isCurrent) }
        entries.append(Entry(request: request, attempt: attempt, deadline: deadline))
        guard !wakeupPending else { return nil }
        wakeupPending = true
        return deadline
    }

    /// Drops every entry `isCurrent` rejects (its request ended, or went on to a later attempt), keeping the order.
    /// A pending wake-up stays valid: it falls due no later than the new head, and then reschedules for it.
    mutating func compact(keeping isCurrent: (Entry) -> Bool) {
        entries.removeAll { !isCurrent($0) }
        compactAt = max(Self.compactFloor, entries.count + entries.count / 2)
    }

    /// Removes and returns the next timeout due at or before `now`.
    mutating func popDue(at now: SimTime) -> Entry? {
        guard let head = entries.first, head.deadline <= now else { return nil }
        return entries.popFirst()
    }

    /// The timeouts due at `now` that `isCurrent` accepts, without removing any: the first (the one handled first)
    /// and how many there are. For the live view's step, which names the request a timeout event is about.
    func due(at now: SimTime, where isCurrent: (Entry) -> Bool) -> (first: Entry?, count: Int) {
        var first: Entry?
        var count = 0
        for i in 0..<entries.count {
            let e = entries[offset: i]
            guard e.deadline <= now else { break }
            guard isCurrent(e) else { continue }
            if first == nil { first = e }
            count += 1
        }
        return (first, count)
    }

    /// After the due timeouts are handled: the time of the next wake-up, or nil when none is armed.
    mutating func nextWakeup() -> SimTime? {
        guard let head = entries.first else { wakeupPending = false; return nil }
        wakeupPending = true
        return head.deadline
    }
}
