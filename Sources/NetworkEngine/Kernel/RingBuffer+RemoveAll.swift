extension RingBuffer {
    /// Removes the elements `shouldRemove` picks, in place and in order: the survivors move toward the head, and the
    /// storage is neither copied nor shrunk (a copy would double the peak: the timeout FIFO compacts while holding
    /// millions of entries).
    mutating func removeAll(where shouldRemove: (Element) -> Bool) {
        var kept = 0
        for i in 0..<_count {
            let from = (head + i) & mask
            guard let e = storage[from] else { continue }
            storage[from] = nil
            if !shouldRemove(e) {
                storage[(head + kept) & mask] = e
                kept += 1
            }
        }
        _count = kept
    }
}
