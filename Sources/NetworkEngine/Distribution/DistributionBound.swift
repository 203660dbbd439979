/// The Kurose–Ross lower bounds on the time to distribute one file of F bits to N nodes (Computer Networking, §2.5):
/// no schedule of transfers, however clever, finishes sooner.
///
/// - Client-server: the server must upload N·F bits at u_s, and the slowest node must download F bits at d_min:
///   D_cs ≥ max{N·F/u_s, F/d_min}.
/// - Peer-to-peer: the server must upload every bit once (F/u_s), the slowest node must download F (F/d_min), and
///   the N·F bits delivered leave through the total upload capacity u_s + Σu_i:
///   D_p2p ≥ max{F/u_s, F/d_min, N·F/(u_s + Σu_i)}.
///
/// Rates in bit/s, sizes in bits, times in seconds.
public enum DistributionBound {
    /// D_cs for `nodes` nodes.
    public static func clientServer(fileBits: Double, nodes: Int, serverBps: Double, minDownloadBps: Double) -> Double {
        guard nodes > 0 else { return 0 }
        return max(Double(nodes) * fileBits / serverBps, fileBits / minDownloadBps)
    }

    /// D_p2p for `nodes` peers whose upload rates add up to `peersUploadBps`.
    public static func peerToPeer(fileBits: Double, nodes: Int, serverBps: Double, minDownloadBps: Double,
                                  peersUploadBps: Double) -> Double {
        guard nodes > 0 else { return 0 }
        return max(fileBits / serverBps, fileBits / minDownloadBps,
                   Double(nodes) * fileBits / (serverBps + peersUploadBps))
    }

    /// The bound of a distribution scenario's architecture with `nodes` nodes: d_min the slowest download of the
    /// nodes' classes (`distribution.download_mbps`), Σu_i the peers' uploads added up class by class
    /// (`distribution.peer_upload_mbps`; one rate u gives N·u).
    public static func seconds(_ s: Scenario, nodes: Int) -> Double {
        seconds(s, architecture: s.architecture, nodes: nodes)
    }

    /// The same for `architecture` (the one in force after a live switch).
    public static func seconds(_ s: Scenario, architecture: Architecture, nodes: Int) -> Double {
        let d = s.distribution
        let fileBits = d.fileMb * 8e6, us = d.serverUploadMbps * 1e6
        let dl = RateClass.slowest(d.download, nodes: nodes) * 1e6
        switch architecture {
        case .clientServer:
            return clientServer(fileBits: fileBits, nodes: nodes, serverBps: us, minDownloadBps: dl)
        case .peerMesh:
            return peerToPeer(fileBits: fileBits, nodes: nodes, serverBps: us, minDownloadBps: dl,
                              peersUploadBps: RateClass.total(d.peerUpload, nodes: nodes) * 1e6)
        }
    }
}
