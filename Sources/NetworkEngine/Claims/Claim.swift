/// A claim of the client-server / peer-to-peer comparison and the experiments that test it.
///
/// `runs` says which engine runs to make (headless, fixed seeds); `judge` turns their reports into evidence and a
/// verdict. Each claim's verdict logic is a static function of plain measurements, so it can be tested with
/// synthetic figures; the thresholds are stated beside it.
public protocol Claim: Sendable {
    var id: String { get }
    /// The claim as the comparison states it.
    var statement: String { get }
    func runs(_ scenarios: ClaimScenarios, _ size: ClaimsSize) throws -> [ClaimRun]
    func judge(_ results: ClaimResults, _ scenarios: ClaimScenarios, _ size: ClaimsSize) -> ClaimResult
}

/// The built-in scenarios the experiments start from, by name (loaded by the caller: the engine reads no files).
public struct ClaimScenarios: Sendable {
    public var byName: [String: Scenario]

    /// The built-ins the claims use.
    public static let names = ["bottleneck", "spof", "churn", "password-attack", "flash-crowd", "cost", "backup",
                               "distribution"]

    public init(_ byName: [String: Scenario]) { self.byName = byName }

    /// The scenario `name` with its timeline cleared, so an experiment adds only the actions it means.
    public func base(_ name: String) throws -> Scenario {
        guard var s = byName[name] else {
            throw ScenarioError(source: name, message: "the claims need the built-in scenario '\(name)'")
        }
        s.timeline = []
        return s
    }
}

/// How big the experiments are: `full` for `netexplorer claims` and docs/CLAIMS.md, `quick` for debug-build tests
/// and `--quick` (the same experiments with fewer sizes and shorter runs; its verdicts may differ in detail).
public struct ClaimsSize: Sendable, Equatable {
    public var name: String
    /// Clients of the saturation experiment (around N*).
    public var clientCounts: [Int]
    /// Simulated seconds of the steady runs.
    public var seconds: Double
    /// Peers of the file-distribution runs.
    public var distributionNodes: [Int]
    /// Megabytes of the distributed file.
    public var fileMb: Double
    /// Peers of the lookup-hops runs.
    public var lookupNodes: [Int]
    /// Peers of the request-load (caching) runs.
    public var loadNodes: [Int]
    /// Nodes of the cost runs.
    public var costNodes: [Int]
    /// Simulated seconds of the churn runs.
    public var churnSeconds: Double

    public static let full = ClaimsSize(
        name: "full", clientCounts: [20, 60, 80, 150], seconds: 600, distributionNodes: [10, 100, 1000], fileMb: 20,
        lookupNodes: [100, 1000, 10000], loadNodes: [100, 1000], costNodes: [10, 100, 1000], churnSeconds: 600)

    public static let quick = ClaimsSize(
        name: "quick", clientCounts: [20, 80], seconds: 60, distributionNodes: [10, 50], fileMb: 5,
        lookupNodes: [50, 500], loadNodes: [50, 200], costNodes: [10, 100], churnSeconds: 120)
}
