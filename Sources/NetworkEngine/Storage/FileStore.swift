/// The files behind the resources: each resource is a file with a version (the accepted writes it survives with),
/// lost for good once every copy of it is gone. Like the security database, a global table the servers consult when
/// they serve (`serve(resource:writes:)`); `StorageModel` decides when disks fail and what a failure takes.
///
/// Inactive (and empty) until storage is in play, so a run without storage keys pays one flag test per request.
///
/// Backups (client-server) are kept lazily: a backup bumps `backupEpoch`; a file's first write after a backup
/// remembers the version the backup holds (`versionAtBackup`), so a backup costs nothing per file and a restore
/// walks the files once.
struct FileStore {
    /// Whether storage is in play: files are served through this table and their losses counted.
    private(set) var active = false
    /// Each file's version: its accepted writes that still exist somewhere.
    private(set) var version: [Int32] = []
    private(set) var lost: [Bool] = []
    /// The backup epoch in which each file was first written since a backup (0: never), and its version then.
    private var writtenInEpoch: [UInt32] = []
    private var versionAtBackup: [Int32] = []
    private var backupEpoch: UInt32 = 1

    // MARK: Figures
    /// Writes accepted (applied by the server or a holder).
    private(set) var writes = 0
    /// Accepted writes whose version no longer exists anywhere.
    private(set) var writesLost = 0
    private(set) var filesLost = 0
    /// Requests issued for a file already lost: each fails (counted in `requests.failed` too).
    var lostFileRequests = 0
    /// What a failure of the server's disk would take now: writes, and files written, since the last backup.
    private(set) var writesSinceBackup = 0
    private(set) var filesChangedSinceBackup = 0

    var count: Int { version.count }

    /// Puts storage in play over `files` files, each at version 0 with its first copies in place.
    mutating func activate(files: Int) {
        guard !active else { return }
        active = true
        version = Array(repeating: 0, count: files)
        lost = Array(repeating: false, count: files)
        writtenInEpoch = Array(repeating: 0, count: files)
        versionAtBackup = Array(repeating: 0, count: files)
    }

    // MARK: - Serving

    /// A server or a holder serves a request for `resource`: false when the file is lost (the request fails); a write
    /// makes its new version.
    @inline(__always)
    mutating func serve(resource: Int, writes isWrite: Bool) -> Bool {
        guard resource < lost.count, !lost[resource] else { return false }
        if isWrite { write(resource) }
        return true
    }

    private mutating func write(_ f: Int) {
        if writtenInEpoch[f] != backupEpoch {
            writtenInEpoch[f] = backupEpoch
            versionAtBackup[f] = version[f]
            filesChangedSinceBackup += 1
        }
        version[f] &+= 1
        writes += 1
        writesSinceBackup += 1
    }

    // MARK: - Backups and losses

    /// The backup media now hold every file as it is.
    mutating func backUp() {
        backupEpoch &+= 1
        writesSinceBackup = 0
        filesChangedSinceBackup = 0
    }

    /// The server's disk failed and is restored from the backup: every file goes back to its backed-up version, and
    /// the writes since the backup are lost. Returns how many writes were lost.
    mutating func restoreFromBackup() -> Int {
        for f in version.indices where writtenInEpoch[f] == backupEpoch && !lost[f] {
            version[f] = versionAtBackup[f]
        }
        let lostNow = writesSinceBackup
        writesLost += lostNow
        // The restored disk is the backup: nothing is written since it.
        backUp()
        return lostNow
    }

    /// File `f`'s last copy is gone: it is lost for good, with every write it kept. False when it already was.
    @discardableResult
    mutating func lose(_ f: Int) -> Bool {
        guard f < lost.count, !lost[f] else { return false }
        lost[f] = true
        filesLost += 1
        writesLost += Int(version[f])
        return true
    }

    /// Every file still there is lost (the server's disk failed with no backup); returns how many.
    mutating func loseAll() -> Int {
        var n = 0
        for f in lost.indices where lose(f) { n += 1 }
        writesSinceBackup = 0
        filesChangedSinceBackup = 0
        return n
    }

    @inline(__always) func isLost(_ f: Int) -> Bool { f < lost.count && lost[f] }
}
