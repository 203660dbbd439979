import Foundation
import NetExplorerAssets
import NetworkEngine
import Testing

/// `set`: a scenario value changed mid-run, live (`Engine.apply(.set)`) or from the timeline. Each parameter is
/// taken at once by the role that owns it, refused in the scenario file's own words, costed by the budget, and a
/// timeline set gives the same run as the same set applied live.
@Suite("Setting scenario values mid-run")
struct ScenarioSetTests {
    /// A modest client-server network with an open server (no logins), so every request is one round trip.
    static func network(nodes: Int = 20, rate: Double = 1, workers: Int = 4, seed: UInt64 = 7) -> Scenario {
        var s = Scenario(name: "set")
        s.seed = seed
        s.nodes = nodes
        s.workload.rate = rate
        s.server.workers = workers
        s.server.serviceMs = 40
        s.server.queue = 64
        s.security.accounts = 0
        return s
    }

    static func look(_ engine: Engine, seconds: Int = 0) -> Snapshot {
        engine.snapshot(SnapshotRequest(seriesLimit: seconds, nodes: 0..<0))
    }

    /// Mean of the per-second mean latencies over the seconds ending in `range` (seconds with completions only).
    static func meanLatency(_ engine: Engine, seconds range: ClosedRange<Int>) -> Double {
        let samples = look(engine, seconds: 600).series.filter { range.contains($0.second) && $0.completed > 0 }
        return samples.map(\.latencyMeanMs).reduce(0, +) / Double(max(1, samples.count))
    }

    @Test("every parameter is a key of the table, and a value written is the value read")
    func parametersAreKeys() throws {
        for parameter in ScenarioParameter.allCases {
            let key = try #require(parameter.key, "\(parameter)")
            #expect(key.path == parameter.path)
            var s = Scenario(name: "x")
            // `cache` is a yes-or-no key: it holds 1 (true) or 0 (false), so 3 would read back as 1.
            let value: Double = parameter == .cache ? 1 : 3
            parameter.write(value, into: &s)
            #expect(parameter.value(in: s) == value)
            #expect(key.value(in: s)?.description == (parameter == .cache ? "true" : "3"))
        }
    }

    @Test("set workers 8 doubles the server's capacity at once, and waiting requests start on the new workers")
    func addingWorkers() throws {
        // 80 clients at 1.5/s offer 120 requests/s to a capacity of 4 / 40 ms = 100/s: a queue builds.
        let engine = Engine(scenario: Self.network(nodes: 80, rate: 1.5))
        engine.run(until: .seconds(20))
        let before = try #require(Self.look(engine).server)
        #expect(before.workers == 4 && before.busyWorkers == 4 && before.queueLength > 4)
        let outcome = engine.apply(.set(.workers, 8))
        #expect(outcome.accepted, "\(outcome.message)")
        let after = try #require(Self.look(engine).server)
        #expect(after.workers == 8)
        #expect(after.capacityRPS == 2 * before.capacityRPS)
        #expect(after.busyWorkers == 8, "new workers must take waiting requests without waiting for an event")
        #expect(after.queueLength == before.queueLength - 4)
        #expect(engine.requestAudit.isConserved)
    }

    /// 200 clients at 1.5/s offer 300 requests/s, more than 4 or 8 workers serve (100/s, 200/s): every worker is busy
    /// throughout, before and after `set workers 8` at 20.5 s. Utilization is busy time over the worker-time the
    /// server had, so it stays near 1; dividing by the final 8 workers over the whole run would give
    /// (4·20.5 + 8·39.5) / (8·60) ≈ 0.83, and the second of the change 6/8.
    @Test("utilization divides by the worker-time the server had, before and after a change of size")
    func utilizationFollowsWorkers() throws {
        let engine = Engine(scenario: Self.network(nodes: 200, rate: 1.5))
        engine.run(until: .seconds(20.5))
        #expect(engine.apply(.set(.workers, 8)).accepted)
        engine.run(until: .seconds(60))
        let whole = engine.report().utilization
        #expect(whole > 0.97 && whole <= 1, "\(whole)")
        let change = try #require(Self.look(engine, seconds: 60).series.first { $0.second == 21 })
        #expect(change.utilization > 0.97 && change.utilization <= 1.000001, "\(change.utilization)")
    }

    @Test("removed workers finish what they hold, then leave; no request is dropped")
    func removingWorkers() throws {
        let engine = Engine(scenario: Self.network(nodes: 160, rate: 1.5, workers: 8))
        engine.run(until: .seconds(20))
        #expect(Self.look(engine).server?.busyWorkers == 8)
        #expect(engine.apply(.set(.workers, 2)).accepted)
        let now = try #require(Self.look(engine).server)
        #expect(now.workers == 2 && now.busyWorkers == 8, "busy workers are not cut off")
        // Each retiring worker's remaining service is exponential with mean 40 ms: all six are done within one
        // second but with probability 6·e^-25.
        engine.run(until: .seconds(21))
        let later = try #require(Self.look(engine).server)
        #expect(later.workers == 2 && later.busyWorkers == 2)
        #expect(engine.requestAudit.isConserved)
        #expect(engine.apply(.set(.workers, 6)).accepted)
        #expect(Self.look(engine).server?.busyWorkers == 6)
        engine.run(until: .seconds(30))
        #expect(engine.requestAudit.isConserved)
    }

    /// Arrivals are Poisson: after `set rate 3` the 20 clients send N ~ Poisson(3 × 20 × 100 = 6000) requests in the
    /// next 100 s, standard deviation √6000 ≈ 77.5. Four standard deviations (±310, 5%) bound the count with
    /// probability 1 − 6·10⁻⁵; the old rate would give about 2000, 50 standard deviations away. (The draw pending
    /// when the rate changes is discarded and redrawn at the new rate: by memorylessness that is exact, and a wrong
    /// redraw would bias the count by at most one interval.)
    @Test("set rate changes the measured arrival rate, within a Poisson tolerance")
    func settingRate() {
        let engine = Engine(scenario: Self.network(workers: 8))
        engine.run(until: .seconds(10))
        #expect(engine.apply(.set(.rate, 3)).accepted)
        let start = Self.look(engine).requests.issued
        engine.run(until: .seconds(110))
        let issued = Double(Self.look(engine).requests.issued - start)
        let expected = 3.0 * 20 * 100
        #expect(abs(issued - expected) <= 4 * expected.squareRoot(), "issued \(issued), expected \(expected)")
        #expect(Self.look(engine).ratePerNode == 3)
    }

    /// With an open server at 20% utilization a request takes 2 × latency + service (+ rarely a wait): about
    /// 2·20 + 40 = 80 ms before, 2·200 + 40 = 440 ms after `set latency_ms 200`. Each window averages about 200
    /// requests, so the service mean alone varies by 40/√200 ≈ 3 ms; the bounds leave room for the waits.
    @Test("set latency_ms: requests sent afterwards take the new delay")
    func settingLatency() {
        var s = Self.network()
        s.network.jitterMs = 0
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(10))
        #expect(engine.apply(.set(.latencyMs, 200)).accepted)
        engine.run(until: .seconds(21))
        let before = Self.meanLatency(engine, seconds: 2...10), after = Self.meanLatency(engine, seconds: 12...21)
        #expect((70...100).contains(before), "before \(before)")
        #expect((425...470).contains(after), "after \(after)")
    }

    /// Constant service and plenty of workers: with no jitter every request takes exactly 2·20 + 40 = 80 ms, so the
    /// per-second p95 is 80 ms; with ±15 ms a hop it spreads over 50...110 ms and the p95 passes 80.
    @Test("set jitter_ms: messages sent afterwards spread around the latency")
    func settingJitter() {
        var s = Self.network(workers: 200)
        s.network.jitterMs = 0
        s.server.service = .constant
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(10))
        let steady = Self.look(engine, seconds: 8).series
        #expect(steady.allSatisfy { $0.completed == 0 || $0.latencyP95Ms == 80 })
        #expect(engine.apply(.set(.jitterMs, 15)).accepted)
        engine.run(until: .seconds(20))
        let spread = Self.look(engine, seconds: 8).series
        #expect(spread.allSatisfy { $0.completed == 0 || $0.latencyP95Ms > 80 })
    }

    @Test("set loss 1: every message is lost from then on, so nothing completes after those in the air")
    func settingLoss() {
        var s = Self.network()
        s.workload.timeout = 1
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(10))
        let completed = Self.look(engine).requests.completed
        #expect(completed > 0)
        #expect(engine.apply(.set(.loss, 1)).accepted)
        engine.run(until: .seconds(11))
        let settled = Self.look(engine).requests.completed
        engine.run(until: .seconds(30))
        let end = Self.look(engine)
        #expect(end.requests.completed == settled, "a request completed through a network that loses everything")
        #expect(end.requests.timedOut > 0)
    }

    @Test("set service_ms: services that start afterwards take the new mean, and the capacity follows")
    func settingServiceTime() throws {
        var s = Self.network(workers: 200)
        s.network.jitterMs = 0
        s.server.service = .constant
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(5))
        #expect(engine.apply(.set(.serviceMs, 400)).accepted)
        #expect(try #require(Self.look(engine).server).capacityRPS == 200 / 0.4)
        engine.run(until: .seconds(15))
        // Constant service, no jitter, no waiting: 2·20 + 400 ms exactly.
        #expect(Self.look(engine, seconds: 8).series.allSatisfy { $0.completed == 0 || $0.latencyP95Ms == 440 })
    }

    @Test("set queue: a smaller waiting room overloads at once and keeps who waits; a larger one ends the rejections")
    func settingQueue() throws {
        // 120 requests/s offered to 100/s of capacity: a backlog of about 20 a second builds in a room of 100,000.
        var s = Self.network(nodes: 80, rate: 1.5)
        s.server.queue = 100_000
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(20))
        let before = try #require(Self.look(engine).server)
        let waiting = before.queueLength
        #expect(waiting > 2 && !before.overloaded)
        #expect(engine.apply(.set(.queue, 2)).accepted)
        let small = try #require(Self.look(engine).server)
        #expect(small.queueCapacity == 2 && small.queueLength == waiting && small.overloaded)
        // The overload is logged where it began, then the setting that caused it.
        #expect(Self.look(engine).recentEvents.suffix(2).map(\.kind) == [.overload, .setting])
        #expect(engine.apply(.set(.queue, 100_000)).accepted)
        engine.run(until: .seconds(21))
        let rejected = Self.look(engine).requests.rejected
        engine.run(until: .seconds(40))
        #expect(Self.look(engine).requests.rejected == rejected)
        #expect(engine.requestAudit.isConserved)
    }

    @Test("set ttl: floods that start afterwards stop after that many hops")
    func settingTTL() throws {
        var s = Self.network(nodes: 200)
        s.architecture = .peerMesh
        s.mesh.discovery = .flooding
        s.mesh.ttl = 7
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(2))
        let wide = try #require(engine.floodPrediction(fromNode: 1))
        #expect(engine.apply(.set(.ttl, 1)).accepted)
        let narrow = try #require(engine.floodPrediction(fromNode: 1))
        #expect(narrow.reached < wide.reached, "\(narrow) after ttl 1, \(wide) before")
        engine.run(until: .seconds(10))
        #expect(engine.requestAudit.isConserved)
    }

    @Test("set lockout_after: the attacker's failures lock accounts by the new bound")
    func settingLockout() throws {
        var s = try ScenarioCatalog.load("password-attack")
        s.timeline = []
        let plain = Engine(scenario: s)
        plain.run(until: .seconds(60))
        let relaxed = Engine(scenario: s)
        relaxed.run(until: .seconds(0.5))
        #expect(relaxed.apply(.set(.lockoutAfter, 1_000_000)).accepted)
        relaxed.run(until: .seconds(60))
        #expect(plain.report().security.lockouts > 0)
        #expect(relaxed.report().security.lockouts == 0)
    }

    /// The file's message for `key` set to `text` under its section, without its line.
    static func fileMessage(_ parameter: ScenarioParameter, _ text: String) -> String? {
        let parts = parameter.path.split(separator: ".")
        let yaml = "name: x\n\(parts[0]):\n  \(parts[1]): \(text)\n"
        do {
            _ = try ScenarioDecoder.decode(yaml: yaml, source: "f")
            return nil
        } catch let error as ScenarioError {
            return error.problems.first?.message
        } catch {
            return nil
        }
    }

    @Test("a value out of range is refused live and in a timeline set with the file's own words", arguments: [
        (ScenarioParameter.workers, "0"), (.rate, "-1"), (.loss, "1.5"), (.ttl, "256"), (.serviceMs, "0"),
        (.queue, "2.5"), (.latencyMs, "fast"), (.lockoutAfter, "0"), (.jitterMs, ".nan"),
    ])
    func refusedInTheFilesWords(parameter: ScenarioParameter, text: String) throws {
        let words = try #require(Self.fileMessage(parameter, text))
        guard case .failure(let live) = parameter.read(text) else {
            Issue.record("\(parameter) \(text) was accepted")
            return
        }
        #expect(live.message == words)
        let yaml = "name: x\ntimeline:\n  - { at: 1, set: { \(parameter.rawValue): \(text) } }\n"
        #expect(throws: ScenarioError(source: "t", problems: [ScenarioProblem(line: 3, message: words)])) {
            try ScenarioDecoder.decode(yaml: yaml, source: "t")
        }
    }

    @Test("a timeline set of the value already in force is a warning: it changes nothing")
    func setOfTheSameValueWarns() throws {
        let yaml = "name: x\ntimeline:\n  - { at: 10, set: { workers: 8 } }\n  - { at: 20, set: { workers: 8 } }\n"
        let s = try ScenarioDecoder.decode(yaml: yaml, source: "t")
        #expect(ScenarioWarnings.of(s) == [ScenarioProblem(
            line: 4, message: "warning: set workers to 8 at 20 s, which is its value then: nothing changes")])
    }

    @Test("a timeline set reads into the command, spells back the same, and names what cannot be set")
    func timelineSpelling() throws {
        let s = try ScenarioDecoder.decode(yaml: "name: x\ntimeline:\n  - { at: 3, set: { rate: 2.5 } }\n", source: "t")
        #expect(s.timeline.map(\.kind) == [.set(.rate, 2.5)])
        #expect(EngineCommand.set(.rate, 2.5).timelineSpelling == "set: { rate: 2.5 }")
        #expect(EngineCommand.set(.workers, 8).timelineSpelling == "set: { workers: 8 }")
        #expect(throws: ScenarioError.self) {
            try ScenarioDecoder.decode(yaml: "name: x\ntimeline:\n  - { at: 3, set: { replicas: 2 } }\n", source: "t")
        }
        do {
            _ = try ScenarioDecoder.decode(yaml: "name: x\ntimeline:\n  - { at: 3, set: { rat: 2 } }\n", source: "t")
        } catch let error as ScenarioError {
            #expect(error.problems.map(\.message) == ["unknown key 'rat' under timeline.set; did you mean 'rate'?"])
        }
    }

    /// The same set at the same simulated time, from the timeline or applied live, gives the same run: the JSON
    /// report byte for byte, once the timeline's own event (counted in `events_processed`) is taken off, and every
    /// logged event. The time is not on a whole second, where the per-second tick and the timeline's event would
    /// run in the order they were scheduled.
    @Test("a timeline set and a live set at the same time give byte-identical output",
          arguments: [EngineCommand.set(.workers, 8), .set(.rate, 2.5), .set(.latencyMs, 50), .set(.queue, 3)])
    func timelineEqualsLive(command: EngineCommand) {
        var s = Self.network(nodes: 80, rate: 1.5)
        s.duration = 60
        let live = Engine(scenario: s, keepAllEvents: true)
        live.run(until: .seconds(20.5))
        #expect(live.apply(command).accepted)
        live.run(until: .seconds(60))
        s.timeline = [.init(at: 20.5, kind: command)]
        let timeline = Engine(scenario: s, keepAllEvents: true)
        timeline.run(until: .seconds(60))
        var report = timeline.report()
        report.eventsProcessed -= 1
        #expect(report.json.serialized(pretty: true) == live.report().json.serialized(pretty: true))
        #expect(timeline.allEvents == live.allEvents)
    }

    @Test("a set that would pass the budget is refused in the file's words, from the timeline and live")
    func budgetRefusesSets() throws {
        // 100,000 clients at 10,000 requests a second each: 10⁹ requests a second, far past 10⁸ events.
        let base = "name: x\nnodes: 100000\nworkload:\n  rate: 0.1\n"
        let direct = base.replacingOccurrences(of: "rate: 0.1", with: "rate: 10000")
        var fileWords: [String] = []
        do { _ = try ScenarioDecoder.decode(yaml: direct, source: "t") } catch let error as ScenarioError {
            fileWords = error.problems.map(\.message)
        }
        #expect(!fileWords.isEmpty)
        do {
            _ = try ScenarioDecoder.decode(yaml: base + "timeline:\n  - { at: 5, set: { rate: 10000 } }\n", source: "t")
            Issue.record("the timeline's set was not costed")
        } catch let error as ScenarioError {
            #expect(error.problems.map(\.message) == fileWords)
            #expect(error.problems.allSatisfy { $0.line == 6 }, "the refusal points at the set")
        }
        var s = Scenario(name: "x")
        s.nodes = 100_000
        s.workload.rate = 0.1
        let engine = Engine(scenario: s)
        let outcome = engine.apply(.set(.rate, 10_000))
        #expect(!outcome.accepted)
        #expect(outcome.message.contains(fileWords.first ?? "?"), "\(outcome.message)")
        #expect(Self.look(engine).ratePerNode == 0.1)
    }
}
