// MARK: - A flood's reach and messages (`FloodReach`)

extension TheoryView {
    /// The flood's figures: peers reached (`flood_reach`) and messages per lookup (`messages_per_lookup`, the flood's
    /// queries plus the hits travelling back), or the reasons the model does not apply.
    mutating func flood(_ s: Scenario, nodes n: Int, downShare: Double, _ broken: inout [String]) {
        let both = "flood_reach, messages_per_lookup"
        guard FloodReach.covers(degree: s.mesh.degree) else {
            broken.append(both + ": one link a peer (mesh.degree ≤ 2) makes a forest where a flood's size varies as "
                + "much as its mean; the mean-field recursion overestimates it")
            return
        }
        guard n >= FloodReach.minimumPeers(degree: s.mesh.degree) else {
            broken.append(both + ": fewer than \(FloodReach.minimumPeers(degree: s.mesh.degree)) peers for degree "
                + "\(s.mesh.degree): many cannot open all their links")
            return
        }
        if s.network.loss > 0 {
            broken.append(both + ": lost messages cut floods short (network.loss > 0)")
            return
        }
        if s.mesh.churn != nil {
            // Measured (1,000 peers, a quarter down): the model on the peers alive on average reads 4% low at TTL 2
            // and 8–9% at TTL 3–4. Repairs and rejoins spread the accepted links far wider than the build does.
            broken.append(both + ": under churn, repairs give long-lived peers more links than the built overlay's, "
                + "so floods reach more than the model on the peers alive says (mesh.churn)")
            return
        }
        let jitterShare = s.network.latencyMs > 0 ? s.network.jitterMs / s.network.latencyMs : 0
        if jitterShare > Self.floodJitterLimit {
            broken.append(both + ": jitter ±" + RunReport.fixed(s.network.jitterMs, 0) + " ms on "
                + RunReport.fixed(s.network.latencyMs, 0) + " ms hops lets a longer path arrive first with fewer "
                + "hops left, so floods reach fewer peers than the hop count allows")
            return
        }
        guard let figures = FloodReach.expected(peers: n, degree: s.mesh.degree, ttl: s.mesh.ttl) else { return }
        floodReach = figures.reached
        if s.mesh.cache {
            broken.append("messages_per_lookup: cached copies answer some reads without a flood (mesh.cache)")
        } else if s.storage.diskMttfHours > 0 {
            broken.append("messages_per_lookup: failed disks lose replicas, so fewer hits travel back")
        } else {
            // A requester holding one of the r replicas (chance r/N) floods nothing; otherwise the r holders are
            // among the N − 1 others, each reached at hop h with chance perHop[h]/(N − 1), its hit travelling h hops.
            let r = Double(min(s.mesh.replicas, n)), count = Double(n)
            let hits = r / (count - 1) * figures.hopSum
            messagesPerLookup = (1 - r / count) * (figures.queryMessages + hits)
        }
    }

    /// Jitter up to this share of the latency moves a flood's reach by less than the model's error. Measured at
    /// 1,000 peers, degree 4, TTL 5–7 against no jitter: at 20 ± 5 ms reach −0.1…−0.3%, messages −0.3…−1.3%; at
    /// ± 10 ms reach −1.2…−3.5%, messages −4.5…−11%.
    static let floodJitterLimit = 0.25
}
