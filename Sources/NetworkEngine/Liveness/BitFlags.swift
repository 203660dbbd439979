/// One flag per client, packed 64 to a word.
///
/// The mesh reads a peer's up flag on every hop; at 100,000 peers a byte each (100 KB) was pushed out of the L2 cache
/// by the ring's identifiers and missed on many hops (docs/PERFORMANCE.md, 'Design measurements'). Packed, the
/// flags take 12.5 KB and stay in cache.
struct BitFlags {
    private var words: [UInt64] = []
    /// How many flags there are.
    private(set) var count = 0

    /// `count` flags, all `value`.
    init(repeating value: Bool, count: Int) {
        words = [UInt64](repeating: value ? ~0 : 0, count: (count + 63) >> 6)
        self.count = count
    }

    @inline(__always) subscript(i: Int) -> Bool {
        get { words[i >> 6] >> UInt64(i & 63) & 1 != 0 }
        set {
            let bit: UInt64 = 1 << UInt64(i & 63)
            if newValue { words[i >> 6] |= bit } else { words[i >> 6] &= ~bit }
        }
    }

    /// Adds one flag at the end.
    mutating func append(_ value: Bool) {
        if count & 63 == 0 { words.append(0) }
        count += 1
        self[count - 1] = value
    }
}
