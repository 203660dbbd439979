import Foundation
import Testing

/// `compare`'s security figures (issue 15, item 5): the single best-placed observer's view beside every log's, the
/// guesses a lock left the attacker against those it refused, and the users it shut out, in CSV, JSON and the table,
/// equal to what `simulate` reports for the same run.
@Suite("compare's security columns", .ownThreads, .timeLimit(.minutes(2)))
struct CompareSecurityTests {
    static func run(_ arguments: [String]) async throws -> String {
        let r = try await Subprocess.run(try NetExplorerBinary.path(), arguments, environment: Subprocess.baseEnvironment(),
                                   timeout: .seconds(90))
        #expect(r.status == 0, "\(arguments): \(r.stderrText)")
        return r.stdoutText
    }

    @Test("the server's log sees the whole attack, one peer a sliver; the lockout refuses guesses only on the server")
    func securityColumns() async throws {
        let base = ["password-attack", "--nodes", "20", "--duration", "60"]
        let csv = try await Self.run(["compare"] + base + ["--format", "csv"]).split(separator: "\n")
        let header = csv[0].split(separator: ",").map(String.init)
        var rows: [String: [String: String]] = [:]
        for line in csv.dropFirst() {
            let v = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[v[1]] = Dictionary(uniqueKeysWithValues: zip(header, v))
        }
        let server = try #require(rows["client-server"]), mesh = try #require(rows["peer-mesh"])
        // Client-server: one log holds every attempt, so the best single view is the union, 1.
        #expect(server["largest_single_view"] == "1.0000" && server["detected_share"] == "1.0000")
        #expect(Int(server["refused_locked"] ?? "") ?? 0 > 0, "the lock refuses the attacker's guesses")
        // The mesh: one peer logged a few percent of the attempts while the peers' logs together hold most.
        let best = try #require(Double(mesh["largest_single_view"] ?? ""))
        let any = try #require(Double(mesh["detected_share"] ?? ""))
        #expect(best < 0.2 && any > 0.8, "best \(best), any \(any)")
        #expect(mesh["refused_locked"] == "0" && mesh["locked_out_users"] == "0", "no lock in a mesh")
        #expect(Int(mesh["guesses_checked"] ?? "") ?? 0 > 0)

        // The same run under simulate reports the same figures in its JSON security object.
        for (architecture, row) in [("client-server", server), ("peer-mesh", mesh)] {
            let text = try await Self.run(["simulate"] + base + ["--architecture", architecture, "--format", "json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let security = try #require(json["security"] as? [String: Any])
            let view = try #require(security["largest_single_view"] as? Double)
            #expect(String(format: "%.4f", view) == row["largest_single_view"], "\(architecture)")
            for key in ["guesses_checked", "refused_locked", "locked_out_users"] {
                #expect((security[key] as? Int).map(String.init) == row[key], "\(architecture) \(key)")
            }
        }

        // The table: the security block's columns and the legend that gives their words.
        let table = try await Self.run(["compare"] + base)
        #expect(table.contains("best log  any log  checked  refused  lockouts  users out  denied"), "\(table)")
        #expect(table.contains("exposed: accounts with a weak password (client-server), peers with an open or weak share"))
        let meshLine = try #require(table.split(separator: "\n").last { $0.hasPrefix("20     peer-mesh") && $0.contains("%") })
        #expect(meshLine.contains(String(format: "%.1f%%", 100 * best)), "\(meshLine)")
    }
}
