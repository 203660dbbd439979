import NetworkEngine
import TerminalCanvas

/// A step the user ran with `.`, as the event log keeps it: the time it ran at and what the model said it was.
public struct StepLogEntry: Sendable, Equatable {
    public var time: SimTime
    public var text: String

    public init(time: SimTime, text: String) { self.time = time; self.text = text }
}

/// Which line of the event log is selected: the newest event of the line when it was selected, and its kind (nil for
/// a step), so the selection stays on its line while newer events arrive and while its group grows.
public struct EventLogAnchor: Sendable, Equatable {
    public var time: SimTime
    public var kind: NetworkEvent.Kind?

    public init(time: SimTime, kind: NetworkEvent.Kind?) { self.time = time; self.kind = kind }
}

/// One line of the event log: an event, a step, or repeats of one kind at one class of node shown once with a count.
struct EventLogLine: Equatable {
    enum Subject: Equatable {
        case event(NetworkEvent)
        case step(StepLogEntry)
    }

    /// The line's newest event or step: what it says, and where it stands in time.
    var newest: Subject
    /// The architecture in force at the newest event: whether its nodes are clients or peers.
    var architecture: Architecture
    var nodeClass: EventNodeClass
    /// Events the line stands for (1 unless repeats were grouped).
    var count = 1
    var oldestTime: SimTime
    var lowestNode: Int
    var highestNode: Int

    var time: SimTime {
        switch newest {
        case .event(let e): e.time
        case .step(let s): s.time
        }
    }

    /// The kind of the line's events; nil for a step.
    var kind: NetworkEvent.Kind? {
        if case .event(let e) = newest { return e.kind }
        return nil
    }

    var severity: EventSeverity { kind.map { EventWords.wording($0).severity } ?? .info }

    /// What selects this line.
    var anchor: EventLogAnchor { EventLogAnchor(time: time, kind: kind) }

    /// True when `anchor` names this line: same kind, and the anchored event is among the line's.
    func holds(_ anchor: EventLogAnchor) -> Bool {
        anchor.kind == kind && oldestTime <= anchor.time && anchor.time <= time
    }
}

/// What the event log is built from: the engine's events, the user's steps, and what selects among them.
struct EventLogSource {
    /// The snapshot's recent events, oldest first.
    var events: [NetworkEvent]
    /// Steps run with `.`, oldest first.
    var steps: [StepLogEntry]
    /// The architecture now, and the times it switched: together they say whether node 5 was a client or a peer.
    var architecture: Architecture
    var switches: [SimTime]
    var filter: EventFilter
    /// The search, lowercased; nil or empty shows every line.
    var search: String?
    /// Whether each event and each step holds the search, worked out once (the pane and its title both ask).
    private var eventMatches: [Bool] = []
    private var stepMatches: [Bool] = []

    init(events: [NetworkEvent], steps: [StepLogEntry], architecture: Architecture, switches: [SimTime],
         filter: EventFilter, search: String?) {
        self.events = events; self.steps = steps; self.architecture = architecture; self.switches = switches
        self.filter = filter
        let trimmed = search.map { $0.lowercased() }
        self.search = trimmed?.isEmpty == false ? trimmed : nil
        guard let wanted = self.search else { return }
        var eventMatches = [Bool](repeating: false, count: events.count)
        var stepMatches = [Bool](repeating: false, count: steps.count)
        walk { subject, architecture, index in
            let hit = EventLogText.searchText(subject, architecture: architecture).lowercased().contains(wanted)
            if case .event = subject { eventMatches[index] = hit } else { stepMatches[index] = hit }
            return true
        }
        self.eventMatches = eventMatches
        self.stepMatches = stepMatches
    }

    init(snapshot: Snapshot, state: AppState) {
        self.init(events: snapshot.recentEvents, steps: state.stepLog, architecture: snapshot.architecture,
                  switches: snapshot.switches, filter: state.eventFilter, search: state.logSearch)
    }

    init(context: UpdateContext, state: AppState) {
        self.init(events: context.recentEvents, steps: state.stepLog, architecture: context.architecture,
                  switches: context.switchTimes, filter: state.eventFilter, search: state.logSearch)
    }

    /// Calls `body` with every event and step, newest first, each with the architecture in force at its time and
    /// whether it holds the search (true when there is none), until `body` returns false.
    func forEachNewestFirst(_ body: (EventLogLine.Subject, Architecture, _ matches: Bool) -> Bool) {
        walk { subject, architecture, index in
            guard search != nil else { return body(subject, architecture, true) }
            if case .event = subject { return body(subject, architecture, eventMatches[index]) }
            return body(subject, architecture, stepMatches[index])
        }
    }

    /// Every event and step, newest first, with the architecture at its time and its index in `events` or `steps`.
    /// A step comes after (is older than) the events of its own instant: it caused them.
    private func walk(_ body: (EventLogLine.Subject, Architecture, Int) -> Bool) {
        var e = events.count - 1, s = steps.count - 1
        var switchesAfter = 0, sw = switches.count - 1
        while e >= 0 || s >= 0 {
            let takeEvent = s < 0 || (e >= 0 && events[e].time >= steps[s].time)
            let time = takeEvent ? events[e].time : steps[s].time
            // Switches later than this instant each flipped the architecture once since.
            while sw >= 0, switches[sw] > time { switchesAfter += 1; sw -= 1 }
            let architecture = switchesAfter % 2 == 0 ? self.architecture
                : self.architecture == .peerMesh ? .clientServer : .peerMesh
            let subject: EventLogLine.Subject = takeEvent ? .event(events[e]) : .step(steps[s])
            let index = takeEvent ? e : s
            if takeEvent { e -= 1 } else { s -= 1 }
            if !body(subject, architecture, index) { return }
        }
    }

    /// True when the filter lets `subject` through (the search is the walk's `matches`).
    func filterAdmits(_ subject: EventLogLine.Subject) -> Bool {
        switch subject {
        case .event(let event): filter.admits(event.kind)
        case .step: filter.admitsSteps
        }
    }

    /// How many events and steps the search matches, of those the filter lets through: the title's `3 of 120`.
    func searchCounts() -> (matching: Int, of: Int) {
        var matching = 0, of = 0
        forEachNewestFirst { subject, _, matches in
            if filterAdmits(subject) {
                of += 1
                if matches { matching += 1 }
            }
            return true
        }
        return (matching, of)
    }
}

/// The event log's lines, newest first, repeats grouped.
struct EventLogLines {
    /// The lines, newest first: every line up to `limit`, with final counts.
    var lines: [EventLogLine] = []
    /// Security and failure lines older than the `limit`-th line (at most `keptLimit` of them): what the log keeps in
    /// view when newer lines fill the pane.
    var keptBeyond: [EventLogLine] = []
    /// Events and steps the walk looked at: what the build cost.
    var visited = 0

    /// Events of one kind at one class of node, with the same outcome, are repeats of each other.
    private struct GroupKey: Hashable {
        var kind: NetworkEvent.Kind
        var nodeClass: EventNodeClass
        var outcome: NetworkEvent.Outcome?
    }

    /// How far apart in time two repeats may be and still share a line when other lines came between them.
    static let sameMoment: SimTime = .seconds(1)

    /// Groups `source` into lines, newest first.
    ///
    /// An event joins the line of its repeats when it follows it directly in the log or is less than a second older
    /// than that line's newest; kinds whose every line matters (a breach, a switch) never group. The walk stops once it has `limit`
    /// lines whose counts no older event can change and `keptLimit` security or failure lines beyond them, so its cost
    /// follows what the pane shows, not how many events the snapshot holds.
    static func build(_ source: EventLogSource, limit: Int = .max, keptLimit: Int = 0) -> EventLogLines {
        var result = EventLogLines()
        var open: [GroupKey: Int] = [:]
        var openBeyond: [GroupKey: Int] = [:]
        // The line the previous admitted event went to: a repeat that follows it directly joins it.
        var previous: Int?
        var previousBeyond: Int?
        source.forEachNewestFirst { subject, architecture, matches in
            result.visited += 1
            guard matches, source.filterAdmits(subject) else { return true }
            let full = result.lines.count >= limit
            if full, let last = result.lines.last, result.keptBeyond.count >= keptLimit, previous == nil,
               last.time - subjectTime(subject) > sameMoment {
                return false
            }
            var key: GroupKey?
            if case .event(let event) = subject, EventWords.wording(event.kind).groups {
                key = GroupKey(kind: event.kind, nodeClass: EventNodeClass(node: event.node, architecture: architecture),
                               outcome: event.outcome)
            }
            if let key, let i = open[key], previous == i || result.lines[i].time - subjectTime(subject) < sameMoment {
                result.lines[i].absorb(subject)
                previous = i
                return true
            }
            guard !full else {
                previous = nil
                let line = EventLogLine(subject, architecture: architecture)
                guard line.severity.isKeptInView else { previousBeyond = nil; return true }
                if let key, let i = openBeyond[key],
                   previousBeyond == i || result.keptBeyond[i].time - subjectTime(subject) < sameMoment {
                    result.keptBeyond[i].absorb(subject)
                    previousBeyond = i
                } else if result.keptBeyond.count < keptLimit {
                    result.keptBeyond.append(line)
                    if let key { openBeyond[key] = result.keptBeyond.count - 1 }
                    previousBeyond = result.keptBeyond.count - 1
                }
                return true
            }
            result.lines.append(EventLogLine(subject, architecture: architecture))
            previous = result.lines.count - 1
            if let key { open[key] = previous }
            return true
        }
        return result
    }

    private static func subjectTime(_ subject: EventLogLine.Subject) -> SimTime {
        switch subject {
        case .event(let e): e.time
        case .step(let s): s.time
        }
    }
}

extension EventLogLine {
    /// A line of one event or step.
    init(_ subject: EventLogLine.Subject, architecture: Architecture) {
        newest = subject
        self.architecture = architecture
        switch subject {
        case .event(let e):
            nodeClass = EventNodeClass(node: e.node, architecture: architecture)
            oldestTime = e.time; lowestNode = e.node; highestNode = e.node
        case .step(let s):
            nodeClass = .server
            oldestTime = s.time; lowestNode = 0; highestNode = 0
        }
    }

    /// Counts an older repeat into the line.
    mutating func absorb(_ subject: EventLogLine.Subject) {
        guard case .event(let e) = subject else { return }
        count += 1
        oldestTime = min(oldestTime, e.time)
        lowestNode = min(lowestNode, e.node)
        highestNode = max(highestNode, e.node)
    }
}

extension Array where Element == EventLogLine {
    /// The index of the line `anchor` selects: the line that holds its event, else the first line older than it
    /// (its line left the log or the filter), else the oldest line.
    func index(of anchor: EventLogAnchor) -> Int {
        if let i = firstIndex(where: { $0.holds(anchor) }) { return i }
        if let i = firstIndex(where: { $0.time <= anchor.time }) { return i }
        return Swift.max(0, count - 1)
    }
}
