/// The most recent network events, in a fixed-size ring: the live view's event log never grows without bound.
///
/// Security and failure events are also kept in a small ring of their own, so a flood of overloads (thousands a
/// second at high speed) cannot push the last breach or crash out of the log before anyone has read it: `ordered`
/// puts the ones the main ring has already dropped in front of it.
public struct EventRing {
    public let capacity: Int
    /// How many security and failure events are kept besides the main ring.
    public let notableCapacity: Int
    @usableFromInline var items: [NetworkEvent] = []
    @usableFromInline var next = 0
    /// Security and failure events, with the sequence number each had among all events appended.
    @usableFromInline var notable: [(sequence: Int, event: NetworkEvent)] = []
    @usableFromInline var notableNext = 0
    /// Events appended so far: the main ring holds the last `items.count` of them.
    @usableFromInline var appended = 0

    public init(capacity: Int, notableCapacity: Int = 64) {
        self.capacity = capacity
        self.notableCapacity = notableCapacity
        items.reserveCapacity(capacity)
        notable.reserveCapacity(notableCapacity)
    }

    public mutating func append(_ e: NetworkEvent) {
        if items.count < capacity { items.append(e) } else { items[next] = e }
        next = (next + 1) % capacity
        if notableCapacity > 0, e.kind.category == .security || e.kind.category == .failures {
            if notable.count < notableCapacity { notable.append((appended, e)) } else { notable[notableNext] = (appended, e) }
            notableNext = (notableNext + 1) % notableCapacity
        }
        appended += 1
    }

    /// The events held, oldest first: the security and failure events the main ring has dropped, then the main ring.
    public var ordered: [NetworkEvent] {
        let recent = items.count < capacity ? items : Array(items[next...] + items[..<next])
        let firstInRing = appended - items.count
        let kept = notable.count < notableCapacity ? notable : Array(notable[notableNext...] + notable[..<notableNext])
        let dropped = kept.filter { $0.sequence < firstInRing }
        guard !dropped.isEmpty else { return recent }
        return dropped.map(\.event) + recent
    }
}
