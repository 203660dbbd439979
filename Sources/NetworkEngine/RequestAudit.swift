/// The request counts checked against tallies kept apart from them.
///
/// `RequestCounts.isConserved` alone cannot fail: its in-flight figure is a counter moved in step with the outcome
/// counts, so `issued == ended + inFlight` holds by construction. Here what is in flight is counted where it lives:
/// the live data requests in the request table (slot by slot), the stranded ones (lost with no timeout, slots freed),
/// and the clients' own outstanding requests. A request that ended without being counted, was counted without
/// freeing its slot, or was dropped by its client, breaks one of the equalities.
public struct RequestAudit: Sendable, Equatable {
    public var counts: RequestCounts
    /// Live data requests in the request table.
    public var liveRequests: Int
    /// Requests lost with no timeout to notice: in flight forever without a slot.
    public var stranded: Int
    /// The clients' outstanding requests, summed client by client (departed clients included).
    public var clientsOutstanding: Int

    /// What is in flight according to the table and the stranded tally.
    public var heldInFlight: Int { liveRequests + stranded }

    /// Every issued request ended once or is held in flight, and the counter, the table and the clients agree.
    public var isConserved: Bool {
        counts.issued == counts.ended + heldInFlight && counts.inFlight == heldInFlight
            && clientsOutstanding == heldInFlight
    }
}

extension Engine {
    /// The request counts audited against the request table and the clients (O(clients + slots): for tests and
    /// checks, not for every frame).
    public var requestAudit: RequestAudit {
        RequestAudit(counts: ctx.metrics.counts, liveRequests: ctx.requests.liveCount(of: .data),
                     stranded: ctx.metrics.stranded, clientsOutstanding: clients.outstandingTotal)
    }

    /// Request slots allocated so far (the request table's size: it follows the peak in flight, never the total).
    public var requestSlotsAllocated: Int { ctx.requests.slotsAllocated }

    /// Timeout entries held, stale ones included (at most 1.5 times those still current, once past 65,536).
    var timeoutEntries: Int { clients.timeouts.count }
}
