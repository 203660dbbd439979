/// A priority queue of events ordered by (time, sequence number): a calendar queue (Brown, 1988) in front of a heap.
///
/// Equal times run in the order they were scheduled, so a run never depends on the queue's internal layout: each
/// entry's order is one 128-bit key, the time in the high half and a sequence number in the low half.
///
/// Why a calendar: a heap costs O(log n) dependent steps per event, a large share of a big DHT run
/// (docs/PERFORMANCE.md, 'Design measurements'). A calendar files an event in its time slot's list in O(1) and takes
/// the slots in order; see `CalendarStore`.
/// Pushing and popping allocate nothing once the store has grown (a change of slot width, rare, refiles everything).
public struct EventQueue<Payload: BitwiseCopyable> {
    @usableFromInline typealias Entry = QueuedEvent<Payload>

    @usableFromInline var store = CalendarStore<Payload>()
    @usableFromInline var nextSeq: UInt64 = 0

    public init() {}

    /// The number of pending events.
    @inlinable public var count: Int { store.count }
    @inlinable public var isEmpty: Bool { store.count == 0 }

    /// The time of the earliest pending event.
    ///
    /// Not mutating, though it may move entries from the calendar into `near`: that changes where they are kept,
    /// never what the queue holds, so a copy sharing the store sees the same queue.
    @inlinable public var nextTime: SimTime? { store.peek()?.time }

    /// Adds an event at `time`; it runs after every event already scheduled for the same time.
    @inlinable public mutating func push(_ payload: Payload, at time: SimTime) {
        makeUnique()
        pushOwned(payload, at: time)
    }

    /// Removes and returns the earliest event.
    @inlinable public mutating func pop() -> (time: SimTime, payload: Payload)? { pop(notAfter: .max) }

    /// Removes and returns the earliest event if it is due at or before `limit`: one look at the queue where
    /// `nextTime` then `pop()` would take two (the kernel's loop does this for every event).
    @inlinable public mutating func pop(notAfter limit: SimTime) -> (time: SimTime, payload: Payload)? {
        makeUnique()
        return popOwned(notAfter: limit)
    }

    // The same for an owner that never copies its queue (the kernel): no copy-on-write check, a runtime call per
    // push and pop (asserted in debug builds instead).

    @inlinable mutating func pushOwned(_ payload: Payload, at time: SimTime) {
        precondition(time >= 0, "events cannot be scheduled before time 0")
        assert(isKnownUniquelyReferenced(&store), "an owned queue was copied")
        store.push(Entry(time: time, seq: nextSeq, payload: payload))
        nextSeq &+= 1
    }

    @inlinable mutating func popOwned(notAfter limit: SimTime) -> (time: SimTime, payload: Payload)? {
        assert(isKnownUniquelyReferenced(&store), "an owned queue was copied")
        guard let e = store.pop(notAfter: limit) else { return nil }
        return (e.time, e.payload)
    }

    /// `nextTime` as a mutating access, which borrows the store where the property retains it.
    @inlinable mutating func nextTimeOwned() -> SimTime? { store.peek()?.time }

    /// The event `k` places after the one just popped (0: the next) when it is already at hand, in the current
    /// slot, else nil: the engine starts loading what that event will touch while it handles the one just popped.
    func upcoming(_ k: Int) -> Payload? { store.upcoming(k) }

    /// Rewrites every pending event in place; their times and order stay as they are.
    public mutating func updateEach(_ body: (inout Payload) -> Void) {
        makeUnique()
        store.updateEach(body)
    }

    /// Copy on write: a copied queue shares its store until either side changes.
    @inlinable mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&store) { store = store.clone() }
    }
}

/// The event queue's state: a calendar of time slots, the current slot in front of it (`near`, sorted, and `late`, a
/// small heap) and a heap beyond its window (`far`).
///
/// Time is cut into slots of `2^shift` ns. Invariants: `near` and `late` together hold every pending entry whose
/// slot number is ≤ `current` (`near` the slot as taken from the calendar, `late` what was pushed for it since, or
/// everything while the queue is a plain heap); slot lists hold the entries with slot numbers in `current + 1 ..<
/// current + slotCount` (list `slot % slotCount`); `far` holds the rest. When both are empty and the earliest entry
/// is wanted, the next non-empty slot (found through a bitmap) moves into it, and the entries of `far` that the
/// window now reaches move into the calendar. That happens only then, not as soon as `near` empties: the handler of
/// the event just popped schedules its follow-ups first, and they land in the calendar behind the current slot
/// instead of in front of a slot far ahead. (Moving on eagerly, a lone clock tick a second ahead became the current
/// slot and every event of that second piled into `near`.)
///
/// The width follows the run: every `tuneInterval` pops the store measures the mean time between the events just
/// popped and, when the width that puts three to six events in a slot has changed twice in a row, refiles everything.
@usableFromInline final class CalendarStore<Payload: BitwiseCopyable> {
    @usableFromInline typealias Entry = QueuedEvent<Payload>

    /// The current slot's entries as it was taken from the calendar, sorted by key, `nearHead ..< nearEnd`.
    @usableFromInline var near = RawBuffer<Entry>(capacity: 64)
    @usableFromInline var nearHead = 0
    @usableFromInline var nearEnd = 0
    /// Entries pushed for the current slot (or before) since it was taken: rare when the width suits the run, and
    /// kept in a heap so that a burst of them costs O(log n) each, not a sorted insertion's O(n).
    @usableFromInline var late = EventHeap<Payload>()
    @usableFromInline var far = EventHeap<Payload>()
    /// Calendar nodes (entry and next node; -1 ends a list), in use up to `nodesUsed`; freed ones are listed from
    /// `freeNode`.
    @usableFromInline var nodes = RawBuffer<Entry>(capacity: 1024)
    @usableFromInline var next = RawBuffer<Int32>(capacity: 1024)
    @usableFromInline var nodesUsed = 0
    @usableFromInline var freeNode: Int32 = -1
    /// Each slot's first node (-1 when empty), and one bit per slot that is not empty.
    @usableFromInline var slotHead = RawBuffer<Int32>(capacity: 1)
    @usableFromInline var occupied = RawBuffer<UInt64>(capacity: 1)
    @usableFromInline var inCalendar = 0
    /// Slot width `2^shift` ns, `slotCount` slots (a power of two, ≥ 64), and the slot drained into `near`.
    @usableFromInline var shift: Int64 = 20
    @usableFromInline var slotCount: Int64 = 1024
    @usableFromInline var current: Int64 = 0
    /// Width tuning: pops since the last look, the time of the first of them, and the last width wanted.
    @usableFromInline var tunePops = 0
    @usableFromInline var tuneStart: SimTime = 0
    @usableFromInline var wanted: (shift: Int64, slots: Int64) = (20, 1024)

    /// While few events are pending every entry stays in `late`, a plain heap: with a handful of entries it is
    /// cheaper than walking slots (the M/M/4 bench ran faster as a heap: docs/PERFORMANCE.md, 'Design measurements').
    /// The calendar takes over above `calendarAbove` pending and hands back below `heapBelow`.
    @usableFromInline var heapOnly = true
    @usableFromInline static var calendarAbove: Int { 256 }
    @usableFromInline static var heapBelow: Int { 64 }

    /// Pops between two looks at the slot width.
    @usableFromInline static var tuneInterval: Int { 4096 }

    init() { makeSlots(Int(slotCount)) }

    @inlinable var count: Int { nearEnd - nearHead + late.count + inCalendar + far.count }

    /// The earliest entry, without removing it.
    @inlinable func peek() -> Entry? {
        if nearHead == nearEnd {
            if late.count == 0 { refill() }
            return late.count > 0 ? late.storage[0] : nearHead < nearEnd ? near[nearHead] : nil
        }
        let first = near[nearHead]
        return late.count > 0 && late.storage[0].key < first.key ? late.storage[0] : first
    }

    /// The current slot's entry `k` places after the next one to pop (0: the next), if the slot has it (an event
    /// pushed into the current slot since it was taken may still come first: a hint, not a promise).
    @inline(__always) func upcoming(_ k: Int) -> Payload? { nearHead &+ k < nearEnd ? near[nearHead &+ k].payload : nil }

    /// Removes the earliest entry if it is due at or before `limit`, else nil (nothing removed).
    @inlinable @inline(__always) func pop(notAfter limit: SimTime) -> Entry? {
        if nearHead == nearEnd && late.count == 0 { refill() }
        let top: Entry
        if nearHead < nearEnd && (late.count == 0 || near[nearHead].key < late.storage[0].key) {
            top = near[nearHead]
            guard top.time <= limit else { return nil }
            nearHead &+= 1
        } else if late.count > 0 {
            guard late.storage[0].time <= limit else { return nil }
            top = late.popMin()
        } else {
            return nil
        }
        countPop(at: top.time)
        return top
    }

    /// Counts a pop toward the next look at the slot width.
    @inlinable func countPop(at time: SimTime) {
        tunePops &+= 1
        if tunePops == Self.tuneInterval { tune(now: time) }
    }

    /// Files an entry: into `near`, into its slot's list, or into `far`. (The kernel never pushes before the last
    /// pop, so `current` need not move back for a push; one that did would still come out in order, from `late`.)
    @inlinable @inline(__always) func push(_ entry: Entry) {
        if heapOnly {
            late.push(entry)
            if late.count > Self.calendarAbove { enterCalendar() }
            return
        }
        let slot = entry.time &>> shift
        if slot <= current {
            late.push(entry)
        } else if slot &- current < slotCount {
            let index = Int(slot & (slotCount - 1))
            var n = freeNode
            if n >= 0 {
                freeNode = next[Int(n)]
            } else {
                if nodesUsed == nodes.capacity {
                    nodes.grow(keeping: nodesUsed, toHold: nodesUsed + 1)
                    next.grow(keeping: nodesUsed, toHold: nodesUsed + 1)
                }
                n = Int32(nodesUsed)
                nodesUsed += 1
            }
            nodes[Int(n)] = entry
            next[Int(n)] = slotHead[index]
            slotHead[index] = n
            occupied[index >> 6] |= 1 << UInt64(index & 63)
            inCalendar += 1
        } else {
            far.push(entry)
        }
    }

    /// Sorts a slot just moved into `near`: by insertion while it holds the few entries a well-chosen width gives,
    /// else by the standard library's sort (a burst of simultaneous events, or a width not yet tuned).
    @usableFromInline func sortNear() {
        let h = near.base, n = nearEnd
        guard n <= 16 else {
            var all = UnsafeMutableBufferPointer(start: h, count: n)
            all.sort { $0.key < $1.key }
            return
        }
        var i = 1
        while i < n {
            let e = h[i]
            var j = i
            while j > 0 && e.key < h[j &- 1].key {
                h[j] = h[j &- 1]
                j &-= 1
            }
            h[j] = e
            i &+= 1
        }
    }

    /// `near` and `late` are empty and the earliest entry is wanted: the next non-empty slot moves into `near`, and
    /// the window takes in what `far` holds for it.
    @usableFromInline func refill() {
        nearHead = 0
        nearEnd = 0
        if inCalendar > 0 {
            let mask = Int(slotCount - 1)
            var index = Int((current + 1) & Int64(mask))
            var distance: Int64 = 1
            while true {
                let bit = index & 63
                let word = occupied[index >> 6] >> UInt64(bit)
                if word != 0 {
                    let skip = word.trailingZeroBitCount
                    index += skip
                    distance += Int64(skip)
                    break
                }
                index = (index + 64 - bit) & mask
                distance += Int64(64 - bit)
            }
            current += distance
            occupied[index >> 6] &= ~(1 << UInt64(index & 63))
            var n = slotHead[index]
            slotHead[index] = -1
            while n >= 0 {
                appendNear(nodes[Int(n)])
                let following = next[Int(n)]
                next[Int(n)] = freeNode
                freeNode = n
                n = following
            }
            inCalendar -= nearEnd
            sortNear()
        } else if let first = far.first {
            current = first.time &>> shift
        } else {
            return
        }
        while let first = far.first, (first.time &>> shift) &- current < slotCount {
            let e = far.popMin()
            if (e.time &>> shift) > current {
                push(e)
            } else {
                // Only when the calendar was empty and `current` jumped to `far`'s first slot: that slot's entries
                // leave `far` in order, into the empty `near`.
                appendNear(e)
            }
        }
    }

    func appendNear(_ entry: Entry) {
        if nearEnd == near.capacity { near.grow(keeping: nearEnd, toHold: nearEnd + 1) }
        near[nearEnd] = entry
        nearEnd &+= 1
    }

    func updateEach(_ body: (inout Payload) -> Void) {
        for k in nearHead..<nearEnd { body(&near.base[k].payload) }
        late.updateEach(body)
        forEachInCalendar { body(&nodes.base[$0].payload) }
        far.updateEach(body)
    }

    /// Calls `body` with the index of every node in a slot list.
    func forEachInCalendar(_ body: (Int) -> Void) {
        for index in 0..<Int(slotCount) {
            var n = slotHead[index]
            while n >= 0 {
                body(Int(n))
                n = next[Int(n)]
            }
        }
    }

    // MARK: - Slot width

    /// Every `tuneInterval` pops: the width that would put three to six events in a slot (the power of two at or below
    /// six mean gaps), from the mean time between the events just popped, and about as many slots as events pending
    /// (so the window spans three to six times the queue's own horizon). Rebuilt only when the same change is wanted
    /// twice in a row, so noise does not thrash.
    ///
    /// Why six gaps and not three: fewer slot changes per event, and the slot in hand usually names the next events,
    /// which the engine prefetches for. Six took fewer instructions than three; twelve gained nothing more
    /// (docs/PERFORMANCE.md, 'Design measurements').
    @usableFromInline func tune(now: SimTime) {
        let span = UInt64(max(0, now - tuneStart))
        tunePops = 0
        tuneStart = now
        // Divided first: a span of centuries (an event saturated at the end of time) must not overflow.
        let width = max(1, min(span / UInt64(Self.tuneInterval), UInt64.max / 6) * 6)
        let newShift = Int64(min(40, max(4, 63 - width.leadingZeroBitCount)))
        let slots = slotsForPending()
        // The slot count changes only by a factor of four or more: a window a little short or long costs little.
        let want = (shift: newShift, slots: slots >= 4 * slotCount || 4 * slots <= slotCount ? slots : slotCount)
        defer { wanted = want }
        if heapOnly { return }
        if count < Self.heapBelow {
            leaveCalendar()
        } else if want != (shift, slotCount) && want == wanted {
            rebuild(shift: want.shift, slots: want.slots)
        }
    }

    /// Many events pending: file them in a calendar of the width last measured.
    @usableFromInline func enterCalendar() {
        heapOnly = false
        rebuild(shift: wanted.shift, slots: slotsForPending())
    }

    /// About as many slots as events pending, a power of two from 256 to 2^20.
    func slotsForPending() -> Int64 {
        var slots: Int64 = 256
        while slots < Int64(count) && slots < 1 << 20 { slots <<= 1 }
        return slots
    }

    /// Few events pending: all of them into the plain heap.
    func leaveCalendar() {
        var all: [Entry] = []
        all.reserveCapacity(count)
        drainAll(into: &all)
        heapOnly = true
        for e in all { late.push(e) }
    }

    /// Refiles every pending entry under a new width and slot count, the calendar starting at the earliest one.
    func rebuild(shift newShift: Int64, slots: Int64) {
        var all: [Entry] = []
        all.reserveCapacity(count)
        drainAll(into: &all)
        shift = newShift
        makeSlots(Int(slots))
        guard let earliest = all.min(by: { $0.key < $1.key }) else { return }
        current = earliest.time &>> shift
        for e in all { push(e) }
    }

    /// Empties every part of the store into `all`, in no particular order.
    func drainAll(into all: inout [Entry]) {
        all.append(contentsOf: UnsafeBufferPointer(start: near.base + nearHead, count: nearEnd - nearHead))
        nearHead = 0
        nearEnd = 0
        late.drain(into: &all)
        forEachInCalendar { all.append(nodes[$0]) }
        for index in 0..<Int(slotCount) { slotHead[index] = -1 }
        for word in 0..<Int(slotCount) / 64 { occupied[word] = 0 }
        nodesUsed = 0
        freeNode = -1
        inCalendar = 0
        far.drain(into: &all)
    }

    /// Empty slots, `count` of them (replacing the old slot buffers), and no nodes in use.
    func makeSlots(_ count: Int) {
        slotCount = Int64(count)
        slotHead = RawBuffer(capacity: count)
        slotHead.base.initialize(repeating: -1, count: count)
        occupied = RawBuffer(capacity: count / 64)
        occupied.base.initialize(repeating: 0, count: count / 64)
        nodesUsed = 0
        freeNode = -1
        inCalendar = 0
    }

    /// A deep copy, for copy on write.
    @usableFromInline func clone() -> CalendarStore {
        let copy = CalendarStore()
        copy.near = near.clone(count: nearEnd)
        copy.nearHead = nearHead
        copy.nearEnd = nearEnd
        copy.late = late.clone()
        copy.far = far.clone()
        copy.nodes = nodes.clone(count: nodesUsed)
        copy.next = next.clone(count: nodesUsed)
        copy.nodesUsed = nodesUsed
        copy.freeNode = freeNode
        copy.slotHead = slotHead.clone(count: Int(slotCount))
        copy.occupied = occupied.clone(count: Int(slotCount) / 64)
        copy.inCalendar = inCalendar
        copy.shift = shift
        copy.slotCount = slotCount
        copy.current = current
        copy.tunePops = tunePops
        copy.tuneStart = tuneStart
        copy.wanted = wanted
        copy.heapOnly = heapOnly
        return copy
    }
}
