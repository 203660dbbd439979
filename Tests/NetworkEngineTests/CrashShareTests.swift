import Testing
import NetworkEngine

/// A share of the members failing at once (`k`, a timeline's `crash_share`), and what departing peers take with them.
@Suite("Crashing a share of the peers, and what leaves with them")
struct CrashShareTests {
    /// 100 DHT peers, 200 resources with 3 replicas each, no churn and no workload: only the commands change who is up.
    static func mesh(nodes: Int = 100, seed: UInt64 = 3) -> Scenario {
        var s = Scenario(name: "crash share")
        s.seed = seed
        s.architecture = .peerMesh
        s.nodes = nodes
        s.workload.rate = 0
        s.workload.resources = 200
        s.mesh.replicas = 3
        return s
    }

    static func downPeers(_ engine: Engine) -> [Int] {
        (1...engine.activeClients).filter { !engine.isUp(node: $0) }
    }

    /// The number in `detail` just before `words` ("taking 74 replicas", "3 resources now have").
    static func number(before words: String, in detail: String) -> Int? {
        guard let range = detail.range(of: " " + words) else { return nil }
        return Int(detail[..<range.lowerBound].split(separator: " ").last ?? "")
    }

    /// What the log line says must be what the mesh shows: `availabilityNow` is the share of resources with a copy
    /// online, so the resources without one are (1 − availabilityNow) × resources.
    static func unavailableNow(_ engine: Engine) -> Int {
        let m = engine.snapshot().mesh
        return Int((Double(m?.resources ?? 0) * (1 - (m?.availabilityNow ?? 1))).rounded())
    }

    @Test("crash_share takes the nearest whole share of the peers up, logs each and says what the crash took")
    func crashesTheShareAndSaysWhatItTook() {
        let engine = Engine(scenario: Self.mesh(), keepAllEvents: true)
        engine.run(until: .seconds(1))
        let outcome = engine.apply(.crashShare(0.3))
        #expect(outcome.accepted)
        let down = Self.downPeers(engine)
        #expect(down.count == 30)
        let events = engine.allEvents
        #expect(Set(events.filter { $0.kind == .nodeDown }.map(\.node)) == Set(down))
        let summary = events.filter { $0.kind == .crashShare }
        #expect(summary.count == 1)
        let detail = summary.first?.detail ?? ""
        #expect(detail.hasPrefix("30 of 100 peers up crashed at once (30%), taking "), "\(detail)")
        #expect(Self.number(before: "resources now have no copy online", in: detail) == Self.unavailableNow(engine)
                || (Self.unavailableNow(engine) == 1 && detail.hasSuffix("1 resource now has no copy online")),
                "\(detail)")
        #expect(outcome.message == detail)
        // Of the 70 up, 30% is 21: a second crash draws among those up only.
        #expect(engine.apply(.crashShare(0.3)).accepted)
        #expect(Self.downPeers(engine).count == 51)
    }

    /// Every replica is on some peer: crashing 30%, then every peer still up, must take exactly all
    /// resources × replicas between them, and leave every resource without a copy.
    @Test("the replicas two crashes take add up to every replica, and a crash of all leaves no resource a copy")
    func replicasTakenAddUp() {
        let engine = Engine(scenario: Self.mesh(), keepAllEvents: true)
        engine.run(until: .seconds(1))
        let first = engine.apply(.crashShare(0.3)).message
        let second = engine.apply(.crashShare(1)).message
        let taken = [first, second].compactMap { Self.number(before: "replicas offline", in: $0) }
        #expect(taken.count == 2 && taken.reduce(0, +) == 600, "\(first) | \(second)")
        #expect(taken.allSatisfy { $0 > 0 })
        #expect(second.hasSuffix("200 resources now have no copy online"), "\(second)")
        #expect(!engine.apply(.crashShare(0.5)).accepted)  // nobody is up
    }

    /// The victims come from a stream of their own: a workload that draws arrivals, resources, services and network
    /// delays for 20 s before the crash must not change which peers it takes (with no churn, the same peers are up),
    /// and a timeline's crash_share at 20 s takes the same peers as the live command at 20 s.
    @Test("the same seed crashes the same peers whatever the other streams drew; another seed others")
    func drawsFromItsOwnStream() {
        func crashed(seed: UInt64, rate: Double = 0, timeline: Bool = false) -> [Int] {
            var s = Self.mesh(seed: seed)
            s.workload.rate = rate
            s.workload.timeout = 2
            if timeline { s.timeline = [.init(at: 20, kind: .crashShare(0.2))] }
            let engine = Engine(scenario: s)
            engine.run(until: .seconds(timeline ? 20.5 : 20))
            if !timeline { engine.apply(.crashShare(0.2)) }
            return Self.downPeers(engine)
        }
        let quiet = crashed(seed: 3)
        #expect(quiet.count == 20)
        #expect(crashed(seed: 3, rate: 2) == quiet)
        #expect(crashed(seed: 3, rate: 2, timeline: true) == quiet)
        #expect(crashed(seed: 4) != quiet)
    }

    /// Choosing the victims is the only draw a crash share makes: crashing the same peers one by one (`crash`, which
    /// draws nothing) at the same instant gives the same run, churn, lookups and all, byte for byte but for the one
    /// summary line. A crash share drawing from a stream another role uses would shift that role's later draws.
    @Test("a crash share draws only its victims: the same peers crashed one by one give the same run")
    func drawsNothingElse() {
        var s = Self.mesh()
        s.workload.rate = 1
        s.workload.timeout = 2
        s.mesh.churn = .init(meanUptime: 120, meanDowntime: 30)
        let share = Engine(scenario: s), oneByOne = Engine(scenario: s)
        share.run(until: .seconds(20.25)); oneByOne.run(until: .seconds(20.25))
        let upBefore = Set((1...100).filter { share.isUp(node: $0) })
        share.apply(.crashShare(0.3))
        let victims = upBefore.subtracting((1...100).filter { share.isUp(node: $0) }).sorted()
        #expect(victims.count == Int((0.3 * Double(upBefore.count)).rounded()))
        for v in victims { oneByOne.apply(.crash(.node(v))) }
        share.run(until: .seconds(60)); oneByOne.run(until: .seconds(60))
        #expect(share.report().json.serialized() == oneByOne.report().json.serialized())
        #expect(share.requestAudit.isConserved, "\(share.requestAudit)")
    }

    @Test("under client-server a crash share takes that share of the clients and leaves the server serving")
    func clientServerCrashesClients() {
        var s = Scenario(name: "clients")
        s.seed = 2
        s.nodes = 40
        s.workload.rate = 1
        let engine = Engine(scenario: s, keepAllEvents: true)
        engine.run(until: .seconds(10))
        let outcome = engine.apply(.crashShare(0.5))
        #expect(outcome.accepted)
        #expect(outcome.message == "20 of 40 clients up crashed at once (50%); the server serves the 20 left as before")
        #expect(Self.downPeers(engine).count == 20)
        #expect(engine.isUp(node: 0))
        let completedBefore = engine.report().requests.completed
        engine.run(until: .seconds(30))
        #expect(engine.report().requests.completed > completedBefore + 300)  // 20 clients × 1/s × 20 s ≈ 400
        #expect(engine.requestAudit.isConserved, "\(engine.requestAudit)")
    }

    @Test("a share outside (0, 1] is refused; a share of a few peers that rounds to none is refused and says so")
    func refusals() {
        let engine = Engine(scenario: Self.mesh(nodes: 3))
        #expect(!engine.apply(.crashShare(0)).accepted)
        #expect(!engine.apply(.crashShare(1.5)).accepted)
        let none = engine.apply(.crashShare(0.1))
        #expect(!none.accepted && none.message == "10% of 3 peers up is none")
        #expect(engine.apply(.crashShare(0.5)).message.hasPrefix("2 of 3 peers up crashed at once (50%)"))
    }

    @Test("a timeline crash_share reads into the command and spells back the same; 0 and 1.5 are refused")
    func timelineSpelling() throws {
        let s = try ScenarioDecoder.decode(yaml: "name: x\ntimeline:\n  - { at: 60, crash_share: 0.3 }\n", source: "t")
        #expect(s.timeline.map(\.kind) == [.crashShare(0.3)])
        #expect(EngineCommand.crashShare(0.3).timelineSpelling == "crash_share: 0.3")
        for bad in ["0", "1.5"] {
            #expect(throws: ScenarioError.self) {
                try ScenarioDecoder.decode(yaml: "name: x\ntimeline:\n  - { at: 60, crash_share: \(bad) }\n", source: "t")
            }
        }
    }

    /// Removing peers takes their replicas offline: the log says how many and how many resources are left with no
    /// copy. The five removed are the last five slots; removing every peer takes every replica.
    @Test("removing peers logs the replicas they take and the resources left without a copy")
    func removalSaysWhatLeft() {
        let engine = Engine(scenario: Self.mesh(), keepAllEvents: true)
        engine.run(until: .seconds(1))
        let outcome = engine.apply(.removeNodes(5))
        let line = engine.allEvents.last { $0.kind == .nodesRemoved }?.detail ?? ""
        #expect(line.hasPrefix("5 peers left (now 95), taking "), "\(line)")
        let taken = Self.number(before: "replicas with them", in: line) ?? -1
        // 600 replicas over 100 peers: five peers hold some, and never more than all of them.
        #expect(taken > 0 && taken < 600, "\(line)")
        #expect(outcome.message.hasSuffix(line.components(separatedBy: "(now 95)").last ?? "?"))
        let all = engine.apply(.removeNodes(95))
        let rest = Self.number(before: "replicas with them", in: all.message) ?? -1
        #expect(taken + rest == 600, "\(all.message)")
        #expect(all.message.hasSuffix("200 resources now have no copy online"))
    }
}
