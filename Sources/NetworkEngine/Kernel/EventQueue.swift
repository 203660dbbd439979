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
    @inlinable public mutating func pop() -> (time: SimTime, payload: Payload)? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return (last.time, last.payload) }
        let top = heap[0]
        heap[0] = last
        siftDown(0)
        return (top.time, top.payload)
    }

    /// Removes every pending event.
    public mutating func removeAll() { heap.removeAll(keepingCapacity: true) }

    /// Calls `body` with each pending event, in no particular order.
    public func forEach(_ body: (SimTime, Payload) -> Void) {
        for e in heap { body(e.time, e.payload) }
    }

    @inlinable mutating func siftUp(_ index: Int) {
        var i = index
        let item = heap[i]
        while i > 0 {
            let parent = (i - 1) >> 2
            if !item.precedes(heap[parent]) { break }
            heap[i] = heap[parent]
            i = parent
        }
        heap[i] = item
    }

    @inlinable mutating func siftDown(_ index: Int) {
        let n = heap.count
        var i = index
        let item = heap[i]
        while true {
            let first = 4 * i + 1
            if first >= n { break }
            var best = first
            let end = Swift.min(first + 4, n)
            var c = first + 1
            while c < end {
                if heap[c].precedes(heap[best]) { best = c }
                c += 1
            }
            if !heap[best].precedes(item) { break }
            heap[i] = heap[best]
            i = best
        }
        heap[i] = item
    }
}
