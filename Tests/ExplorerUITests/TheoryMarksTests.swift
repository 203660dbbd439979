@testable import ExplorerUI
import NetExplorerAssets
import NetworkEngine
import TerminalCanvas
import Testing

/// The live view marks theory beside its measurements: N* in the server panel, the mean latency M/M/c/K predicts as a
/// line on the latency chart, and the mesh's hops and availability. The marks follow the configuration in force:
/// a command that changes it moves them at once.
@Suite("Theory marks in the live view")
struct TheoryMarksTests {
    static func engine(_ name: String) throws -> Engine { Engine(scenario: try ScenarioCatalog.load(name)) }

    static func render(_ engine: Engine, width: Int = 120, height: Int = 40) -> String {
        let state = Fixtures.state()
        return Fixtures.lines(width: width, height: height) { _, buffer in
            Screen.render(snapshot: engine.snapshot(), state: state, into: &buffer)
        }.joined(separator: "\n")
    }

    @Test("bottleneck: N* = workers·(1000/service_ms)/rate in the server panel, passed once the clients outnumber it")
    func saturationPoint() throws {
        let engine = try Self.engine("bottleneck")
        engine.run(until: .seconds(5))
        // 4 workers × 1000/40 ms = 100 req/s; at 1.5 req/s a client, 66.7 clients fill it.
        #expect(engine.snapshot().theory?.saturationNodes.map { abs($0 - 200.0 / 3) < 1e-9 } == true)
        let before = Self.render(engine)
        #expect(before.contains("capacity 100.0 req/s · N* 66.7"))
        #expect(!before.contains("N* 66.7 passed"))
        engine.apply(.addNodes(50))
        #expect(Self.render(engine).contains("N* 66.7 passed"))
        // Doubling the workers doubles N*: the cached theory is worked out again after the command.
        engine.apply(.set(.workers, 8))
        #expect(engine.snapshot().theory?.saturationNodes.map { abs($0 - 400.0 / 3) < 1e-9 } == true)
    }

    @Test("the latency chart carries theory's mean as a line and a figure; a configuration no formula covers says n/a")
    func latencyLine() throws {
        // mm4: M/M/4 with an unbounded-enough queue and no timeouts, logins or loss, so the formula covers it (the
        // bottleneck's logins take server time: its latency has no theory).
        let engine = try Self.engine("mm4")
        engine.run(until: .seconds(30))
        let theory = try #require(engine.snapshot().theory?.meanLatencyMs)
        let screen = Self.render(engine)
        #expect(screen.contains("─ theory " + MetricsPane.compact(theory)), "\(screen)")
        // Lost messages wait for the timeout: no formula covers the mean any more.
        engine.apply(.set(.loss, 0.05))
        #expect(engine.snapshot().theory?.meanLatencyMs == nil)
        let lossy = Self.render(engine)
        #expect(lossy.contains("theory: n/a"))
        // The server's inspector says why.
        #expect(lossy.contains("no latency theory: lost messages"), "\(lossy)")
    }

    @Test("spof: with 30 of 100 peers crashed, theory expects 1 − C(30,3)/C(100,3) = 97.5% available, shown as th")
    func availabilityAfterCrash() throws {
        let engine = try Self.engine("spof")
        engine.run(until: .seconds(45))
        let expected = 1 - (30.0 * 29 * 28) / (100.0 * 99 * 98)
        let theory = try #require(engine.snapshot().theory?.availability)
        #expect(abs(theory - expected) < 1e-12)
        #expect(Self.render(engine).contains("· th 97.5%"))
        #expect(MeshTheory.availableNow(members: 100, down: 0, replicas: 3) == 1)
        #expect(MeshTheory.availableNow(members: 5, down: 5, replicas: 3) == 0)
    }

    @Test("flooding: the peers a flood reached beside theory's expectation; at 80 columns the messages' label gives way")
    func floodReach() throws {
        let engine = try Self.engine("flooding")
        engine.run(until: .seconds(15))
        let theory = try #require(engine.snapshot().theory?.floodReach)
        let measured = try #require(engine.snapshot().mesh?.floodReachSinceChange)
        // With its interval once narrow (ConfidenceMarksTests), else the mean since the change and `±?`.
        let figure = LiveConfidence.shown(engine.snapshot().confidence?.floodReach)
            .map { ConfidenceText.plusMinus($0, decimals: 1) } ?? Format.fixed(measured, decimals: 1) + " ±?"
        let pair = "reach " + figure + " (th " + Format.fixed(theory, decimals: 1) + ")"
        let wide = Self.render(engine)
        #expect(wide.contains(pair + "  msgs/lookup "), "\(wide)")
        let narrow = Self.render(engine, width: 80, height: 24)
        #expect(narrow.contains(pair + " · "), "\(narrow)")
    }

    /// The flooding scenario raises the TTL from 2 to 4 at 20 s (and to 6 at 40 s). The panel's reach is since that
    /// change, so it is of the configuration the theory describes (the run's mean would average the TTL-2 floods in,
    /// about 200 of 300 peers against theory's 298); at 39.5 s the floods since are the TTL-4 ones only. Their reach is within
    /// the model's 2% plus the spread of 40 s of floods on one overlay (a few peers), so 5% apart at most.
    @Test("flooding: after the TTL is raised the panel's reach is since the change, beside the new theory")
    func floodReachSinceChange() throws {
        let engine = try Self.engine("flooding")
        engine.run(until: .seconds(39.5))
        let shot = engine.snapshot()
        let theory = try #require(shot.theory?.floodReach)
        let since = try #require(shot.mesh?.floodReachSinceChange)
        let run = try #require(shot.mesh?.meanFloodReach)
        #expect(abs(since - theory) / theory < 0.05, "since the change \(since), theory \(theory)")
        #expect(run < since - 10, "the run's mean \(run) averages the TTL-2 floods in")
        #expect(Self.render(engine).contains("(th " + Format.fixed(theory, decimals: 1) + ")"))
    }

    @Test("churn: hops and availability beside their theory, 1 − (1/3)³ for peers down a third of the time")
    func churnTheory() throws {
        let engine = try Self.engine("churn")
        engine.run(until: .seconds(20))
        let theory = try #require(engine.snapshot().theory)
        #expect(abs((theory.availability ?? 0) - 26.0 / 27) < 1e-12)
        let screen = Self.render(engine)
        #expect(screen.contains("· th 96.3%"))
        // The theory's figure, `(th 4.40)`, or `≠ th 4.40` once the hops' interval is narrow and misses it: the mean
        // of the lookups that resolved sits below theory (the long ones are the ones that time out).
        #expect(screen.contains("th " + String(format: "%.2f", theory.meanHops ?? 0)))
    }
}
