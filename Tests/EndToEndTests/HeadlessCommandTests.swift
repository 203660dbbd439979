import Foundation
import Testing

/// The binary without a terminal: no tmux needed.
@Suite("netexplorer without a terminal", .timeLimit(.minutes(1)))
struct HeadlessCommandTests {
    @Test("With stdout on a pipe the live view refuses with one line on stderr and exits 1")
    func refusesWithoutTerminal() throws {
        let binary = try NetExplorerBinary.path()
        let result = try Subprocess.run(
            binary, [], environment: Subprocess.baseEnvironment(["TERM": "xterm-256color"]))
        #expect(result.status == 1)
        #expect(result.stderrText == "netexplorer: the live view needs a terminal; try 'netexplorer simulate'\n")
        #expect(result.stdoutText == "", "nothing may go to stdout (no escape sequences either)")
    }

    @Test("--version prints one line, the program's name and its version, and exits 0")
    func version() throws {
        let binary = try NetExplorerBinary.path()
        let result = try Subprocess.run(binary, ["--version"], environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        #expect(result.stdoutText.wholeMatch(of: /netexplorer \d+\.\d+\.\d+\n/) != nil, "got: \(result.stdoutText)")
        #expect(result.stderrText == "")
    }

    @Test("simulate classroom --format json gives byte-identical output twice")
    func simulateIsDeterministic() throws {
        let binary = try NetExplorerBinary.path()
        let arguments = ["simulate", "classroom", "--format", "json"]
        let first = try Subprocess.run(binary, arguments, environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        let second = try Subprocess.run(binary, arguments, environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        #expect(first.status == 0, "stderr: \(first.stderrText)")
        #expect(second.status == 0, "stderr: \(second.stderrText)")
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(first.stdout)) as? [String: Any]
        #expect(json?["scenario"] as? String == "classroom")
    }

    @Test("simulate --events records logins failing, lockouts, denials and breaches, with times and nodes")
    func securityEventsFile() throws {
        let binary = try NetExplorerBinary.path()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("netexplorer-events-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Subprocess.run(binary, ["simulate", "password-attack", "--events", file.path],
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
                    "first_breach_s", "detected_share"] {
            #expect(security?[key] is NSNumber, "security.\(key) missing or null")
        }
    }
}
