/// "Client-server gives central storage and backup; in a peer mesh the data lives on the peers and is lost with
/// them."
///
/// Experiments: the `backup` scenario's files and schedules. Client-server: the server's disk fails at 15 s and is
/// restored from its last backup. Peer mesh (3 copies of each file): two peers' disks fail one at a time (each
/// repaired from the surviving copies), then `simultaneous` disks fail at once. Evidence: files and writes lost,
/// the server's time down. (No theory for the mesh's loss: the DHT keeps a file's copies on its key's successors
/// on the ring, so which files die depends on where the failed peers sit on it, not only on how many fail.)
public struct CentralBackupClaim: Claim {
    public let id = "central-backup"
    public let statement = "Client-server gives central storage and backup; in a peer mesh the data lives on the "
        + "peers and is lost with them."
    public init() {}

    static let simultaneous = 8
    static let (singlesEnd, massAt, end) = (20.0, 20.0, 30.0)

    public func runs(_ scenarios: ClaimScenarios, _ size: ClaimsSize) throws -> [ClaimRun] {
        var cs = try scenarios.base("backup")
        cs.architecture = .clientServer
        cs.duration = Self.end
        cs.timeline = [.init(at: 15, kind: .failDisk(.server))]
        var mesh = try scenarios.base("backup")
        mesh.architecture = .peerMesh
        mesh.duration = Self.end
        mesh.timeline = [.init(at: 5, kind: .failDisk(.node(3))), .init(at: 8, kind: .failDisk(.node(12)))]
            + (1...(Self.simultaneous + 1)).filter { $0 != 3 }.map { .init(at: Self.massAt, kind: .failDisk(.node($0))) }
        return [ClaimRun(key: "\(id)/client-server", scenario: cs),
                ClaimRun(key: "\(id)/peer-mesh", scenario: mesh, checkpoints: [Self.singlesEnd - 0.001])]
    }

    struct Figures: Equatable {
        var serverFilesLost: Int
        var serverWritesLost: Int
        var serverDownSeconds: Double
        var meshLostAfterSingles: Int
        var meshLostAfterMass: Int
    }

    public func judge(_ results: ClaimResults, _ scenarios: ClaimScenarios, _ size: ClaimsSize) -> ClaimResult {
        let cs = results.final("\(id)/client-server").storage
        let mesh = results.all("\(id)/peer-mesh")
        let base = try? scenarios.base("backup")
        let replicas = base?.mesh.replicas ?? 3
        let f = Figures(serverFilesLost: cs?.filesLost ?? 0, serverWritesLost: cs?.writesLost ?? 0,
                        serverDownSeconds: cs?.restoreSeconds ?? 0,
                        meshLostAfterSingles: mesh[0].storage?.filesLost ?? 0,
                        meshLostAfterMass: mesh.last?.storage?.filesLost ?? 0)
        let method = base.map { "backup scenario: \($0.nodes) nodes, \($0.workload.resources) files, a backup every "
            + RunReport.fixed($0.storage.backupEveryHours * 3600, 0) + " s; server disk fails at 15 s; mesh of "
            + "\(replicas) copies: 2 disks fail apart, then \(Self.simultaneous) at \(RunReport.fixed(Self.massAt, 0)) s; "
            + "seed \($0.seed)" } ?? ""
        return ClaimResult(id: id, statement: statement, method: method, parts: Self.verdict(f))
    }

    /// Central backup: holds when the server lost no file (restored from its backup); the finding gives its price,
    /// the writes since the backup and the time down. Peers: depends on simultaneous failures when the mesh lost
    /// nothing to failures one at a time and lost files when many failed at once; holds when it lost files to
    /// single failures; fails when it lost none at all.
    static func verdict(_ f: Figures) -> [ClaimPart] {
        let central = ClaimPart(
            aspect: "central backup keeps the data", verdict: f.serverFilesLost == 0 ? .holds : .fails,
            finding: (f.serverFilesLost == 0 ? "true: no file lost; " : "false: \(f.serverFilesLost) files lost; ")
                + "the \(f.serverWritesLost) writes since the last backup were lost and the server was down "
                + RunReport.fixed(f.serverDownSeconds, 1) + " s while restored",
            evidence: [Evidence("files lost, client-server", Double(f.serverFilesLost), places: 0),
                       Evidence("writes lost (since the backup), client-server", Double(f.serverWritesLost), places: 0),
                       Evidence("server down while restored", f.serverDownSeconds, unit: "s", places: 1)])
        let verdict: Verdict = f.meshLostAfterSingles > 0 ? .holds : (f.meshLostAfterMass > 0 ? .depends : .fails)
        let finding: String
        switch verdict {
        case .holds: finding = "true: the mesh lost \(f.meshLostAfterSingles) files to disks failing one at a time"
        case .depends: finding = "depends on simultaneous failures: disks failing one at a time lost nothing (the "
            + "copies were repaired), \(simultaneous) at once lost \(f.meshLostAfterMass) files"
        case .fails: finding = "false: the mesh lost no file, even with \(simultaneous) disks failing at once"
        }
        let peers = ClaimPart(
            aspect: "peers lose data with them", verdict: verdict, finding: finding,
            evidence: [Evidence("files lost, disks failing one at a time", Double(f.meshLostAfterSingles), places: 0),
                       Evidence("files lost, \(simultaneous) disks at once", Double(f.meshLostAfterMass), places: 0)])
        return [central, peers]
    }
}
