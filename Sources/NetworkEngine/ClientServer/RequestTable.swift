import CPrefetch

/// A reference to a request slot that stays safe after the slot is reused.
///
/// Events about a request (its arrival at the server, its reply, its timeout) may still be pending after the request
/// ended; the token tells them apart from the slot's next occupant, so those stale events are simply ignored.
public struct RequestRef: Hashable, Sendable, BitwiseCopyable {
    public var slot: Int32
    public var token: UInt32
    public init(slot: Int32, token: UInt32) { self.slot = slot; self.token = token }
}

/// Where a request's latest message is, for drawing it in flight.
public enum RequestPhase: Sendable, Equatable {
    case toServer, atServer, toClient, lost
}

/// What a request slot carries.
public enum RequestKind: UInt8, Sendable {
    /// A client's (or peer's) request for a resource: counted in the request figures.
    case data
    /// An attacker's password guess at an account (`resource` is the account) or at a peer's share (the peer): it
    /// loads the same queues but is not a request of the workload.
    case guess
}

/// One outstanding request, as its client sees it.
///
/// Fields are declared widest first, so the record packs into 56 bytes rather than 72: a DHT hop reads its request's
/// record, and at 100,000 peers that read missed the cache (a twentieth of the run).
public struct RequestRecord: Sendable {
    public var issuedAt: SimTime
    /// When the latest message left and when it arrives (for the flight animation).
    public var sentAt: SimTime
    public var arrivesAt: SimTime
    public var client: Int32
    public var token: UInt32
    /// The resource asked for (the mesh looks it up; the server holds them all).
    public var resource: Int32
    /// Node ids of the latest message's sender and receiver (0 is the server).
    public var hopFrom: Int32 = 0
    public var hopTo: Int32 = 0
    /// The architecture period that accepted the request (index into the metrics' segments).
    public var segment: UInt16
    /// Peer-mesh requests: overlay hops so far.
    public var hops: UInt16
    /// Attempt number, 0 for the first send; a timeout only counts for the attempt it was armed for.
    public var attempt: UInt16
    public var architecture: Architecture
    public var live: Bool
    public var phase: RequestPhase
    public var kind: RequestKind = .data
    /// A data request whose client has no session yet: this message is its login, the request follows it.
    public var loggingIn = false
}

/// A slab of request records with a free list: slots are reused, so memory follows the in-flight count, not the total.
public struct RequestTable {
    public internal(set) var records: [RequestRecord] = []
    var free: [Int32] = []
    public internal(set) var liveCount = 0
    /// Where `records` kept its elements when last looked (refreshed whenever a slot is opened), for prefetch hints
    /// only: a hint never dereferences it, so one left stale by a reallocation costs a useless hint, nothing more.
    /// (Taking the address for each hint retained and released the array every event: 20% more instructions.)
    var recordsAddress: UInt = 0

    public init() {}

    /// Takes a slot for a new request and returns its reference.
    public mutating func open(client: Int32, at now: SimTime, segment: Int, resource: Int,
                              architecture: Architecture, kind: RequestKind = .data) -> RequestRef {
        let slot: Int32
        var record = RequestRecord(issuedAt: now, sentAt: now, arrivesAt: now, client: client, token: 0,
                                   resource: Int32(resource), segment: UInt16(truncatingIfNeeded: segment), hops: 0,
                                   attempt: 0, architecture: architecture, live: true, phase: .toServer, kind: kind)
        if let s = free.popLast() {
            slot = s
            record.token = records[Int(s)].token &+ 1
            records[Int(s)] = record
        } else {
            slot = Int32(records.count)
            records.append(record)
        }
        liveCount += 1
        recordsAddress = records.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        return RequestRef(slot: slot, token: records[Int(slot)].token)
    }

    /// The record if `ref` still names a live request.
    public func isLive(_ ref: RequestRef) -> Bool {
        let r = records[Int(ref.slot)]
        return r.live && r.token == ref.token
    }

    public subscript(ref: RequestRef) -> RequestRecord {
        get { records[Int(ref.slot)] }
        // In place: `requests[ref].phase = …` must not copy the whole record out and back on every event.
        _modify { yield &records[Int(ref.slot)] }
    }

    /// Starts loading `slot`'s record (both cache lines it may straddle) at `recordsAddress`. Static, and given the
    /// address, so that the call does not copy the table (a copy retains its arrays).
    @inline(__always) static func prefetch(slot: Int, at recordsAddress: UInt) {
        let stride = MemoryLayout<RequestRecord>.stride
        let record = recordsAddress &+ UInt(bitPattern: slot &* stride)
        ne_prefetch(UnsafeRawPointer(bitPattern: record))
        ne_prefetch(UnsafeRawPointer(bitPattern: record &+ UInt(stride - 1)))
    }

    /// Ends a request and frees its slot.
    public mutating func close(_ ref: RequestRef) {
        records[Int(ref.slot)].live = false
        free.append(ref.slot)
        liveCount -= 1
    }

    /// References of every live request (for crashes and snapshots; not on the hot path).
    public func liveRefs() -> [RequestRef] {
        var out: [RequestRef] = []
        for (i, r) in records.enumerated() where r.live { out.append(RequestRef(slot: Int32(i), token: r.token)) }
        return out
    }
}
