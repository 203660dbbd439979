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
}
