import Testing
@testable import NetworkEngine

/// A model that records the order its events run in.
final class Recorder: Simulation {
    let kernel = Kernel<Int>()
    var log: [(SimTime, Int)] = []
    func handle(_ event: Int) { log.append((kernel.now, event)) }
}

@Suite("Kernel")
struct KernelTests {
    @Test("events run in time order, and equal times in the order they were scheduled")
    func ordering() {
        let r = Recorder()
        r.schedule(3, after: 30)
        r.schedule(1, after: 10)
        r.schedule(2, after: 10)
        r.schedule(0, after: 0)
        r.run(until: 100)
        #expect(r.log.map(\.1) == [0, 1, 2, 3])
        #expect(r.log.map(\.0) == [0, 10, 10, 30])
        #expect(r.now == 100)
    }

    @Test("advance(to:) runs only what is due and moves the clock")
    func advance() {
        let r = Recorder()
        r.schedule(1, after: 50)
        r.advance(to: 49)
        #expect(r.log.isEmpty && r.now == 49)
        r.advance(to: 50)
        #expect(r.log.count == 1 && r.now == 50)
        #expect(!r.step())
    }

    @Test("the event queue pops 100,000 shuffled events in (time, sequence) order")
    func heapOrder() {
        var q = EventQueue<Int>()
        var rng = SeededRandom(seed: 3, stream: .service)
        for i in 0..<100_000 { q.push(i, at: SimTime(rng.below(1000))) }
        var last: (SimTime, Int) = (-1, -1)
        var n = 0
        while let e = q.pop() {
            #expect(e.time > last.0 || (e.time == last.0 && e.payload > last.1))
            last = (e.time, e.payload)
            n += 1
        }
        #expect(n == 100_000)
    }

    /// Pops and pushes interleaved, as a run does, so the heap is mostly full families (the branch-free path) with
    /// partial ones at the bottom; times up to 10^15 ns (a million simulated seconds) use the key's upper half, and
    /// many ties test the sequence half. A sorted list of (time, sequence) is the reference.
    @Test("interleaved pushes and pops come out in (time, sequence) order, ties in scheduling order")
    func interleavedOrder() {
        var q = EventQueue<Int>()
        // Kept in descending (time, sequence) order, so the earliest is last.
        var reference: [(time: SimTime, seq: Int)] = []
        var rng = SeededRandom(seed: 8, stream: .network)
        var now: SimTime = 0, seq = 0
        var popped = 0
        for step in 0..<60_000 {
            if step % 3 != 2 || q.isEmpty {
                // Half of the delays from a set of 5 values, so equal times are common.
                let delay = rng.chance(0.5) ? SimTime(rng.below(5)) * 1_000 : SimTime(rng.below(1_000_000_000_000_000))
                q.push(seq, at: now + delay)
                // Sequence numbers only grow, so a new event goes after every pending one of its time.
                var low = 0, high = reference.count
                while low < high {
                    let mid = (low + high) / 2
                    if reference[mid].time > now + delay { low = mid + 1 } else { high = mid }
                }
                reference.insert((now + delay, seq), at: low)
                seq += 1
            } else {
                let e = q.pop()!
                let expected = reference.removeLast()
                #expect(e.time == expected.time && e.payload == expected.seq)
                now = e.time
                popped += 1
            }
        }
        #expect(popped > 15_000 && q.count == reference.count)
    }

    @Test("a delay that would overflow the clock waits until the end of time instead of running in the past")
    func saturatingDelay() {
        let k = Kernel<Int>()
        k.schedule(1, after: 10)
        _ = k.next(until: .max)
        k.schedule(2, after: .max)
        k.schedule(3, after: 5)
        #expect(k.next(until: .max) == 3)
        #expect(k.next(until: .max) == 2 && k.now == .max)
    }

    /// The queue looks at its slot width every 4,096 events, from the time they spanned: a span reaching the end of
    /// time must not overflow that arithmetic (it did, found in review).
    @Test("an event saturated at the end of time drains among thousands")
    func endOfTimeAmongMany() {
        let k = Kernel<Int>()
        k.schedule(-1, after: .max)
        // 4,095 others, so the one at the end of time is the 4,096th out: the one the queue looks at its width after.
        for i in 0..<4_095 { k.schedule(i, after: SimTime(i % 97 + 1) * 1_000) }  // none due now: all queued
        var n = 0
        while let e = k.next(until: .max) { n += 1; if e == -1 { #expect(k.now == .max) } }
        #expect(n == 4_096)
    }

    @Test("rewriting pending events in place keeps their times and order")
    func updatePending() {
        let k = Kernel<Int>()
        for i in 0..<50 { k.schedule(i, after: SimTime(50 - i)) }
        k.schedule(100, after: 0)  // due now: the immediate queue
        k.updatePending { $0 = -$0 }
        #expect(k.next(until: .max) == -100)
        var times: [SimTime] = []
        var payloads: [Int] = []
        while let e = k.next(until: .max) { payloads.append(e); times.append(k.now) }
        #expect(payloads == (0..<50).reversed().map { -$0 })
        #expect(times == Array(1...50))
    }

    /// `jitter` rounds by hand to skip a libm call; every seeded run depends on it rounding exactly as
    /// `Double.rounded()` does (half away from zero), for small spreads and for ones far beyond a second.
    @Test("jitter rounds exactly like Double.rounded()", arguments: [1 as SimTime, 3, 5_000_000, 1 << 40])
    func jitterRounding(spread: SimTime) {
        var a = SeededRandom(seed: 4, stream: .network), b = a
        for _ in 0..<20_000 {
            #expect(a.jitter(spread) == SimTime(((b.unit() * 2 - 1) * Double(spread)).rounded()))
        }
    }

    @Test("random streams are independent and reproducible")
    func streams() {
        var a = SeededRandom(seed: 1, stream: .arrivals), b = SeededRandom(seed: 1, stream: .arrivals)
        var c = SeededRandom(seed: 1, stream: .service)
        let xa = (0..<5).map { _ in a.next() }, xb = (0..<5).map { _ in b.next() }, xc = (0..<5).map { _ in c.next() }
        #expect(xa == xb && xa != xc)
        // Exponential draws have the right mean: 200,000 draws, standard error 0.22%.
        var r = SeededRandom(seed: 9, stream: .service)
        var sum = 0.0
        for _ in 0..<200_000 { sum += Double(r.exponential(mean: 1_000_000)) }
        #expect(abs(sum / 200_000 / 1_000_000 - 1) < 0.01)
    }
}
