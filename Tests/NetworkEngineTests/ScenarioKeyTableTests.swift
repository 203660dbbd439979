import Foundation
import NetworkEngine
import Testing

/// The key table drives decoding: each key is read through its row into its own field, and the README's example
/// file, which sets every key, decodes.
@Suite("Scenario key table")
struct ScenarioKeyTableTests {
    /// The keys written into a field of `Scenario` one by one (not churn's means or the timeline's).
    static let fieldKeys = ScenarioKeyTable.keys.filter { $0.defaultValue != nil }

    /// A valid value for `key` other than its default, as a file would spell it.
    static func otherValue(_ key: ScenarioKey) -> String {
        switch (key.kind, key.defaultValue) {
        case (.choice(let choices), .choice(let current)?): choices.first { $0 != current } ?? current
        case (.integer(let range), .integer(let n)?): Double(n + 1) <= range.upper ?? .infinity ? "\(n + 1)" : "\(n - 1)"
        case (.number(let range), .number(let x)?): x + 0.5 <= range.upper ?? .infinity ? "\(x + 0.5)" : "\(x / 2)"
        case (.seed, .seed(let seed)?): "\(seed + 1)"
        case (.rates, .rates(let classes)?):
            "[{ share: 0.5, mbps: \(ScenarioValue.number(classes[0].mbps + 1).description) }, { share: 0.5, mbps: 1 }]"
        default: "Some text"
        }
    }

    @Test("every key is read into its own field, and into no other", arguments: fieldKeys.map(\.path))
    func eachKeyReachesItsField(path: String) throws {
        let key = try #require(ScenarioKeyTable.key(path))
        let value = Self.otherValue(key)
        let parts = path.split(separator: ".").map(String.init)
        let yaml = parts.count == 1 ? "\(path): \(value)\n" : "\(parts[0]):\n  \(parts[1]): \(value)\n"
        let scenario = try ScenarioDecoder.decode(yaml: (path == "name" ? "" : "name: x\n") + yaml, source: "t")
        #expect(key.value(in: scenario)?.description == value)
        for other in Self.fieldKeys where other.path != path && other.path != "name" {
            #expect(other.value(in: scenario) == other.defaultValue, "\(path) changed \(other.path)")
        }
    }

    @Test("the README's example file decodes and sets every key of the table")
    func readmeExampleSetsEveryKey() throws {
        let readme = try String(contentsOf: Self.packageRoot().appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Scenario files\n"))
        let start = try #require(readme.range(of: "```yaml\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        let scenario = try ScenarioDecoder.decode(yaml: String(readme[start.upperBound..<end.lowerBound]), source: "README")
        let missing = ScenarioKeyTable.keys.map(\.path).filter { scenario.keyLines[$0] == nil }
        #expect(missing.isEmpty, "the README's example leaves out \(missing)")
    }

    /// The directory holding Package.swift, found from this file.
    static func packageRoot(filePath: String = #filePath) throws -> URL {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile)
    }
}
