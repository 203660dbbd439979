/// One pending event in the queue: its order as a single 128-bit key, and what happens.
@usableFromInline struct QueuedEvent<Payload: BitwiseCopyable>: BitwiseCopyable {
    /// `time << 64 | seq`; times are never negative (the clock starts at 0 and events are never in the past).
    /// Comparing two entries is one unsigned comparison, which compiles to flags and conditional moves, not branches.
    @usableFromInline var key: UInt128
    @usableFromInline var payload: Payload

    @inlinable init(time: SimTime, seq: UInt64, payload: Payload) {
        key = UInt128(UInt64(bitPattern: time)) << 64 | UInt128(seq)
        self.payload = payload
    }

    @inlinable var time: SimTime { SimTime(bitPattern: UInt64(truncatingIfNeeded: key >> 64)) }
}

/// A growable block of plain values that frees itself: the raw memory under the event queue, the request table and
/// the peer servers.
///
/// Raw memory, because the queue's hot loop touches several arrays per event and each Swift array access pays a
/// uniqueness check (a runtime call) and a bounds check; each owner keeps its own indices in range. `BitwiseCopyable`
/// elements need no initialization or cleanup.
///
/// Noncopyable, so the block has exactly one owner and is freed exactly once, by `deinit`, when that owner lets go
/// (replacing a buffer frees the old one): no copy can outlive it or free it twice, and no owner writes a `deinit` of
/// its own. A second buffer with the same contents is made only on purpose, by `clone(count:)`.
@usableFromInline struct RawBuffer<Element: BitwiseCopyable>: ~Copyable {
    @usableFromInline let base: UnsafeMutablePointer<Element>
    @usableFromInline let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    // Inlinable like the properties that hold buffers: Swift 6.3.1's optimizer crashes ("inlining a resilient
    // function into a fragile function") when a non-inlinable deinit is inlined into their setters.
    @inlinable deinit { base.deallocate() }

    @inlinable subscript(i: Int) -> Element {
        get {
            assert(i >= 0 && i < capacity, "raw buffer index out of range")
            return base[i]
        }
        nonmutating set {
            assert(i >= 0 && i < capacity, "raw buffer index out of range")
            base[i] = newValue
        }
    }

    /// At least doubles the capacity to hold `needed`, keeping the first `count` elements.
    @usableFromInline mutating func grow(keeping count: Int, toHold needed: Int) {
        var bigger = capacity * 2
        while bigger < needed { bigger *= 2 }
        let b = RawBuffer(capacity: bigger)
        b.base.initialize(from: base, count: count)
        self = b  // frees the old block
    }

    /// A copy holding the first `count` elements, with the same capacity.
    func clone(count: Int) -> RawBuffer {
        let copy = RawBuffer(capacity: capacity)
        copy.base.initialize(from: base, count: count)
        return copy
    }
}

/// A 4-ary min-heap of queued events by key, in raw memory.
///
/// 4-ary (shallower than binary, fewer cache misses) in one contiguous block: no allocation once it has grown.
/// Which of four children is smallest is a coin toss the branch predictor cannot learn, so it is picked by a
/// branch-free tournament: the mispredicted branches of a two-field comparison made the heap a large share of a DHT
/// run (docs/PERFORMANCE.md, 'Design measurements').
///
/// Noncopyable because it owns its buffer: `clone()` makes the copy that copy-on-write needs.
@usableFromInline struct EventHeap<Payload: BitwiseCopyable>: ~Copyable {
    @usableFromInline typealias Entry = QueuedEvent<Payload>
    @usableFromInline var storage = RawBuffer<Entry>(capacity: 64)
    @usableFromInline var count = 0

    init() {}

    @inlinable var first: Entry? { count > 0 ? storage[0] : nil }

    @inlinable mutating func push(_ entry: Entry) {
        if count == storage.capacity { storage.grow(keeping: count, toHold: count + 1) }
        count += 1
        siftUp(entry, from: count - 1)
    }

    /// Puts `entry` in the hole at `i`, moving it up past every larger parent.
    @inlinable func siftUp(_ entry: Entry, from hole: Int) {
        let h = storage.base
        var i = hole
        while i > 0 {
            let parent = (i - 1) >> 2
            if !(entry.key < h[parent].key) { break }
            h[i] = h[parent]
            i = parent
        }
        h[i] = entry
    }

    /// Removes and returns the smallest entry; the heap must not be empty.
    ///
    /// Bottom-up deletion (Wegener): the hole left at the root walks down to a leaf along the smaller children, with
    /// no comparison against the displaced last entry, which then sifts up from there, usually not at all. That
    /// saves about a quarter of the comparisons of the textbook sift-down.
    @inlinable mutating func popMin() -> Entry {
        assert(count > 0, "popMin of an empty heap")
        let h = storage.base
        count -= 1
        let n = count
        let last = h[n]
        guard n > 0 else { return last }
        let top = h[0]
        var i = 0
        while true {
            let first = 4 * i + 1
            var best: Int
            if first + 3 < n {
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
        siftUp(last, from: i)
        return top
    }

    /// Empties the heap, handing over its entries in no particular order.
    mutating func drain(into out: inout [Entry]) {
        out.append(contentsOf: UnsafeBufferPointer(start: storage.base, count: count))
        count = 0
    }

    func updateEach(_ body: (inout Payload) -> Void) {
        for k in 0..<count { body(&storage.base[k].payload) }
    }

    func clone() -> EventHeap {
        var copy = EventHeap()
        copy.storage = storage.clone(count: count)
        copy.count = count
        return copy
    }
}
