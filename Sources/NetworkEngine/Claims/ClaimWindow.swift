/// Figures of a stretch of a run, from the reports taken at its two ends.
enum ClaimWindow {
    /// Requests that ended within the window (completed, rejected, timed out, failed or denied).
    static func ended(from a: RunReport, to b: RunReport) -> Int { ended(b.requests) - ended(a.requests) }

    static func ended(_ r: RequestCounts) -> Int { r.issued - r.inFlight }

    /// Of the requests that ended within the window, the share that completed (0 when none ended): the share of
    /// the demand the network served while the window lasted. Counted by outcome, so requests issued before the
    /// window and ending in it weigh as any other, and the share stays within 0–1.
    static func servedShare(from a: RunReport, to b: RunReport) -> Double {
        let n = ended(from: a, to: b)
        return n > 0 ? Double(b.requests.completed - a.requests.completed) / Double(n) : 0
    }

    /// Of the requests that ended within the window, the share rejected by a full queue.
    static func rejectedShare(from a: RunReport, to b: RunReport) -> Double {
        let n = ended(from: a, to: b)
        return n > 0 ? Double(b.requests.rejected - a.requests.rejected) / Double(n) : 0
    }
}

extension RunReport {
    /// Of the requests that ended since the start, the share that completed (0 with none ended).
    var servedShare: Double { ClaimWindow.servedShare(from: RunReport.zero(self), to: self) }
    /// Of the requests that ended since the start, the share rejected by a full queue.
    var rejectedShare: Double { ClaimWindow.rejectedShare(from: RunReport.zero(self), to: self) }
}

/// The share of resources that keep a copy when `down` of `peers` peers fail at once and each resource has
/// `replicas` copies on distinct peers chosen at random: 1 − C(down, r)/C(peers, r) (hypergeometric: all r holders
/// among the failed).
func survivingShare(peers n: Int, down k: Int, replicas r: Int) -> Double {
    var lost = 1.0
    for i in 0..<r { lost *= Double(max(0, k - i)) / Double(n - i) }
    return 1 - lost
}
