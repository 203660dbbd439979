import NetworkEngine

/// Which events the event log shows; `e` cycles all → security → overload → failures → all.
public enum EventFilter: String, CaseIterable, Sendable, Equatable {
    case all, security, overload, failures

    /// The filter `e` moves to.
    public var next: EventFilter {
        switch self {
        case .all: .security
        case .security: .overload
        case .overload: .failures
        case .failures: .all
        }
    }

    /// True when the log shows events of `kind` under this filter.
    public func admits(_ kind: NetworkEvent.Kind) -> Bool {
        switch self {
        case .all: true
        case .security: kind.category == .security
        case .overload: kind.category == .overload
        case .failures: kind.category == .failures
        }
    }

    /// True when the log shows the steps run with `.` under this filter: only when it shows everything.
    public var admitsSteps: Bool { self == .all }

    /// The events this filter shows, newest first: the order the log draws them in.
    public func newestFirst(_ events: [NetworkEvent]) -> [NetworkEvent] {
        var shown: [NetworkEvent] = []
        shown.reserveCapacity(events.count)
        for e in events.reversed() where admits(e.kind) { shown.append(e) }
        return shown
    }
}
