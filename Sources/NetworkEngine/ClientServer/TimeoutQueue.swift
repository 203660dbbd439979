/// Request timeouts, all of the same duration, kept in arming order.
///
/// Because every timeout lasts the same time, they fall due in the order they were armed: a FIFO holds them and the
/// event queue carries a single wake-up for the earliest one. This keeps the heap small (one entry instead of one per
/// outstanding request) and makes arming O(1). Timeouts of requests that already ended are skipped when they fall due.
struct TimeoutQueue {
    struct Entry {
        var request: RequestRef
        var attempt: UInt16
        var deadline: SimTime
    }

    private var entries = RingBuffer<Entry>(initialCapacity: 256)
    /// True while a wake-up event for the head is pending in the kernel.
    private(set) var wakeupPending = false

    /// Adds a timeout; returns the time a wake-up must be scheduled for, or nil when one is already pending.
    mutating func arm(_ request: RequestRef, attempt: UInt16, deadline: SimTime) -> SimTime? {
        entries.append(Entry(request: request, attempt: attempt, deadline: deadline))
        guard !wakeupPending else { return nil }
        wakeupPending = true
        return deadline
    }

    /// Removes and returns the next timeout due at or before `now`.
    mutating func popDue(at now: SimTime) -> Entry? {
        guard let head = entries.first, head.deadline <= now else { return nil }
        return entries.popFirst()
    }

    /// After the due timeouts are handled: the time of the next wake-up, or nil when none is armed.
    mutating func nextWakeup() -> SimTime? {
        guard let head = entries.first else { wakeupPending = false; return nil }
        wakeupPending = true
        return head.deadline
    }
}
