import Foundation
import Testing

/// The binary without a terminal: no tmux needed.
@Suite("netexplorer without a terminal", .ownThreads, .timeLimit(.minutes(1)))
struct HeadlessCommandTests {
    @Test("With stdout on a pipe the live view refuses with one line on stderr and exits 1")
    func refusesWithoutTerminal() async throws {
        let binary = try NetExplorerBinary.path()
        let result = try await Subprocess.run(
            binary, [], environment: Subprocess.baseEnvironment(["TERM": "xterm-256color"]))
        #expect(result.status == 1)
        #expect(result.stderrText == "netexplorer: the live view needs a terminal; try 'netexplorer simulate'\n")
        #expect(result.stdoutText == "", "nothing may go to stdout (no escape sequences either)")
    }

    @Test("--version prints one line, the program's name and its version, and exits 0")
    func version() async throws {
        let binary = try NetExplorerBinary.path()
        let result = try await Subprocess.run(binary, ["--version"], environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        #expect(result.stdoutText.wholeMatch(of: /netexplorer \d+\.\d+\.\d+\n/) != nil, "got: \(result.stdoutText)")
        #expect(result.stderrText == "")
    }

    @Test("simulate classroom --format json gives byte-identical output twice")
    func simulateIsDeterministic() async throws {
        let binary = try NetExplorerBinary.path()
        let arguments = ["simulate", "classroom", "--format", "json"]
        let first = try await Subprocess.run(binary, arguments, environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        let second = try await Subprocess.run(binary, arguments, environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        #expect(first.status == 0, "stderr: \(first.stderrText)")
        #expect(second.status == 0, "stderr: \(second.stderrText)")
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(first.stdout)) as? [String: Any]
        #expect(json?["scenario"] as? String == "classroom")
    }

    @Test("simulate --events records logins failing, lockouts, denials and breaches, with times and nodes")
    func securityEventsFile() async throws {
        let binary = try NetExplorerBinary.path()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("netexplorer-events-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await Subprocess.run(binary, ["simulate", "password-attack", "--events", file.path],
                                        environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        let events = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(events.count == lines.count, "every line is one JSON object")
        var kinds: [String: [(t: Double, node: Int)]] = [:]
        for e in events {
            if let kind = e["kind"] as? String, let t = e["t"] as? Double, let node = e["node"] as? Int {
                kinds[kind, default: []].append((t, node))
            }
        }
        for kind in ["login_failure", "lockout", "unauthorized", "breach"] {
            #expect(!(kinds[kind] ?? []).isEmpty, "no \(kind) event")
        }
        // The scenario switches to the mesh at 120 s: the server's events are node 0, a peer's are the peer's own.
        #expect((kinds["lockout"] ?? []).allSatisfy { $0.t < 120 && $0.node == 0 })
        #expect((kinds["breach"] ?? []).contains { $0.t > 120 && $0.node > 0 })
        // And the JSON report the same run printed has the security object filled.
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any]
        let security = report?["security"] as? [String: Any]
        for key in ["login_attempts", "login_failures", "lockouts", "unauthorized", "breaches", "exposed_share",
                    "first_breach_s", "detected_share", "largest_single_view", "guesses_checked", "refused_locked",
                    "locked_out_users"] {
            #expect(security?[key] is NSNumber, "security.\(key) missing or null")
        }
    }
}

/// `compare`'s failed and timed-out shares (issue 15, item 12), checked against `simulate`'s own counts.
@Suite("compare's failed and timed-out shares", .ownThreads, .timeLimit(.minutes(1)))
struct CompareSharesTests {
    /// A server crash from 10 s to 20 s (requests fail) and loss with a short timeout and no retry (requests time
    /// out), so both shares are well above zero under client-server.
    static let crashYAML = """
        name: crash
        seed: 3
        duration: 30
        nodes: 10
        network: { loss: 0.05 }
        workload: { timeout: 1, retries: 0 }
        timeline:
          - { at: 10, crash: server }
          - { at: 20, restart: server }
        """

    @Test("csv, json and table carry failed_share and timed_out_share after the other columns, equal to simulate's counts over issued")
    func shares() async throws {
        let binary = try NetExplorerBinary.path()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("netexplorer-crash-\(getpid()).yaml")
        try Self.crashYAML.write(to: file, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        func run(_ arguments: [String]) async throws -> String {
            let r = try await Subprocess.run(binary, arguments, environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
            #expect(r.status == 0, "\(arguments): \(r.stderrText)")
            return r.stdoutText
        }
        // What simulate counts for each architecture: the shares compare must print.
        var expected: [String: (failed: Double, timedOut: Double)] = [:]
        for architecture in ["client-server", "peer-mesh"] {
            let text = try await run(["simulate", file.path, "--architecture", architecture, "--format", "json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let requests = try #require(json["requests"] as? [String: Any])
            let issued = try #require(requests["issued"] as? Int)
            let failed = try #require(requests["failed"] as? Int), timedOut = try #require(requests["timed_out"] as? Int)
            expected[architecture] = (Double(failed) / Double(issued), Double(timedOut) / Double(issued))
        }
        let server = try #require(expected["client-server"])
        #expect(server.failed > 0.1 && server.timedOut > 0.05, "the scenario must fail and time out requests")

        let csv = try await run(["compare", file.path, "--nodes", "10", "--format", "csv"]).split(separator: "\n")
        let header = csv[0].split(separator: ",").map(String.init)
        // After the columns that were there before them; the security figures of item 5 came later still, and the
        // cost columns of issue 16 §2 after them, and the mesh's stability figures (issue 16 §4) last, then the theory columns of issue 18.
        let theory = CompareColumns.theory.count
        #expect(Array(header.dropLast(10 + theory).suffix(7)) == ["detected_share", "failed_share", "timed_out_share",
                                                         "largest_single_view", "guesses_checked", "refused_locked",
                                                         "locked_out_users"])
        #expect(Array(header.dropLast(4 + theory).suffix(6)) == ["admin_dollars", "bandwidth_dollars", "peer_donated_dollars",
                                                        "total_dollars", "dollars_per_1000_requests", "per_month_dollars"])
        #expect(Array(header.suffix(theory)) == CompareColumns.theory)
        #expect(Array(header.dropLast(theory).suffix(4)) == ["lookups", "lookups_failed", "lookups_timed_out", "lookup_failure_share"])
        let failedColumn = try #require(header.firstIndex(of: "failed_share"))
        for line in csv.dropFirst() {
            let v = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(v.count == header.count)
            let e = try #require(expected[v[1]])
            #expect(v[failedColumn] == String(format: "%.4f", e.failed), "\(v[1]) failed_share")
            #expect(v[failedColumn + 1] == String(format: "%.4f", e.timedOut), "\(v[1]) timed_out_share")
        }

        let text = try await run(["compare", file.path, "--nodes", "10", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        // Every JSON output names its shape's version first, as simulate's does (issue 19).
        #expect(json["schema_version"] as? Int == 1)
        #expect(text.range(of: "\"schema_version\"")!.lowerBound < text.range(of: "\"scenario\"")!.lowerBound)
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        for row in rows {
            let architecture = try #require(row["architecture"] as? String)
            let e = try #require(expected[architecture])
            #expect(abs(try #require(row["failed_share"] as? Double) - e.failed) < 1e-4)
            #expect(abs(try #require(row["timed_out_share"] as? Double) - e.timedOut) < 1e-4)
        }
        // The table: the two columns close its first line of headers, as percentages.
        let table = try await run(["compare", file.path, "--nodes", "10"]).split(separator: "\n")
        #expect(table[1].hasSuffix("server cost  failed  timed out  lookups lost"))
        let serverRow = table[2].split(separator: " ").map(String.init)
        #expect(serverRow[1] == "client-server")
        #expect(Array(serverRow.suffix(3).prefix(2)) == [String(format: "%.1f%%", 100 * server.failed),
                                               String(format: "%.1f%%", 100 * server.timedOut)], "\(table[2])")
    }
}

/// The per-second CSV's outcome columns add up (issue 15, item 12).
@Suite("simulate --format csv: rows add up", .ownThreads, .timeLimit(.minutes(1)))
struct CSVSumsTests {
    @Test("denied is the last column, and completed + rejected + timed_out + failed + denied over the rows is what the run ended",
          arguments: ["password-attack", "CRASH"])
    func rowsAddUp(scenario: String) async throws {
        let binary = try NetExplorerBinary.path()
        // Only the crash case writes a file: the two cases run in parallel.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("netexplorer-sums-\(getpid()).yaml")
        if scenario == "CRASH" { try CompareSharesTests.crashYAML.write(to: file, atomically: false, encoding: .utf8) }
        defer { if scenario == "CRASH" { try? FileManager.default.removeItem(at: file) } }
        let name = scenario == "CRASH" ? file.path : scenario
        let csv = try await Subprocess.run(binary, ["simulate", name, "--format", "csv"],
                                     environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        let json = try await Subprocess.run(binary, ["simulate", name, "--format", "json"],
                                      environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        #expect(csv.status == 0 && json.status == 0, "\(csv.stderrText)\(json.stderrText)")
        let lines = csv.stdoutText.split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header.last == "denied")
        #expect(Array(header.prefix(15)) == ["t_s", "architecture", "nodes", "issued", "completed", "rejected", "timed_out",
                                             "failed", "throughput_rps", "latency_mean_ms", "latency_p95_ms", "queue",
                                             "utilization", "messages", "security_events"],
                "the columns before denied keep their places")
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let ends = try ["completed", "rejected", "timed_out", "failed", "denied"].map(column)
        let issuedColumn = try column("issued"), deniedColumn = try column("denied")
        var ended = 0, issued = 0, denied = 0
        for line in lines.dropFirst() {
            let v = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(v.count == header.count)
            for c in ends { ended += Int(v[c]) ?? 0 }
            issued += Int(v[issuedColumn]) ?? 0
            denied += Int(v[deniedColumn]) ?? 0
        }
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any])
        let requests = try #require(report["requests"] as? [String: Int])
        #expect(issued == requests["issued"])
        #expect(denied == requests["denied"])
        #expect(ended == (requests["issued"] ?? 0) - (requests["in_flight"] ?? 0))
        if scenario == "password-attack" { #expect(denied > 0, "the attack scenario must deny some requests") }
    }
}

/// CSV leaves a number that does not exist empty, never `0.000` or `-` (issue 15, item 12).
@Suite("CSV: a number that does not exist is empty", .ownThreads, .timeLimit(.minutes(1)))
struct CSVEmptyFieldsTests {
    func run(_ arguments: [String]) async throws -> [[String]] {
        let binary = try NetExplorerBinary.path()
        let r = try await Subprocess.run(binary, arguments, environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        #expect(r.status == 0, "\(arguments): \(r.stderrText)")
        return r.stdoutText.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("simulate: a second in which nothing completed has empty latency fields; every other second has numbers")
    func emptyLatency() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("netexplorer-empty-\(getpid()).yaml")
        try CompareSharesTests.crashYAML.write(to: file, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let rows = try await run(["simulate", file.path, "--format", "csv"])
        let header = rows[0]
        let completed = try #require(header.firstIndex(of: "completed"))
        let mean = try #require(header.firstIndex(of: "latency_mean_ms"))
        let p95 = try #require(header.firstIndex(of: "latency_p95_ms"))
        var idle = 0
        for v in rows.dropFirst() {
            if v[completed] == "0" {
                idle += 1
                #expect(v[mean] == "" && v[p95] == "", "second \(v[0]): \(v)")
            } else {
                #expect(Double(v[mean]) != nil && Double(v[p95]) != nil, "second \(v[0]): \(v)")
            }
        }
        #expect(idle >= 5, "the server is down from 10 s to 20 s: seconds without a completion are expected")
    }

    @Test("compare: no '-' in CSV; mean_hops, first_breach_s, detected_share and a run's latency empty when they do not exist")
    func compareEmpty() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("netexplorer-dead-\(getpid()).yaml")
        try "name: dead\nseed: 3\nduration: 10\nnodes: 5\ntimeline:\n  - { at: 0, crash: server }\n"
            .write(to: file, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let rows = try await run(["compare", file.path, "--nodes", "5", "--format", "csv"])
        let header = rows[0]
        func field(_ row: [String], _ name: String) throws -> String { row[try #require(header.firstIndex(of: name))] }
        #expect(rows.count == 3)
        for row in rows.dropFirst() {
            #expect(row.count == header.count)
            #expect(!row.contains("-"), "\(row)")
            #expect(try field(row, "first_breach_s") == "" && field(row, "detected_share") == "", "no attack: \(row)")
        }
        // The server is down throughout: client-server completes nothing, so it has no latency and no hops.
        let server = rows[1], mesh = rows[2]
        #expect(server[1] == "client-server" && mesh[1] == "peer-mesh")
        #expect(try field(server, "latency_mean_ms") == "" && field(server, "latency_p95_ms") == "", "\(server)")
        #expect(try field(server, "mean_hops") == "")
        // Nothing completed: no price per thousand requests, though the server was paid for.
        #expect(try field(server, "dollars_per_1000_requests") == "" && Double(field(server, "total_dollars")) ?? 0 > 0)
        #expect(try Double(field(mesh, "latency_mean_ms")) != nil && Double(field(mesh, "mean_hops")) != nil, "\(mesh)")
    }
}

/// compare's theory columns, last in its CSV header: `theory_` and the JSON field of the report's `theory` object.
enum CompareColumns {
    static let theory = ["theory_mean_latency_ms", "theory_saturation_nodes", "theory_mean_hops", "theory_availability"]
}
