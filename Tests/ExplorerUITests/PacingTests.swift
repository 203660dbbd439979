import ExplorerUI
import NetworkEngine
import Testing

/// The real-time rules, with plain numbers.
@Suite("Pacing")
struct PacingTests {
    @Test("a frame's wall time times the speed is the simulated time to advance")
    func delta() {
        let pacing = Pacing()
        #expect(pacing.simulatedDelta(wallNanos: 33_000_000, speed: 1) == 33_000_000)
        #expect(pacing.simulatedDelta(wallNanos: 33_000_000, speed: 10) == 330_000_000)
        #expect(pacing.simulatedDelta(wallNanos: 10_000_000, speed: 0.1) == 1_000_000)
    }

    @Test("a long gap (a suspended process) counts as at most a quarter second")
    func gapCapped() {
        #expect(Pacing().simulatedDelta(wallNanos: 60_000_000_000, speed: 2) == 500_000_000)
    }

    @Test("input waits until the next frame is due: 30 fps running, half a second paused")
    func timeouts() {
        let pacing = Pacing()
        #expect(pacing.inputTimeoutMs(now: 0, lastFrame: 0, paused: false) == 34)
        #expect(pacing.inputTimeoutMs(now: 20_000_000, lastFrame: 0, paused: false) == 14)
        #expect(pacing.inputTimeoutMs(now: 40_000_000, lastFrame: 0, paused: false) == 0)
        #expect(pacing.inputTimeoutMs(now: 0, lastFrame: 0, paused: true) == 500)
    }

    @Test("the manual clock moves only when told")
    func manualClock() {
        let clock = ManualClock(nanoseconds: 5)
        #expect(clock.nanoseconds == 5)
        clock.advance(millis: 2)
        #expect(clock.nanoseconds == 2_000_005)
    }

    @Test("the system clock never goes backwards")
    func systemClock() {
        let clock = SystemClock()
        let a = clock.nanoseconds, b = clock.nanoseconds
        #expect(b >= a && a > 0)
    }
}
