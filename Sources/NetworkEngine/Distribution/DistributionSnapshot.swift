/// A file distribution as the live view sees it in one frame: the headline figures, the server's upload in use, and
/// the completion curve with its bound. Aggregates only; each shown node's own progress is its
/// `NodeView.progress`, and the chunks on their way to the shown nodes are the snapshot's `flights`.
public struct DistributionSnapshot: Sendable, Equatable {
    /// Nodes that want the file, and those that have all of it.
    public var nodes: Int
    public var completed: Int
    /// Chunks of the file, and chunks held over all nodes (the mean progress is `heldTotal / (nodes × chunks)`).
    public var chunks: Int
    public var heldTotal: Int
    public var fileMb: Double
    /// Simulated seconds since the start, and the Kurose–Ross lower bound that holds for the run (its architecture's,
    /// or the swarm's once the mesh was in force: `Engine.distributionBound`).
    public var elapsedSeconds: Double
    public var boundSeconds: Double
    /// When the last node got the file; nil while some node lacks chunks.
    public var finishedSeconds: Double?
    /// The server's upload slots busy, of all of them: the share of u_s in use.
    public var serverSlotsBusy: Int
    public var serverSlots: Int
    public var serverUploadMbps: Double
    /// Bytes sent by the server and by the peers so far.
    public var serverBytes: Int64
    public var peerBytes: Int64
    /// The share of nodes complete at `curve.count` evenly spaced instants: point k at `curveSpanSeconds × (k+1) /
    /// curve.count`; the span reaches past both now and the bound, so the bound always has its column.
    public var curve: [Double]
    public var curveSpanSeconds: Double
    /// Points the whole span has (`curve` stops at now, so it may have fewer).
    public var curvePoints: Int
    /// False once members left mid-way: their uploads helped, so no bound over those who stayed holds.
    public var boundHolds = true
    /// The server's disk failed with no backup: its copy of the file, the seed, is gone.
    public var seedLost = false
    /// Chunks lost on the nodes' failed disks, over the run.
    public var chunksLost = 0
    /// The server is down (crashed, or its disk being restored): it sends nothing now.
    public var serverDown = false

    /// The share of u_s in use now (0…1).
    public var serverUploadShare: Double { serverSlots > 0 ? Double(serverSlotsBusy) / Double(serverSlots) : 0 }
    /// The share of nodes with the whole file.
    public var completeShare: Double { nodes > 0 ? Double(completed) / Double(nodes) : 0 }
    /// The mean share of the file the nodes hold.
    public var meanProgress: Double {
        nodes > 0 && chunks > 0 ? Double(heldTotal) / (Double(nodes) * Double(chunks)) : 0
    }

    public init(nodes: Int, completed: Int, chunks: Int, heldTotal: Int, fileMb: Double, elapsedSeconds: Double,
                boundSeconds: Double, finishedSeconds: Double?, serverSlotsBusy: Int, serverSlots: Int,
                serverUploadMbps: Double, serverBytes: Int64, peerBytes: Int64, curve: [Double],
                curveSpanSeconds: Double, curvePoints: Int) {
        self.nodes = nodes; self.completed = completed; self.chunks = chunks; self.heldTotal = heldTotal
        self.fileMb = fileMb; self.elapsedSeconds = elapsedSeconds; self.boundSeconds = boundSeconds
        self.finishedSeconds = finishedSeconds; self.serverSlotsBusy = serverSlotsBusy; self.serverSlots = serverSlots
        self.serverUploadMbps = serverUploadMbps; self.serverBytes = serverBytes; self.peerBytes = peerBytes
        self.curve = curve; self.curveSpanSeconds = curveSpanSeconds; self.curvePoints = curvePoints
    }

    /// The chart's span for a run at `elapsed` seconds (the last completion, once every node has the file) with bound
    /// `bound`: a fifth past the later of the two, so the bound is never on the chart's edge and the curve has room
    /// to climb past it.
    public static func span(elapsed: Double, bound: Double) -> Double { max(1, max(elapsed, bound) * 1.2) }
}

extension DistributionModel {
    /// The share of nodes complete at `time`: completions are appended in time order, so a binary search finds how
    /// many came at or before it (O(log nodes)).
    func completeShare(at time: SimTime) -> Double {
        guard nodes > 0 else { return 0 }
        var lo = 0, hi = completions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if completions[mid] <= time { lo = mid + 1 } else { hi = mid }
        }
        return Double(lo) / Double(nodes)
    }

    /// The chunk on its way to node `i` now, as a flight from its uploader (node id; 0 the server) with its progress
    /// over transmission and latency; nil when nothing is on its way.
    func flight(to i: Int, now: SimTime, clientServer: Bool) -> FlightView? {
        let begun = lastTransfer[i].begun
        guard begun >= 0 else { return nil }
        let from = Int(lastTransfer[i].from)
        let span = (from < 0 ? serverTx : uploaders[from].tx) + latency
        let elapsed = now - begun
        guard elapsed <= span else { return nil }
        let progress = span > 0 ? Double(elapsed) / Double(span) : 1
        if from < 0, clientServer { return FlightView(client: i + 1, direction: .toClient, progress: progress) }
        return FlightView(from: from + 1, to: i + 1, progress: progress)
    }
}

extension Engine {
    /// The live view's distribution figures, the curve in `points` columns; nil unless the run distributes a file.
    func distributionSnapshot(points: Int) -> DistributionSnapshot? {
        guard let d = distribution else { return nil }
        let elapsed = now.inSeconds
        let bound = distributionBound(d)
        // Once every node has the file the span stops growing: the chart keeps the distribution, not the idle after.
        let span = DistributionSnapshot.span(elapsed: d.finished ? d.lastCompletion.inSeconds : elapsed, bound: bound)
        var curve: [Double] = []
        let count = max(0, points)
        curve.reserveCapacity(count)
        for k in 0..<count {
            let t = span * Double(k + 1) / Double(count)
            // Instants still to come have no share yet: the curve stops at now.
            if t > elapsed + span / Double(count) { break }
            curve.append(d.completeShare(at: .saturating(nanos: min(t, elapsed) * 1e9)))
        }
        var shot = DistributionSnapshot(
            nodes: d.nodes, completed: d.completed, chunks: d.chunks, heldTotal: d.heldTotal,
            fileMb: scenario.distribution.fileMb, elapsedSeconds: elapsed, boundSeconds: bound,
            finishedSeconds: d.finished ? d.lastCompletion.inSeconds : nil,
            serverSlotsBusy: d.serverSlots - d.serverIdle, serverSlots: d.serverSlots,
            serverUploadMbps: scenario.distribution.serverUploadMbps, serverBytes: ctx.metrics.traffic.serverFileBytes,
            peerBytes: ctx.metrics.traffic.peerFileBytes, curve: curve, curveSpanSeconds: span, curvePoints: count)
        shot.boundHolds = !d.someLeft
        shot.seedLost = d.seedLost
        shot.chunksLost = d.chunksLost
        shot.serverDown = d.serverDown
        return shot
    }

    /// The shown nodes' progress and activity in a distribution run: receiving a chunk is busy, a peer that left
    /// after completing is down; and the chunks on their way to them as flights.
    func annotateDistribution(_ nodes: inout [NodeView], flights: inout [FlightView]) {
        guard let d = distribution else { return }
        let now = ctx.now, clientServer = ctx.architecture == .clientServer
        for k in nodes.indices where nodes[k].role != .server {
            let i = nodes[k].id - 1
            guard i >= 0, i < d.nodes else { continue }
            nodes[k].progress = Double(d.held[i]) / Double(d.chunks)
            if nodes[k].activity != .down {
                nodes[k].activity = d.away[i] != 0 ? .down : d.room[i] < d.downloadOf[i] ? .busy : .idle
            }
            if let f = d.flight(to: i, now: now, clientServer: clientServer) { flights.append(f) }
        }
        if let s = nodes.first, s.role == .server {
            nodes[0].activity = d.serverIdle < d.serverSlots ? .busy : .idle
        }
    }
}
