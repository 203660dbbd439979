import NetworkEngine
import Testing

/// Each term of the bill against figures worked out by hand from the scenario's numbers.
///
/// Every run lasts 36 simulated seconds, one hundredth of an hour, so a price per hour P comes to P ÷ 100. Ten nodes,
/// an open server (no accounts: every reply the server sends is a request's resource), no loss.
@Suite("Cost model")
struct CostModelTests {
    /// 36 s = 0.01 h.
    static let seconds = 36.0
    static let hours = 0.01

    static func scenario(_ architecture: Architecture = .clientServer) -> Scenario {
        var s = Scenario(name: "cost")
        s.seed = 3
        s.nodes = 10
        s.architecture = architecture
        s.security.accounts = 0
        s.security.sharePasswords = 0
        s.workload.rate = 1
        s.server.costPerHour = 1.20
        return s
    }

    static func run(_ s: Scenario, until seconds: Double = seconds) -> RunReport {
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(seconds))
        return engine.report()
    }

    /// The server: $1.20/h × 0.01 h = $0.012. The administrator: $730 a month is $1 an hour (a month is 730 h), so
    /// $0.01. Bandwidth: every reply the server sent carries 100 kB = 10⁵ bytes = 10⁻⁴ GB, so at $50/GB a reply costs
    /// $0.005; the replies sent are at least the completed requests and at most those plus the requests still in
    /// flight at the end (a reply may be in the air), which bounds the bill. Peers donate nothing under
    /// client-server; the total is the sum of the terms.
    @Test("client-server: the server by the hour, the administrator by the month, bandwidth by the GB")
    func clientServerTerms() {
        var s = Self.scenario()
        s.cost.adminPerMonth = 730
        s.cost.bandwidthPerGb = 50
        let r = Self.run(s)
        let c = r.cost
        #expect(abs(c.serverDollars - 0.012) < 1e-12)
        #expect(r.serverDollars == c.serverDollars)
        #expect(abs(c.adminDollars - 0.01) < 1e-12)
        let completed = Double(r.requests.completed), inFlight = Double(r.requests.inFlight)
        #expect(completed > 300)  // 10 nodes × 1/s × 36 s ≈ 360
        #expect(c.bandwidthDollars >= completed * 0.005 - 1e-9)
        #expect(c.bandwidthDollars <= (completed + inFlight) * 0.005 + 1e-9)
        #expect(c.peerDonatedDollars == 0)
        #expect(abs(c.totalDollars - (c.serverDollars + c.adminDollars + c.bandwidthDollars)) < 1e-12)
        // Per thousand completed requests, and the month at this run's rate: total ÷ 36 s × 730 × 3600 s.
        #expect(abs((c.dollarsPer1000Requests ?? -1) - c.totalDollars / completed * 1000) < 1e-12)
        #expect(abs((c.perMonthDollars ?? -1) - c.totalDollars / Self.seconds * 730 * 3600) < 1e-9)
    }

    /// Workers scale the bill: 4 configured, 8 from t = 18 s. The first 18 s at $1.20/h, the last 18 s at
    /// $1.20 × 8/4 = $2.40/h: (1.20 × 18 + 2.40 × 18) ÷ 3600 = $0.018, where a bill blind to the size says $0.012.
    /// The server panel's rate follows: $2.40/h.
    @Test("adding workers mid-run scales the server's bill from that moment")
    func workersScaleTheBill() {
        var s = Self.scenario()
        s.server.workers = 4
        s.timeline = [.init(at: 18, kind: .set(.workers, 8))]
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(Self.seconds))
        #expect(abs(engine.report().cost.serverDollars - 0.018) < 1e-12)
        #expect(abs((engine.snapshot().server?.costPerHour ?? 0) - 2.40) < 1e-12)
        #expect(abs(engine.costView.ownerRatePerHour - 2.40) < 1e-12)
        // Back to 4 at 36 s: the rate is $1.20/h again, and 18 s more add $0.006.
        engine.apply(.set(.workers, 4))
        engine.run(until: .seconds(54))
        #expect(abs(engine.report().cost.serverDollars - 0.024) < 1e-12)
    }

    /// A mesh has no server bill (0, and no admin or server bandwidth), but its 10 peers are up for 0.01 h each:
    /// 0.1 peer-hours, at $2 an hour $0.20 donated. With peer 3 crashed at t = 18 s it is 10 × 18 + 9 × 18 = 342
    /// peer-seconds = 0.095 h, $0.19.
    @Test("a mesh's peers donate their hours; the server's bill is 0")
    func meshPeersDonate() {
        var s = Self.scenario(.peerMesh)
        s.cost.peerPerHour = 2
        s.cost.adminPerMonth = 730
        let r = Self.run(s)
        #expect(r.cost.serverDollars == 0 && r.serverDollars == 0)
        #expect(r.cost.adminDollars == 0 && r.cost.bandwidthDollars == 0)
        #expect(abs(r.cost.peerHours - 0.1) < 1e-12)
        #expect(abs(r.cost.peerDonatedDollars - 0.2) < 1e-12)
        s.timeline = [.init(at: 18, kind: .crash(.node(3)))]
        let crashed = Self.run(s)
        #expect(abs(crashed.cost.peerHours - 0.095) < 1e-12)
        #expect(abs(crashed.cost.peerDonatedDollars - 0.19) < 1e-12)
    }

    /// Peers' uploads at $50/GB: every resource a peer sends is 10⁻⁴ GB ($0.005) and every other message (lookups,
    /// forwarded requests) 1 kB = 10⁻⁶ GB ($0.00005). A request served by a peer for someone else sends one resource,
    /// so the donated bandwidth is at least $0.005 per completed request served remotely; the server sent nothing.
    @Test("a mesh's uploads are counted and valued at the bandwidth price")
    func meshUploads() {
        var s = Self.scenario(.peerMesh)
        s.cost.bandwidthPerGb = 50
        let r = Self.run(s)
        #expect(r.cost.serverBytes == 0 && r.cost.bandwidthDollars == 0)
        #expect(r.cost.peerBytes > 0)
        #expect(abs(r.cost.peerDonatedDollars - r.cost.peerBytes / 1e9 * 50) < 1e-12)
        // Most requests are fetched from another peer (3 replicas among 10: about 70%), each a 10⁵-byte reply.
        #expect(r.cost.peerBytes >= 0.5 * Double(r.requests.completed) * 1e5)
    }

    /// Client-server for 18 s, then the mesh for 18 s: the server and the administrator are paid for 0.005 h
    /// ($0.006 and $0.005), the peers donate 10 × 0.005 = 0.05 peer-hours ($0.10 at $2/h).
    @Test("after a switch each side pays for its own period")
    func switchSplitsTheBill() {
        var s = Self.scenario()
        s.cost.adminPerMonth = 730
        s.cost.peerPerHour = 2
        s.timeline = [.init(at: 18, kind: .switchArchitecture(to: .peerMesh))]
        let c = Self.run(s).cost
        #expect(abs(c.serverDollars - 0.006) < 1e-12)
        #expect(abs(c.adminDollars - 0.005) < 1e-12)
        #expect(abs(c.peerHours - 0.05) < 1e-12)
        #expect(abs(c.peerDonatedDollars - 0.10) < 1e-12)
    }

    /// No request completed (rate 0): no price per thousand (null in the JSON), and the month is still the run's rate.
    @Test("with no completed request the price per thousand is null")
    func nothingCompleted() {
        var s = Self.scenario()
        s.workload.rate = 0
        let r = Self.run(s)
        #expect(r.cost.dollarsPer1000Requests == nil)
        #expect(r.json.serialized().contains("\"dollars_per_1000_requests\":null"))
        #expect(abs((r.cost.perMonthDollars ?? 0) - 1.20 * 730) < 1e-9)
    }

    /// `{ at: 18, server_workers: 8 }` is the live view's set-workers command: decoded to `.set(.workers, 8)`, it
    /// doubles the capacity (8 × 1000/40 ms = 200 req/s, so saturation moves from 100 to 200 clients at 1 req/s) and
    /// the bill: $0.018 over 36 s, as in `workersScaleTheBill`. Zero workers is refused in the key's words.
    @Test("a timeline's server_workers is the set-workers command, and capacity and bill follow it")
    func serverWorkersAction() throws {
        let yaml = """
            name: t
            seed: 3
            nodes: 10
            security: { accounts: 0, share_passwords: 0 }
            server: { workers: 4, service_ms: 40, cost_per_hour: 1.2 }
            timeline:
              - { at: 18, server_workers: 8 }
            """
        let s = try ScenarioDecoder.decode(yaml: yaml, source: "t")
        #expect(s.timeline.map(\.kind) == [.set(.workers, 8)])
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(17))
        #expect(engine.serverCapacityRPS == 100)
        engine.run(until: .seconds(Self.seconds))
        #expect(engine.serverCapacityRPS == 200)
        #expect(abs(engine.report().cost.serverDollars - 0.018) < 1e-12)
        #expect(throws: ScenarioError.self) {
            try ScenarioDecoder.decode(yaml: "name: t\ntimeline:\n  - { at: 1, server_workers: 0 }\n", source: "t")
        }
    }
}
