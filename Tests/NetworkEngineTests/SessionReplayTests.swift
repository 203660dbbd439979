import Foundation
import NetExplorerAssets
import Testing
@testable import NetworkEngine

/// A live session is its scenario, its seed and its command log placed by (time, events processed): replaying the log
/// on a fresh engine must give the live run's report byte for byte. The session below is driven as the live view
/// drives the engine: chunks of `advance(to:maxEvents:)` that stop part-way through an instant, single steps, snapshots
/// between frames, and commands (toggles included) at those odd points.
@Suite("Session replay")
struct SessionReplayTests {
    /// Every role at work: a DHT with churn and losses, an attack, and commands that switch, crash, set and grow.
    static let scenario = try! ScenarioDecoder.decode(yaml: """
        name: session
        seed: 23
        nodes: 40
        architecture: client-server
        mesh:
          churn: { mean_uptime: 30, mean_downtime: 10 }
        network: { loss: 0.02, jitter_ms: 0 }
        security: { attack_rate: 5, attackers: 0 }
        timeline:
          - { at: 2, add_nodes: 5 }
        """, source: "test")

    /// Drives `engine` like the live view for a while, applying `commands` at the frames given, and returns the log.
    static func liveSession(_ engine: Engine) -> [SessionCommand] {
        let commands: [Int: EngineCommand] = [
            3: .addNodes(7), 5: .toggleNode(3), 8: .set(.rate, 2), 9: .toggleAttack, 12: .toggleArchitecture,
            14: .toggleNode(3), 15: .crash(.node(999)), 17: .flashCrowd(requests: 50), 18: .toggleNode(0),
            22: .set(.workers, 3), 23: .toggleArchitecture, 25: .toggleAttack, 26: .removeNodes(4),
        ]
        var log: [SessionCommand] = []
        var target: SimTime = 0
        for frame in 0..<30 {
            // A frame's advance, cut into chunks of a few events (some cut an instant part-way), then a step or two.
            target += .millis(173)
            var chunks = 0
            while !engine.advance(to: target, maxEvents: 7 + frame % 5), chunks < 3 { chunks += 1 }
            if frame % 4 == 1 { engine.step(); engine.step() }
            if frame == 18 {
                // Into the flash crowd's burst: with no jitter its 50 requests reach the server at one instant, and
                // the server crashes part-way through it, as a chunk that ran out of budget would leave it.
                let start = engine.now
                while engine.now == start, engine.step() {}
                for _ in 0..<10 { engine.step() }
            }
            _ = engine.snapshot(SnapshotRequest(seriesLimit: 60, nodes: 1..<10))
            if let command = commands[frame] {
                let point = (engine.now, engine.eventsProcessed)
                let resolved = engine.resolved(command)
                let outcome = engine.apply(command)
                log.append(SessionCommand(time: point.0, eventsProcessed: point.1, command: resolved,
                                          accepted: outcome.accepted))
            }
        }
        return log
    }

    @Test("Replaying a session's log on a fresh engine gives its report byte for byte")
    func replayIsByteIdentical() throws {
        let live = Engine(scenario: Self.scenario)
        let log = Self.liveSession(live)
        #expect(log.contains { !$0.accepted }, "the session has a refused command, which a replay must refuse too")
        #expect(log.contains { $0.command == .switchArchitecture(to: .peerMesh) })
        #expect(!log.contains { $0.command == .toggleArchitecture || $0.command == .toggleNode(3) })
        let end = (live.now, live.eventsProcessed)
        let expected = live.checkpoint().report().json.serialized(pretty: true)
        let replayed = try Engine.replay(Self.scenario, commands: log, endTime: end.0, endEvents: end.1)
        #expect(replayed.now == end.0 && replayed.eventsProcessed == end.1)
        #expect(replayed.report().json.serialized(pretty: true) == expected)
        // And the live engine, taken on, still matches: exporting (a report of a copy) left it untouched.
        #expect(live.report().json.serialized(pretty: true) == expected)
    }

    @Test("A log naming a node that does not exist is refused in one line, never a crash")
    func unknownNodeIsOneLine() {
        let log = [SessionCommand(time: .seconds(1), eventsProcessed: 0, command: .crash(.node(5_000)), accepted: true)]
        let engine = Engine(scenario: Self.scenario)
        engine.advance(to: .seconds(1))
        let fixed = [SessionCommand(time: .seconds(1), eventsProcessed: engine.eventsProcessed,
                                    command: .crash(.node(5_000)), accepted: true)]
        #expect(throws: SessionLogError.self) {
            try Engine.replay(Self.scenario, commands: log, endTime: .seconds(2), endEvents: 0)
        }
        do {
            _ = try Engine.replay(Self.scenario, commands: fixed, endTime: .seconds(2), endEvents: 1_000_000)
            Issue.record("a crash of node 5000 of 40 replayed")
        } catch {
            #expect(error.message.contains("refused on replay: no client 5000"), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test("Every command a log holds reads back from its spelling",
          arguments: [EngineCommand.addNodes(5), .removeNodes(2), .crash(.server), .crash(.node(3)), .restart(.node(3)),
                      .restart(.server), .flashCrowd(requests: 40), .switchArchitecture(to: .peerMesh),
                      .switchArchitecture(to: .clientServer), .set(.rate, 2.5), .set(.workers, 3), .toggleAttack])
    func spellingsRoundTrip(command: EngineCommand) throws {
        let spelled = try #require(SessionCommand.spelling(of: command))
        #expect(try SessionCommand.command(spelled: spelled).get() == command)
    }

    @Test("An action a log cannot hold is one line naming what a log holds")
    func badSpelling() {
        guard case .failure(let error) = SessionCommand.command(spelled: "explode: 3") else {
            Issue.record("'explode: 3' read as a command"); return
        }
        #expect(error.message.contains("'explode: 3'") && error.message.contains("add_nodes: 5"))
    }

    /// `scenario` without the file lines its timeline came from (where an action was written is not what it is) and
    /// its catalog id (the name it was found by, which a lab record keeps beside the text).
    static func lineless(_ scenario: Scenario) -> Scenario {
        var copy = scenario
        copy.id = ""
        for i in copy.timeline.indices { copy.timeline[i].line = 0 }
        return copy
    }

    @Test("A scenario written with every key reads back equal", arguments: ScenarioCatalog.builtinNames)
    func scenarioTextRoundTrips(name: String) throws {
        let scenario = try ScenarioCatalog.load(name)
        let text = ScenarioFileText.text(of: scenario)
        #expect(Self.lineless(try ScenarioDecoder.decode(yaml: text, source: name)) == Self.lineless(scenario), "\(text)")
        let given = Set(text.split(separator: "\n").compactMap { $0.split(separator: ":").first }
            .map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(given.contains("lockout_after") && given.contains("cost_per_hour"), "every key is written, defaults too")
    }

    @Test("A scenario with churn, a timeline and an awkward name reads back equal")
    func awkwardScenarioRoundTrips() throws {
        var scenario = Self.scenario
        scenario.name = "a \"quoted\": name\\ with\ttab, \r, \u{1B}[31m and \u{7F}"
        scenario.workload.rate = 0.1 + 0.2
        scenario.timeline.append(.init(at: 3.25, kind: .set(.rate, 1.5)))
        scenario.timeline.append(.init(at: 4, kind: .crash(.server)))
        let text = ScenarioFileText.text(of: scenario)
        #expect(Self.lineless(try ScenarioDecoder.decode(yaml: text, source: "test")) == Self.lineless(scenario), "\(text)")
    }
}
