// MARK: - The storage figures in the reports (present only when storage was in play)

extension RunReport {
    /// The JSON `storage` object: `disk_failures`, `writes`, `writes_lost`, `files_lost`, `durability`
    /// (1 − files_lost / files), `restore_s` (seconds the server spent being restored), then
    /// `lost_file_requests` (requests issued for a file already lost: each fails), `copies_repaired` and `repair_bytes`
    /// (one file, `workload.size_kb`, a copy).
    static func json(_ s: StorageView) -> JSONValue {
        .object([
            ("disk_failures", .int(s.diskFailures)),
            ("writes", .int(s.writes)),
            ("writes_lost", .int(s.writesLost)),
            ("files_lost", .int(s.filesLost)),
            ("durability", .rounded(s.durability)),
            ("restore_s", .rounded(s.restoreSeconds, 3)),
            ("lost_file_requests", .int(s.lostFileRequests)),
            ("copies_repaired", .int(s.copiesRepaired)),
            ("repair_bytes", .int(Int(s.repairBytes))),
        ])
    }

    /// The table's storage block.
    var storageRows: [(String, String)] {
        guard let s = storage else { return [] }
        let share = s.writes > 0 ? " (" + Self.fixed(100 * Double(s.writesLost) / Double(s.writes), 2) + "%)" : ""
        return [
            ("disk failures", "\(s.diskFailures)"),
            ("writes / lost", "\(s.writes) / \(s.writesLost)" + share),
            ("files lost", "\(s.filesLost) of \(s.files) (durability " + Self.fixed(100 * s.durability, 2) + "%)"),
            ("requests for lost files", "\(s.lostFileRequests) (each failed)"),
            ("server restoring", Self.fixed(s.restoreSeconds, 1) + " s"),
            ("copies repaired", "\(s.copiesRepaired) (" + Self.gigabytes(s.repairBytes) + ")"),
        ]
    }
}
