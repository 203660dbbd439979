import NetExplorerAssets
import Testing
@testable import NetworkEngine

/// Issue 15, item 1: failures are visible in the live view's snapshot. The classroom's server is down from 80 s to
/// 95 s; at 90 s clients wait on it, requests have failed or timed out, and the per-second series says so.
@Suite("Failures in the snapshot")
struct FailureActivityTests {
    @Test("classroom at t=90 s, the server down since 80 s: clients waiting, failures in the series")
    func serverDown() throws {
        let engine = Engine(scenario: try ScenarioCatalog.load("classroom"))
        engine.run(until: .seconds(90))
        let snapshot = engine.snapshot()
        #expect(snapshot.server?.up == false)
        let clients = snapshot.nodes.filter { $0.role == .client }
        let waiting = clients.filter { $0.activity == .waiting }
        #expect(!waiting.isEmpty)
        // Waiting is truthful: each has a request outstanding, and none of them reads as merely busy.
        #expect(waiting.allSatisfy { $0.outstanding > 0 })
        #expect(!clients.contains { $0.activity == .busy })
        let lost = snapshot.series.filter { $0.second > 80 }.reduce(0) { $0 + $1.failed + $1.timedOut }
        #expect(lost > 0)
    }

    @Test("a client whose last request failed shows as failing, until one completes")
    func failingThenRecovered() throws {
        let engine = Engine(scenario: try ScenarioCatalog.load("classroom"))
        engine.run(until: .seconds(90))
        let failing = engine.snapshot().nodes.filter { $0.activity == .failing }
        // With the server down, every failure is recent: a client not waiting has just failed.
        #expect(!failing.isEmpty)
        // Long after the restart every client has completed since: none is failing any more.
        engine.run(until: .seconds(130))
        #expect(!engine.snapshot().nodes.contains { $0.activity == .failing || $0.activity == .waiting })
    }
}
