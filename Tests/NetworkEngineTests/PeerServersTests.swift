import Testing
@testable import NetworkEngine

/// The mesh's flat peer servers must behave exactly as a `ServerMachine` would, call for call: the same effects in
/// the same order for the same inputs, whatever the workers and waiting room.
@Suite("Peer servers")
struct PeerServersTests {
    /// Writes down every effect a server asks for.
    struct Recorder: ServerEffects {
        var log: [String] = []
        mutating func startService(of request: RequestRef, worker: Int) { log.append("start \(request.slot) w\(worker)") }
        mutating func reply(to request: RequestRef, outcome: ReplyOutcome) { log.append("reply \(request.slot) \(outcome)") }
        mutating func overloadChanged(to overloaded: Bool, queueLength: Int) {
            log.append("overload \(overloaded) \(queueLength)")
        }
    }

    @Test("random arrivals, completions and crashes give the same effects as a ServerMachine",
          arguments: [(1, 8), (4, 3), (3, 0), (2, 12)])
    func sameAsServerMachine(workers: Int, queue: Int) {
        let servers = PeerServers(workers: workers, queueCapacity: queue)
        servers.grow(to: 5)
        servers.grow(to: 40)  // growing keeps the first peers' state
        var machines = (0..<40).map { _ in ServerMachine(workers: workers, queueCapacity: queue) }
        var rng = SeededRandom(seed: UInt64(workers * 100 + queue), stream: .service)
        var a = Recorder(), b = Recorder()
        var next: Int32 = 0
        for _ in 0..<20_000 {
            let peer = rng.below(40)
            var flat = servers.server(peer)
            switch rng.below(100) {
            case 0..<55:
                let r = RequestRef(slot: next, token: 1)
                next += 1
                machines[peer].receive(r, effects: &a)
                flat.accept(r, effects: &b)
            case 55..<97:
                let w = rng.below(max(1, workers))
                machines[peer].finish(worker: w, effects: &a)
                flat.complete(worker: w, effects: &b)
            default:
                machines[peer].crash(effects: &a)
                flat.fail(effects: &b)
                machines[peer].restart()
                flat.up = true
            }
            #expect(machines[peer].busyWorkers == flat.busyWorkers)
            #expect(machines[peer].queueLength == flat.waitingCount)
            #expect(machines[peer].overloaded == flat.overloaded)
        }
        #expect(a.log == b.log)
        #expect(a.log.count > 15_000)
        // Waiting rooms filled and drained, and crashes reset busy servers: every path was taken.
        #expect(a.log.contains { $0.hasPrefix("overload true") })
        #expect(a.log.contains { $0.hasSuffix("failed") })
    }
}
