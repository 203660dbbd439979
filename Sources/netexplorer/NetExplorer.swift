import ArgumentParser
import Foundation

/// `netexplorer`: see how client-server and peer-to-peer networks behave.
struct NetExplorer: ParsableCommand {
    /// The program's version, printed by `netexplorer --version`; the one place it is written.
    static let version = "0.7.0"

    static let configuration = CommandConfiguration(
        commandName: "netexplorer",
        abstract: "See how client-server and peer-to-peer networks behave: live, or headless.",
        version: "netexplorer \(version)",
        subcommands: [RunCommand.self, SimulateCommand.self, CompareCommand.self, ScenariosCommand.self, CheckCommand.self, BenchCommand.self,
                      ConfigCommand.self, ReplayCommand.self, LessonCommand.self, LessonsCommand.self,
                      ClaimsCommand.self],
        defaultSubcommand: RunCommand.self
    )
}

/// The entry point: parse, run, and turn every error into one line on stderr and a non-zero status.
@main
enum Main {
    static func main() {
        NonInteractiveBacktracer.ensure()
        do {
            var command = try NetExplorer.parseAsRoot()
            // A reader that goes away (`| head`) must not kill a headless command with SIGPIPE (status 141): the
            // write fails instead. The live view keeps the signal: it handles it as a stop while its screen is up.
            if !(command is RunCommand) { signal(SIGPIPE, SIG_IGN) }
            try command.run()
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let error as CLIError {
            error.messages.forEach(printError)
            exit(error.status)
        } catch {
            let code = NetExplorer.exitCode(for: error)
            if code == .success {
                // --help and --version are not errors.
                print(NetExplorer.fullMessage(for: error))
                exit(0)
            }
            let message = NetExplorer.message(for: error)
                .split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            printError(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
            exit(code.rawValue)
        }
    }
}

/// A problem the user can act on, one line per message; `status` 1 for bad input, 64 for usage.
struct CLIError: Error {
    var messages: [String]
    var status: Int32 = 1

    init(message: String, status: Int32 = 1) {
        messages = [message]
        self.status = status
    }

    init(messages: [String], status: Int32 = 1) {
        self.messages = messages
        self.status = status
    }
}

/// Writes `netexplorer: message` on stderr, its control characters escaped (it may quote a user's file).
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("netexplorer: " + TerminalText.escaped(message) + "\n").utf8))
}
