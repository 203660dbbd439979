import ArgumentParser
import ExplorerUI
import Foundation
import Yams

/// The user's settings for the live view, read from `$XDG_CONFIG_HOME/netexplorer/config.yaml` (or
/// `~/.config/netexplorer/config.yaml`): the theme, the mouse and the starting speed. Flags given on the command
/// line override it; a key it does not set keeps the built-in default.
///
/// ```yaml
/// theme: projector     # default | projector | colorblind
/// mouse: false         # true (the default) or false
/// speed: 10            # 0.1 to 1000, simulated seconds per wall second
/// ```
struct ConfigFile: Equatable {
    var theme: ThemeName?
    var mouse: Bool?
    var speed: Double?

    /// The keys the file may set, in the order `netexplorer config` prints them.
    static let keys = ["theme", "mouse", "speed"]
    /// A config is a few lines; a larger file is a mistake (and is never handed to the parser).
    static let maxBytes = 64 * 1024

    /// Where the file is looked for: `$XDG_CONFIG_HOME` when set to an absolute path (the XDG rule), else
    /// `$HOME/.config`; nil when neither is known.
    static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg + "/netexplorer/config.yaml"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/netexplorer/config.yaml"
    }

    /// The file at `path`, or an empty config when there is none; every problem in the file, one line each
    /// (`PATH: line N: ...`), as a `CLIError`.
    static func load(path: String?) throws -> ConfigFile {
        guard let path, FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            throw CLIError(message: "\(path): not a regular file")
        }
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maxBytes {
            throw CLIError(message: "\(path): \(size / 1024) KB is too large for a config file (at most 64 KB)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw CLIError(message: "\(path): cannot be read as UTF-8 text") }
        let (config, problems) = parse(text)
        guard problems.isEmpty else { throw CLIError(messages: problems.map { "\(path): \($0)" }) }
        return config
    }

    /// The settings in `text` and the problems found, each `line N: ...`; every problem is reported, not the first.
    static func parse(_ text: String) -> (ConfigFile, [String]) {
        // A flat file of keys needs no nesting; refusing brackets and indentation before the parser keeps a hostile
        // file from nesting deep enough to exhaust the parser's stack.
        for (i, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            if code.contains("[") || code.contains("{") || (code.first?.isWhitespace == true
                                                             && !code.allSatisfy(\.isWhitespace)) {
                return (ConfigFile(), ["line \(i + 1): the config is flat 'key: value' lines (\(keys.joined(separator: ", ")))"])
            }
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                return (ConfigFile(), ["line \(mark.line): not valid YAML: \(problem)"])
            default:
                return (ConfigFile(), ["not valid YAML: \(error)".split(separator: "\n").first.map(String.init) ?? ""])
            }
        } catch {
            return (ConfigFile(), ["not valid YAML"])
        }
        guard let root else { return (ConfigFile(), []) }
        guard let mapping = root.mapping else {
            return (ConfigFile(), ["line \(root.mark?.line ?? 1): the config is 'key: value' lines (\(keys.joined(separator: ", ")))"])
        }
        var config = ConfigFile()
        var problems: [String] = []
        for (keyNode, value) in mapping {
            let line = keyNode.mark?.line ?? 0
            let key = keyNode.string ?? ""
            let text = value.string ?? ""
            switch key {
            case "theme":
                if let theme = ThemeName(rawValue: text) { config.theme = theme } else {
                    let names = ThemeName.allCases.map(\.rawValue).joined(separator: ", ")
                    problems.append("line \(line): theme must be one of \(names), got '\(text)'")
                }
            case "mouse":
                switch text.lowercased() {
                case "true", "yes", "on": config.mouse = true
                case "false", "no", "off": config.mouse = false
                default: problems.append("line \(line): mouse must be true or false, got '\(text)'")
                }
            case "speed":
                if let speed = Double(text), speed >= 0.1, speed <= 1000 { config.speed = speed } else {
                    problems.append("line \(line): speed must be a number from 0.1 to 1000, got '\(text)'")
                }
            default:
                problems.append("line \(line): unknown key '\(key)'; the keys are \(keys.joined(separator: ", "))")
            }
        }
        return (config, problems)
    }
}

extension ThemeName: ExpressibleByArgument {}
