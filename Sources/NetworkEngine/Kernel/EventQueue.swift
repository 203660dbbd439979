/// A priority queue of events ordered by (time, sequence number).
///
/// Equal times run in the order they were scheduled, so a run never depends on the heap's internal layout. The heap is
/// 4-ary (shallower than binary, fewer cache misses at 100,000+ pending events) and stores small value entries in one
/// contiguous array: pushing and popping allocate nothing once the array has grown.
public struct EventQueue<Payload> {
    @usableFromInline struct Entry {
        @usableFromInline var time: SimTime
        @usableFromInline var seq: UInt64
        @usableFromInline var payload: Payload

        @inlinable init(time: SimTime, seq: UInt64, payload: Payload) {
            self.time = time; self.seq = seq; self.payload = payload
        }

        @inlinable func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && seq < other.seq)
        }
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
        let entry = Entry(time: time, seq: nextSeq, payload: payload)
        nextSeq &+= 1
        heap.append(entry)
        siftUp(heap.count - 1)
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
                if first >= n { break }
                var best = first
                let end = Swift.min(first + 4, n)
                var c = first + 1
                while c < end {
                    if h[c].precedes(h[best]) { best = c }
                    c += 1
                }
                h[i] = h[best]
                i = best
            }
            while i > 0 {
                let parent = (i - 1) >> 2
                if !last.precedes(h[parent]) { break }
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
                if !item.precedes(h[parent]) { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = item
        }
    }
}
