import Foundation
import NetExplorerAssets
import NetworkEngine
import Testing

/// The scenario files of a directory as the live view's picker lists them: each with its description or its error.
@Suite("Scenario files in a directory")
struct ScenarioFilesTests {
    @Test("good files give their description; a bad one, a FIFO and a huge one their one-line error; others are skipped")
    func listing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ScenarioFilesTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ text: String) throws {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("good.yaml", "name: Good\ndescription: >-\n  A fine\n  scenario.\nnodes: 5\n")
        try write("bad.yml", "name: Bad\nworkload:\n  rat: 3\n  timeout: -1\n")
        try write("notes.txt", "name: not a scenario file\n")
        try write(".hidden.yaml", "name: Hidden\n")
        try write("huge.yaml", "name: Huge\n# " + String(repeating: "x", count: ScenarioCatalog.maxListedFileBytes) + "\n")
        try write("evil\u{1B}[2J.yaml", "name: Evil\n")
        #expect(mkfifo(dir.appendingPathComponent("pipe.yaml").path, 0o644) == 0)

        let files = ScenarioCatalog.files(in: dir.path)
        #expect(files.map(\.fileName) == ["bad.yml", "evil\u{1B}[2J.yaml", "good.yaml", "huge.yaml", "pipe.yaml"])
        let byName = Dictionary(uniqueKeysWithValues: files.map { ($0.fileName, $0) })
        #expect(byName["good.yaml"]?.description == "A fine scenario.")
        #expect(byName["good.yaml"]?.problem == nil)
        let bad = try #require(byName["bad.yml"]?.problem)
        #expect(bad.hasPrefix("line 3: unknown key 'rat' under workload"))
        #expect(bad.hasSuffix("(and 1 more: netexplorer check bad.yml)"))
        #expect(!bad.contains("\n"))
        #expect(byName["pipe.yaml"]?.problem == "not a regular file")
        #expect(byName["huge.yaml"]?.problem?.hasPrefix("too large for a scenario") == true)
        #expect(byName["evil\u{1B}[2J.yaml"]?.problem == nil)
    }

    @Test("a directory that cannot be listed gives no files, not a crash")
    func missingDirectory() {
        #expect(ScenarioCatalog.files(in: "/nonexistent-\(UUID().uuidString)").isEmpty)
    }
}
