import ArgumentParser
import Foundation
import NetworkEngine

/// `netexplorer simulate`: run a scenario headless and print its figures.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a scenario headless and print its figures (json, csv series, or a table)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, table }

    @OptionGroup var options: ScenarioOptions

    @Option(name: .long, parsing: .unconditional, help: "Simulated seconds to run (default: the scenario's).")
    var duration: Double?

    @Option(name: .customLong("toggle-at"), parsing: .unconditional,
            help: "Switch to the other architecture at this simulated second (the live toggle, headless).")
    var toggleAt: Double?

    @Option(name: .long, help: """
        json (summary), csv (one row per simulated second) or table (default: table on a terminal, json otherwise).
        """)
    var format: Format?

    /// The format asked for, else the table for a person at a terminal and JSON for a script reading a pipe or file.
    var chosenFormat: Format { format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .json) }

    @Option(name: .long, help: "Write every network event to FILE, one JSON object a line.")
    var events: String?

    func validate() throws {
        if let duration { try ScenarioOptions.validate(seconds: duration, flag: "--duration", allowingZero: false) }
        if let toggleAt { try ScenarioOptions.validate(seconds: toggleAt, flag: "--toggle-at", allowingZero: true) }
    }

    func run() throws {
        var scenario = try options.load()
        // Warned about as the file says: a shorter --duration on purpose leaves later actions out without a word.
        ScenarioOptions.printWarnings(scenario, source: options.scenario)
        if let duration { scenario.duration = duration }
        if let toggleAt, toggleAt > scenario.duration {
            printError("\(options.scenario): warning: --toggle-at \(toggleAt) comes after the run ends (duration "
                + "\(scenario.duration) s): no switch happens")
        }
        if let toggleAt {
            let other: Architecture = scenario.architecture == .clientServer ? .peerMesh : .clientServer
            // After any file action at the same second, keeping the timeline in order.
            let index = scenario.timeline.firstIndex { $0.at > toggleAt } ?? scenario.timeline.count
            scenario.timeline.insert(.init(at: toggleAt, kind: .switchArchitecture(to: other)), at: index)
        }
        try Self.simulate(scenario, eventsPath: events, format: chosenFormat)
    }

    /// Simulated seconds run between checks that the output can still be written (a closed pipe ends the run
    /// within this much simulated time; the chunks do not change the run: events at a boundary run in the chunk
    /// that ends there, and the clock alone moves between them).
    static let chunkSeconds = 100.0

    /// Runs to the scenario's duration, streaming the events file (when asked) and CSV rows as they happen, then
    /// prints the summary in `format`. The events file is opened before the run, so a path that cannot be written
    /// fails at once; any write failure (a closed pipe, a full disk) ends with one line.
    static func simulate(_ scenario: Scenario, eventsPath: String?, format: Format) throws(CLIError) {
        let eventsFile = try eventsPath.map { path throws(CLIError) in
            try OutputFile.open(path: path, describedAs: "events")
        }
        let stdout = OutputFile.standardOutput()
        let output = StreamingOutput(events: eventsFile, csv: format == .csv ? stdout : nil, scenario: scenario)
        let engine = Engine(scenario: scenario)
        engine.outputSink = output
        let end = SimTime.seconds(scenario.duration)
        var at = SimTime.seconds(0)
        while at < end, !output.failed, !engine.distributionFinished {
            at = min(end, at + .seconds(chunkSeconds))
            engine.run(until: at)
        }
        engine.outputSink = nil
        if let error = eventsFile?.finish() { throw error }
        let report = engine.report()
        switch format {
        case .json: stdout.write(report.json.serialized(pretty: true) + "\n")
        case .csv: break
        case .table: stdout.write(TerminalText.escaped(report.table, keepingNewlines: true))
        }
        if let error = stdout.finish() { throw error }
    }
}
