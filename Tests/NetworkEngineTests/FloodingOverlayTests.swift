import Testing
import NetworkEngine

@Suite("Flooding overlay")
struct FloodingOverlayTests {
    /// A flood run message by message, written independently of `bfsPrediction`: a FIFO queue of (peer, hops left,
    /// sender) messages, each counted when sent; a peer acts on the first copy it receives and drops the others.
    /// A FIFO queue delivers in hop order, as equal hop times would.
    private static func simulateFlood(
        _ overlay: FloodingOverlay, from source: Int, ttl: Int, isAlive: (Int) -> Bool
    ) -> (reached: Int, messages: Int) {
        var queue: [(peer: Int, hopsLeft: Int, from: Int)] = []
        var head = 0, messages = 0
        var heard = Set([source])
        func send(from sender: Int, except: Int, hopsLeft: Int) {
            for n in overlay.neighbours(of: sender) where Int(n) != except && isAlive(Int(n)) {
                messages += 1
                queue.append((Int(n), hopsLeft, sender))
            }
        }
        if ttl > 0 { send(from: source, except: -1, hopsLeft: ttl - 1) }
        while head < queue.count {
            let message = queue[head]
            head += 1
            guard heard.insert(message.peer).inserted else { continue }  // a duplicate: counted, not forwarded
            if message.hopsLeft > 0 { send(from: message.peer, except: message.from, hopsLeft: message.hopsLeft - 1) }
        }
        return (heard.count - 1, messages)
    }

    // MARK: - Hand-made graphs

    /// (source, ttl, reached, messages), worked out by hand.
    typealias Case = (source: Int, ttl: Int, reached: Int, messages: Int)

    private static func check(_ overlay: FloodingOverlay, _ cases: [Case], isAlive: (Int) -> Bool = { _ in true }) {
        for c in cases {
            let predicted = overlay.bfsPrediction(from: c.source, ttl: c.ttl, isAlive: isAlive)
            #expect(predicted.reached == c.reached && predicted.messages == c.messages,
                    "from \(c.source), ttl \(c.ttl): \(predicted), expected (\(c.reached), \(c.messages))")
            let simulated = simulateFlood(overlay, from: c.source, ttl: c.ttl, isAlive: isAlive)
            #expect(simulated.reached == c.reached && simulated.messages == c.messages)
        }
    }

    @Test("a flood along a path of 5 reaches one more peer per hop and sends one message per hop")
    func path() {
        let path = FloodingOverlay(peerCount: 5, edges: [(0, 1), (1, 2), (2, 3), (3, 4)])
        Self.check(path, [
            (0, 0, 0, 0), (0, 1, 1, 1), (0, 2, 2, 2), (0, 4, 4, 4), (0, 9, 4, 4),
            // From the middle both ways; the ends forward nothing (degree 1, minus the sender).
            (2, 1, 2, 2), (2, 2, 4, 4), (2, 3, 4, 4),
        ])
    }

    @Test("a flood in a star reaches every leaf from the centre in one hop, and from a leaf in two")
    func star() {
        let star = FloodingOverlay(peerCount: 6, edges: (1...5).map { (0, $0) })
        Self.check(star, [(0, 1, 5, 5), (0, 2, 5, 5), (1, 1, 1, 1), (1, 2, 5, 5), (1, 3, 5, 5)])
    }

    @Test("a flood in a triangle sends two duplicates once both neighbours may forward")
    func triangle() {
        let triangle = FloodingOverlay(peerCount: 3, edges: [(0, 1), (1, 2), (2, 0)])
        Self.check(triangle, [(0, 1, 2, 2), (0, 2, 2, 4), (0, 5, 2, 4)])
    }

    @Test("a flood around a cycle of 6 meets itself at the far peer, which then sends one duplicate")
    func cycle() {
        let cycle = FloodingOverlay(peerCount: 6, edges: (0..<6).map { ($0, ($0 + 1) % 6) })
        Self.check(cycle, [(0, 1, 2, 2), (0, 2, 4, 4), (0, 3, 5, 6), (0, 4, 5, 7), (0, 10, 5, 7)])
    }

    @Test("departed peers neither receive nor forward: a cycle of 6 with peer 1 down floods one way round")
    func cycleWithDepartedPeer() {
        let cycle = FloodingOverlay(peerCount: 6, edges: (0..<6).map { ($0, ($0 + 1) % 6) })
        // 0 → 5 → 4 → 3 → 2, and 2 has no alive neighbour left to forward to.
        Self.check(cycle, [(0, 1, 1, 1), (0, 3, 3, 3), (0, 4, 4, 4), (0, 9, 4, 4)], isAlive: { $0 != 1 })
    }

    // MARK: - Random overlays

    @Test("a 10,000-peer overlay of degree 4 has mean degree 4, no self-loops, no repeated or one-way links")
    func structure() {
        var rng = SeededRandom(seed: 21, stream: .topology)
        let overlay = FloodingOverlay(peerCount: 10_000, degree: 4, rng: &rng)
        #expect(abs(overlay.meanDegree - 4) <= 0.04)
        #expect(overlay.linkCount == 20_000)
        var degreeSum = 0
        for p in 0..<overlay.peerCount {
            let neighbours = overlay.neighbours(of: p)
            degreeSum += overlay.degree(of: p)
            #expect(!neighbours.contains(Int32(p)))
            #expect(Set(neighbours).count == neighbours.count)
            #expect(neighbours.allSatisfy { overlay.areLinked(Int($0), p) })
            #expect(neighbours.count(where: { overlay.ownsLink(p, to: Int($0)) }) == 2)
        }
        #expect(degreeSum == 40_000)
    }

    @Test("an odd degree is rounded up: degree 3 gives mean degree 4")
    func oddDegree() {
        var rng = SeededRandom(seed: 2, stream: .topology)
        let overlay = FloodingOverlay(peerCount: 1_000, degree: 3, rng: &rng)
        #expect(overlay.linksPerPeer == 2 && overlay.meanDegree == 4)
    }

    @Test("an overlay too small for its degree links every pair it can and no more")
    func tooSmall() {
        var rng = SeededRandom(seed: 3, stream: .topology)
        #expect(FloodingOverlay(peerCount: 0, degree: 4, rng: &rng).meanDegree == 0)
        #expect(FloodingOverlay(peerCount: 1, degree: 4, rng: &rng).linkCount == 0)
        let pair = FloodingOverlay(peerCount: 2, degree: 4, rng: &rng)
        #expect(pair.linkCount == 1 && pair.areLinked(0, 1))
        let four = FloodingOverlay(peerCount: 4, degree: 6, rng: &rng)
        #expect(four.linkCount == 6 && (0..<4).allSatisfy { four.degree(of: $0) == 3 })
    }

    @Test("identical seeds give identical overlays")
    func determinism() {
        func make(_ seed: UInt64) -> [[Int32]] {
            var rng = SeededRandom(seed: seed, stream: .topology)
            let overlay = FloodingOverlay(peerCount: 2_000, degree: 4, rng: &rng)
            return (0..<2_000).map { overlay.neighbours(of: $0) }
        }
        #expect(make(8) == make(8))
        #expect(make(8) != make(9))
    }

    @Test("on 10,000 peers of degree 4 with TTL 7, the breadth-first count equals a message-by-message flood exactly",
          arguments: [0.0, 0.2])
    func predictionMatchesSimulation(departedShare: Double) {
        var rng = SeededRandom(seed: 4, stream: .topology)
        let overlay = FloodingOverlay(peerCount: 10_000, degree: 4, rng: &rng)
        var churn = SeededRandom(seed: 4, stream: .churn)
        let alive = (0..<overlay.peerCount).map { _ in !churn.chance(departedShare) }
        let isAlive: (Int) -> Bool = { alive[$0] }
        var pick = SeededRandom(seed: 4, stream: .workload)
        var sources = 0, totalReached = 0
        while sources < 10 {
            let source = pick.below(overlay.peerCount)
            guard alive[source] else { continue }
            sources += 1
            let predicted = overlay.bfsPrediction(from: source, ttl: 7, isAlive: isAlive)
            let simulated = Self.simulateFlood(overlay, from: source, ttl: 7, isAlive: isAlive)
            #expect(predicted.reached == simulated.reached)
            #expect(predicted.messages == simulated.messages)
            totalReached += predicted.reached
        }
        // Not a degenerate comparison: a degree-4 graph reaches thousands of peers within 7 hops.
        #expect(totalReached > 10 * 1_000)
    }

    // MARK: - Churn

    /// Kills peers the way the engine does: every neighbour of a departing peer calls `replaceNeighbour`.
    private static func depart(_ peer: Int, _ overlay: inout FloodingOverlay, _ alive: inout [Bool],
                               _ rng: inout SeededRandom) {
        alive[peer] = false
        let isAlive = { [alive] (q: Int) in alive[q] }
        for n in overlay.neighbours(of: peer) {
            let replacement = overlay.replaceNeighbour(of: Int(n), lost: peer, rng: &rng, isAlive: isAlive)
            if let replacement {
                #expect(alive[replacement] && replacement != Int(n) && overlay.areLinked(Int(n), replacement))
            }
        }
    }

    /// What repair promises: departed peers keep no links, every alive peer owns exactly its share of links (all to
    /// alive peers), links are two-way and not repeated, so alive peers keep mean degree 2·linksPerPeer.
    private static func checkRepaired(_ overlay: FloodingOverlay, _ alive: [Bool]) {
        var aliveDegrees = 0
        for p in 0..<overlay.peerCount {
            let neighbours = overlay.neighbours(of: p)
            guard alive[p] else {
                #expect(neighbours.isEmpty, "departed peer \(p) still linked")
                continue
            }
            aliveDegrees += neighbours.count
            #expect(neighbours.allSatisfy { alive[Int($0)] && overlay.areLinked(Int($0), p) && Int($0) != p })
            #expect(Set(neighbours).count == neighbours.count)
            #expect(neighbours.count(where: { overlay.ownsLink(p, to: Int($0)) }) == overlay.linksPerPeer)
        }
        let aliveCount = alive.count(where: { $0 })
        #expect(aliveDegrees == 2 * overlay.linksPerPeer * aliveCount)
    }

    @Test("after 20% of peers leave and half of them return, alive peers keep mean degree 4 with two-way links")
    func churnRepair() {
        var rng = SeededRandom(seed: 13, stream: .topology)
        var overlay = FloodingOverlay(peerCount: 5_000, degree: 4, rng: &rng)
        var alive = Array(repeating: true, count: overlay.peerCount)
        var churn = SeededRandom(seed: 13, stream: .churn)
        let leaving = (0..<overlay.peerCount).filter { _ in churn.chance(0.2) }
        for p in leaving { Self.depart(p, &overlay, &alive, &churn) }
        Self.checkRepaired(overlay, alive)
        for p in leaving where p % 2 == 0 {
            alive[p] = true
            let isAlive = { [alive] (q: Int) in alive[q] }
            let opened = overlay.rejoin(p, rng: &churn, isAlive: isAlive)
            #expect(opened == 2)
        }
        Self.checkRepaired(overlay, alive)
        // Repair keeps the overlay usable: the prediction still matches a message-by-message flood.
        let isAlive = { [alive] (q: Int) in alive[q] }
        let source = alive.firstIndex(of: true)!
        let predicted = overlay.bfsPrediction(from: source, ttl: 7, isAlive: isAlive)
        let simulated = Self.simulateFlood(overlay, from: source, ttl: 7, isAlive: isAlive)
        #expect(predicted.reached == simulated.reached && predicted.messages == simulated.messages)
    }

    @Test("a replaced link that the lost peer had opened leaves with it; one the peer had opened is re-opened")
    func replacementFollowsWhoOpenedTheLink() {
        // 0 opened 0–1, 2 opened 2–0; peers 3 and 4 are free to link to.
        var overlay = FloodingOverlay(peerCount: 5, edges: [(0, 1), (2, 0)])
        var rng = SeededRandom(seed: 1, stream: .churn)
        let alive = [true, false, false, true, true]
        let replacement = overlay.replaceNeighbour(of: 0, lost: 1, rng: &rng) { alive[$0] }
        #expect(replacement == 3 || replacement == 4)
        #expect(!overlay.areLinked(0, 1) && overlay.ownsLink(0, to: replacement!))
        #expect(overlay.replaceNeighbour(of: 0, lost: 2, rng: &rng) { alive[$0] } == nil)
        #expect(!overlay.areLinked(0, 2) && overlay.degree(of: 0) == 1 && overlay.degree(of: 2) == 0)
        // Not linked at all: nothing to replace.
        #expect(overlay.replaceNeighbour(of: 0, lost: 2, rng: &rng) { alive[$0] } == nil)
        // Nobody alive left to link to: the link still goes.
        var pair = FloodingOverlay(peerCount: 2, edges: [(0, 1)])
        #expect(pair.replaceNeighbour(of: 0, lost: 1, rng: &rng) { $0 == 0 } == nil)
        #expect(pair.degree(of: 0) == 0 && pair.linkCount == 0)
    }
}
