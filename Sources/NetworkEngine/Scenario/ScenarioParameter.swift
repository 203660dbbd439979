import Yams

/// A scenario value that may change while a run goes on: the live view's `:set KEY VALUE` and a timeline's
/// `{ at: 30, set: { rate: 2 } }` name one by its raw value, and the engine's roles take the new value at once.
///
/// Each is one key of `ScenarioKeyTable` (`path`), and a value is read and checked by that key's row, so a setting
/// is refused in the file's own words ("'server.workers' must be between 1 and 1000000, got 0"). The short names are
/// the key's own under the server and the network: `workers`, `service_ms` and `queue` are the dedicated server's.
public enum ScenarioParameter: String, Sendable, CaseIterable, BitwiseCopyable {
    case rate
    case latencyMs = "latency_ms"
    case jitterMs = "jitter_ms"
    case loss
    case workers
    case serviceMs = "service_ms"
    case queue
    case ttl
    case lockoutAfter = "lockout_after"
    /// `mesh.cache`, a yes-or-no key: 1 for true, 0 for false.
    case cache

    /// The scenario key the parameter is: its limits, its doc and its field.
    public var path: String {
        switch self {
        case .rate: "workload.rate"
        case .latencyMs: "network.latency_ms"
        case .jitterMs: "network.jitter_ms"
        case .loss: "network.loss"
        case .workers: "server.workers"
        case .serviceMs: "server.service_ms"
        case .queue: "server.queue"
        case .ttl: "mesh.ttl"
        case .lockoutAfter: "security.lockout_after"
        case .cache: "mesh.cache"
        }
    }

    /// The key's row in `ScenarioKeyTable` (every parameter has one: `ScenarioParameterTests` checks it).
    public var key: ScenarioKey? { ScenarioKeyTable.key(path) }

    /// What changes when it is set, for the help text and the README.
    public var effect: String {
        switch self {
        case .rate: "arrivals are redrawn at the new rate (memoryless: exact)"
        case .latencyMs, .jitterMs, .loss: "messages sent from now on"
        case .workers: "capacity at once: new workers take waiting requests; removed ones finish what they hold"
        case .serviceMs: "services that start from now on"
        case .queue: "the waiting room; requests already waiting stay"
        case .ttl: "floods that start from now on"
        case .lockoutAfter: "counted at each account's next wrong password"
        case .cache: "peers cache what they fetch from now on; off forgets every cached copy"
        }
    }

    /// Keys people may try to set that cannot change in a running mesh, each with the reason, so the refusal says why
    /// rather than "unknown".
    public static let refused: [(name: String, reason: String)] = [
        ("replicas", "replicas are placed when the mesh is built; changing them live would need a re-placement the "
            + "engine does not model"),
    ]

    /// The parameter `name` names: its raw value, or its key's dotted path ("server.workers").
    public init?(named name: String) {
        if let p = ScenarioParameter(rawValue: name) { self = p; return }
        guard let p = ScenarioParameter.allCases.first(where: { $0.path == name }) else { return nil }
        self = p
    }

    /// Whether its key holds whole numbers.
    public var isInteger: Bool {
        if case .integer? = key?.kind { true } else { false }
    }

    /// The value as a file would write it: "8", "0.25".
    public func spelled(_ value: Double) -> String {
        if self == .cache { return value != 0 ? "true" : "false" }
        return isInteger ? String(Int(value)) : ScenarioRange.formatted(value)
    }

    /// The parameter's value in `scenario`.
    public func value(in scenario: Scenario) -> Double {
        switch self {
        case .rate: scenario.workload.rate
        case .latencyMs: scenario.network.latencyMs
        case .jitterMs: scenario.network.jitterMs
        case .loss: scenario.network.loss
        case .workers: Double(scenario.server.workers)
        case .serviceMs: scenario.server.serviceMs
        case .queue: Double(scenario.server.queue)
        case .ttl: Double(scenario.mesh.ttl)
        case .lockoutAfter: Double(scenario.security.lockoutAfter)
        case .cache: scenario.mesh.cache ? 1 : 0
        }
    }

    /// Writes `value` (already checked by `read(_:)`) into `scenario`.
    public func write(_ value: Double, into scenario: inout Scenario) {
        switch self {
        case .rate: scenario.workload.rate = value
        case .latencyMs: scenario.network.latencyMs = value
        case .jitterMs: scenario.network.jitterMs = value
        case .loss: scenario.network.loss = value
        case .workers: scenario.server.workers = Int(value)
        case .serviceMs: scenario.server.serviceMs = value
        case .queue: scenario.server.queue = Int(value)
        case .ttl: scenario.mesh.ttl = Int(value)
        case .lockoutAfter: scenario.security.lockoutAfter = Int(value)
        case .cache: scenario.mesh.cache = value != 0
        }
    }

    /// Reads `text` as a scenario file would read the parameter's key (YAML's number forms, the key's kind and
    /// limits), returning the value or the file's own message for it, without a line.
    public func read(_ text: String) -> Result<Double, ScenarioProblem> {
        guard let key else { return .failure(ScenarioProblem(line: nil, message: "'\(path)' is not a scenario key")) }
        let node: Node
        do {
            // A scalar alone, as it would stand after `rate:` in a file; anything else (a list, a second line) is
            // refused by the key's reader as the file's value would be.
            guard let composed = try Yams.compose(yaml: text) else {
                return .failure(ScenarioProblem(line: nil, message: "'\(path)' needs a value"))
            }
            node = composed
        } catch {
            return .failure(ScenarioProblem(line: nil, message: "'\(path)' must be a number, got \(text)"))
        }
        var reader = ScenarioReader()
        let value = reader.value(node, of: key)
        if let problem = reader.problems.first {
            return .failure(ScenarioProblem(line: nil, message: problem.message))
        }
        switch value {
        case .integer(let n)?: return .success(Double(n))
        case .number(let x)?: return .success(x)
        case .choice(let c)? where self == .cache: return .success(c == "true" ? 1 : 0)
        default: return .failure(ScenarioProblem(line: nil, message: "'\(path)' must be a number, got \(text)"))
        }
    }
}
extension ScenarioProblem: Error {}
