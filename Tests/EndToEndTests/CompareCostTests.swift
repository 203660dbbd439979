import Foundation
import Testing

/// `compare`'s cost columns on the built-in `cost` scenario, at the sizes its description names.
@Suite("compare's cost columns", .ownThreads, .timeLimit(.minutes(2)))
struct CompareCostTests {
    static func run(_ arguments: [String]) async throws -> String {
        let r = try await Subprocess.run(try NetExplorerBinary.path(), arguments, environment: Subprocess.baseEnvironment(),
                                   timeout: .seconds(90))
        #expect(r.status == 0, "\(arguments): \(r.stderrText)")
        return r.stdoutText
    }

    static let costFields = ["server_dollars", "admin_dollars", "bandwidth_dollars", "peer_donated_dollars",
                             "total_dollars", "dollars_per_1000_requests", "per_month_dollars"]

    /// The CSV header names the cost columns as the JSON does, and each row's figures agree: a mesh pays no server,
    /// administrator or server bandwidth and its peers donate; client-server is the other way round. The sizes are
    /// the description's (10, 100 and 1,000 nodes), over 30 s to stay quick.
    @Test("compare cost: the CSV and JSON name the cost columns alike; the mesh's bill is donated, the server's paid")
    func costColumns() async throws {
        let base = ["cost", "--nodes", "10,100,1000", "--duration", "30"]
        let csv = try await Self.run(["compare"] + base + ["--format", "csv"]).split(separator: "\n")
        let header = csv[0].split(separator: ",").map(String.init)
        for field in Self.costFields { #expect(header.contains(field), "\(field) missing from the CSV header") }
        let text = try await Self.run(["compare"] + base + ["--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 6 && csv.count == 7)
        for (row, line) in zip(rows, csv.dropFirst()) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for field in Self.costFields {
                let column = try #require(header.firstIndex(of: field))
                let value = try #require(row[field] as? Double, "\(field)")
                #expect(abs((Double(cells[column]) ?? -1) - value) < 0.006, "\(field): \(cells[column]) vs \(value)")
            }
            let donated = try #require(row["peer_donated_dollars"] as? Double)
            let server = try #require(row["server_dollars"] as? Double)
            let admin = try #require(row["admin_dollars"] as? Double)
            if row["architecture"] as? String == "peer-mesh" {
                #expect(server == 0 && admin == 0 && donated > 0)
            } else {
                #expect(server > 0 && admin > 0 && donated == 0)
            }
        }
        let table = try await Self.run(["compare"] + base)
        #expect(table.contains("owner pays") && table.contains("peers donate"))
    }
}
