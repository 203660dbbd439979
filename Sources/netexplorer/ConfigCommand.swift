import ArgumentParser
import ExplorerUI
import Foundation

/// `netexplorer config`: where the config file is looked for, whether it exists, and what each setting comes to.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show where the config file is and what it sets (theme, mouse, speed).")

    func run() throws {
        let path = ConfigFile.path(environment: ProcessInfo.processInfo.environment)
        let exists = path.map { FileManager.default.fileExists(atPath: $0) } ?? false
        print("file    " + (path ?? "(none: neither XDG_CONFIG_HOME nor HOME is set)") + (exists ? "" : " (not there: defaults)"))
        let config = try ConfigFile.load(path: path)
        func origin(_ set: Bool) -> String { set ? "(from the file)" : "(default)" }
        let theme = config.theme ?? .default
        print("theme   \(theme.rawValue)  \(origin(config.theme != nil)): \(theme.summary)")
        print("mouse   \(config.mouse ?? true)  \(origin(config.mouse != nil))")
        print("speed   \(config.speed.map { "\($0)" } ?? "1.0")  \(origin(config.speed != nil))")
        print("flags given to 'netexplorer run' (--theme, --speed, --no-mouse) override the file")
    }
}
