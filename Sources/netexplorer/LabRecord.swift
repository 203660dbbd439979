import Foundation
import NetworkEngine

/// A lab record's `manifest.json`: what a live session was (program, model, scenario as resolved, seed, the command
/// log, start and end) — everything `netexplorer replay` needs to run it again exactly.
struct LabManifest {
    var programVersion: String
    var schemaVersion: Int
    var modelVersion: Int
    var scenarioName: String
    /// The name the scenario was found by (a built-in's name, a file's stem), which the text does not hold.
    var scenarioID: String
    var seed: UInt64
    /// The scenario as a file with every key given (`ScenarioFileText`), so later defaults cannot change it.
    var scenarioText: String
    var commands: [SessionCommand]
    /// Commands applied live that a full log could not keep: nonzero means the record cannot replay its session.
    var commandsNotRecorded: Int
    var endTime: SimTime
    var endEvents: Int
    /// The scenario `scenarioText` reads to, with its id (set when read).
    var scenario: Scenario? = nil

    /// The files of a lab record, in the order they are written (the manifest last: its presence says the rest is done).
    static let fileNames = ["metrics.csv", "events.jsonl", "report.json", "manifest.json"]

    var json: JSONValue {
        .object([
            ("schema_version", .int(schemaVersion)),
            ("program", .string("netexplorer")),
            ("program_version", .string(programVersion)),
            ("model_version", .int(modelVersion)),
            ("scenario_name", .string(scenarioName)),
            ("scenario_id", .string(scenarioID)),
            ("seed", .unsigned(seed)),
            ("start", Self.point(time: 0, events: 0)),
            ("end", Self.point(time: endTime, events: endEvents)),
            ("commands_not_recorded", .int(commandsNotRecorded)),
            ("commands", .array(commands.map { command in
                .object([
                    ("time_ns", .int(Int(command.time))),
                    ("time_s", .number(command.time.inSeconds)),
                    ("events_processed", .int(command.eventsProcessed)),
                    ("action", .string(SessionCommand.spelling(of: command.command) ?? "")),
                    ("accepted", .bool(command.accepted)),
                ])
            })),
            ("scenario", .string(scenarioText)),
        ])
    }

    static func point(time: SimTime, events: Int) -> JSONValue {
        .object([("time_ns", .int(Int(time))), ("time_s", .number(time.inSeconds)), ("events_processed", .int(events))])
    }

    /// Reads a manifest, or says in one line (prefixed by `path`) what is wrong with it.
    static func read(path: String) throws(CLIError) -> LabManifest {
        func fail(_ why: String) -> CLIError { CLIError(message: "\(path): \(why)") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fail("cannot read the manifest (\(FileManager.default.fileExists(atPath: path) ? "unreadable" : "no such file"))")
        }
        guard let parsed = try? JSONSerialization.jsonObject(with: data), let top = parsed as? [String: Any] else {
            throw fail("damaged: not a JSON object (a truncated or edited manifest?)")
        }
        guard let schema = top["schema_version"] as? Int else { throw fail("damaged: no integer 'schema_version'") }
        guard schema == RunReport.schemaVersion else {
            throw fail("schema_version \(schema), but this netexplorer reads schema_version \(RunReport.schemaVersion)")
        }
        func int(_ object: [String: Any], _ key: String, _ place: String) throws(CLIError) -> Int {
            guard let value = object[key] as? Int, value >= 0 else {
                throw fail("damaged: \(place) has no '\(key)' (a whole number of at least 0)")
            }
            return value
        }
        guard let model = top["model_version"] as? Int else { throw fail("damaged: no integer 'model_version'") }
        guard let text = top["scenario"] as? String else { throw fail("damaged: no 'scenario' text") }
        guard let end = top["end"] as? [String: Any] else { throw fail("damaged: no 'end' object") }
        guard let list = top["commands"] as? [Any] else { throw fail("damaged: no 'commands' list") }
        var commands: [SessionCommand] = []
        for (index, item) in list.enumerated() {
            let place = "command \(index + 1)"
            guard let entry = item as? [String: Any], let action = entry["action"] as? String,
                  let accepted = entry["accepted"] as? Bool else {
                throw fail("damaged: \(place) needs 'action' (text) and 'accepted' (true or false)")
            }
            let time = try int(entry, "time_ns", place), events = try int(entry, "events_processed", place)
            switch SessionCommand.command(spelled: action) {
            case .failure(let why): throw fail("\(place): \(why.message)")
            case .success(let command):
                commands.append(SessionCommand(time: SimTime(time), eventsProcessed: events, command: command,
                                               accepted: accepted))
            }
        }
        var scenario: Scenario
        do {
            scenario = try ScenarioDecoder.decode(yaml: text, source: "scenario")
        } catch let error as ScenarioError {
            throw fail("damaged: its " + (error.problems.first.map { "\(error.source): \($0)" } ?? "scenario is invalid"))
        } catch {
            throw fail("damaged: its scenario cannot be read")
        }
        scenario.id = top["scenario_id"] as? String ?? ""
        return LabManifest(
            programVersion: top["program_version"] as? String ?? "unknown", schemaVersion: schema, modelVersion: model,
            scenarioName: scenario.name, scenarioID: scenario.id, seed: scenario.seed, scenarioText: text, commands: commands,
            commandsNotRecorded: (top["commands_not_recorded"] as? Int) ?? 0,
            endTime: SimTime(try int(end, "time_ns", "'end'")), endEvents: try int(end, "events_processed", "'end'"),
            scenario: scenario)
    }
}
