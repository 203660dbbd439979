import Foundation
import NetworkEngine

/// A lab record named on the command line (its directory, or its `manifest.json`), read and checked for replaying:
/// what `netexplorer replay` and `netexplorer run --replay` both start from.
struct LabRecordSource {
    /// The manifest's path, which every message about the record names.
    var path: String
    var manifest: LabManifest
    var scenario: Scenario
    /// One line to print when the record comes from another model version (figures may differ); nil otherwise.
    var warning: String?

    /// Reads `record`, or says in one line what is wrong with it (damaged, another schema, a log that was full).
    static func load(_ record: String) throws(CLIError) -> LabRecordSource {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: record, isDirectory: &isDirectory)
        let path = exists && isDirectory.boolValue ? (record as NSString).appendingPathComponent("manifest.json") : record
        let manifest = try LabManifest.read(path: path)
        if manifest.commandsNotRecorded > 0 {
            throw CLIError(message: "\(path): \(manifest.commandsNotRecorded) commands of the session were not recorded "
                + "(its command log was full), so it cannot be replayed")
        }
        guard let scenario = manifest.scenario else { throw CLIError(message: "\(path): damaged: no scenario") }
        let warning = manifest.modelVersion == Engine.modelVersion ? nil
            : "\(path): warning: recorded with model version \(manifest.modelVersion), this is model version "
                + "\(Engine.modelVersion): figures may differ"
        return LabRecordSource(path: path, manifest: manifest, scenario: scenario, warning: warning)
    }

    /// Re-simulates the session headless on a fresh engine (`configure` sets it up first), or says in one line which
    /// command cannot be placed (a node that does not exist, a log of another scenario).
    func replay(configure: (Engine) -> Void = { _ in }) throws(CLIError) -> Engine {
        do {
            return try Engine.replay(scenario, commands: manifest.commands, endTime: manifest.endTime,
                                     endEvents: manifest.endEvents, configure: configure)
        } catch {
            throw CLIError(message: "\(path): \(error.message)")
        }
    }
}
