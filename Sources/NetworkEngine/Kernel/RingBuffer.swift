/// A FIFO queue in one growable circular array: O(1) push and pop, no allocation once it has grown.
///
/// The capacity is a power of two, so wrapping around is a mask rather than a division.
public struct RingBuffer<Element> {
    @usableFromInline var storage: [Element?]
    @usableFromInline var head = 0
    @usableFromInline var _count = 0
    @usableFromInline var mask: Int

    public init(initialCapacity: Int = 16) {
        var capacity = 1
        while capacity < initialCapacity { capacity <<= 1 }
        storage = Array(repeating: nil, count: capacity)
        mask = capacity - 1
    }

    @inlinable public var count: Int { _count }
    @inlinable public var isEmpty: Bool { _count == 0 }

    /// The oldest element, without removing it.
    @inlinable public var first: Element? { _count > 0 ? storage[head] : nil }

    @inlinable public mutating func append(_ e: Element) {
        if _count == storage.count { grow() }
        storage[(head + _count) & mask] = e
        _count += 1
    }

    @inlinable public mutating func popFirst() -> Element? {
        guard _count > 0 else { return nil }
        let e = storage[head]
        storage[head] = nil
        head = (head + 1) & mask
        _count -= 1
        return e
    }

    /// The element `offset` places after the oldest (0 is `first`); `offset` must be below `count`.
    public subscript(offset offset: Int) -> Element {
        precondition(offset >= 0 && offset < _count, "offset out of range")
        return storage[(head + offset) & mask]!
    }

    /// Rewrites every element in place, oldest first.
    public mutating func updateEach(_ body: (inout Element) -> Void) {
        for i in 0..<_count {
            let k = (head + i) & mask
            if var e = storage[k] { body(&e); storage[k] = e }
        }
    }

    @usableFromInline mutating func grow() {
        var bigger = [Element?](repeating: nil, count: storage.count * 2)
        for i in 0..<_count { bigger[i] = storage[(head + i) & mask] }
        storage = bigger
        mask = bigger.count - 1
        head = 0
    }
}
