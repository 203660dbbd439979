import Testing
@testable import NetworkEngine

/// The calendar queue against a plain reference: whatever the spread of delays, however often the queue retunes its
/// slot width, it must hand events out in (time, scheduling order), exactly as a heap would.
@Suite("Event queue")
struct EventQueueTests {
    /// A textbook binary min-heap of (time, sequence): slow and obviously right.
    struct ReferenceHeap {
        var items: [(time: SimTime, seq: Int)] = []
        static func less(_ a: (time: SimTime, seq: Int), _ b: (time: SimTime, seq: Int)) -> Bool {
            a.time < b.time || (a.time == b.time && a.seq < b.seq)
        }
        mutating func push(_ item: (time: SimTime, seq: Int)) {
            items.append(item)
            var i = items.count - 1
            while i > 0, Self.less(items[i], items[(i - 1) / 2]) {
                items.swapAt(i, (i - 1) / 2)
                i = (i - 1) / 2
            }
        }
        mutating func pop() -> (time: SimTime, seq: Int)? {
            guard !items.isEmpty else { return nil }
            items.swapAt(0, items.count - 1)
            let top = items.removeLast()
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count, Self.less(items[l], items[m]) { m = l }
                if r < items.count, Self.less(items[r], items[m]) { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
            return top
        }
    }

    /// Runs `steps` pushes and pops as a simulation does (pushes never before the last pop), with delays drawn by
    /// `delay(step, rng)`, checking every pop against the reference. Returns the number of pops.
    @discardableResult
    static func drive(steps: Int, pushShare: Double, seed: UInt64, shareAt: ((Int) -> Double)? = nil,
                      watch: ((Int, EventQueue<Int>) -> Void)? = nil,
                      delay: (_ step: Int, _ now: SimTime, inout SeededRandom) -> SimTime) -> Int {
        var q = EventQueue<Int>()
        var reference = ReferenceHeap()
        var rng = SeededRandom(seed: seed, stream: .network)
        var now: SimTime = 0, seq = 0, pops = 0, mismatches = 0
        for step in 0..<steps {
            watch?(step, q)
            if q.isEmpty || rng.unit() < (shareAt?(step) ?? pushShare) {
                let t = now + delay(step, now, &rng)
                q.push(seq, at: t)
                reference.push((t, seq))
                seq += 1
            } else {
                // The kernel's pop(notAfter:) must leave an event that is not yet due where it is.
                let due = reference.items[0].time
                if pops % 7 == 0, due > 0, q.pop(notAfter: due - 1) != nil { mismatches += 1 }
                let e = pops % 2 == 0 ? q.pop()! : q.pop(notAfter: due)!
                let expected = reference.pop()!
                if e.time != expected.time || e.payload != expected.seq { mismatches += 1 }
                now = e.time
                pops += 1
            }
            if q.count != reference.items.count { mismatches += 1 }
        }
        #expect(mismatches == 0)
        return pops
    }

    @Test("delays whose scale changes a thousandfold, back and forth, as the queue retunes its slots")
    func regimeChanges() {
        // Scales of 1 µs, 10 ms and 100 s, each for 30,000 steps, with a few huge and a few zero delays mixed in.
        let scales: [SimTime] = [1_000, 10_000_000, 100_000_000_000, 10_000_000, 1_000, 100_000_000_000, 1_000]
        // Slightly more pushes than pops, so the queue soon holds thousands of events: a calendar, not the heap.
        var shifts = Set<Int64>()
        let pops = Self.drive(steps: scales.count * 30_000, pushShare: 0.52, seed: 21,
                              watch: { _, q in if !q.store.heapOnly { shifts.insert(q.store.shift) } }) { step, _, rng in
            let scale = scales[step / 30_000]
            if rng.unit() < 0.01 { return SimTime(rng.below(1 << 50)) }
            if rng.unit() < 0.05 { return 0 }
            return SimTime(rng.below(Int(2 * scale)))
        }
        #expect(pops > 90_000)
        #expect(shifts.count >= 3, "slot widths used: \(shifts.sorted())")
    }

    @Test("a queue that grows to 40,000 pending events and drains again, calendar on and off")
    func growAndDrain() {
        // Pushes outnumber pops for the first half and the other way round after: the queue starts as a plain heap,
        // files into a calendar as it grows (with more slots as it goes on growing), and goes back to the heap.
        var modes: [Bool] = []
        var mostSlots: Int64 = 0
        let pops = Self.drive(steps: 240_000, pushShare: 0.5, seed: 5, shareAt: { $0 < 120_000 ? 0.67 : 0.3 },
                              watch: { _, q in
                                  if modes.last != q.store.heapOnly { modes.append(q.store.heapOnly) }
                                  if !q.store.heapOnly { mostSlots = max(mostSlots, q.store.slotCount) }
                              }) { _, _, rng in SimTime(rng.exponential(mean: 20_000_000)) }
        #expect(pops > 100_000)
        #expect(modes == [true, false, true])
        #expect(mostSlots >= 16_384)
    }

    @Test("bursts of events at one instant come out in the order they were scheduled")
    func simultaneousBursts() {
        Self.drive(steps: 60_000, pushShare: 0.55, seed: 9) { step, now, rng in
            // For 200 of every 1,000 steps, pushes go to one instant (the next multiple of 10 ms).
            let instant = (now / 10_000_000 + 1) * 10_000_000
            return step % 1_000 < 200 ? instant - now : SimTime(rng.below(10_000_000))
        }
    }

    @Test("pushes before the last pop still come out in order")
    func pushesIntoThePast() {
        var q = EventQueue<Int>()
        for i in 0..<5_000 { q.push(i, at: 1_000_000_000 + SimTime(i) * 1_000) }
        for _ in 0..<2_500 { _ = q.pop() }
        // Earlier than everything popped so far: a queue used outside the kernel may do this.
        for i in 0..<3_000 { q.push(10_000 + i, at: SimTime(i % 700) * 7) }
        // Payloads grow in scheduling order, so (time, payload) is the order they must come out in.
        var out: [(time: SimTime, payload: Int)] = []
        while let e = q.pop() { out.append(e) }
        var expected: [(time: SimTime, payload: Int)] = []
        for i in 2_500..<5_000 { expected.append((1_000_000_000 + SimTime(i) * 1_000, i)) }
        for i in 0..<3_000 { expected.append((SimTime(i % 700) * 7, 10_000 + i)) }
        expected.sort { $0.time < $1.time || ($0.time == $1.time && $0.payload < $1.payload) }
        #expect(out.map { $0.time } == expected.map { $0.time })
        #expect(out.map { $0.payload } == expected.map { $0.payload })
    }

    @Test("a copy of a queue is independent of the original (copy on write)")
    func copyOnWrite() {
        var a = EventQueue<Int>()
        var rng = SeededRandom(seed: 2, stream: .workload)
        for i in 0..<10_000 { a.push(i, at: SimTime(rng.below(100_000_000))) }
        for _ in 0..<3_000 { _ = a.pop() }
        var b = a
        b.push(-1, at: 0)
        #expect(b.pop()?.payload == -1)
        var fromA: [Int] = [], fromB: [Int] = []
        while let e = a.pop() { fromA.append(e.payload) }
        while let e = b.pop() { fromB.append(e.payload) }
        #expect(fromA.count == 7_000 && fromA == fromB)
    }

    @Test("rewriting every pending event reaches each one once, wherever the queue keeps it")
    func updateEachReachesAll() {
        var q = EventQueue<Int>()
        var rng = SeededRandom(seed: 4, stream: .workload)
        // Delays from nanoseconds to hours: entries in the current slot, in the calendar, and beyond it.
        for i in 0..<20_000 { q.push(i, at: SimTime(rng.below(1 << (10 + i % 33)))) }
        for _ in 0..<5_000 { _ = q.pop() }
        q.updateEach { $0 += 1_000_000 }
        var seen = Set<Int>()
        while let e = q.pop() { seen.insert(e.payload) }
        #expect(seen.count == 15_000 && seen.allSatisfy { $0 >= 1_000_000 })
    }

    @Test("the events the engine prefetches for are the next ones to come out, and are known most of the time")
    func upcomingIsAhead() {
        var q = EventQueue<Int>()
        var rng = SeededRandom(seed: 9, stream: .workload)
        var now: SimTime = 0, next = 0
        // A DHT-like load: 3,000 pending, each pop followed by a push 15-25 ms later, so the calendar is in use.
        for _ in 0..<3_000 { q.push(next, at: SimTime(rng.below(20_000_000))); next += 1 }
        var announced: [(Int?, Int?)] = [], popped: [Int] = []
        for _ in 0..<30_000 {
            let e = q.pop()!
            now = e.time
            popped.append(e.payload)
            q.push(next, at: now + 15_000_000 + SimTime(rng.below(10_000_000)))
            next += 1
            announced.append((q.upcoming(0), q.upcoming(1)))
        }
        var wrong = 0, known = 0, knownTwo = 0
        for (i, (first, second)) in announced.enumerated() where i + 2 < popped.count {
            if let first { known += 1; if first != popped[i + 1] { wrong += 1 } }
            if let second { knownTwo += 1; if second != popped[i + 2] { wrong += 1 } }
            if first == nil && second != nil { wrong += 1 }
        }
        #expect(wrong == 0)
        #expect(known > announced.count / 2, "next known \(known) of \(announced.count)")
        #expect(knownTwo > announced.count / 3, "after next known \(knownTwo) of \(announced.count)")
    }

    /// Every event rides in a queue entry beside its 16-byte key; an event over 16 bytes would make every entry
    /// 48 bytes (the reply event's fields are ordered for this).
    @Test("an engine event fits a 32-byte queue entry")
    func queueEntrySize() {
        #expect(MemoryLayout<QueuedEvent<Engine.Event>>.stride == 32)
    }
}
