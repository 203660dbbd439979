/// A priority queue of events ordered by (time, sequence number).
///
/// Equal times run in the order they were scheduled, so a run never depends on the heap's internal layout. The heap is
/// 4-ary (shallower than binary, fewer cache misses at 100,000+ pending events) and stores small value entries in one
/// contiguous array: pushing and popping allocate nothing once the array has grown.
///
/// Each entry's order is one 128-bit key, the time in the high half and the sequence number in the low half, so
/// comparing two entries is a single unsigned comparison that compiles to flags and conditional moves, not branches.
/// Which of four children is smallest is a coin toss the branch predictor cannot learn; measured on a 100,000-peer
/// DHT run, the mispredicted branches of the two-field comparison made `pop` a fifth of the whole run.
public struct EventQueue<Payload> {
    @usableFromInline struct Entry {
        /// `time << 64 | seq`; times are never negative (the clock starts at 0 and events are never in the past).
        @usableFromInline var key: UInt128
        @usableFromInline var payload: Payload

        @inlinable init(time: SimTime, seq: UInt64, payload: Payload) {
            key = UInt128(UInt64(bitPattern: time)) << 64 | UInt128(seq)
            self.payload = payload
        }

        @inlinable var time: SimTime { SimTime(bitPattern: UInt64(truncatingIfNeeded: key >> 64)) }
    }

    @usableFromInline var heap: [Entry] = []
    @usableFromInline var nextSeq: UInt64 = 0

    public init() { heap.reserveCapacity(1024) }

    /// The number of pending events.
    @inlinable public var count: Int { heap.count }
    @inlinable public var isEmpty: Bool { heap.isEmpty }

    /// The time of the earliest pending event.
    @inlinable public var nextTime: SimTime? { heap.first?.time }

    /// Adds an event at `time`; it runs after every event already scheduled for the same time.
    @inlinable public mutating func push(_ payload: Payload, at time: SimTime) {
        precondition(time >= 0, "events cannot be scheduled before time 0")
        let entry = Entry(time: time, seq: nextSeq, payload: payload)
        nextSeq &+= 1
        heap.append(entry)
        siftUp(heap.count - 1)
    }

    /// Rewrites every pending event in place; their times and order stay as they are.
    public mutating func updateEach(_ body: (inout Payload) -> Void) {
        for k in heap.indices { body(&heap[k].payload) }
    }

    /// Removes and returns the earliest event.
    ///
    /// Bottom-up deletion (Wegener): the hole left at the root walks down to a leaf along the smaller children, with
    /// no comparison against the displaced last entry, which then sifts up from there, usually not at all. That
    /// saves about a quarter of the comparisons of the textbook sift-down.
    @inlinable public mutating func pop() -> (time: SimTime, payload: Payload)? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return (last.time, last.payload) }
        let top = heap[0]
        let n = heap.count
        heap.withUnsafeMutableBufferPointer { h in
            var i = 0
            while true {
                let first = 4 * i + 1
                var best: Int
                if first + 3 < n {
                    // A full family: a branch-free tournament of two pairs.
                    let a = h[first + 1].key < h[first].key ? first + 1 : first
                    let b = h[first + 3].key < h[first + 2].key ? first + 3 : first + 2
                    best = h[b].key < h[a].key ? b : a
                } else {
                    if first >= n { break }
                    best = first
                    var c = first + 1
                    while c < n {
                        if h[c].key < h[best].key { best = c }
                        c += 1
                    }
                }
                h[i] = h[best]
                i = best
            }
            while i > 0 {
                let parent = (i - 1) >> 2
                if !(last.key < h[parent].key) { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = last
        }
        return (top.time, top.payload)
    }

    @inlinable mutating func siftUp(_ index: Int) {
        heap.withUnsafeMutableBufferPointer { h in
            var i = index
            let item = h[i]
            while i > 0 {
                let parent = (i - 1) >> 2
                if !(item.key < h[parent].key) { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = item
        }
    }
}
