import ArgumentParser
import Foundation
import NetworkEngine

/// `netexplorer replay DIR`: re-simulates a live session from its lab record, headless, and prints its figures.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-simulate a live session from its lab record (a directory or its manifest.json) and print its figures.")

    @Argument(help: "A lab record directory written by --export or :export, or its manifest.json.")
    var record: String

    @Option(name: .long, help: """
        json (summary), csv (one row per simulated second) or table (default: table on a terminal, json otherwise).
        """)
    var format: SimulateCommand.Format?

    @Option(name: .long, help: "Write every network event to FILE, one JSON object a line.")
    var events: String?

    func run() throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: record, isDirectory: &isDirectory)
        let path = exists && isDirectory.boolValue ? (record as NSString).appendingPathComponent("manifest.json") : record
        let manifest = try LabManifest.read(path: path)
        if manifest.commandsNotRecorded > 0 {
            throw CLIError(message: "\(path): \(manifest.commandsNotRecorded) commands of the session were not recorded "
                + "(its command log was full), so it cannot be replayed")
        }
        if manifest.modelVersion != Engine.modelVersion {
            printError("\(path): warning: recorded with model version \(manifest.modelVersion), this is model version "
                + "\(Engine.modelVersion): figures may differ")
        }
        guard let scenario = manifest.scenario else { throw CLIError(message: "\(path): damaged: no scenario") }
        let chosen = format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .json)
        let eventsFile = try events.map { path throws(CLIError) in try OutputFile.open(path: path, describedAs: "events") }
        let stdout = OutputFile.standardOutput()
        let output = StreamingOutput(events: eventsFile, csv: chosen == .csv ? stdout : nil, scenario: scenario)
        let engine: Engine
        do {
            engine = try Engine.replay(scenario, commands: manifest.commands, endTime: manifest.endTime,
                                       endEvents: manifest.endEvents) { $0.outputSink = output }
        } catch {
            throw CLIError(message: "\(path): \(error.message)")
        }
        engine.outputSink = nil
        if let error = eventsFile?.finish() { throw error }
        let report = engine.report()
        switch chosen {
        case .json: stdout.write(report.json.serialized(pretty: true) + "\n")
        case .csv: break
        case .table: stdout.write(TerminalText.escaped(report.table, keepingNewlines: true))
        }
        if let error = stdout.finish() { throw error }
    }
}
