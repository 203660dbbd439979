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
        let source = try LabRecordSource.load(record)
        if let warning = source.warning { printError(warning) }
        let chosen = format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .json)
        let eventsFile = try events.map { path throws(CLIError) in try OutputFile.open(path: path, describedAs: "events") }
        let stdout = OutputFile.standardOutput()
        let output = StreamingOutput(events: eventsFile, csv: chosen == .csv ? stdout : nil, scenario: source.scenario)
        let engine = try source.replay { $0.outputSink = output }
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
