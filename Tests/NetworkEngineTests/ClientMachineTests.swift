import Testing
import NetworkEngine

/// The client's protocol without the simulator: a driver of its own (here, a test with plain integers for request
/// identifiers) feeds it inputs and the time and carries out what it returns.
@Suite("Client machine")
struct ClientMachineTests {
    struct Attempt: ClientAttempt {
        var attempt: UInt16 = 0
        var loggingIn = false
        var issuedAt: SimTime = 0
    }

    @Test("a client without a session logs in first; with the server's current session it sends the request itself")
    func loginFirst() {
        let machine = ClientMachine<Int>(retries: 2, timeout: .seconds(5), authenticates: true)
        var state = Attempt()
        #expect(machine.attemptToServer(&state, session: 0, loginEpoch: 3))
        #expect(state.loggingIn)
        switch machine.replied(7, .loggedIn, state, now: .seconds(1), loginEpoch: 3) {
        case .loggedIn(let request, let session): #expect(request == 7 && session == 3)
        case .finish: Issue.record("a successful login does not end the request")
        }
        #expect(!machine.attemptToServer(&state, session: 3, loginEpoch: 3))
        // The server restarted (its epoch moved): the old session no longer counts.
        #expect(machine.attemptToServer(&state, session: 3, loginEpoch: 4))
        let open = ClientMachine<Int>(retries: 2, timeout: .seconds(5), authenticates: false)
        var plain = Attempt()
        #expect(!open.attemptToServer(&plain, session: 0, loginEpoch: 9))
    }

    @Test("a timer retries up to the limit, then gives up; a timer of an earlier attempt is stale")
    func retries() {
        let machine = ClientMachine<Int>(retries: 2, timeout: .seconds(5), authenticates: false)
        var state = Attempt()
        #expect(machine.deadline(sentAt: .seconds(10)) == .seconds(15))
        var verdicts: [String] = []
        for fired in [UInt16(0), 0, 1, 2] {
            switch machine.timerFired(4, attempt: fired, &state) {
            case .stale: verdicts.append("stale")
            case .retry(let r): verdicts.append("retry \(r) as attempt \(state.attempt)")
            case .giveUp(let r): verdicts.append("give up \(r)")
            }
        }
        #expect(verdicts == ["retry 4 as attempt 1", "stale", "retry 4 as attempt 2", "give up 4"])
        #expect(ClientMachine<Int>(retries: 0, timeout: 0, authenticates: false).deadline(sentAt: .seconds(1)) == nil)
    }

    @Test("a reply ends the request with its latency from the first attempt, or with the server's refusal")
    func replies() {
        let machine = ClientMachine<Int>(retries: 1, timeout: .seconds(5), authenticates: false)
        let state = Attempt(attempt: 1, loggingIn: false, issuedAt: .seconds(2))
        var outcomes: [ClientOutcome] = []
        for reply in [ReplyOutcome.completed, .rejected, .failed, .denied] {
            if case .finish(_, let outcome) = machine.replied(1, reply, state, now: .millis(2_250), loginEpoch: 1) {
                outcomes.append(outcome)
            }
        }
        #expect(outcomes == [.completed(latency: .millis(250)), .rejected, .failed, .denied])
    }

    @Test("the server machine runs over any request identifier and returns its effects in order")
    func serverOverStrings() {
        var server = ServerMachine<String>(workers: 1, queueCapacity: 1)
        #expect(server.receive("a").start?.request == "a")
        let queued = server.receive("b")  // the room (one place) is now full: overloaded
        #expect(queued.start == nil && queued.reply == nil && queued.overload?.overloaded == true)
        let full = server.receive("c")
        #expect(full.overload == nil && full.reply?.request == "c" && full.reply?.outcome == .rejected)
        let done = server.finish(worker: 0)
        #expect(done.reply?.request == "a" && done.start?.request == "b" && done.overload?.overloaded == false)
        let crash = server.crash()
        #expect(crash.failed == ["b"] && !server.up)
        #expect(server.receive("d").reply?.outcome == .failed)
    }
}
