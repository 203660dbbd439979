/// The figures of a file distribution run (`workload.kind: distribution`): JSON `distribution` and
/// `theory.distribution_s`, the table's distribution rows, and `compare`'s columns.
public struct DistributionView: Sendable, Equatable {
    public var nodes: Int
    /// Nodes that have the whole file.
    public var completed: Int
    /// The last completion, in seconds (when every node has the file, the distribution time).
    public var timeSeconds: Double
    /// The mean completion time of the nodes that completed (0 when none did).
    public var meanTimeSeconds: Double
    /// Bytes of chunks the server sent, and the peers.
    public var serverBytes: Int64
    public var peerBytes: Int64
    /// Each node's completion time in seconds, nil while it lacks chunks (node i is node id i + 1).
    public var completionSeconds: [Double?]
    /// The Kurose–Ross lower bound for this architecture and population (`DistributionBound`).
    public var boundSeconds: Double
}

extension Engine {
    /// The distribution figures so far; nil unless the run distributes a file.
    public var distributionView: DistributionView? {
        guard let d = distribution else { return nil }
        return DistributionView(
            nodes: d.nodes, completed: d.completed, timeSeconds: d.lastCompletion.inSeconds,
            meanTimeSeconds: d.completed > 0 ? d.completionSum / Double(d.completed) : 0,
            serverBytes: d.serverBytes, peerBytes: d.peerBytes,
            completionSeconds: d.completedAt.map { $0 < 0 ? nil : $0.inSeconds },
            boundSeconds: DistributionBound.seconds(scenario, nodes: d.nodes))
    }
}

extension RunReport {
    /// `distribution` and `theory` (with `distribution_s`), only in a distribution run, so every other run's JSON is
    /// as it was.
    var distributionJSON: [(String, JSONValue)] {
        guard let d = distribution else { return [] }
        return [
            ("distribution", .object([
                ("nodes", .int(d.nodes)),
                ("completed", .int(d.completed)),
                ("time_s", .rounded(d.timeSeconds, 3)),
                ("mean_time_s", .rounded(d.meanTimeSeconds, 3)),
                ("server_bytes", .int(Int(d.serverBytes))),
                ("peer_bytes", .int(Int(d.peerBytes))),
            ])),
        ]
    }

    /// The table's distribution rows (none in other runs).
    var distributionRows: [(String, String)] {
        guard let d = distribution else { return [] }
        return [
            ("file distribution", "\(d.completed) of \(d.nodes) nodes have the file"),
            ("  last / mean done", Self.fixed(d.timeSeconds, 1) + " / " + Self.fixed(d.meanTimeSeconds, 1) + " s"),
            ("  lower bound", Self.fixed(d.boundSeconds, 1) + " s (Kurose–Ross, this architecture)"),
            ("  sent by server / peers", Self.gigabytes(Double(d.serverBytes)) + " / " + Self.gigabytes(Double(d.peerBytes))),
        ]
    }
}

extension Engine {
    /// Whether a distribution run is over: every node has the file (always false in other runs).
    public var distributionFinished: Bool { distribution?.finished ?? false }

    /// `run(until:)` of a distribution run: it ends when every node has the file, the clock then standing at the
    /// last completion (so `simulated_seconds` is the distribution time), or at `time`.
    func runDistribution(until time: SimTime) {
        while distribution?.finished == false, let e = kernel.next(until: time) { handle(e) }
        if distribution?.finished == false { kernel.moveClock(to: time) }
    }
}
