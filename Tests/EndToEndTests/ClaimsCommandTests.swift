import Foundation
import Testing

/// `netexplorer claims` through the binary: the subcommand, its formats and its exit status.
@Suite("netexplorer claims", .ownThreads, .timeLimit(.minutes(2)))
struct ClaimsCommandTests {
    /// The quick experiments (about 10 s in a debug build): every claim of the suite, in JSON, each with a verdict of
    /// the three words and evidence behind every aspect.
    @Test("claims --quick --format json lists every claim with a verdict and evidence")
    func json() async throws {
        let binary = try NetExplorerBinary.path()
        let result = try await Subprocess.run(binary, ["claims", "--quick", "--format", "json"],
                                              environment: Subprocess.baseEnvironment(), timeout: .seconds(90))
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        #expect(result.stderrText == "")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any]
        #expect(object?["size"] as? String == "quick")
        let claims = object?["claims"] as? [[String: Any]] ?? []
        #expect(claims.map { $0["id"] as? String ?? "" } == [
            "single-point-of-failure", "client-growth", "p2p-scalability", "churn-stability", "central-security",
            "flash-crowd", "server-cost", "central-backup",
        ])
        for claim in claims {
            #expect(["true", "false", "depends"].contains(claim["verdict"] as? String ?? ""))
            let parts = claim["parts"] as? [[String: Any]] ?? []
            #expect(!parts.isEmpty)
            for part in parts { #expect(!((part["evidence"] as? [Any]) ?? []).isEmpty, "\(claim["id"] ?? "")") }
        }
    }

    @Test("claims --format with an unknown format is a usage error")
    func badFormat() async throws {
        let binary = try NetExplorerBinary.path()
        let result = try await Subprocess.run(binary, ["claims", "--format", "csv"],
                                              environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        #expect(result.status == 64)
        #expect(result.stdoutText == "")
    }
}
