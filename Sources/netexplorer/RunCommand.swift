import ArgumentParser
import NetworkEngine

/// `netexplorer [run]`: the main job on a scenario (the built-in classroom by default).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Open the live view on a scenario (default: classroom).")

    @OptionGroup var options: ScenarioOptions

    func run() throws {
        let scenario = try options.load()
        // Until the live view lands, the main job runs the scenario headless and prints its summary.
        guard case .success(let report) = SimulateCommand.simulate(scenario, eventsPath: nil) else { return }
        print(report.table, terminator: "")
        print("\n(the live ncurses view is coming; 'netexplorer simulate --help' for headless options)")
    }
}
