import ExplorerUI
import NetworkEngine

/// A scenario library that opens fake models: a test sees what the picker asked for and with which seed.
final class FakeScenarioLibrary: ScenarioLibrary {
    /// Three built-ins, a file that does not decode and a file whose name holds an escape sequence.
    static let choices: [ScenarioChoice] = [
        ScenarioChoice(id: "bottleneck", title: "bottleneck",
                       summary: "Add clients (+) until the single server saturates", source: .builtin),
        ScenarioChoice(id: "classroom", title: "classroom",
                       summary: "Twenty laptops share one server. At 40 s twenty more join", source: .builtin),
        ScenarioChoice(id: "flash-crowd", title: "flash-crowd",
                       summary: "At 30 s a crowd of 120 clients arrives at once", source: .builtin),
        ScenarioChoice(id: "./broken.yaml", title: "broken.yaml",
                       summary: "line 3: unknown key 'rat' under workload; did you mean 'rate'?", source: .file,
                       opens: false),
        ScenarioChoice(id: "./evil\u{1B}[2J.yaml", title: "evil\\u{1B}[2J.yaml", summary: "a file named to clear the screen",
                       source: .file),
    ]

    let list: [ScenarioChoice]
    /// Every `open` call: the choice and the seed it was asked with.
    private(set) var opened: [(choice: ScenarioChoice, seed: UInt64)] = []
    /// The models handed out, in order.
    private(set) var models: [FakeNetworkModel] = []

    init(list: [ScenarioChoice] = FakeScenarioLibrary.choices) { self.list = list }

    func choices() -> [ScenarioChoice] { list }

    func open(_ choice: ScenarioChoice, seed: UInt64) -> Result<OpenedScenario, ScenarioOpenFailure> {
        opened.append((choice, seed))
        guard choice.opens else { return .failure(ScenarioOpenFailure(message: "cannot open " + choice.title)) }
        let model = FakeNetworkModel(name: "opened " + choice.title, population: 42, now: 0)
        models.append(model)
        let origin = RunOrigin(scenarioArgument: choice.id, scenarioName: "opened " + choice.title, seed: seed)
        return .success(OpenedScenario(model: model, origin: origin, description: "What to watch in " + choice.title))
    }
}
