/// Every node's lifetime counters as they stood at the last switch of architecture, so the inspector can show a
/// node's figures since the switch (`NodePhaseFigures`) as the difference.
///
/// Taken once per switch, O(N), into one array reused from switch to switch: memory stays at one entry per node slot
/// however often the run switches, and nothing is added to a request's path (the lifetime counters go on as before).
/// Empty until the first switch: a run that never switches pays nothing.
public struct NodeBaselines: Sendable {
    struct Entry: Sendable {
        var sent = 0
        var completed = 0
        var latencySum: SimTime = 0
        var served = 0
    }

    private var entries: [Entry] = []
    /// The server's served count at the switch.
    private var serverServed = 0

    init() {}

    /// Records the counters at a switch: each client's record, each peer's served count (`served`, empty without a
    /// mesh) and the server's.
    mutating func take(_ records: [ClientRecord], served: [Int], serverServed: Int) {
        entries.removeAll(keepingCapacity: true)
        entries.reserveCapacity(records.count)
        for (i, r) in records.enumerated() {
            entries.append(Entry(sent: r.sent, completed: r.completed, latencySum: r.latencySum,
                                 served: i < served.count ? served[i] : 0))
        }
        self.serverServed = serverServed
    }

    /// Client or peer slot `i`'s figures since the switch, given its lifetime `record` and, for a peer, its lifetime
    /// `served` count (nil for a client, which serves nothing). A slot that joined after the switch started from
    /// nothing.
    func since(_ i: Int, record: ClientRecord, served: Int?) -> NodePhaseFigures {
        let base = i < entries.count ? entries[i] : Entry()
        let completed = record.completed - base.completed
        let latency = record.latencySum - base.latencySum
        return NodePhaseFigures(sent: record.sent - base.sent, completed: completed,
                                meanLatencyMs: completed > 0 ? Double(latency) / Double(completed) / 1e6 : 0,
                                served: served.map { $0 - base.served } ?? 0)
    }

    /// The server's figures since the switch, given its lifetime served count.
    func sinceForServer(served: Int) -> NodePhaseFigures {
        NodePhaseFigures(completed: served - serverServed, served: served - serverServed)
    }
}
