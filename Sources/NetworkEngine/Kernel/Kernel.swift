/// The discrete-event kernel: the clock and the pending events, nothing else.
///
/// Modelled on SimPy's environment and SwiftNIO's `EmbeddedEventLoop`: `now`, `schedule`, and a way to take the next
/// due event. Real-time pacing lives outside (the live view calls `advance(to:)` each frame), so tests never sleep.
///
/// A class, owned by its model: there is one clock per simulation, and since the kernel is never copied its queue
/// (private to it) never is, so it skips the queue's copy-on-write check on every push and pop (a runtime call each;
/// docs/PERFORMANCE.md, 'Design measurements'). Internal: it is the engine's, and what it holds (the engine's
/// events) is for the engine alone.
final class Kernel<Event: BitwiseCopyable> {
    /// The current simulated time.
    var now: SimTime = 0
    /// Events taken from the queue so far.
    var eventsProcessed: Int = 0
    private var queue = EventQueue<Event>()
    /// Events scheduled for the current instant, in the order they were scheduled.
    ///
    /// They skip the queue without changing the order: every queued event due now was scheduled before them (any event
    /// scheduled at this instant for this instant lands here), so it has a smaller sequence number and runs first;
    /// and the clock cannot move on while this queue holds anything. Zero-latency hops are half of all events in
    /// the queueing-theory runs.
    var immediate = RingBuffer<Event>(initialCapacity: 64)

    init() {}

    /// A kernel at the same instant with the same pending events, owning its own queue (a checkpoint).
    func copy() -> Kernel {
        let copy = Kernel()
        copy.now = now
        copy.eventsProcessed = eventsProcessed
        copy.queue = queue
        copy.queue.makeUnique()  // the copy clones the store; this kernel's stays its own
        copy.immediate = immediate
        return copy
    }

    /// The number of pending events.
    var pendingCount: Int { queue.count + immediate.count }

    /// The time of the next pending event, if any.
    var nextEventTime: SimTime? { immediate.isEmpty ? queue.nextTime : now }

    /// Schedules `event` to run `delay` nanoseconds from now (a negative delay runs it now).
    func schedule(_ event: Event, after delay: SimTime) {
        guard delay > 0 else { immediate.append(event); return }
        // An absurd delay saturates at the end of time rather than wrapping into the past.
        let (time, overflow) = now.addingReportingOverflow(delay)
        queue.pushOwned(event, at: overflow ? .max : time)
    }

    /// Schedules `event` at an absolute time (clamped to now).
    func schedule(_ event: Event, at time: SimTime) {
        if time <= now { immediate.append(event) } else { queue.pushOwned(event, at: time) }
    }

    /// Rewrites every pending event in place, without moving any in time or order: for a model whose events name
    /// things by a numbering that it has just changed.
    func updatePending(_ body: (inout Event) -> Void) {
        immediate.updateEach(body)
        queue.updateEach(body)
    }

    /// Takes the next event due at or before `limit`, moving the clock to its time; nil when none is due.
    func next(until limit: SimTime) -> Event? {
        if !immediate.isEmpty, now <= limit, queue.nextTimeOwned() != now {
            eventsProcessed &+= 1
            return immediate.popFirst()
        }
        guard let e = queue.popOwned(notAfter: limit) else { return nil }
        now = e.time
        eventsProcessed &+= 1
        return e.payload
    }

    /// A queued event `k` places ahead when it is already at hand (see `EventQueue.upcoming(_:)`).
    func upcoming(_ k: Int) -> Event? { queue.upcoming(k) }

    /// Moves the clock forward to `time` without running anything (used after the due events are done).
    func moveClock(to time: SimTime) {
        if time > now { now = time }
    }
}

/// A model driven by a `Kernel`: it owns the kernel and handles each event it takes from it.
///
/// `step()`, `run(until:)` and `advance(to:)` are provided; a model only says what an event does.
/// Internal: its requirements are the model's kernel and event handler, which nothing outside the model may reach
/// (the engine's events name raw slots); a model offers its own public `step()`, `run(until:)` and `advance(to:)`.
protocol Simulation: AnyObject {
    associatedtype Event: BitwiseCopyable
    var kernel: Kernel<Event> { get }
    /// Handles one event at `kernel.now`.
    func handle(_ event: Event)
}

extension Simulation {
    /// The current simulated time.
    var now: SimTime { kernel.now }

    /// Schedules `event` after `delay`.
    func schedule(_ event: Event, after delay: SimTime) { kernel.schedule(event, after: delay) }

    /// Runs the single next event, whenever it is due; false when nothing is pending.
    @discardableResult
    func step() -> Bool {
        guard let e = kernel.next(until: .max) else { return false }
        handle(e)
        return true
    }

    /// Runs every event due at or before `time`, then moves the clock to `time`.
    func run(until time: SimTime) {
        while let e = kernel.next(until: time) { handle(e) }
        kernel.moveClock(to: time)
    }

    /// Brings the simulation to `time`: what the live view calls every frame with wall time × speed.
    func advance(to time: SimTime) { run(until: time) }
}
