import NetExplorerAssets
@testable import NetworkEngine
import Testing

/// The built-in `backup` scenario does what its description promises, run headless: each sentence of the description
/// is a check below.
@Suite("The backup scenario")
struct BackupScenarioTests {
    /// The run, stopped at the moments the description speaks of.
    final class Run {
        let engine: Engine
        var events: [NetworkEvent] { engine.allEvents }
        init(_ scenario: Scenario) { engine = Engine(scenario: scenario, keepAllEvents: true) }
        func at(_ seconds: Double) -> Engine { engine.run(until: .seconds(seconds)); return engine }
        func events(_ kind: NetworkEvent.Kind) -> [NetworkEvent] { events.filter { $0.kind == kind } }
    }

    @Test("every sentence of the description holds in its run")
    func promises() throws {
        let scenario = try ScenarioCatalog.load("backup")
        // "Twenty clients read and write a hundred files on one server, backed up every 10 s."
        #expect(scenario.nodes == 20 && scenario.workload.resources == 100 && scenario.workload.writeShare > 0)
        #expect(scenario.architecture == .clientServer)
        #expect(scenario.storage.backupEveryHours * 3600 == 10 || abs(scenario.storage.backupEveryHours * 3600 - 10) < 1e-9)
        let run = Run(scenario)
        let beforeFailure = run.at(14.9)
        let backups = run.events(.backupDone)
        #expect(backups.map(\.time) == [.seconds(10)])
        let writesAtBackup = beforeFailure.ctx.files.writes - beforeFailure.ctx.files.writesSinceBackup
        let writesBeforeFailure = beforeFailure.ctx.files.writes
        #expect(writesBeforeFailure > writesAtBackup)

        // "At 15 s the server's disk fails: the server is down 7 s while it is restored, and comes back with the files
        // of the 10 s backup; the writes since are lost."
        let down = run.at(15.5)
        #expect(run.events(.diskFailed).map(\.node) == [0])
        #expect(!down.isUp(node: 0))
        _ = run.at(21.9)
        #expect(!run.engine.isUp(node: 0))
        let back = run.at(22.1)
        #expect(back.isUp(node: 0))
        #expect(run.events(.restored).map(\.time) == [.seconds(22)])
        #expect(back.ctx.files.writesLost == writesBeforeFailure - writesAtBackup)
        #expect(back.ctx.files.filesLost == 0)
        let failedWhileDown = back.report().requests.failed
        #expect(failedWhileDown > 0)

        // "At 30 s the network becomes a peer mesh keeping 3 copies of each file."
        let mesh = run.at(30.5)
        #expect(mesh.architecture == .peerMesh && mesh.mesh?.state.replicas == 3)

        // "At 38 s and 40 s two peers' disks fail: their copies are copied back 6 s later, and no file is lost."
        // The repair at 44 s alone (a window of 2 µs around it, too short for any reply): its copies are the peers'
        // uploads of that instant.
        let justBefore = run.at(43.999_999)
        let uploadsBefore = justBefore.ctx.metrics.traffic.peerResources, repairsBefore = justBefore.storage.copiesRepaired
        let justAfter = run.at(44.000_001)
        let repairedThen = justAfter.storage.copiesRepaired - repairsBefore
        #expect(repairedThen > 0)
        #expect(justAfter.ctx.metrics.traffic.peerResources - uploadsBefore == repairedThen)
        let repaired = run.at(49.9)
        let peerFailures = run.events(.diskFailed).filter { $0.node != 0 }
        #expect(peerFailures.map(\.time) == [.seconds(38), .seconds(40)])
        #expect(run.events(.repaired).map(\.time) == [.seconds(44), .seconds(46)])
        #expect(run.events(.repaired).map(\.node) == peerFailures.map(\.node))
        #expect(repaired.ctx.files.filesLost == 0)
        #expect(repaired.storage.copiesRepaired > 0)
        // Each copy repaired is one file uploaded by a surviving holder: counted in bytes, and in the peers' traffic.
        let fileBytes = scenario.workload.sizeKb * 1_000
        let repairView = try #require(repaired.storageView())
        #expect(repairView.repairBytes == Double(repaired.storage.copiesRepaired) * fileBytes)
        let failedBeforeLoss = repaired.report().requests.failed

        // "At 50 s eight peers' disks fail at once: files whose three copies were all on them are lost for good, and
        // requests for them fail."
        let end = run.at(scenario.duration)
        #expect(run.events(.diskFailed).filter { $0.time == .seconds(50) }.count == 8)
        #expect(end.ctx.files.filesLost > 0)
        #expect(run.events(.fileLost).allSatisfy { $0.time == .seconds(50) })
        #expect(end.ctx.files.lostFileRequests > 0)
        #expect(end.report().requests.failed - failedBeforeLoss >= end.ctx.files.lostFileRequests)
        let report = end.report().json.serialized()
        #expect(report.contains("\"storage\""))
    }

    /// The same run without backups (the README's variant): the server's disk failure at 15 s loses every file.
    @Test("without backups the server's disk failure loses every file")
    func withoutBackups() throws {
        var scenario = try ScenarioCatalog.load("backup")
        scenario.storage.backupEveryHours = 0
        let run = Run(scenario)
        let engine = run.at(16)
        #expect(engine.ctx.files.filesLost == 100)
        #expect(run.events(.fileLost).map(\.time) == [.seconds(15)])
        _ = run.at(29)
        #expect(engine.ctx.files.lostFileRequests > 0)
    }
}
