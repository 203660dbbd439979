import Foundation
import Testing

/// `simulate` picks its default format by where its output goes: the table for a person at a terminal, JSON for a
/// script reading a pipe or a file (the reference outputs pin the piped default).
@Suite(
    "simulate's default format", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): SKIPPED"),
    .timeLimit(.minutes(2))
)
struct SimulateDefaultFormatTests {
    @Test("on a terminal, simulate without --format prints the table; piped, JSON")
    func tableOnATerminal() async throws {
        let binary = try NetExplorerBinary.path()
        let tmux = try TmuxHarness()
        defer { tmux.shutdown() }
        // The pane stays until the harness shuts down: a full parallel run may read it long after simulate ended.
        try await tmux.start(command: "'\(binary)' simulate mm1 --duration 5; exec sleep 600", width: 100, height: 40)
        let screen = try await tmux.waitFor("the table's first lines") { screen in
            screen.contains { $0.hasPrefix("scenario ") && $0.hasSuffix("mm1") }
        }
        #expect(screen.contains { $0.hasPrefix("architecture ") })
        #expect(!screen.contains { $0.hasPrefix("{") })
        let piped = try await Subprocess.run(binary, ["simulate", "mm1", "--duration", "5"], environment: Subprocess.baseEnvironment())
        #expect(piped.stdoutText.hasPrefix("{"))
    }
}
