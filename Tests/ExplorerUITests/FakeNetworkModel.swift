import ExplorerUI
import NetworkEngine

/// A network model that simulates nothing: a clock that moves exactly as far as it is told, a canned snapshot (the
/// fixtures' classroom with its own name, time and population) and a record of every call, so a test can drive
/// `LiveApp` and see what the app asked of its model.
final class FakeNetworkModel: NetworkModel {
    /// The name the snapshot carries (the status bar shows it).
    let name: String
    /// Clients the snapshot reports; `addNodes` and `removeNodes` change it, so the app's next `+` follows.
    private(set) var population: Int
    private let initialPopulation: Int
    private(set) var now: SimTime
    /// Every command applied, in order.
    private(set) var commands: [EngineCommand] = []
    /// The target of every `advance(to:maxEvents:)` call, in order.
    private(set) var advances: [SimTime] = []
    private(set) var steps = 0
    /// The fake runs no events but the steps it is asked for.
    var eventsProcessed: Int { steps }
    /// Every snapshot request, in order.
    private(set) var requests: [SnapshotRequest] = []
    /// The models `restarted()` handed out, in order.
    private(set) var restarts: [FakeNetworkModel] = []

    init(name: String = "fake campus", population: Int = 200, now: SimTime = .millis(125_300)) {
        self.name = name
        self.population = population
        initialPopulation = population
        self.now = now
    }

    /// The fake's answer to a command, so a test can tell it from anything the app would write itself.
    static func message(for command: EngineCommand) -> String { "fake did \(command)" }

    func apply(_ command: EngineCommand) -> CommandOutcome {
        commands.append(command)
        switch command {
        case .addNodes(let n): population += n
        case .removeNodes(let n): population = max(0, population - n)
        default: break
        }
        return CommandOutcome(accepted: true, message: Self.message(for: command))
    }

    func advance(to time: SimTime, maxEvents: Int) -> Bool {
        advances.append(time)
        now = max(now, time)
        return true
    }

    func stepDescribed() -> String? {
        steps += 1
        now += .millis(1)
        return "a fake event"
    }

    func snapshot(_ request: SnapshotRequest) -> Snapshot {
        requests.append(request)
        var snapshot = Fixtures.snapshot(name: name, nodes: Fixtures.manyNodes(population))
        snapshot.now = now
        return snapshot
    }

    /// Never called by `LiveApp`. `RunReport` has no public initialiser, so no model outside `NetworkEngine` can make
    /// one; a test that reaches this has found the app asking for a report it did not ask for before.
    func report() -> RunReport {
        fatalError("FakeNetworkModel cannot make a RunReport, and LiveApp does not ask for one")
    }

    /// A new fake with the same name and the population it started with, at t=0.
    func restarted() -> any NetworkModel {
        let fresh = FakeNetworkModel(name: name, population: initialPopulation, now: 0)
        restarts.append(fresh)
        return fresh
    }
}
