/// What a client keeps of one request while it waits: which attempt is out, whether that attempt is a login, and
/// when the request was first made. The simulator keeps it in its request table; another driver may keep it anywhere.
public protocol ClientAttempt {
    var attempt: UInt16 { get set }
    var loggingIn: Bool { get set }
    var issuedAt: SimTime { get }
}

/// How a request ended, from its requester's point of view.
public enum ClientOutcome: Sendable, Equatable {
    case completed(latency: SimTime), rejected, timedOut, failed, denied
}

/// A client's protocol as a sans-I/O state machine: it logs in when it has no session, sends, waits with a timeout,
/// retries, and gives up. Each input (the time included) returns what the driver must do; it never calls the driver,
/// sends nothing and reads no clock, so the simulator is one driver of it and a real-network mode could be another.
/// Generic over the request identifier.
public struct ClientMachine<Request> {
    /// Retries after the first attempt before giving up.
    public let retries: Int
    /// How long an attempt waits for its reply (0: forever).
    public let timeout: SimTime
    /// Whether the server checks accounts, so a client without a session logs in first.
    public let authenticates: Bool

    public init(retries: Int, timeout: SimTime, authenticates: Bool) {
        self.retries = retries; self.timeout = timeout; self.authenticates = authenticates
    }

    /// What to send to the server for the request's current attempt: a login first when the client's session is not
    /// the server's current one (`loginEpoch`). Returns whether the message is a login.
    @inline(__always)
    public func attemptToServer(_ state: inout some ClientAttempt, session: UInt32, loginEpoch: UInt32) -> Bool {
        if authenticates { state.loggingIn = session != loginEpoch }
        return state.loggingIn
    }

    /// When the attempt just sent must have its answer (nil: no timeout).
    @inline(__always) public func deadline(sentAt now: SimTime) -> SimTime? { timeout > 0 ? now + timeout : nil }

    /// What a timer's firing means.
    public enum TimerStep { case stale, retry(Request), giveUp(Request) }

    /// The timer of `attempt` fired: stale if a later attempt is out, else retry (the next attempt, sent like the
    /// first) or give up.
    @inline(__always)
    public func timerFired(_ request: Request, attempt: UInt16, _ state: inout some ClientAttempt) -> TimerStep {
        guard state.attempt == attempt else { return .stale }
        guard Int(attempt) < retries else { return .giveUp(request) }
        state.attempt = attempt + 1
        return .retry(request)
    }

    /// What a reply means.
    public enum ReplyStep {
        /// The request ended.
        case finish(Request, ClientOutcome)
        /// The login succeeded: the client now has the server's current session and sends the request itself, in
        /// the same attempt (its timer already runs).
        case loggedIn(Request, session: UInt32)
    }

    /// A reply to the request arrived at `now`.
    @inline(__always)
    public func replied(_ request: Request, _ outcome: ReplyOutcome, _ state: some ClientAttempt, now: SimTime,
                        loginEpoch: UInt32) -> ReplyStep {
        switch outcome {
        case .completed: .finish(request, .completed(latency: now - state.issuedAt))
        case .rejected: .finish(request, .rejected)
        case .failed: .finish(request, .failed)
        case .denied: .finish(request, .denied)
        case .loggedIn: .loggedIn(request, session: loginEpoch)
        }
    }
}
