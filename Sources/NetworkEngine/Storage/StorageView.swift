/// What storage looks like now: the run's storage figures (the JSON `storage` object) and where the data is (the
/// live view's storage panel). Present only while storage is in play.
public struct StorageView: Sendable, Equatable {
    public var architecture: Architecture
    /// Files: one per resource.
    public var files: Int
    public var diskFailures: Int
    /// Writes accepted, and those whose version no longer exists anywhere.
    public var writes: Int
    public var writesLost: Int
    public var filesLost: Int
    /// Requests issued for a file already lost (each fails).
    public var lostFileRequests: Int
    /// Seconds the server spent being restored.
    public var restoreSeconds: Double

    // Client-server: the server's disk and its backup.
    public var backups: Bool
    public var lastBackupAt: SimTime?
    public var nextBackupAt: SimTime?
    /// When the restore under way ends.
    public var restoringUntil: SimTime?
    /// What a failure of the server's disk would lose now.
    public var writesSinceBackup: Int
    public var filesChangedSinceBackup: Int

    // The mesh: copies on the peers' disks.
    /// Files by copies left, as of the last change of copies (nil before a mesh exists).
    public var census: CopyCensus?
    /// Whether lost copies are repaired (`storage.repair_minutes` > 0).
    public var repairs: Bool
    public var peersAwaitingRepair: Int
    public var nextRepairAt: SimTime?
    public var copiesRepaired: Int
    /// Bytes the repairs copied: one file (`workload.size_kb`) a copy.
    public var repairBytes: Double

    /// 1 − files lost / files.
    public var durability: Double { files > 0 ? 1 - Double(filesLost) / Double(files) : 1 }
}
