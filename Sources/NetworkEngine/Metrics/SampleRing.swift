/// The latest per-second samples, in a fixed-size ring: what the live view's sparklines draw, so a live session's
/// memory stays flat however long it runs.
public struct SampleRing {
    public let capacity: Int
    var items: [SecondSample] = []
    var next = 0

    public init(capacity: Int) { self.capacity = capacity; items.reserveCapacity(capacity) }

    public mutating func append(_ s: SecondSample) {
        if items.count < capacity { items.append(s) } else { items[next] = s }
        next = (next + 1) % capacity
    }

    /// The newest sample.
    public var last: SecondSample? {
        items.isEmpty ? nil : items[(next + capacity - 1) % capacity]
    }

    /// The newest `n` samples (all held when fewer), oldest first.
    public func suffix(_ n: Int) -> [SecondSample] {
        let count = min(max(0, n), items.count)
        guard items.count == capacity else { return Array(items.suffix(count)) }
        // Full: the oldest sits at `next`; the newest `count` end just before it, wrapping around.
        let start = (next - count + capacity) % capacity
        return start + count <= capacity ? Array(items[start..<(start + count)])
            : Array(items[start...] + items[..<(start + count - capacity)])
    }
}
