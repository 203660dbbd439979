import Foundation
import NetworkEngine

/// The built-in scenarios shipped with the program, and the one place that turns a name or a path into a `Scenario`.
///
/// The YAML files are bundled as resources of this target, so built-in scenarios load from any working directory.
public enum ScenarioCatalog {
    /// The built-in scenario used when none is named.
    private static let defaultName = "classroom"

    /// The built-in scenario names (the bundled files' stems), sorted.
    public static var builtinNames: [String] {
        guard let folder = scenariosFolder,
              let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        else { return [] }
        return files
            .filter { isYAML($0.lastPathComponent) }
            .map { $0.deletingPathExtension().lastPathComponent }
            .sorted()
    }

    /// Each built-in name with its description on one line, for `netexplorer scenarios`.
    public static func builtinSummaries() -> [(name: String, description: String)] {
        builtinNames.map { name in
            do {
                return (name, oneLine(try load(name).description))
            } catch {
                // A broken built-in is a bug of ours; say so in the listing rather than hide the entry.
                return (name, "(cannot be loaded: \(error))")
            }
        }
    }

    /// A built-in name or a path to a .yaml/.yml file.
    ///
    /// A name containing "/" or ending in .yaml or .yml is a path; anything else is a built-in name.
    /// - Throws: `ScenarioError` with one clear problem for an unknown built-in name or a file that cannot be read,
    ///   or with every problem the decoder found.
    public static func load(_ nameOrPath: String) throws -> Scenario {
        if isPath(nameOrPath) {
            let yaml = try readFile(nameOrPath)
            var scenario = try ScenarioDecoder.decode(yaml: yaml, source: nameOrPath)
            scenario.id = URL(fileURLWithPath: nameOrPath).deletingPathExtension().lastPathComponent
            return scenario
        }
        guard let url = builtinURL(nameOrPath) else {
            let known = builtinNames.joined(separator: ", ")
            let message = "unknown scenario '\(nameOrPath)'; built-in scenarios are: \(known)"
            throw ScenarioError(source: nameOrPath, message: message)
        }
        let yaml = try readFile(url.path, shownAs: nameOrPath)
        var scenario = try ScenarioDecoder.decode(yaml: yaml, source: nameOrPath)
        scenario.id = nameOrPath
        return scenario
    }

    /// The default scenario, "classroom".
    public static func defaultScenario() throws -> Scenario {
        try load(defaultName)
    }

    // MARK: - Files

    private static var scenariosFolder: URL? {
        Bundle.module.url(forResource: "Scenarios", withExtension: nil)
    }

    private static func builtinURL(_ name: String) -> URL? {
        guard !name.isEmpty, let folder = scenariosFolder else { return nil }
        return ["yaml", "yml"]
            .map { folder.appendingPathComponent(name).appendingPathExtension($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    private static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || isYAML(nameOrPath)
    }

    private static func isYAML(_ fileName: String) -> Bool {
        fileName.hasSuffix(".yaml") || fileName.hasSuffix(".yml")
    }

    /// The file's text, or a ScenarioError that says why it cannot be had.
    private static func readFile(_ path: String, shownAs shown: String? = nil) throws -> String {
        let shown = shown ?? path
        let expanded = NSString(string: path).expandingTildeInPath
        let files = FileManager.default
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: expanded, isDirectory: &isFolder) else {
            throw cannotRead(shown, "no such file" + builtinHint(for: path))
        }
        guard !isFolder.boolValue else { throw cannotRead(shown, "it is a folder") }
        guard files.isReadableFile(atPath: expanded) else { throw cannotRead(shown, "permission denied") }
        guard let data = files.contents(atPath: expanded) else { throw cannotRead(shown, "the file could not be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw cannotRead(shown, "it is not UTF-8 text") }
        return text
    }

    /// `classroom.yaml` typed for the built-in `classroom` is an easy slip: point at the name that works.
    private static func builtinHint(for path: String) -> String {
        guard !path.contains("/") else { return "" }
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return builtinNames.contains(stem) ? "; the built-in scenario is named '\(stem)'" : ""
    }

    private static func cannotRead(_ shown: String, _ reason: String) -> ScenarioError {
        ScenarioError(source: shown, message: "cannot read '\(shown)': \(reason)")
    }

    /// Descriptions may be folded over several lines in the file; a listing wants one.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
