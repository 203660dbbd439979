import Foundation
import Testing

/// The program's headless output, pinned byte for byte: every built-in scenario in every format, plus runs with a
/// toggle, an attack with its events file, and churn on both overlays. A restructuring of the engine must leave
/// every checksum unchanged; a change of behaviour on purpose records the new ones here and says so in its commit.
///
/// The engine's own reference run (`ReferenceChecksumTests`) pins one report in-process; these pin what users and
/// scripts read: the binary's stdout (and an events file), warnings excluded (they go to stderr).
@Suite("Reference outputs of the binary", .ownThreads, .timeLimit(.minutes(2)))
struct ReferenceOutputsTests {
    /// A scenario file with churn, for the runs that need keys no built-in scenario has.
    static let churnYAML = """
        name: churn reference
        seed: 5
        duration: 60
        architecture: peer-mesh
        nodes: 120
        workload: { rate: 0.5, resources: 60 }
        network: { loss: 0.01 }
        mesh: { replicas: 3, churn: { mean_uptime: 40, mean_downtime: 10 } }
        security: { attackers: 2, attack_rate: 3 }
        timeline:
          - { at: 20, add_nodes: 30 }
          - { at: 30, crash: 4 }
          - { at: 40, toggle: client-server }
        """

    /// Each case: a name, the arguments after `netexplorer`, and its recorded FNV-1a checksum of stdout (and of the
    /// events file, when the arguments ask for one: `EVENTS` stands for its path).
    static let cases: [(name: String, arguments: [String], checksum: UInt64)] = {
        var all: [(String, [String], UInt64)] = []
        for name in ["bottleneck", "classroom", "flash-crowd", "mm1", "mm1k", "mm4", "password-attack"] {
            for format in ["json", "csv", "table"] {
                all.append(("\(name) \(format)", ["simulate", name, "--format", format], 0))
            }
        }
        all.append(("classroom toggled at 60 s", ["simulate", "classroom", "--toggle-at", "60"], 0))
        all.append(("bottleneck as a flooding mesh toggled", ["simulate", "bottleneck", "--architecture", "peer-mesh",
                                                               "--toggle-at", "30", "--format", "csv"], 0))
        all.append(("password-attack with its events", ["simulate", "password-attack", "--events", "EVENTS"], 0))
        all.append(("churn, DHT, with events", ["simulate", "CHURN", "--events", "EVENTS"], 0))
        all.append(("churn, flooding", ["simulate", "CHURN-FLOOD", "--format", "table"], 0))
        all.append(("compare classroom", ["compare", "classroom", "--nodes", "10,40", "--duration", "30"], 0))
        return all.enumerated().map { i, c in (c.0, c.1, recorded[i]) }
    }()

    /// Recorded at 26d8d36 (issue 13's hardening landed), in the order of `cases`; the two runs with an events file
    /// (password-attack, churn on the DHT) recorded again when events lines gained `account`, `peer` and `outcome`
    /// (issue 14, item 7): their stdout and every other checksum held. The churn run's again when the log said
    /// "peers joined" in a mesh instead of "clients joined" (issue 15, item 6): its stdout and every other held.
    /// `compare classroom` recorded again when compare gained `failed_share` and `timed_out_share`, and the eight CSV
    /// runs when the CSV gained a last column, `denied` (issue 15, item 12), and the four CSV runs with a second in
    /// which nothing completed (classroom, mm1, mm1k, mm4) when such a second's latency fields became empty instead
    /// of 0.000 (the same item). The seven tables, the flooding churn table and `compare classroom` again when money
    /// became one format (`Money.text`: cents, four decimals under a cent), a run with no server lost its server lines
    /// and an open, unattacked server its security block (the same item); every JSON and CSV checksum held. Every
    /// JSON run (the two with an events file included: their stdout is JSON), the tables with a security block
    /// (bottleneck, classroom, flash-crowd, password-attack, the flooding churn run) and `compare classroom` again
    /// when the security object gained `largest_single_view`, `guesses_checked`, `refused_locked` and
    /// `locked_out_users`, the table its rows on who saw the attack, and compare its columns (issue 15, item 5); the
    /// CSV runs and the mm1, mm1k and mm4 tables (open servers, no security block) held. Every JSON run and every
    /// table again when `cost` gained the bill by who pays (`admin_dollars` ... `per_month_dollars`) and the table its
    /// three cost rows (issue 16, §2): with those fields and rows taken out, each output hashed to its old checksum;
    /// every CSV and `compare classroom` held. `compare classroom` again when compare gained its cost columns and its
    /// cost table (the same section): its two other tables held. Every run with a DHT mesh (password-attack's three,
    /// classroom and bottleneck toggled, password-attack's events, the DHT churn run, `compare classroom`) again when
    /// a DHT read went to a live replica holder drawn at random instead of always to the key's first holder (issue 16,
    /// §3b): the flooding and client-server runs held. `bottleneck` as a mesh toggled again when the built-in
    /// bottleneck turned `mesh.cache` on (its CSV rows after 30 s); its client-server runs held. The ten JSON runs
    /// again when the JSON gained a first field, `schema_version` (issue 19, the flight recorder); every CSV and table
    /// held. Issue 16 §4: the classroom's five runs (its three formats, toggled, compare) when classroom was tuned so its
    /// join and a flash crowd overflow the server (rate 2, a 32-place queue, 40 joining); the runs with a mesh
    /// (password-attack's JSON, table and events run, both churn runs) when the mesh object and the mesh periods
    /// gained the stability figures (`lookups`, `lookups_failed`, `lookups_timed_out`, `lookup_failure_share`) and
    /// the table their row: with those taken out they print what they printed; compare classroom also gained its
    /// stability columns. Every other checksum held. Every JSON run, every table and `compare classroom` again when
    /// the report gained its `theory` object, the table its "measured / theory" rows and compare its `theory_`
    /// columns and table (issue 18, §1); every CSV held.
    /// The ten JSON runs again when the `theory` object gained `distribution_s` (null outside a file distribution;
    /// issue 17): every CSV and table held. The runs with a timeline (their JSON and tables) again when the theory's
    /// reason became "commands changed the run mid-way", from the timeline or live alike. The ten JSON runs again when
    /// the `theory` object gained `durability` (null without disk failures; issue 18, §1): every CSV and table held.
    /// The ten JSON runs again when the report gained its `confidence` object after `theory` (issue 18 §1, batch
    /// means, `mean_latency_ms` and `mean_hops`; with it taken out, mm1k's JSON hashed to its old checksum): every
    /// CSV and table held. `compare classroom` again when the hops theory counted the requesters that hold a replica
    /// (0 hops; `ChordHops.expected(peers:replicas:)`): every other output held.
    /// The ten JSON runs again when `mesh` gained `mean_reach` and `theory` gained `flood_reach`
    /// and `messages_per_lookup` (issue 18 §1, flooding reach; with them taken out each hashed to its old checksum),
    /// and the flooding churn table when it gained its "peers per flood" row (its theory is null: a timeline): every CSV
    /// and every other table held. The ten JSON runs again when `confidence` gained `flood_reach` (null outside a
    /// steady flooding run): every CSV and table held. Again when it gained `blocking` (the share rejected): every
    /// CSV and table held.
    static let recorded: [UInt64] = [
        0xd2411bb43bdaa555,
        0xf19d0292c9280bce,
        0xdda38a9bb9699a9b,
        0xd2cf039eb8d9a5d5,
        0x8f65da99ec33e7aa,
        0x2d5d92672efc9e25,
        0x9179b806b20e7d22,
        0x86f2b6199fedd6a3,
        0x8de1d34fbb9f377c,
        0xa8edf29433ddc71a,
        0xa64954f549d5897e,
        0x2afad67517a942a2,
        0x2eadd7472545c41e,
        0x57b1b880ce10eca4,
        0x56929b7a5e993c40,
        0x6d7f17888684fab2,
        0xc2f81d2783ae8b04,
        0x94e52539fdb43f9a,
        0x12513d9f328732ab,
        0x453858c01b7d07d6,
        0x304995a8aeeac6d2,
        0x1af7bcc96d2ad884,
        0x957c6671a5f83f23,
        0x9e8c4b7839a92350,
        0x137f932dbfaf753d,
        0x18ee7d1cfb4bba59,
        0x67f91cc01cc92478,
    ]

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    @Test("every reference run prints exactly what it printed when recorded", arguments: 0..<27)
    func referenceRun(index: Int) async throws {
        let c = Self.cases[index]
        let binary = try NetExplorerBinary.path()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netexplorer-ref-\(getpid())-\(index)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let churn = folder.appendingPathComponent("churn.yaml")
        try Self.churnYAML.write(to: churn, atomically: false, encoding: .utf8)
        let flood = folder.appendingPathComponent("churn-flood.yaml")
        try Self.churnYAML.replacingOccurrences(of: "mesh: { replicas: 3,", with: "mesh: { discovery: flooding, replicas: 3,")
            .write(to: flood, atomically: false, encoding: .utf8)
        let events = folder.appendingPathComponent("events.jsonl")
        let arguments = c.arguments.map { a in
            switch a {
            case "EVENTS": events.path
            case "CHURN": churn.path
            case "CHURN-FLOOD": flood.path
            default: a
            }
        }
        let result = try await Subprocess.run(binary, arguments, environment: Subprocess.baseEnvironment(),
                                        timeout: .seconds(60))
        #expect(result.status == 0, "\(c.name): \(result.stderrText)")
        var bytes = result.stdout
        if c.arguments.contains("EVENTS") { bytes += try Array(Data(contentsOf: events)) }
        let sum = Self.fnv1a(bytes)
        #expect(sum == c.checksum, "\(c.name): checksum 0x\(String(sum, radix: 16)), recorded 0x\(String(c.checksum, radix: 16))")
    }
}
