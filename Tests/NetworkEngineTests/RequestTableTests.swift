import Testing
@testable import NetworkEngine

/// The request table reads its records without bounds checks, so what makes that safe is tested directly: a slot is
/// reused only after it is closed, a reference to its previous occupant is no longer live, and growing keeps every
/// record. CI also runs this suite under AddressSanitizer, so any access outside the table's memory fails it.
@Suite("Request table")
struct RequestTableTests {
    static func open(_ table: RequestTable, client: Int32, resource: Int = 0) -> RequestRef {
        table.open(client: client, at: SimTime(client), segment: 0, resource: resource, architecture: .clientServer)
    }

    @Test("a closed slot is reused under a new token, and the old reference is no longer live")
    func reuseChangesToken() {
        let table = RequestTable()
        let a = Self.open(table, client: 1)
        let b = Self.open(table, client: 2)
        table.close(a)
        #expect(!table.isLive(a) && table.isLive(b))
        let c = Self.open(table, client: 3)
        #expect(c.slot == a.slot, "a freed slot is taken before the table grows")
        #expect(c.token != a.token)
        #expect(table.isLive(c) && !table.isLive(a))
        #expect(table[c].client == 3 && table[b].client == 2)
        #expect(table.liveCount == 2)
    }

    @Test("growing far past the first block keeps every record, and closing half frees exactly those")
    func growthKeepsRecords() {
        let table = RequestTable()
        let refs = (0..<5_000).map { Self.open(table, client: Int32($0), resource: $0 * 7) }
        #expect(Set(refs.map(\.slot)).count == 5_000)
        #expect(refs.allSatisfy { table.isLive($0) })
        #expect(refs.enumerated().allSatisfy { i, r in table[r].client == Int32(i) && table[r].resource == Int32(i * 7) })
        for r in refs where r.slot % 2 == 0 { table.close(r) }
        #expect(table.liveCount == 2_500)
        let liveAsExpected = Set(table.liveRefs()) == Set(refs.filter { $0.slot % 2 == 1 })
        #expect(liveAsExpected)
        #expect(table.records.count == 5_000 && table.records.filter(\.live).count == 2_500)
        // Reopening takes the freed slots, not new ones.
        let again = (0..<2_500).map { Self.open(table, client: -Int32($0) - 1) }
        let reused = Set(again.map(\.slot)) == Set(refs.filter { $0.slot % 2 == 0 }.map(\.slot))
        #expect(reused)
        #expect(table.records.count == 5_000)
    }

    @Test("a record is written in place through its reference")
    func writesInPlace() {
        let table = RequestTable()
        let refs = (0..<100).map { Self.open(table, client: Int32($0)) }
        for r in refs { table[r].hops = UInt16(r.slot) + 1 }
        refs[7].depart(in: table, at: 1_000)
        #expect(refs.allSatisfy { table[$0].hops == UInt16($0.slot) + 1 })
        #expect(table[refs[7]].phase == .toClient && table[refs[7]].arrivesAt == 1_050)
        #expect(table[refs[8]].phase == .toServer)
    }
}

extension RequestRef {
    fileprivate func depart(in table: RequestTable, at now: SimTime) {
        table[self].depart(.toClient, from: 0, to: 1, at: now, arrivingAfter: 50)
    }
}
