import Foundation
import NetworkEngine

/// The built-in lessons (`Assets/Lessons/*.yaml`, bundled as scenarios are) and the one place that turns a lesson's
/// name or path into a `Lesson`.
///
/// A lesson's `load` steps name scenarios: a built-in name, or a path, which is read relative to the lesson file's
/// own folder when it is relative (so a teacher's lesson and its scenario can sit side by side).
public enum LessonCatalog {
    /// The built-in lesson names (the bundled files' stems), sorted.
    public static var builtinNames: [String] {
        guard let folder = lessonsFolder,
              let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        else { return [] }
        return files.map(\.lastPathComponent).filter(isYAML)
            .map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }.sorted()
    }

    /// Each built-in lesson, loaded, for `netexplorer lessons` and the live view's picker; a broken one is listed
    /// with why, as a broken built-in scenario is.
    public static func builtins() -> [(name: String, lesson: Result<Lesson, ScenarioError>)] {
        builtinNames.map { name in
            do { return (name, .success(try load(name))) } catch let e as ScenarioError {
                return (name, .failure(e))
            } catch {
                return (name, .failure(ScenarioError(source: name, message: "\(error)")))
            }
        }
    }

    /// A built-in name or a path to a .yaml/.yml lesson file (a name with "/" or a YAML extension is a path).
    public static func load(_ nameOrPath: String) throws -> Lesson {
        let path: String
        let shown = nameOrPath
        if nameOrPath.contains("/") || isYAML(nameOrPath) {
            path = NSString(string: nameOrPath).expandingTildeInPath
        } else {
            guard let folder = lessonsFolder,
                  let url = ["yaml", "yml"].map({ folder.appendingPathComponent(nameOrPath).appendingPathExtension($0) })
                    .first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
                throw ScenarioError(source: nameOrPath, message: "unknown lesson '\(nameOrPath)'; built-in lessons are: "
                    + builtinNames.joined(separator: ", "))
            }
            path = url.path
        }
        let text = try readText(path, shownAs: shown)
        var lesson = try decode(yaml: text, source: shown, folder: (path as NSString).deletingLastPathComponent)
        lesson.id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return lesson
    }

    /// Decodes a lesson whose relative scenario paths are read from `folder`.
    public static func decode(yaml: String, source: String, folder: String) throws -> Lesson {
        try LessonDecoder.decode(yaml: yaml, source: source) { name in
            let isPath = name.contains("/") || isYAML(name)
            let resolved = isPath && !name.hasPrefix("/") && !name.hasPrefix("~") && !folder.isEmpty
                ? folder + "/" + name : name
            var scenario = try ScenarioCatalog.load(resolved)
            if isPath { scenario.id = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent }
            return scenario
        }
    }

    /// Whether the file at `path` is a lesson (a top-level `steps` key) rather than a scenario; false when it cannot
    /// be read (the scenario reader then says why).
    public static func isLessonFile(_ nameOrPath: String) -> Bool {
        guard nameOrPath.contains("/") || isYAML(nameOrPath) else {
            // A bare name: a built-in scenario of that name wins, as `check NAME` always read scenarios.
            return builtinNames.contains(nameOrPath) && !ScenarioCatalog.builtinNames.contains(nameOrPath)
        }
        let path = NSString(string: nameOrPath).expandingTildeInPath
        guard let text = try? readText(path, shownAs: nameOrPath) else { return false }
        return LessonDecoder.isLesson(yaml: text)
    }

    // MARK: - Files

    private static var lessonsFolder: URL? { Bundle.module.url(forResource: "Lessons", withExtension: nil) }

    private static func isYAML(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

    private static func readText(_ path: String, shownAs shown: String) throws -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ScenarioError(source: shown, message: "cannot read '\(shown)': no such file")
        }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(source: shown, message: "cannot read '\(shown)': not a readable UTF-8 file")
        }
        return text
    }
}
