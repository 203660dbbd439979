import ExplorerUI
import NetExplorerAssets
import NetworkEngine

/// What the live view's `l` lists and `netexplorer lesson NAME` opens: the built-in lessons, loaded by
/// `LessonCatalog`; a lesson's `load` steps get engines built here, so the view never names the engine.
final class LiveLessonLibrary: LessonLibrary {
    func choices() -> [ScenarioChoice] {
        LessonCatalog.builtins().map { name, lesson in
            switch lesson {
            case .success(let l):
                return ScenarioChoice(id: name, title: CrashScreen.printable(name),
                                      summary: CrashScreen.printable("\(RunReport.fixed(l.minutes, 0)) min · \(l.claim)"),
                                      source: .lesson)
            case .failure(let e):
                return ScenarioChoice(id: name, title: CrashScreen.printable(name),
                                      summary: CrashScreen.printable(e.problems.first?.description ?? "cannot be loaded"),
                                      source: .lesson, opens: false)
            }
        }
    }

    func open(_ name: String) -> Result<Lesson, ScenarioOpenFailure> {
        do { return .success(try LessonCatalog.load(name)) } catch let e as ScenarioError {
            return .failure(ScenarioOpenFailure(message: "cannot open lesson \(name): "
                + (e.problems.first?.description ?? "cannot be loaded")))
        } catch {
            return .failure(ScenarioOpenFailure(message: "cannot open lesson \(name): \(error)"))
        }
    }

    func model(for load: LessonLoad) -> any NetworkModel { Engine(scenario: load.scenario) }
}
