/// Disks, backups, restores and repairs: the storage role (the README's "Storage and backup").
///
/// It decides when a disk fails (one merged Poisson stream over every disk that holds files: the server's, and each
/// peer's while the mesh is in force; by memorylessness each disk then fails after an exponential time of mean
/// `storage.disk_mttf_hours`), runs the server's backup clock and its restore, and times the mesh's repairs. What a
/// failure takes is carried out by the engine across roles (`Engine+Storage.swift`): the server's files in the context's
/// `FileStore`, the peers' copies in the mesh. It also draws, from a stream of its own, which requests write.
///
/// The backup clock restarts when the server comes back: the restored disk is the backup, and the next backup falls
/// `backup_every_hours` after the restore ends (the files as they start are on the backup media at t = 0).
///
/// The repair rule: each lost copy is copied back, from a surviving holder, `repair_minutes` after it was lost,
/// independently of the file's other copies (a peer's disk failure loses all its copies at once, and one repair
/// event brings them back together). A failure of a peer whose copies are still awaiting repair loses nothing more.
struct StorageModel {
    /// Whether storage is in play: some key is set, the timeline fails a disk, or a disk was failed live.
    private(set) var inPlay: Bool
    /// Whether requests are drawn as writes (`workload.write_share` > 0).
    let drawsWrites: Bool
    let writeShare: Double
    /// Which requests write.
    private var writeDraws: SeededRandom
    /// When the next disk fails, and which.
    private var diskDraws: SeededRandom
    /// Mean time to a disk failure (0: disks fail only when told).
    let mttf: SimTime
    let backupEvery: SimTime
    let restoreTime: SimTime
    let repairDelay: SimTime

    /// Disks in the failure stream now (the server's first); a stale failure event carries an older generation.
    private(set) var disks = 0
    private var failureGeneration: UInt32 = 0
    private var backupGeneration: UInt32 = 0
    /// When the backup media were last brought up to date (nil: no backup is ever taken).
    private(set) var lastBackupAt: SimTime?
    private(set) var nextBackupAt: SimTime?
    /// When the server's restore ends, while it is being restored.
    private(set) var restoringUntil: SimTime?
    private var restoreStartedAt: SimTime = 0
    private var restoreGeneration: UInt32 = 0
    /// Seconds spent restoring, over finished restores.
    private var restoredTime: SimTime = 0

    /// Disk failures so far (server, peers and clients).
    private(set) var diskFailures = 0
    /// Per peer: the generation of its pending repair, and whether one is pending.
    private var repairGeneration: [UInt32] = []
    private(set) var repairDueAt: [SimTime?] = []
    /// Copies brought back by repairs, each one message from a surviving holder.
    private(set) var copiesRepaired = 0

    init(scenario: Scenario) {
        let s = scenario.storage
        writeShare = scenario.workload.writeShare
        drawsWrites = writeShare > 0
        writeDraws = SeededRandom(seed: scenario.seed, stream: .writes)
        diskDraws = SeededRandom(seed: scenario.seed, stream: .disks)
        mttf = SimTime.saturating(nanos: s.diskMttfHours * 3600e9)
        backupEvery = SimTime.saturating(nanos: s.backupEveryHours * 3600e9)
        restoreTime = SimTime.saturating(nanos: s.restoreHours * 3600e9)
        repairDelay = SimTime.saturating(nanos: s.repairMinutes * 60e9)
        let failsDisks = scenario.timeline.contains { if case .failDisk = $0.kind { true } else { false } }
        inPlay = drawsWrites || mttf > 0 || failsDisks
    }

    /// Starts storage: the files exist, the backup clock and the failure stream run. Called at t = 0 when storage is
    /// in play, or at the first live disk failure of a run without storage keys.
    mutating func start(disks: Int, _ ctx: inout EngineContext) {
        inPlay = true
        ctx.files.activate(files: ctx.scenario.workload.resources)
        if backupEvery > 0 {
            lastBackupAt = ctx.now
            scheduleBackup(&ctx)
        }
        disksChanged(disks, &ctx)
    }

    // MARK: - Writes

    /// A request was issued: drawn as a write or a read; counted when its file is already lost.
    @inline(__always)
    mutating func requestIssued(_ ref: RequestRef, _ ctx: inout EngineContext) {
        if drawsWrites { ctx.requests[ref].isWrite = writeDraws.chance(writeShare) }
        if ctx.files.isLost(Int(ctx.requests[ref].resource)) { ctx.files.lostFileRequests += 1 }
    }

    // MARK: - Disk failures

    /// The disks that can fail changed (a switch, peers joining): by memorylessness a fresh draw is exact.
    mutating func disksChanged(_ count: Int, _ ctx: inout EngineContext) {
        disks = count
        failureGeneration &+= 1
        scheduleNextFailure(&ctx)
    }

    private mutating func scheduleNextFailure(_ ctx: inout EngineContext) {
        guard mttf > 0, disks > 0 else { return }
        let mean = max(1, mttf / SimTime(disks))
        ctx.kernel.schedule(.diskFails(generation: failureGeneration), after: diskDraws.exponential(mean: mean))
    }

    /// A failure of the merged stream fell due: the disk that fails (0: the server's, i: peer i − 1's), or nil when
    /// the event is stale or the disk is the server's being restored (its new disk is being written: thinned, so
    /// the server's next failure comes an exponential time after the restore).
    mutating func diskFailureDue(generation: UInt32, _ ctx: inout EngineContext) -> Int? {
        guard generation == failureGeneration else { return nil }
        let disk = diskDraws.below(disks)
        scheduleNextFailure(&ctx)
        if disk == 0, restoringUntil != nil { return nil }
        return disk
    }

    /// Counts a disk failure.
    mutating func countFailure() { diskFailures += 1 }

    // MARK: - The server's backups and restore

    private mutating func scheduleBackup(_ ctx: inout EngineContext) {
        guard backupEvery > 0 else { return }
        backupGeneration &+= 1
        nextBackupAt = ctx.now + backupEvery
        ctx.kernel.schedule(.backupDue(generation: backupGeneration), after: backupEvery)
    }

    /// A backup falls due: true when it is current (the engine copies the files when the server is up); the next is
    /// scheduled.
    mutating func backupDue(generation: UInt32, _ ctx: inout EngineContext) -> Bool {
        guard generation == backupGeneration else { return false }
        scheduleBackup(&ctx)
        return true
    }

    /// The backup media were brought up to date now.
    mutating func backedUp(at now: SimTime) { lastBackupAt = now }

    var hasBackups: Bool { backupEvery > 0 }
    var isRestoring: Bool { restoringUntil != nil }

    /// The server's disk failed: it is restored for `restore_hours`; the backup clock stops until then.
    mutating func startRestore(_ ctx: inout EngineContext) {
        backupGeneration &+= 1
        nextBackupAt = nil
        restoreGeneration &+= 1
        restoreStartedAt = ctx.now
        restoringUntil = ctx.now + restoreTime
        ctx.kernel.schedule(.restoreDone(generation: restoreGeneration), after: restoreTime)
    }

    /// The restore ends: true when the event is current. The restored disk is the backup, so the clock restarts.
    mutating func restoreDue(generation: UInt32, _ ctx: inout EngineContext) -> Bool {
        guard generation == restoreGeneration, restoringUntil != nil else { return false }
        restoringUntil = nil
        restoredTime += ctx.now - restoreStartedAt
        scheduleBackup(&ctx)
        return true
    }

    /// Seconds the server spent being restored, the current restore included.
    func restoreSeconds(at now: SimTime) -> Double {
        (restoredTime + (restoringUntil != nil ? now - restoreStartedAt : 0)).inSeconds
    }

    // MARK: - The mesh's repairs

    /// Peer `peer` lost copies: they come back `repair_minutes` from now (none when repair is off, or when its copies
    /// are already awaiting a repair, which brings back those lost since too). Returns when, or nil.
    mutating func copiesLost(on peer: Int, _ ctx: inout EngineContext) -> SimTime? {
        guard repairDelay > 0 else { return nil }
        if peer >= repairDueAt.count {
            repairDueAt += Array(repeating: nil, count: peer + 1 - repairDueAt.count)
            repairGeneration += Array(repeating: 0, count: peer + 1 - repairGeneration.count)
        }
        if let due = repairDueAt[peer] { return due }
        repairGeneration[peer] &+= 1
        repairDueAt[peer] = ctx.now + repairDelay
        ctx.kernel.schedule(.repairDue(peer: Int32(peer), generation: repairGeneration[peer]), after: repairDelay)
        return ctx.now + repairDelay
    }

    /// A repair of peer `peer`'s copies falls due: true when it is current.
    mutating func repairDue(peer: Int, generation: UInt32) -> Bool {
        guard peer < repairDueAt.count, repairDueAt[peer] != nil, repairGeneration[peer] == generation else {
            return false
        }
        repairDueAt[peer] = nil
        return true
    }

    mutating func countRepaired(_ copies: Int) { copiesRepaired += copies }

    /// The mesh's files by copies, as of the last census (`Engine.storageView`), and whether copies changed since.
    var census: CopyCensus?
    private(set) var censusStale = true
    /// Copies were lost, repaired or seeded: the next view takes a new census.
    mutating func copiesChanged() { censusStale = true }
    mutating func took(_ census: CopyCensus) { self.census = census; censusStale = false }

    /// Peers with copies awaiting repair, and the earliest repair due.
    var pendingRepairs: (peers: Int, next: SimTime?) {
        var n = 0, next: SimTime?
        for case let due? in repairDueAt {
            n += 1
            next = min(next ?? due, due)
        }
        return (n, next)
    }
}
