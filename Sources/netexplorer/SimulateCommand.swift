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

    @Option(name: .long, help: "json (summary), csv (one row per simulated second) or table.")
    var format: Format = .json

    @Option(name: .long, help: "Write every network event to FILE, one JSON object a line.")
    var events: String?

    func validate() throws {
        if let duration { try ScenarioOptions.validate(seconds: duration, flag: "--duration", allowingZero: false) }
        if let toggleAt { try ScenarioOptions.validate(seconds: toggleAt, flag: "--toggle-at", allowingZero: true) }
    }

    func run() throws {
        var scenario = try options.load()
        // Warned about as the file says: a shorter --duration on purpose leaves later actions out without a word.
        let fileDuration = scenario.duration
        if let duration { scenario.duration = duration }
        var asWritten = scenario
        asWritten.duration = fileDuration
        ScenarioOptions.printWarnings(asWritten, source: options.scenario, extra: toggleAt.flatMap { at in
            at > scenario.duration
                ? "--toggle-at \(at) comes after the run ends (duration \(scenario.duration) s): no switch happens"
                : nil
        }.map { [$0] } ?? [])
        if let toggleAt {
            let other: Architecture = scenario.architecture == .clientServer ? .peerMesh : .clientServer
            // After any file action at the same second, keeping the timeline in order.
            let index = scenario.timeline.firstIndex { $0.at > toggleAt } ?? scenario.timeline.count
            scenario.timeline.insert(.init(at: toggleAt, kind: .toggle(other)), at: index)
        }
        // The duration bounds how long a lost request without a timeout lives: check the cost again.
        try ScenarioOptions.checkBudget(scenario, source: options.scenario)
        let report = Self.simulate(scenario, eventsPath: events)
        switch format {
        case .json: print(try report.get().json.serialized(pretty: true))
        case .csv: print(try report.get().csv, terminator: "")
        case .table: print(TerminalText.escaped(try report.get().table, keepingNewlines: true), terminator: "")
        }
    }

    /// Runs to the scenario's duration; writes the events file when asked.
    static func simulate(_ scenario: Scenario, eventsPath: String?) -> Result<RunReport, CLIError> {
        let engine = Engine(scenario: scenario, keepAllEvents: eventsPath != nil)
        engine.run(until: .seconds(scenario.duration))
        if let path = eventsPath {
            let lines = engine.allEvents.map(\.jsonLine).joined(separator: "\n")
            let text = lines.isEmpty ? "" : lines + "\n"
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                return .failure(CLIError(message: "cannot write events to '\(path)'"))
            }
        }
        return .success(engine.report())
    }
}
