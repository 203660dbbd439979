import Testing

/// The harness that runs the binary: its deadline must hold whatever the child does.
@Suite("Subprocess", .ownThreads, .timeLimit(.minutes(1)))
struct SubprocessTests {
    @Test("a child past its deadline is killed, not waited for: writing more than a pipe holds would block it forever")
    func deadlineKillsAWriter() async throws {
        let shell = try #require(Subprocess.which("sh"))
        let start = ContinuousClock.now
        await #expect(throws: SubprocessError.self) {
            try await Subprocess.run(shell, ["-c", "sleep 1; head -c 1000000 /dev/zero"],
                               environment: Subprocess.baseEnvironment(), timeout: .milliseconds(200))
        }
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}
