import Foundation
import NetworkEngine

/// The scenario files of a directory, for the live view's picker: each `.yaml`/`.yml` file with its scenario's
/// one-line description, or why it cannot be opened.
///
/// Listing never throws and never hangs: a file that is not a regular file (a FIFO would block a read), is too large
/// to be a scenario, cannot be read or does not decode is listed with its one-line reason.
public struct ScenarioFile: Sendable, Equatable {
    /// The file's name as found (control characters and all: the caller escapes them for the screen).
    public var fileName: String
    /// The path `ScenarioCatalog.load` opens it by.
    public var path: String
    /// The scenario's description on one line, when the file decodes.
    public var description: String?
    /// Why the file cannot be opened, on one line (the first problem with its line, and how many more), or nil.
    public var problem: String?
}

extension ScenarioCatalog {
    /// Files larger than this are listed as too large without being read: the built-ins are about 1 KB.
    public static let maxListedFileBytes = 1 << 20
    /// At most this many files are listed (sorted by name), so a directory of thousands stays quick to open.
    public static let maxListedFiles = 200

    /// The `.yaml`/`.yml` files directly in `directory` (not hidden ones), sorted by name, each loaded and checked.
    public static func files(in directory: String) -> [ScenarioFile] {
        let files = FileManager.default
        guard let names = try? files.contentsOfDirectory(atPath: directory) else { return [] }
        let yaml = names.filter { isYAMLFileName($0) && !$0.hasPrefix(".") }.sorted().prefix(maxListedFiles)
        return yaml.map { name in
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var entry = ScenarioFile(fileName: name, path: path)
            if let why = unreadable(path) {
                entry.problem = why
                return entry
            }
            do {
                entry.description = oneLineText(try load(path).description)
            } catch let error as ScenarioError {
                let first = error.problems.first.map(\.description) ?? "cannot be loaded"
                let more = error.problems.count - 1
                entry.problem = oneLineText(first) + (more > 0 ? " (and \(more) more: netexplorer check \(name))" : "")
            } catch {
                entry.problem = oneLineText("\(error)")
            }
            return entry
        }
    }

    /// Why `path` cannot be read as a scenario before trying, or nil when it can be tried.
    private static func unreadable(_ path: String) -> String? {
        // Following a symlink, as reading it would.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath)
        else { return "cannot read it" }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { return "not a regular file" }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > maxListedFileBytes { return "too large for a scenario (\(size / 1024) KB)" }
        return nil
    }

    private static func isYAMLFileName(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

    /// Text folded onto one line, as a listing shows it.
    static func oneLineText(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
