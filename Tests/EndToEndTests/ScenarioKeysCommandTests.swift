import Foundation
import Testing

/// `netexplorer scenarios --keys`: the key table the README holds and the fuzz script reads.
@Suite("netexplorer scenarios --keys", .ownThreads, .timeLimit(.minutes(1)))
struct ScenarioKeysCommandTests {
    static let begin = "<!-- scenario keys: begin (netexplorer scenarios --keys) -->\n"
    static let end = "<!-- scenario keys: end -->"

    static func run(_ arguments: [String]) async throws -> ProcessResult {
        try await Subprocess.run(try NetExplorerBinary.path(), arguments, environment: Subprocess.baseEnvironment(),
                           timeout: .seconds(30))
    }

    /// The README's key table: the text between its two markers.
    static func readmeTable(filePath: String = #filePath) throws -> String {
        var root = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            guard root.path != "/" else { throw CocoaError(.fileNoSuchFile) }
            root = root.deletingLastPathComponent()
        }
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: begin))
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<stop.lowerBound])
    }

    @Test("the README's key table is exactly what scenarios --keys prints")
    func readmeTableIsTheCommandsOutput() async throws {
        let result = try await Self.run(["scenarios", "--keys"])
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        #expect(result.stdoutText.hasPrefix("| key | default | accepts | meaning |\n"))
        // On a mismatch, paste the command's output between the README's markers.
        #expect(try Self.readmeTable() == result.stdoutText)
    }

    @Test("--format json names its schema_version and lists the same keys in the same order, with kinds, bounds and choices")
    func jsonListsTheSameKeys() async throws {
        let result = try await Self.run(["scenarios", "--keys", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let top = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any])
        #expect(result.stdoutText.hasPrefix("{\n  \"schema_version\": 1,"))
        let keys = try #require(top["keys"] as? [[String: Any]])
        let tableKeys = try Self.readmeTable().split(separator: "\n").dropFirst(2)
            .map { $0.split(separator: "`")[1] }.map(String.init)
        #expect(keys.map { $0["key"] as? String ?? "" } == tableKeys)
        let rate = try #require(keys.first { $0["key"] as? String == "workload.rate" })
        #expect(rate["kind"] as? String == "number" && rate["min"] as? Double == 0 && rate["max"] as? Double == 10000)
        let discovery = try #require(keys.first { $0["key"] as? String == "mesh.discovery" })
        #expect(discovery["choices"] as? [String] == ["flooding", "dht"] && discovery["default"] as? String == "dht")
    }

    @Test("scenarios alone still lists the built-ins; --format without --keys is a usage error")
    func plainScenariosIsUnchanged() async throws {
        let list = try await Self.run(["scenarios"])
        #expect(list.status == 0)
        #expect(list.stdoutText.hasPrefix("backup ") && list.stdoutText.contains("\nbottleneck "))
        let misuse = try await Self.run(["scenarios", "--format", "json"])
        #expect(misuse.status == 64)
        #expect(misuse.stderrText == "netexplorer: --format goes with --keys\n")
    }
}
