/// The bill of each architecture: what the server's owner pays and what the peers donate.
///
/// The owner pays the server by the hour (`server.cost_per_hour` prices it as configured; with workers added or
/// removed live the rate follows, cost_per_hour × workers now ÷ workers configured), an administrator by the month
/// (`cost.admin_per_month`; a month is 730 hours) and the bandwidth out of the server by the GB
/// (`cost.bandwidth_per_gb`; 1 GB = 10⁹ bytes), all charged while client-server is in force. A mesh has no server
/// bill, but its peers donate machine time and disk while up (`cost.peer_per_hour` an hour) and their upload
/// bandwidth (at the same price per GB): counted here, so a mesh that looks cheaper reads as paid by someone else.
///
/// A role like the others: it keeps its own clocks and the engine calls it at a switch and at a change of the
/// server's size. What it reads but does not keep: bytes are counted where they are sent (`Traffic`, in the
/// metrics), member-time up by `Liveness`.
struct CostModel {
    /// Bytes of a request and of every message that carries no resource: a small fixed size, stated in the README.
    static let messageBytes = 1_000.0
    /// Hours in the month `cost.admin_per_month` and `per_month_dollars` speak of (365 × 24 ÷ 12).
    static let hoursPerMonth = 730.0

    /// The server's size as configured: what `server.cost_per_hour` prices.
    let configuredWorkers: Int
    private var workers: Int
    /// Client-server time so far, up to `billedSince` while client-server runs.
    private var billedTime: SimTime = 0
    private var billedSince: SimTime?
    /// ∫ (workers − configured) dt over the billed time, worker-nanoseconds, closed at the last change. It stays 0
    /// while the size never changed, so the server's figure is then cost_per_hour × hours, exactly as before.
    private var extraWorkerNanos: Double = 0
    /// Member-nanoseconds up during the closed mesh periods, and `Liveness`'s reading when the open one began.
    private var meshUpNanos: Double = 0
    private var meshFrom: Double?

    init(scenario: Scenario) {
        configuredWorkers = scenario.server.workers
        workers = configuredWorkers
        if scenario.architecture == .clientServer { billedSince = 0 } else { meshFrom = 0 }
    }

    // MARK: - What changes the bill

    /// The architecture switched: the owner's bill runs while client-server is in force, the peers' while the mesh is.
    mutating func architectureChanged(to target: Architecture, _ ctx: EngineContext) {
        let now = ctx.now
        closeBilled(at: now)
        if let from = meshFrom { meshUpNanos += ctx.liveness.upNanos(at: now) - from }
        billedSince = target == .clientServer ? now : nil
        meshFrom = target == .peerMesh ? ctx.liveness.upNanos(at: now) : nil
    }

    /// The server has `count` workers from `now` on: its hourly rate follows from here.
    mutating func workersChanged(to count: Int, at now: SimTime) {
        closeBilled(at: now)
        workers = count
    }

    /// Adds the open client-server interval to the totals and reopens it at `now` (when it is open).
    private mutating func closeBilled(at now: SimTime) {
        guard let since = billedSince else { return }
        billedTime += now - since
        extraWorkerNanos += Double(now - since) * Double(workers - configuredWorkers)
        billedSince = now
    }

    // MARK: - Figures

    /// Client-server seconds so far.
    func clientServerSeconds(at now: SimTime) -> Double { (billedTime + (billedSince.map { now - $0 } ?? 0)).inSeconds }

    /// Dollars the server has cost so far: cost_per_hour × hours, each hour weighted by workers then ÷ configured.
    func serverDollars(at now: SimTime, dollarsPerHour: Double) -> Double {
        let open = billedSince.map { Double(now - $0) * Double(workers - configuredWorkers) } ?? 0
        // x + 0.0 is x: a server never resized costs exactly what it always did.
        let extraSeconds = configuredWorkers > 0 ? (extraWorkerNanos + open) / 1e9 / Double(configuredWorkers) : 0
        return dollarsPerHour * (clientServerSeconds(at: now) + extraSeconds) / 3600
    }

    /// Peer-seconds up during the mesh periods so far.
    func peerSeconds(_ ctx: EngineContext) -> Double {
        (meshUpNanos + (meshFrom.map { ctx.liveness.upNanos(at: ctx.now) - $0 } ?? 0)) / 1e9
    }

    /// The server's hourly rate at its size now: cost_per_hour × workers now ÷ workers configured.
    func serverRatePerHour(prices: Scenario) -> Double {
        guard configuredWorkers > 0 else { return prices.server.costPerHour }
        return prices.server.costPerHour * Double(workers) / Double(configuredWorkers)
    }

    /// The bill so far, at the prices of `prices` (the scenario as given), with `completed` requests served.
    func bill(_ ctx: EngineContext, prices: Scenario, completed: Int) -> CostView {
        let now = ctx.now
        let replyBytes = prices.workload.sizeKb * 1_000
        let perGB = prices.cost.bandwidthPerGb / 1e9
        var view = CostView()
        view.clientServerHours = clientServerSeconds(at: now) / 3600
        view.peerHours = peerSeconds(ctx) / 3600
        view.serverBytes = ctx.metrics.traffic.serverBytes(replyBytes: replyBytes)
        view.peerBytes = ctx.metrics.traffic.peerBytes(replyBytes: replyBytes)
        view.serverDollars = serverDollars(at: now, dollarsPerHour: prices.server.costPerHour)
        view.adminDollars = prices.cost.adminPerMonth / Self.hoursPerMonth * view.clientServerHours
        view.bandwidthDollars = view.serverBytes * perGB
        view.peerTimeDollars = prices.cost.peerPerHour * view.peerHours
        view.peerBandwidthDollars = view.peerBytes * perGB
        view.completed = completed
        view.simulatedSeconds = now.inSeconds
        // What the owner pays an hour from now on: nothing while the mesh runs.
        if billedSince != nil {
            view.serverRatePerHour = serverRatePerHour(prices: prices)
            view.ownerRatePerHour = view.serverRatePerHour + prices.cost.adminPerMonth / Self.hoursPerMonth
        }
        return view
    }
}
