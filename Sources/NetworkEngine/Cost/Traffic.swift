/// What the server and the peers sent, counted where it is sent: replies that carry a resource (`workload.size_kb`
/// each) and every other message (a request, a lookup, a flood's query or hit, a refusal: `CostModel.messageBytes`
/// each), and a distributed file's chunks, by their bytes. A message lost on the wire was still sent, so it counts. The attack's guesses and their answers are left
/// out: the attacker's traffic is nobody's bill here.
public struct Traffic: Sendable, Equatable {
    /// Resources the server sent: replies to requests, and the replicas it seeds at a switch to the mesh.
    public var serverResources = 0
    /// The server's other replies (rejections, denials, login answers, failures).
    public var serverMessages = 0
    /// Resources peers sent: replies to requests, and their uploads to a server at a switch back.
    public var peerResources = 0
    /// Peers' other messages: lookups, forwarded requests, flood queries and hits, refusals.
    public var peerMessages = 0
    /// Bytes of a distributed file's chunks the server sent, and the peers (`DistributionModel`; JSON
    /// `distribution.server_bytes` and `peer_bytes`).
    public var serverFileBytes: Int64 = 0
    public var peerFileBytes: Int64 = 0
    public init() {}

    /// Bytes out of the server, for replies of `replyBytes`.
    public func serverBytes(replyBytes: Double) -> Double {
        Double(serverResources) * replyBytes + Double(serverMessages) * CostModel.messageBytes + Double(serverFileBytes)
    }

    /// Bytes the peers uploaded, for replies of `replyBytes`.
    public func peerBytes(replyBytes: Double) -> Double {
        Double(peerResources) * replyBytes + Double(peerMessages) * CostModel.messageBytes + Double(peerFileBytes)
    }
}

extension EngineContext {
    /// A peer sends a message that carries no resource (a flood's query or hit): counted, then sent or lost.
    @inline(__always) mutating func peerSendsAndLoses() -> Bool {
        metrics.traffic.peerMessages += 1
        return sendsAndLoses()
    }
}
