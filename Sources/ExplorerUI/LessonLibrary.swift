import NetworkEngine

/// What `l` lists and `netexplorer lesson NAME` opens: injected into `LiveApp` by the program, as `ScenarioLibrary`
/// is, so the live view never reads a lesson file or names the engine.
public protocol LessonLibrary: AnyObject {
    /// The built-in lessons, each as a picker row: the id is the lesson's name, the summary its minutes and claim.
    func choices() -> [ScenarioChoice]

    /// The lesson named `name` (a built-in name or a path), or the one-line reason it cannot be opened.
    func open(_ name: String) -> Result<Lesson, ScenarioOpenFailure>

    /// A fresh model at t=0 on a lesson's `load` step (its scenario with the lesson's overrides applied).
    func model(for load: LessonLoad) -> any NetworkModel
}
