import Dispatch
import Testing

/// Runs a suite's tests on threads of their own instead of Swift Testing's cooperative pool.
///
/// Why: the pool has one thread per core (two on CI) and runs every suite, including the unit suites that compute
/// for seconds at a time. An end-to-end test waits for real processes (a headless run, a live view in tmux) and
/// then must look again promptly: a capture is compared with the one before it, a deadline is measured in wall
/// time. On the shared pool its next step queued behind minutes of unit tests, so dozens of end-to-end tests hit
/// their time limits together (and a 200 ms deadline was observed to take 197 s). On these threads the waits block
/// nobody, and the CPU is shared by the kernel's scheduler, which is what the time limits assume.
struct OwnThreads: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await withTaskExecutorPreference(EndToEndExecutor.shared) { try await function() }
    }
}

extension Trait where Self == OwnThreads {
    /// The suite's tests run on threads of their own (see `OwnThreads`).
    static var ownThreads: Self { OwnThreads() }
}

/// A task executor over a concurrent dispatch queue, which starts a thread whenever every one it has is busy.
final class EndToEndExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = EndToEndExecutor()
    private let queue = DispatchQueue(label: "netexplorer.end-to-end", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
