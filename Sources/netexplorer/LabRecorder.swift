import ExplorerUI
import Foundation
import NetworkEngine

/// Records the live session for a lab record: streams each run's per-second series and events to temporary files
/// (the live engine keeps neither whole; memory stays bounded however long the session), and on `:export` or the end
/// of the session writes `manifest.json`, `metrics.csv`, `events.jsonl` and `report.json` of what the live run itself
/// measured, not of a re-run.
final class LabRecorder: SessionRecorder {
    /// The directory holding the current run's streams; removed when the run is replaced or the recorder goes.
    private var scratch: String?
    private var streams: StreamingOutput?
    /// The files this recorder wrote, which a later export may replace (never a file it did not create).
    private var written: Set<String> = []

    deinit { removeScratch() }

    func started(_ model: any NetworkModel) {
        removeScratch()
        guard let engine = model as? Engine else { return }
        var template = Array((NSTemporaryDirectory() + "netexplorer-session-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return }
        let directory = String(cString: made)
        scratch = directory
        guard let events = try? OutputFile.open(path: directory + "/events.jsonl", describedAs: "events"),
              let csv = try? OutputFile.open(path: directory + "/metrics.csv", describedAs: "metrics") else { return }
        let output = StreamingOutput(events: events, csv: csv, scenario: engine.scenario)
        streams = output
        engine.outputSink = output
    }

    private func removeScratch() {
        streams = nil
        if let scratch { try? FileManager.default.removeItem(atPath: scratch) }
        scratch = nil
    }

    /// `./netexplorer-<scenario>-<time>`: the scenario's name in file-name letters and the simulated time reached.
    static func defaultDirectory(scenario: String, time: SimTime) -> String {
        let letters = scenario.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let name = String(letters).split(separator: "-").joined(separator: "-")
        return "./netexplorer-\(name.isEmpty ? "scenario" : name)-" + String(format: "%.3fs", time.inSeconds)
    }

    func export(_ model: any NetworkModel, log: CommandLog, to directory: String?, force: Bool) -> CommandOutcome {
        guard let engine = model as? Engine else {
            return CommandOutcome(accepted: false, message: "cannot export: this model is not the engine")
        }
        let target = directory ?? Self.defaultDirectory(scenario: engine.scenario.name, time: engine.now)
        do throws(CLIError) {
            try write(engine, log: log, into: target, force: force)
        } catch {
            return CommandOutcome(accepted: false, message: error.messages.first ?? "cannot export")
        }
        let warning = log.notRecorded > 0 ? " (the command log was full: it cannot replay)" : ""
        return CommandOutcome(accepted: true, message: "lab record written to \(target)/" + warning)
    }

    /// Writes the record of `engine` as it stands into `directory`; one line when it cannot.
    func write(_ engine: Engine, log: CommandLog, into directory: String, force: Bool) throws(CLIError) {
        guard let streams, let scratch else {
            throw CLIError(message: "cannot export: this run's series and events were not recorded")
        }
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        let paths = LabManifest.fileNames.map { (directory as NSString).appendingPathComponent($0) }
        if files.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CLIError(message: "cannot export to \(directory): not a directory") }
            let contents = (try? files.contentsOfDirectory(atPath: directory)) ?? []
            let ours = contents.allSatisfy { written.contains((directory as NSString).appendingPathComponent($0)) }
            if !contents.isEmpty, !force, !ours {
                throw CLIError(message: "cannot export to \(directory): it exists and is not empty (--force writes "
                    + "into it)")
            }
            if let theirs = paths.first(where: { files.fileExists(atPath: $0) && !written.contains($0) }) {
                throw CLIError(message: "cannot export: \(theirs) exists and netexplorer replaces only files it wrote")
            }
        } else {
            do {
                try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw CLIError(message: "cannot export to \(directory): cannot create it")
            }
        }
        streams.events?.flush()
        streams.csv?.flush()
        if streams.failed { throw CLIError(message: "cannot export: writing this run's series or events failed") }
        // The report of a copy: a report brings the run's running averages up to now, which the live run must not
        // do out of turn (its later figures would then differ from a replay's in the last bits).
        let report = engine.checkpoint().report()
        let manifest = LabManifest(
            programVersion: NetExplorer.version, schemaVersion: RunReport.schemaVersion,
            modelVersion: Engine.modelVersion, scenarioName: engine.scenario.name, scenarioID: engine.scenario.id,
            seed: engine.scenario.seed,
            scenarioText: ScenarioFileText.text(of: engine.scenario), commands: log.currentHistory,
            commandsNotRecorded: log.notRecorded, endTime: engine.now, endEvents: engine.eventsProcessed)
        let contents: [String: Data?] = [
            "report.json": (report.json.serialized(pretty: true) + "\n").data(using: .utf8),
            "manifest.json": (manifest.json.serialized(pretty: true) + "\n").data(using: .utf8),
        ]
        for (name, path) in zip(LabManifest.fileNames, paths) {
            if files.fileExists(atPath: path) { try? files.removeItem(atPath: path) }
            let done: Bool
            if let data = contents[name] {
                done = files.createFile(atPath: path, contents: data ?? Data())
            } else {
                done = (try? files.copyItem(atPath: (scratch as NSString).appendingPathComponent(name), toPath: path))
                    != nil
            }
            guard done else { throw CLIError(message: "cannot export: cannot write \(path)") }
            written.insert(path)
        }
    }
}
