extension Engine {
    /// The scenario's values in force now: the file's, as the commands applied so far changed them (`:set`, the
    /// timeline's `set`, `server_workers`).
    public var scenarioInForce: Scenario { ctx.scenario }

    /// What a lesson's check reads now: the run's report since the engine was made, the theory of the network as it
    /// stands, and the values in force.
    ///
    /// The report's own `theory` is null after a command changed the run, because no steady-state formula covers the
    /// whole run; a lesson asks about the network as it stands after its actions, so its theory is the live view's:
    /// the steady state of the configuration in force (`steadyStateTheory`: the values and members now, peers
    /// crashed now), with the run's own file-distribution bound, which the steady state does not cover.
    public func lessonReading(runStart: JSONValue?, runSeconds: Double) -> LessonReading? {
        let report = report()
        var standing = steadyStateTheory
        if standing.distributionSeconds == nil { standing.distributionSeconds = report.theory?.distributionSeconds }
        return LessonReading(report: report.json, theory: standing.json, runStart: runStart, runSeconds: runSeconds,
                             scenario: ctx.scenario)
    }

    public func lessonRunStart() -> JSONValue? { report().json }
}
