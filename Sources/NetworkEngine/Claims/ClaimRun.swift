/// One headless engine run of a claim's experiment, with the times at which its report is taken.
public struct ClaimRun: Sendable {
    /// Unique among all the claims' runs: "client-growth/80".
    public var key: String
    public var scenario: Scenario
    /// Simulated seconds at which a report is taken before the end (the report at `scenario.duration` is always
    /// taken, last).
    public var checkpoints: [Double]

    public init(key: String, scenario: Scenario, checkpoints: [Double] = []) {
        self.key = key; self.scenario = scenario; self.checkpoints = checkpoints
    }

    /// Runs the engine and takes the reports: one per checkpoint, then the end's.
    public func execute() -> [RunReport] {
        let engine = Engine(scenario: scenario)
        var reports: [RunReport] = []
        for t in checkpoints + [scenario.duration] {
            engine.run(until: .seconds(t))
            reports.append(engine.report())
        }
        return reports
    }
}

/// The reports of every run, by key.
public struct ClaimResults: Sendable {
    public var reports: [String: [RunReport]]

    public init(_ reports: [String: [RunReport]] = [:]) { self.reports = reports }

    /// The end-of-run report of `key`.
    public func final(_ key: String) -> RunReport {
        guard let r = reports[key]?.last else { preconditionFailure("no run named \(key)") }
        return r
    }

    /// Every report of `key`, checkpoints first.
    public func all(_ key: String) -> [RunReport] {
        guard let r = reports[key] else { preconditionFailure("no run named \(key)") }
        return r
    }
}

/// Runs the claims' experiments in parallel across the machine's cores (a task group: each run is a child task on
/// the cooperative pool, one thread per core) and gathers their reports by key, so the result does not depend on
/// the order in which the runs finish.
public enum ClaimsRunner {
    public static func run(_ runs: [ClaimRun]) async -> ClaimResults {
        await withTaskGroup(of: (String, [RunReport]).self) { group in
            for run in runs { group.addTask { (run.key, run.execute()) } }
            var results = ClaimResults()
            for await (key, reports) in group { results.reports[key] = reports }
            return results
        }
    }

    /// Every claim's runs, then every claim's result, in the suite's order.
    public static func evaluate(_ claims: [any Claim], scenarios: ClaimScenarios,
                                size: ClaimsSize) async throws -> [ClaimResult] {
        var runs: [ClaimRun] = []
        for claim in claims { runs += try claim.runs(scenarios, size) }
        let keys = runs.map(\.key)
        precondition(Set(keys).count == keys.count, "claim run keys must be unique")
        let results = await run(runs)
        return claims.map { $0.judge(results, scenarios, size) }
    }
}
