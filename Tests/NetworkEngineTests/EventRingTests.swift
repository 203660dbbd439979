import NetworkEngine
import Testing

/// The live view's recent events: a fixed ring, plus the security and failure events it has dropped.
@Suite("Event ring")
struct EventRingTests {
    static func overload(_ i: Int) -> NetworkEvent {
        NetworkEvent(time: SimTime(1000 + i), kind: .overload, node: 1 + i % 9, detail: "peer overloaded")
    }

    @Test("breaches and crashes outlive a flood of overloads that overwrites the ring many times")
    func notableKept() {
        var ring = EventRing(capacity: 256, notableCapacity: 4)
        let breach = NetworkEvent(time: 1, kind: .breach, node: 0, account: 3, outcome: .broken, detail: "broken")
        let down = NetworkEvent(time: 2, kind: .nodeDown, node: 0, detail: "server crashed")
        ring.append(breach)
        ring.append(down)
        for i in 0..<10_000 { ring.append(Self.overload(i)) }
        let held = ring.ordered
        #expect(held.count == 258)
        #expect(Array(held.prefix(2)) == [breach, down], "the dropped breach and crash come first, oldest first")
        #expect(Array(held.dropFirst(2)) == (9_744..<10_000).map(Self.overload))
    }

    @Test("a notable event still in the ring is not shown twice, and only the last few dropped ones are kept")
    func noDuplicatesAndBounded() {
        var ring = EventRing(capacity: 8, notableCapacity: 2)
        let downs = (0..<5).map { NetworkEvent(time: SimTime($0), kind: .nodeDown, node: $0 + 1, detail: "down") }
        for d in downs { ring.append(d) }
        #expect(ring.ordered == downs)
        for i in 0..<20 { ring.append(Self.overload(i)) }
        // The ring holds the last 8 overloads; of the five crashes, the last two are kept.
        #expect(ring.ordered == [downs[3], downs[4]] + (12..<20).map(Self.overload))
    }
}
