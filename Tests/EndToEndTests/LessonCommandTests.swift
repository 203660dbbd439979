import Foundation
import Testing

/// `netexplorer lessons`, `lesson NAME --script FILE [--answers FILE.json]` and `check` on a lesson file, through the
/// real binary.
@Suite("netexplorer lesson, headless", .ownThreads, .timeLimit(.minutes(1)))
struct LessonCommandTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("netexplorer-lesson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("lessons lists each built-in lesson with its minutes and its claim")
    func lists() async throws {
        let result = try await Subprocess.run(try NetExplorerBinary.path(), ["lessons"],
                                              environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        let line = result.stdoutText.split(separator: "\n").first { $0.hasPrefix("saturation ") }
        #expect(line?.contains("5 min  Because the server handles most of the work") == true, "\(result.stdoutText)")
    }

    @Test("lesson saturation --script prints prediction, measured and theory, and saves the answers once")
    func scripted() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("script.json")
        try Data(#"{ "n_star": 70 }"#.utf8).write(to: script)
        let answers = dir.appendingPathComponent("answers.json")
        let arguments = ["lesson", "saturation", "--script", script.path, "--answers", answers.path]
        let binary = try NetExplorerBinary.path()
        let result = try await Subprocess.run(binary, arguments, environment: Subprocess.baseEnvironment(),
                                              timeout: .seconds(40))
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        #expect(result.stdoutText.contains("    answer: 70\n"))
        #expect(result.stdoutText.contains(#/prediction 70 · measured 6\d\.\d · theory 66\.7 \(clients\)/#))
        #expect(result.stdoutText.hasSuffix("3 of 3 checks in range\n"))
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: answers)) as? [String: Any]
        #expect((saved?["answers"] as? [String: String])?["n_star"] == "70")
        #expect((saved?["steps"] as? [[String: Any]])?.count == 4, "one ask and three checks")

        let again = try await Subprocess.run(binary, arguments, environment: Subprocess.baseEnvironment(),
                                             timeout: .seconds(40))
        #expect(again.status == 1)
        #expect(again.stderrText.contains("exists already; answers are never written over another file"))
    }

    @Test("A lesson whose measurement falls outside its range exits 2; check validates lesson files")
    func outOfRangeAndCheck() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lesson = dir.appendingPathComponent("wrong.yaml")
        try Data("""
            title: Wrong
            claim: c
            minutes: 3
            steps:
              - load: { scenario: bottleneck, nodes: 40 }
              - run: 10
              - check: { label: throughput, measured: throughput_rps, expect: [1000, 2000] }
            """.utf8).write(to: lesson)
        let script = dir.appendingPathComponent("none.yaml")
        try Data("{}".utf8).write(to: script)
        let binary = try NetExplorerBinary.path()
        let run = try await Subprocess.run(binary, ["lesson", lesson.path, "--script", script.path],
                                           environment: Subprocess.baseEnvironment(), timeout: .seconds(30))
        #expect(run.status == 2)
        #expect(run.stdoutText.contains("expect [1000, 2000]: OUT OF RANGE"))

        let ok = try await Subprocess.run(binary, ["check", lesson.path], environment: Subprocess.baseEnvironment(),
                                          timeout: .seconds(30))
        #expect(ok.status == 0, "stderr: \(ok.stderrText)")
        #expect(ok.stdoutText.contains("ok (lesson 'Wrong': 3 steps, 0 asks, 1 checks"))

        let broken = dir.appendingPathComponent("broken.yaml")
        try Data("title: B\nclaim: c\nminutes: 3\nsteps:\n  - sey: hi\n".utf8).write(to: broken)
        let bad = try await Subprocess.run(binary, ["check", broken.path], environment: Subprocess.baseEnvironment(),
                                           timeout: .seconds(30))
        #expect(bad.status == 1)
        #expect(bad.stderrText.contains("broken.yaml: line 5: unknown step 'sey'; did you mean 'say'?"))
    }
}
