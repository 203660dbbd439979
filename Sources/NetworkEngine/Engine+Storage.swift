// MARK: - Storage across roles: a disk failure, a backup, a restore, a repair (see `StorageModel` for the rules)

extension Engine {
    /// Disks whose failure matters now: the server's, and each peer's while the mesh is in force (a client holds none
    /// of the files), or in a file distribution each node's.
    var disksThatFail: Int {
        // In a file distribution every node holds chunks, whatever is in force.
        if distribution != nil { return 1 + ctx.activeNodes }
        return 1 + (ctx.architecture == .peerMesh ? (mesh?.peerCount ?? 0) : 0)
    }

    /// The disks that can fail changed (a switch, peers joining): the failure stream is drawn afresh.
    func storageDisksChanged() {
        guard storage.inPlay, storage.disks != disksThatFail else { return }
        storage.disksChanged(disksThatFail, &ctx)
    }

    /// The `fail_disk` command (a timeline entry, the live view's `d`): storage comes into play if it was not.
    func failDisk(_ target: Scenario.NodeTarget) -> CommandOutcome {
        let disk: Int
        switch target {
        case .server, .node(0): disk = 0
        case .node(let id):
            guard id >= 1, id <= ctx.activeNodes else {
                return CommandOutcome(accepted: false, message: "no \(ctx.memberName(id)): there are \(ctx.activeNodes)")
            }
            disk = id
        }
        if disk == 0, let until = storage.restoringUntil {
            return CommandOutcome(accepted: false, message: "the server's disk is being restored ("
                                  + RunReport.fixed((until - ctx.now).inSeconds, 1) + " s left)")
        }
        if !storage.inPlay { storage.start(disks: disksThatFail, &ctx) }
        return failDisk(disk)
    }

    /// Disk `disk` fails: the server's (0) or node `disk`'s.
    @discardableResult
    func failDisk(_ disk: Int) -> CommandOutcome {
        storage.countFailure()
        if disk == 0 { return failServerDisk() }
        let who = ctx.memberName(disk)
        if distribution != nil {
            // A file distribution: the node's chunks were on that disk (`DistributionModel.diskFailed`).
            let lost = distribution?.diskFailed(disk - 1, &ctx) ?? 0
            let message = "\(who)'s disk failed: \(lost) \(lost == 1 ? "chunk" : "chunks") of the file lost"
            ctx.log(.diskFailed, node: disk, message)
            return CommandOutcome(accepted: true, message: message)
        }
        guard ctx.architecture == .peerMesh, let lost = mesh?.diskFailed(disk - 1, &ctx) else {
            ctx.log(.diskFailed, node: disk, "\(who)'s disk failed: nothing lost (under client-server the files live "
                    + "on the server)")
            return CommandOutcome(accepted: true, message: "\(who)'s disk failed: it held none of the files")
        }
        storage.copiesChanged()
        let repairAt = lost.copies > 0 ? storage.copiesLost(on: disk - 1, &ctx) : nil
        let repair = repairAt.map { " (copied back at t=" + RunReport.fixed($0.inSeconds, 1) + " s)" }
            ?? (lost.copies > 0 && storage.repairDelay == 0 ? " (no repair)" : "")
        let message = "\(who)'s disk failed: \(lost.copies) \(lost.copies == 1 ? "copy" : "copies") lost" + repair
        ctx.log(.diskFailed, node: disk, message)
        if !lost.filesLost.isEmpty {
            let n = lost.filesLost.count
            let named = lost.filesLost.prefix(5).map { String($0) }.joined(separator: ", ")
                + (n > 5 ? " and \(n - 5) more" : "")
            ctx.log(.fileLost, node: disk, "\(n) \(n == 1 ? "file" : "files") lost for good (\(named)): "
                    + "the last copy was on \(who)")
        }
        return CommandOutcome(accepted: true, message: message + (lost.filesLost.isEmpty ? ""
                              : ", \(lost.filesLost.count) files lost for good"))
    }

    /// The server's disk fails. Under client-server the server goes down for its restore (clients see a down server:
    /// the crash path) and comes back with the files as of the last backup; with no backup, every file is lost.
    private func failServerDisk() -> CommandOutcome {
        if distribution != nil { return failSeedDisk() }
        guard ctx.architecture == .clientServer else {
            ctx.log(.diskFailed, node: 0, "the server's disk failed: nothing lost (the peers hold the files; the "
                    + "server is unused while the peer mesh is in force)")
            return CommandOutcome(accepted: true, message: "the server's disk failed: unused in the mesh")
        }
        let down = "down " + Self.hours(storage.restoreTime) + " while restored"
        var filesLost = 0
        let message: String
        if storage.hasBackups {
            let writes = ctx.files.restoreFromBackup()
            let asOf = storage.lastBackupAt.map { "t=" + RunReport.fixed($0.inSeconds, 1) + " s" } ?? "the start"
            message = "the server's disk failed: \(down) from the backup of \(asOf); "
                + "\(writes) \(writes == 1 ? "write" : "writes") since then lost"
        } else {
            filesLost = ctx.files.loseAll()
            message = "the server's disk failed with no backup: every file is lost; \(down) onto an empty disk"
        }
        storage.startRestore(&ctx)
        _ = central.crash(&ctx)
        distribution?.serverChanged(up: false, &ctx)
        ctx.log(.diskFailed, node: 0, message)
        if filesLost > 0 {
            ctx.log(.fileLost, node: 0, "\(filesLost) files lost for good: their only copy was on the server's disk")
        }
        return CommandOutcome(accepted: true, message: storage.hasBackups ? "server's disk failed: restoring from "
                              + "the last backup" : "server's disk failed: no backup, \(filesLost) files lost")
    }

    /// The server's disk fails in a file distribution, under either architecture (the server holds the file that
    /// seeds it): it is down while restored, and comes back with the file from the backup or, with no backup, without
    /// it (`DistributionModel.serverDiskFailed`). The message says whether the nodes can still complete.
    private func failSeedDisk() -> CommandOutcome {
        let down = "down " + Self.hours(storage.restoreTime) + " while restored"
        let keeps = storage.hasBackups
        storage.startRestore(&ctx)
        _ = central.crash(&ctx)
        distribution?.serverDiskFailed(keepsFile: keeps)
        guard !keeps else {
            let message = "the server's disk failed: \(down) from the backup; it sends no chunks until then"
            ctx.log(.diskFailed, node: 0, message)
            return CommandOutcome(accepted: true, message: "server's disk failed: restoring the file from the backup")
        }
        let missing = distribution?.chunksHeldByNoMember() ?? 0
        let outlook = missing > 0
            ? "\(missing) \(missing == 1 ? "chunk is" : "chunks are") on no node: nobody else can complete"
            : ctx.architecture == .peerMesh ? "the nodes hold every chunk between them: the swarm can finish without it"
            : "the nodes hold every chunk between them, but under client-server only the server sends (t: the mesh)"
        ctx.log(.diskFailed, node: 0, "the server's disk failed with no backup: \(down) onto an empty disk")
        ctx.log(.fileLost, node: 0, "the file's seed is lost for good: " + outlook)
        return CommandOutcome(accepted: true, message: "server's disk failed, no backup: the seed is lost; " + outlook)
    }

    /// The backup clock fell due: the backup media get the server's files as they are (skipped while it is down).
    func backUpServer() {
        guard central.server.up, ctx.architecture == .clientServer else { return }
        let writes = ctx.files.writesSinceBackup, files = ctx.files.filesChangedSinceBackup
        ctx.files.backUp()
        storage.backedUp(at: ctx.now)
        ctx.log(.backupDone, node: 0, "backup of the server's disk: \(writes) \(writes == 1 ? "write" : "writes") to "
                + "\(files) \(files == 1 ? "file" : "files") since the last one are safe")
    }

    /// The restore ended: the server comes back.
    func serverRestored() {
        _ = central.restart(&ctx)
        distribution?.serverChanged(up: true, &ctx)
        let asOf = storage.lastBackupAt.map { "t=" + RunReport.fixed($0.inSeconds, 1) + " s" } ?? "the start"
        ctx.log(.restored, node: 0, storage.hasBackups
                ? "the server is back, its files as of the backup of \(asOf)"
                : "the server is back with an empty disk: its files are lost (no backup)")
    }

    /// A repair of `peer`'s copies fell due.
    func repairCopies(of peer: Int) {
        guard let copies = mesh?.repairCopies(of: peer, &ctx) else { return }
        storage.countRepaired(copies)
        storage.copiesChanged()
        ctx.log(.repaired, node: peer + 1, "peer \(peer + 1) has its copies again: \(copies) copied back from "
                + "surviving holders (\(copies) messages, \(RunReport.gigabytes(Double(copies) * ctx.scenario.workload.sizeKb * 1_000)))")
    }

    /// "2 h", "36 s": a duration as the storage keys name it.
    static func hours(_ t: SimTime) -> String {
        let s = t.inSeconds
        return s >= 3600 ? RunReport.fixed(s / 3600, s.truncatingRemainder(dividingBy: 3600) == 0 ? 0 : 2) + " h"
            : RunReport.fixed(s, s == s.rounded() ? 0 : 1) + " s"
    }

    // MARK: - Reading

    /// The storage figures, or nil when storage is not in play (so outputs without it stay as they were).
    func storageView() -> StorageView? {
        guard storage.inPlay else { return nil }
        if ctx.architecture == .peerMesh || ctx.metrics.segments.contains(where: { $0.architecture == .peerMesh }),
           let mesh, storage.censusStale || storage.census == nil {
            storage.took(mesh.copyCensus())
        }
        let files = ctx.files
        let repairs = storage.pendingRepairs
        return StorageView(
            architecture: ctx.architecture, files: files.count, diskFailures: storage.diskFailures,
            writes: files.writes, writesLost: files.writesLost, filesLost: files.filesLost,
            lostFileRequests: files.lostFileRequests, restoreSeconds: storage.restoreSeconds(at: now),
            backups: storage.hasBackups, lastBackupAt: storage.lastBackupAt, nextBackupAt: storage.nextBackupAt,
            restoringUntil: storage.restoringUntil, writesSinceBackup: files.writesSinceBackup,
            filesChangedSinceBackup: files.filesChangedSinceBackup,
            census: mesh == nil ? nil : storage.census, repairs: storage.repairDelay > 0,
            peersAwaitingRepair: repairs.peers, nextRepairAt: repairs.next, copiesRepaired: storage.copiesRepaired,
            repairBytes: Double(storage.copiesRepaired) * ctx.scenario.workload.sizeKb * 1_000)
    }
}
