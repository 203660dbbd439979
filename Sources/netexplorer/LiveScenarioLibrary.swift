import ExplorerUI
import Foundation
import NetExplorerAssets
import NetworkEngine

/// What the live view's picker (`o`) lists and opens: the built-in scenarios, then the scenario files of the
/// directory the program was started in. The view sees only `ScenarioChoice`s and `any NetworkModel`s; the engine
/// is built here.
final class LiveScenarioLibrary: ScenarioLibrary {
    /// Where the files are listed from: the working directory when the view started.
    let directory: String

    init(directory: String = FileManager.default.currentDirectoryPath) { self.directory = directory }

    func choices() -> [ScenarioChoice] {
        let builtins = ScenarioCatalog.builtinSummaries().map { summary in
            ScenarioChoice(id: summary.name, title: CrashScreen.printable(summary.name),
                           summary: CrashScreen.printable(summary.description), source: .builtin)
        }
        let files = ScenarioCatalog.files(in: directory).map { file in
            ScenarioChoice(id: file.path, title: CrashScreen.printable(file.fileName),
                           summary: CrashScreen.printable(file.problem ?? file.description ?? ""), source: .file,
                           opens: file.problem == nil)
        }
        return builtins + files
    }

    func open(_ choice: ScenarioChoice, seed: UInt64) -> Result<OpenedScenario, ScenarioOpenFailure> {
        do {
            var scenario = try ScenarioCatalog.load(choice.id)
            scenario.seed = seed
            // The argument as `netexplorer run` takes it: a built-in's name, or a file's path as listed.
            let argument = choice.source == .builtin ? choice.id : "./" + (choice.id as NSString).lastPathComponent
            // The seed the engine runs, read back from the scenario: the status line and the crash screen say that one.
            let origin = RunOrigin(scenarioArgument: argument, scenarioName: scenario.name, seed: scenario.seed)
            return .success(OpenedScenario(model: Engine(scenario: scenario), origin: origin,
                                           description: scenario.description))
        } catch let error as ScenarioError {
            let first = error.problems.first.map(\.description) ?? "cannot be loaded"
            return .failure(ScenarioOpenFailure(message: "cannot open " + choice.title + ": " + first))
        } catch {
            return .failure(ScenarioOpenFailure(message: "cannot open " + choice.title + ": \(error)"))
        }
    }
}
