import NetExplorerAssets
import NetworkEngine
import Testing

/// The built-in `cost` scenario run headless: each promise of its description, checked against figures worked out
/// from its file (120 s, 100 nodes at 1 request a second, replies of 500 kB = 5·10⁵ bytes).
@Suite("The cost scenario")
struct CostScenarioTests {
    static func run(_ architecture: Architecture? = nil, toggleAt: Double? = nil) throws -> (Engine, RunReport) {
        var s = try ScenarioCatalog.load("cost")
        if let architecture { s.architecture = architecture }
        if let toggleAt { s.timeline.append(.init(at: toggleAt, kind: .toggleArchitecture)) }
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(s.duration))
        return (engine, engine.report())
    }

    /// The server: $2.40/h for 8 workers, $4.80/h once 16 at 60 s: (2.40 × 60 + 4.80 × 60) ÷ 3600 = $0.12. The
    /// administrator: $4,000 ÷ 730 h × 120/3600 h = $0.18265. Bandwidth: every reply the server sent (at least the
    /// completed requests, at most those and the ones still in flight) is 5·10⁵ bytes at $0.09 per 10⁹. 200 req/s of
    /// capacity against 100 offered: nothing is rejected. Peers donate nothing under client-server.
    @Test("client-server: the owner pays the server (its rate doubling at 60 s), the administrator and the bandwidth")
    func ownerPays() throws {
        let s = try ScenarioCatalog.load("cost")
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(59))
        #expect(abs((engine.snapshot().server?.costPerHour ?? 0) - 2.40) < 1e-12)
        engine.run(until: .seconds(61))
        #expect(abs((engine.snapshot().server?.costPerHour ?? 0) - 4.80) < 1e-12)
        engine.run(until: .seconds(s.duration))
        let r = engine.report(), c = r.cost
        #expect(abs(c.serverDollars - 0.12) < 1e-12)
        #expect(abs(c.adminDollars - 4000.0 / 730 * 120 / 3600) < 1e-12)
        let completed = Double(r.requests.completed), inFlight = Double(r.requests.inFlight)
        #expect(r.requests.rejected == 0 && completed > 11_000)
        #expect(c.serverBytes >= completed * 5e5 && c.serverBytes <= (completed + inFlight) * 5e5)
        #expect(abs(c.bandwidthDollars - c.serverBytes * 0.09 / 1e9) < 1e-12)
        #expect(c.peerDonatedDollars == 0)
    }

    /// The mesh: no server, administrator or server bandwidth; 100 peers up 120 s = 3.333 peer-hours at $0.02. The
    /// same bytes within 10%: a peer holds what it asks for 3 times in 100 (3 replicas), so about 97% of the completed
    /// requests upload a 500 kB resource, and each lookup's ~4 messages of 1 kB add under 1%: the uploads are
    /// 0.97–0.98 of the server's bytes, give or take the few requests in flight at either end.
    @Test("peer-mesh: no server bill, the peers donate their hours and about the same bytes")
    func peersDonate() throws {
        let (_, server) = try Self.run()
        let (_, mesh) = try Self.run(.peerMesh)
        let c = mesh.cost
        #expect(c.serverDollars == 0 && c.adminDollars == 0 && c.bandwidthDollars == 0 && c.serverBytes == 0)
        #expect(abs(c.peerHours - 100.0 * 120 / 3600) < 1e-9)
        #expect(abs(c.peerTimeDollars - 0.02 * 100 * 120 / 3600) < 1e-12)
        #expect(abs(c.peerBandwidthDollars - c.peerBytes * 0.09 / 1e9) < 1e-12)
        let ratio = c.peerBytes / server.cost.serverBytes
        #expect(ratio > 0.9 && ratio < 1.1, "uploads \(c.peerBytes) against the server's \(server.cost.serverBytes)")
        #expect(c.totalDollars == c.peerDonatedDollars)
    }

    /// After a switch at 60 s the owner pays for the first minute only: the server $2.40 × 60/3600 = $0.04 (the
    /// resize is at the switch's instant, and the server is not paid while the mesh runs), the administrator half
    /// of $0.18265; the peers donate 100 × 60 s = 1.667 peer-hours.
    @Test("a switch hands the bill from the owner to the peers")
    func switchHandsOver() throws {
        let (_, r) = try Self.run(toggleAt: 60)
        #expect(abs(r.cost.serverDollars - 0.04) < 1e-12)
        #expect(abs(r.cost.adminDollars - 4000.0 / 730 * 60 / 3600) < 1e-12)
        #expect(abs(r.cost.peerHours - 100.0 * 60 / 3600) < 1e-9)
    }
}
