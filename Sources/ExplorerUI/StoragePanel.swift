import NetworkEngine
import TerminalCanvas

/// Where the data is and what a disk failure would take now, while storage is in play (it takes the security
/// panel's place unless an attack is under way).
///
/// Under client-server: the server's disk and its backup (as of when), the restore under way, what a failure of the
/// server's disk would lose now (the writes, and files written, since the last backup; every file with no backup).
/// In a mesh: the files by copies on the peers' disks (all copies, a single copy left, none), the repairs pending.
/// Then, for both, the run's losses. The lines come in order of importance, so a short panel keeps the first.
public enum StoragePanel {
    /// Whether the storage panel is drawn in the security panel's place.
    public static func shows(_ snapshot: Snapshot) -> Bool {
        snapshot.storage != nil && (snapshot.security?.attackAttempts ?? 0) == 0
    }

    /// Draws the storage panel in `area`.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        guard let storage = snapshot.storage else { return }
        let title = snapshot.distribution == nil ? title(storage) : "storage \(Glyphs.dot) the file on disks"
        let inner = PaneFrame.render(.security, title: title, state: state, area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        let shown = snapshot.distribution.map { lines(storage, distribution: $0, now: snapshot.now) }
            ?? lines(storage, now: snapshot.now)
        for (i, line) in shown.prefix(inner.height).enumerated() {
            buffer.set(line: line, in: inner.row(i), ellipsis: state.symbols.ellipsis)
        }
    }

    /// `storage · server disk + backup`, `storage · server disk, no backup`, `storage · copies on peers`.
    static func title(_ s: StorageView) -> String {
        switch s.architecture {
        case .clientServer: s.backups ? "storage · server disk + backup" : "storage · server disk, no backup"
        case .peerMesh: "storage · copies on peers" + (s.census.map { " (\($0.replicas) each)" } ?? "")
        }
    }

    /// The panel's lines, most important first.
    static func lines(_ s: StorageView, now: SimTime) -> [Line] {
        var out: [Line] = []
        switch s.architecture {
        case .clientServer:
            if let until = s.restoringUntil {
                out.append(Line([Span("restoring ", style: Theme.warning),
                                 Span(seconds(max(0, until - now)) + " left"),
                                 Span(s.lastBackupAt.map { " (backup of " + seconds($0) + ")" } ?? "")]))
            } else if s.backups {
                out.append(Line("last backup " + (s.lastBackupAt.map(seconds) ?? "-")
                                + (s.nextBackupAt.map { "  next " + seconds($0) } ?? "")))
            } else {
                out.append(Line("no backup: a disk failure loses every file", style: Theme.warning))
            }
            let unsaved = s.backups ? "\(s.writesSinceBackup) writes, \(s.filesChangedSinceBackup) files"
                : "\(s.files - s.filesLost) files"
            out.append(Line("unsaved " + unsaved))
        case .peerMesh:
            if let c = s.census {
                out.append(Line([Span("full \(c.full)  "), Span("at risk \(c.single)", style: c.single > 0 ? Theme.warning : .plain),
                                 Span("  gone \(c.none)")]))
            }
            if !s.repairs {
                out.append(Line("no repair: a lost copy stays lost", style: Theme.muted))
            } else if let next = s.nextRepairAt {
                out.append(Line("repairs \(s.peersAwaitingRepair) peers  next " + seconds(next)))
            } else {
                out.append(Line("repairs 0 pending  copied back \(s.copiesRepaired)"))
            }
        }
        let lost = Line([Span("files lost \(s.filesLost) of \(s.files)",
                              style: s.filesLost > 0 ? Theme.warning : .plain),
                         Span("  durability " + Format.fixed(100 * s.durability, decimals: 1) + "%")])
        out.append(lost)
        out.append(Line("disk failures \(s.diskFailures)  writes \(s.writes)  writes lost \(s.writesLost)"))
        return out
    }

    /// A file distribution's lines: the server's copy of the file (the seed: backed up, being restored, or lost for
    /// good) and what the nodes' failed disks took. The request workload's files and copies play no part in it.
    static func lines(_ s: StorageView, distribution d: DistributionSnapshot, now: SimTime) -> [Line] {
        let seed: Line
        if d.seedLost {
            seed = Line([Span("seed lost", style: Theme.down), Span(": no backup of the server's disk")])
        } else if let until = s.restoringUntil {
            seed = Line([Span("restoring ", style: Theme.warning), Span(seconds(max(0, until - now)) + " left"),
                         Span(": the server sends nothing")])
        } else {
            seed = Line(s.backups ? "seed on the server's disk, backed up" : "seed on the server's disk, no backup")
        }
        return [seed, Line("disk failures \(s.diskFailures)  chunks lost \(d.chunksLost)")]
    }

    /// `12.0 s`: a simulated time or span.
    static func seconds(_ t: SimTime) -> String { RunReport.fixed(t.inSeconds, 1) + " s" }
}
