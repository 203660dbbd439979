/// A FIFO queue in one growable circular array: O(1) push and pop, no allocation once it has grown.
public struct RingBuffer<Element> {
    @usableFromInline var storage: [Element?]
    @usableFromInline var head = 0
    @usableFromInline var _count = 0

    public init(initialCapacity: Int = 16) {
        storage = Array(repeating: nil, count: Swift.max(1, initialCapacity))
    }

    @inlinable public var count: Int { _count }
    @inlinable public var isEmpty: Bool { _count == 0 }

    /// The oldest element, without removing it.
    @inlinable public var first: Element? { _count > 0 ? storage[head] : nil }

    @inlinable public mutating func append(_ e: Element) {
        if _count == storage.count { grow() }
        storage[(head + _count) % storage.count] = e
        _count += 1
    }

    @inlinable public mutating func popFirst() -> Element? {
        guard _count > 0 else { return nil }
        let e = storage[head]
        storage[head] = nil
        head = (head + 1) % storage.count
        _count -= 1
        return e
    }

    /// Removes every element, keeping the storage.
    public mutating func removeAll() {
        while popFirst() != nil {}
        head = 0
    }

    /// Visits elements from first to last.
    public func forEach(_ body: (Element) -> Void) {
        var i = 0
        while i < _count {
            if let e = storage[(head + i) % storage.count] { body(e) }
            i += 1
        }
    }

    @usableFromInline mutating func grow() {
        var bigger = [Element?](repeating: nil, count: storage.count * 2)
        for i in 0..<_count { bigger[i] = storage[(head + i) % storage.count] }
        storage = bigger
        head = 0
    }
}
