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
    /// The Kurose–Ross lower bound for this run's population (`DistributionBound`), of its architecture or, once
    /// the mesh was in force, the swarm's (`Engine.distributionBound`).
    public var boundSeconds: Double
    /// Why no bound holds for this run (members left mid-way), naming `distribution_s`; nil when it holds.
    public var boundBroken: String? = nil
}

extension Engine {
    /// The distribution figures so far; nil unless the run distributes a file.
    public var distributionView: DistributionView? {
        guard let d = distribution else { return nil }
        return DistributionView(
            nodes: d.nodes, completed: d.completed, timeSeconds: d.lastCompletion.inSeconds,
            meanTimeSeconds: d.completed > 0 ? d.completionSum / Double(d.completed) : 0,
            serverBytes: ctx.metrics.traffic.serverFileBytes, peerBytes: ctx.metrics.traffic.peerFileBytes,
            completionSeconds: d.completedAt.prefix(d.nodes).map { $0 < 0 ? nil : $0.inSeconds },
            boundSeconds: distributionBound(d),
            boundBroken: d.nodes == 0 ? Self.noNodes : d.someLeft ? Self.leftBreaksBound : nil)
    }

    /// The lower bound that holds for the run so far, over the members now. Nodes that joined late only make the
    /// run slower than one where all started at once, so the bound still holds; so does a crash, churn or a lost
    /// disk. A run that ever had the mesh in force may have had peers upload, so the swarm's bound is the one that
    /// holds for it (the server's alone would not be a bound after a switch back to client-server).
    ///
    /// The rates are the members' own (`DistributionModel.downloadOf`, `uploaders`): nodes that joined one at a time
    /// took the classes that kept the shares closest, which need not be those a run starting with N would have.
    func distributionBound(_ d: DistributionModel) -> Double {
        let d0 = scenario.distribution
        let fileBits = d0.fileMb * 8e6, us = d0.serverUploadMbps * 1e6
        let dMin = Double(d.downloadOf.prefix(d.nodes).min() ?? 1)
        guard d.everMesh else {
            return DistributionBound.clientServer(fileBits: fileBits, nodes: d.nodes, serverBps: us, minDownloadBps: dMin)
        }
        let peers = d.uploaders.prefix(d.nodes).reduce(0) { $0 + Double($1.bps) }
        return DistributionBound.peerToPeer(fileBits: fileBits, nodes: d.nodes, serverBps: us, minDownloadBps: dMin,
                                            peersUploadBps: peers)
    }

    /// Why there is no bound with no nodes: nothing is distributed.
    static let noNodes = "distribution_s: no nodes want the file"

    /// Why the bound does not hold once members left mid-way.
    static let leftBreaksBound = "distribution_s: nodes left mid-way, after their uploads had helped those who stayed"
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
            ("  lower bound", d.boundBroken == nil ? Self.fixed(d.boundSeconds, 1) + " s (Kurose–Ross)"
                : "none: " + (d.boundBroken?.dropFirst("distribution_s: ".count) ?? "")),
            ("  sent by server / peers", Self.gigabytes(Double(d.serverBytes)) + " / " + Self.gigabytes(Double(d.peerBytes))),
        ]
    }
}

extension Engine {
    /// Whether a distribution run is over: every node has the file and no timeline entry is still to come (one may
    /// add nodes, which want it too); always false in other runs.
    public var distributionFinished: Bool { (distribution?.finished ?? false) && timelinePending == 0 }

    /// `run(until:)` of a distribution run: it ends when it is over (`distributionFinished`), the clock then standing
    /// at the last completion (so `simulated_seconds` is the distribution time), or at `time`.
    func runDistribution(until time: SimTime) {
        while !distributionFinished, let e = kernel.next(until: time) { handle(e) }
        if !distributionFinished { kernel.moveClock(to: time) }
    }
}
