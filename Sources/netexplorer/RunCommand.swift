import ArgumentParser
import ExplorerUI
import Foundation
import NcursesTerminal
import NetworkEngine

/// `netexplorer [run]`: the live view on a scenario (the built-in classroom by default).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Open the live view on a scenario (default: classroom).")

    @OptionGroup var options: ScenarioOptions

    @Option(name: .long, parsing: .unconditional, help: "Simulated seconds per wall second, 0.1 to 1000.")
    var speed: Double = 1

    @Flag(name: .long, help: "Start paused (space resumes).")
    var paused = false

    @Flag(name: .long, help: "No colour at all (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .long, help: "Draw with ASCII only (chosen automatically when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .long, help: "Leave the mouse to the terminal: no clicks or wheel, dragging selects text as usual.")
    var noMouse = false

    func validate() throws {
        guard speed >= 0.1, speed <= 1000 else {
            throw ValidationError("--speed must be between 0.1 and 1000, got \(speed)")
        }
    }

    func run() throws {
        let scenario = try options.load()
        // Every ncurses call stays on the main thread; argument-parser runs us there synchronously.
        let status: Int32 = try MainActor.assumeIsolated {
            if case .failure(let why) = TerminalPreflight.check(environment: ProcessInfo.processInfo.environment) {
                throw CLIError(message: why.message)
            }
            let terminal: NcursesTerminal
            do {
                terminal = try NcursesTerminal.open(colorMode: noColor ? .none : .auto, asciiOnly: ascii ? true : nil,
                                                   mouse: !noMouse)
            } catch let why as TerminalUnavailable {
                throw CLIError(message: why.message)
            }
            let origin = RunOrigin(scenarioArgument: options.scenario, scenarioName: scenario.name, seed: scenario.seed,
                                   architecture: options.architecture?.rawValue, nodes: options.nodes)
            let app = LiveApp(model: Engine(scenario: scenario), origin: origin, backend: terminal, startSpeed: speed,
                              startPaused: paused)
            let exit = app.run()
            let signal = terminal.quitSignal
            terminal.close()
            // A signal-driven stop is still a clean one; the status says which signal, as shells expect.
            if exit == .signal, let signal { return 128 + signal }
            return 0
        }
        if status != 0 { throw ExitCode(status) }
    }
}
