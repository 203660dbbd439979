/// A set of client indices, one bit each: the clients a lock has shut out, counted once however often they are
/// refused. Words are added as higher indices appear (doubling, so the rare growth is amortised); emptying keeps them.
struct ClientSet {
    private var words: [UInt64] = []
    /// Members.
    private(set) var count = 0

    /// Adds client `i` (an index ≥ 0); true when it was not there yet.
    @discardableResult
    mutating func insert(_ i: Int) -> Bool {
        guard i >= 0 else { return false }
        let w = i >> 6
        if w >= words.count {
            words.append(contentsOf: repeatElement(0, count: max(w + 1, 2 * words.count) - words.count))
        }
        let bit: UInt64 = 1 << UInt64(i & 63)
        guard words[w] & bit == 0 else { return false }
        words[w] |= bit
        count += 1
        return true
    }

    func contains(_ i: Int) -> Bool {
        let w = i >> 6
        return i >= 0 && w < words.count && words[w] >> UInt64(i & 63) & 1 != 0
    }

    /// Empties the set, keeping its storage.
    mutating func removeAll() {
        guard count > 0 else { return }
        for w in words.indices { words[w] = 0 }
        count = 0
    }
}
