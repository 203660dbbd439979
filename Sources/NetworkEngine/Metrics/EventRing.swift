/// The most recent network events, in a fixed-size ring: the live view's event log never grows without bound.
public struct EventRing {
    public let capacity: Int
    @usableFromInline var items: [NetworkEvent] = []
    @usableFromInline var next = 0

    public init(capacity: Int) { self.capacity = capacity; items.reserveCapacity(capacity) }

    public mutating func append(_ e: NetworkEvent) {
        if items.count < capacity { items.append(e) } else { items[next] = e }
        next = (next + 1) % capacity
    }

    /// The events held, oldest first.
    public var ordered: [NetworkEvent] {
        items.count < capacity ? items : Array(items[next...] + items[..<next])
    }
}
