/// Churn: each member leaves and rejoins on its own, with exponential up and down times (`mesh.churn`). It only
/// decides when; the engine carries out a departure or a return as it does a crash or a restart, and `Liveness`
/// records it.
struct ChurnModel {
    let churn: Scenario.Churn?
    /// Each node slot's current chain, so a stale change of an earlier membership is ignored.
    private var tokens: [UInt32] = []
    private var nextToken: UInt32 = 0

    init(scenario: Scenario) { churn = scenario.mesh.churn }

    /// Starts node `peer`'s chain; returns true when it starts down, for the engine to carry out (then `changed`).
    ///
    /// The peer starts in the stationary state of its up/down process (down with probability D/(U+D)), so time
    /// averages such as availability carry no warm-up bias; memorylessness makes the first change exact.
    mutating func start(_ peer: Int, _ ctx: inout EngineContext) -> Bool {
        guard let churn else { return false }
        nextToken &+= 1
        if peer >= tokens.count { tokens += Array(repeating: 0, count: peer + 1 - tokens.count) }
        tokens[peer] = nextToken
        let downProbability = churn.meanDowntime / (churn.meanUptime + churn.meanDowntime)
        let up = ctx.isUp(peer)
        if up && ctx.churn.chance(downProbability) { return true }
        schedule(peer, after: up ? churn.meanUptime : churn.meanDowntime, &ctx)
        return false
    }

    /// A change fell due for `peer`: true when it is current (the engine then calls `changed`).
    func isCurrent(peer: Int, token: UInt32, _ ctx: EngineContext) -> Bool {
        churn != nil && peer < tokens.count && tokens[peer] == token && peer < ctx.activeNodes
    }

    /// `peer` just went down (`up` false) or came back: its next change is drawn.
    mutating func changed(_ peer: Int, up: Bool, _ ctx: inout EngineContext) {
        guard let churn else { return }
        schedule(peer, after: up ? churn.meanUptime : churn.meanDowntime, &ctx)
    }

    private func schedule(_ peer: Int, after meanSeconds: Double, _ ctx: inout EngineContext) {
        ctx.kernel.schedule(.churn(peer: Int32(peer), token: tokens[peer]),
                            after: ctx.churn.exponential(mean: .seconds(meanSeconds)))
    }
}
