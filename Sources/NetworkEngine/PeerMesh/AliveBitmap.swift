/// A set of ring positions that answers "next member at or after i" and "previous member at or before i" in a few
/// word reads, however long the run of non-members in between.
///
/// Level 0 holds one bit per position; each level above holds one bit per word of the level below, set while that word
/// is non-zero. A search that misses in its own word climbs until a set bit says where the next member is, then
/// descends, touching one word per level: 4 levels cover a million positions. A plain scan would be just as fast with
/// a few dead peers but degrade to O(N) when most of the ring is down, and the DHT asks for the next alive peer on
/// every hop.
struct AliveBitmap: Sendable {
    /// How many positions are members.
    private(set) var count: Int
    /// Positions `0..<capacity`.
    let capacity: Int
    /// `levels[0]` is the member bits; the last level is a single word (or empty when `capacity` is 0).
    private var levels: [[UInt64]]

    /// A set holding every position in `0..<capacity`.
    init(allOf capacity: Int) {
        self.capacity = capacity
        count = capacity
        var levels: [[UInt64]] = []
        var bits = capacity
        repeat {
            let words = (bits + 63) >> 6
            var level = [UInt64](repeating: ~0, count: words)
            // Bits past the end stay clear so that a search never reports a position that does not exist.
            if bits & 63 != 0 { level[words - 1] = (1 << UInt64(bits & 63)) - 1 }
            levels.append(level)
            bits = words
        } while bits > 1
        self.levels = levels
    }

    /// Whether `position` is a member.
    @inline(__always) func contains(_ position: Int) -> Bool {
        levels[0][position >> 6] >> UInt64(position & 63) & 1 != 0
    }

    /// Adds `position`; a member already present is left alone.
    mutating func insert(_ position: Int) {
        guard !contains(position) else { return }
        count += 1
        var index = position
        for level in levels.indices {
            let word = index >> 6
            let wasEmpty = levels[level][word] == 0
            levels[level][word] |= 1 << UInt64(index & 63)
            // The summary bit above is already set unless this word was empty.
            if !wasEmpty { break }
            index = word
        }
    }

    /// Removes `position`; a non-member is left alone.
    mutating func remove(_ position: Int) {
        guard contains(position) else { return }
        count -= 1
        var index = position
        for level in levels.indices {
            let word = index >> 6
            levels[level][word] &= ~(1 << UInt64(index & 63))
            // The summary bit above stays set while this word still has a member.
            if levels[level][word] != 0 { break }
            index = word
        }
    }

    /// The smallest member ≥ `position`, or nil.
    @inline(__always) func next(atOrAfter position: Int) -> Int? {
        guard position < capacity else { return nil }
        let word = levels[0][position >> 6] & (~0 << UInt64(position & 63))
        if word != 0 { return position & ~63 | word.trailingZeroBitCount }
        return climbNext(from: position >> 6 + 1)
    }

    /// The largest member ≤ `position`, or nil.
    @inline(__always) func previous(atOrBefore position: Int) -> Int? {
        guard position >= 0, position < capacity else { return nil }
        let word = levels[0][position >> 6] & (~0 >> UInt64(63 - position & 63))
        if word != 0 { return position & ~63 | (63 - word.leadingZeroBitCount) }
        return climbPrevious(from: position >> 6 - 1)
    }

    // MARK: - Slow paths, kept out of line so the common one-word hit inlines small

    /// The first member in a level-0 word with index ≥ `firstWord`.
    private func climbNext(from firstWord: Int) -> Int? {
        var level = 1, index = firstWord
        var found = -1
        while level < levels.count {
            let word = index >> 6
            guard word < levels[level].count else { return nil }
            let bits = levels[level][word] & (~0 << UInt64(index & 63))
            if bits != 0 { found = word << 6 | bits.trailingZeroBitCount; break }
            level += 1
            index = word + 1
        }
        guard found >= 0 else { return nil }
        while level > 0 {
            level -= 1
            found = found << 6 | levels[level][found].trailingZeroBitCount
        }
        return found
    }

    /// The last member in a level-0 word with index ≤ `lastWord`.
    private func climbPrevious(from lastWord: Int) -> Int? {
        var level = 1, index = lastWord
        var found = -1
        while level < levels.count {
            guard index >= 0 else { return nil }
            let word = index >> 6
            let bits = levels[level][word] & (~0 >> UInt64(63 - index & 63))
            if bits != 0 { found = word << 6 | (63 - bits.leadingZeroBitCount); break }
            level += 1
            index = word - 1
        }
        guard found >= 0 else { return nil }
        while level > 0 {
            level -= 1
            found = found << 6 | (63 - levels[level][found].leadingZeroBitCount)
        }
        return found
    }
}
