import NcursesTerminal
import Testing

@Suite("Noticing that the terminal went away")
struct DeadInputDetectorTests {
    @Test("ordinary timeouts never end the input")
    func timeoutsAreNormal() {
        var detector = DeadInputDetector()
        for _ in 0..<1000 {
            do { let ended = detector.recordError(elapsedMs: 100, timeoutMs: 100, isIOError: false, inputIsTerminal: true); #expect(!ended) }
        }
    }

    @Test("fifty immediate errors in a row end the input")
    func immediateErrors() {
        var detector = DeadInputDetector()
        for _ in 0..<49 {
            do { let ended = detector.recordError(elapsedMs: 0, timeoutMs: 100, isIOError: false, inputIsTerminal: true); #expect(!ended) }
        }
        do { let ended = detector.recordError(elapsedMs: 0, timeoutMs: 100, isIOError: false, inputIsTerminal: true); #expect(ended) }
    }

    @Test("a key or a real timeout in between resets the count")
    func resets() {
        var detector = DeadInputDetector()
        for _ in 0..<49 {
            _ = detector.recordError(elapsedMs: 1, timeoutMs: 100, isIOError: false, inputIsTerminal: true)
        }
        detector.recordInput()
        do { let ended = detector.recordError(elapsedMs: 1, timeoutMs: 100, isIOError: false, inputIsTerminal: true); #expect(!ended) }
        for _ in 0..<48 {
            _ = detector.recordError(elapsedMs: 1, timeoutMs: 100, isIOError: false, inputIsTerminal: true)
        }
        do { let ended = detector.recordError(elapsedMs: 100, timeoutMs: 100, isIOError: false, inputIsTerminal: true); #expect(!ended) }
        do { let ended = detector.recordError(elapsedMs: 1, timeoutMs: 100, isIOError: false, inputIsTerminal: true); #expect(!ended) }
    }

    @Test("EIO or a stdin that is no longer a terminal ends the input after a few errors")
    func hardErrors() {
        var detector = DeadInputDetector()
        do { let ended = detector.recordError(elapsedMs: 0, timeoutMs: 0, isIOError: true, inputIsTerminal: true); #expect(!ended) }
        do { let ended = detector.recordError(elapsedMs: 0, timeoutMs: 0, isIOError: false, inputIsTerminal: false); #expect(!ended) }
        do { let ended = detector.recordError(elapsedMs: 0, timeoutMs: 0, isIOError: true, inputIsTerminal: false); #expect(ended) }
    }

    @Test("with a zero timeout, empty polls are not mistaken for a dead terminal")
    func zeroTimeoutPolls() {
        var detector = DeadInputDetector()
        for _ in 0..<1000 {
            do { let ended = detector.recordError(elapsedMs: 0, timeoutMs: 0, isIOError: false, inputIsTerminal: true); #expect(!ended) }
        }
    }
}
