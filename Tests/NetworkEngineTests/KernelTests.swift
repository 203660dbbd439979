import Testing
import NetworkEngine

/// A model that records the order its events run in.
final class Recorder: Simulation {
    var kernel = Kernel<Int>()
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
