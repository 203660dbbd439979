extension RequestTable {
    /// Live requests of `kind`, counted slot by slot (an audit, not the hot path: O(slots)).
    func liveCount(of kind: RequestKind) -> Int {
        var n = 0
        for r in records where r.live && r.kind == kind { n += 1 }
        return n
    }

    /// Slots allocated so far, live or free: the table's memory, which follows the peak in-flight count.
    var slotsAllocated: Int { records.count }
}
