/// A reference to a request slot that stays safe after the slot is reused.
///
/// Events about a request (its arrival at the server, its reply, its timeout) may still be pending after the request
/// ended; the token tells them apart from the slot's next occupant, so those stale events are simply ignored.
///
/// Opaque outside the engine: only the request table makes references (and `PeerServers.none`, which is never
/// looked up), so a slot is always one the table has handed out and the table may read it without a bounds check.
public struct RequestRef: Hashable, Sendable, BitwiseCopyable {
    let slot: Int32
    let token: UInt32
    init(slot: Int32, token: UInt32) { self.slot = slot; self.token = token }
}

/// Where a request's latest message is, for drawing it in flight.
public enum RequestPhase: Sendable, Equatable, BitwiseCopyable {
    case toServer, atServer, toClient, lost
}

/// What a request slot carries.
public enum RequestKind: UInt8, Sendable, BitwiseCopyable {
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
public struct RequestRecord: Sendable, BitwiseCopyable {
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
    /// A mesh attempt whose lookup is under way: set when it starts, cleared when it resolves, fails or times out
    /// (so each lookup is counted at most once in the stability figures).
    public var lookingUp = false

    /// Records the request's latest message for drawing it in flight: `phase`, from node `from` to node `to` (0 is
    /// the server), sent `now` and arriving after `delay`.
    @inline(__always) mutating func depart(_ phase: RequestPhase, from: Int32, to: Int32, at now: SimTime,
                                           arrivingAfter delay: SimTime) {
        self.phase = phase
        sentAt = now
        arrivesAt = now + delay
        hopFrom = from
        hopTo = to
    }
}

/// A slab of request records with a free list: slots are reused, so memory follows the in-flight count, not the total.
///
/// A class over raw memory, owned by one engine (internal to it): every hop of a DHT lookup reads and writes its
/// request's record, and as an array each write paid a uniqueness check (a runtime call) and a bounds check. Slots are
/// only ever named by references this table handed out (nothing outside the engine can make one, nor an event that
/// carries one), and it never shrinks, so they are in range (asserted in debug builds, which the tests run).
final class RequestTable {
    private var storage = RawBuffer<RequestRecord>(capacity: 64)
    /// Slots in use or freed so far (`storage[0..<slotCount]` are initialized).
    private var slotCount = 0
    var free: [Int32] = []
    private(set) var liveCount = 0

    init() {}

    /// A table with the same requests in the same slots, owning its own memory (a checkpoint).
    func copy() -> RequestTable {
        let copy = RequestTable()
        copy.storage = storage.clone(count: slotCount)
        copy.slotCount = slotCount
        copy.free = free
        copy.liveCount = liveCount
        return copy
    }

    /// Every slot's record, live or freed, in slot order, without copying them (for snapshots, not the hot path).
    var records: UnsafeBufferPointer<RequestRecord> { UnsafeBufferPointer(start: storage.base, count: slotCount) }

    /// Takes a slot for a new request and returns its reference.
    func open(client: Int32, at now: SimTime, segment: Int, resource: Int,
                     architecture: Architecture, kind: RequestKind = .data) -> RequestRef {
        let slot: Int32
        var record = RequestRecord(issuedAt: now, sentAt: now, arrivesAt: now, client: client, token: 0,
                                   resource: Int32(resource), segment: UInt16(truncatingIfNeeded: segment), hops: 0,
                                   attempt: 0, architecture: architecture, live: true, phase: .toServer, kind: kind)
        if let s = free.popLast() {
            slot = s
            record.token = storage[Int(s)].token &+ 1
        } else {
            if slotCount == storage.capacity { storage.grow(keeping: slotCount, toHold: slotCount + 1) }
            slot = Int32(slotCount)
            slotCount += 1
        }
        storage[Int(slot)] = record
        liveCount += 1
        return RequestRef(slot: slot, token: record.token)
    }

    /// Whether `ref` still names a live request (and not a later one in its slot).
    @inline(__always) func isLive(_ ref: RequestRef) -> Bool {
        assert(UInt(bitPattern: Int(ref.slot)) < UInt(slotCount), "request slot out of range")
        let r = storage.base + Int(ref.slot)
        return r.pointee.live && r.pointee.token == ref.token
    }

    /// The record in `ref`'s slot, read and written in place.
    subscript(ref: RequestRef) -> RequestRecord {
        unsafeAddress {
            assert(UInt(bitPattern: Int(ref.slot)) < UInt(slotCount), "request slot out of range")
            return UnsafePointer(storage.base + Int(ref.slot))
        }
        unsafeMutableAddress {
            assert(UInt(bitPattern: Int(ref.slot)) < UInt(slotCount), "request slot out of range")
            return storage.base + Int(ref.slot)
        }
    }

    /// Starts loading `slot`'s record (both cache lines it may straddle).
    @inline(__always) func prefetch(slot: Int) {
        let record = UnsafeRawPointer(storage.base + slot)
        prefetchHint(record)
        prefetchHint(record + (MemoryLayout<RequestRecord>.stride - 1))
    }

    /// Ends a request and frees its slot.
    func close(_ ref: RequestRef) {
        self[ref].live = false
        free.append(ref.slot)
        liveCount -= 1
    }

    /// References of every live request (for crashes and snapshots; not on the hot path).
    func liveRefs() -> [RequestRef] {
        var out: [RequestRef] = []
        for i in 0..<slotCount where storage[i].live { out.append(RequestRef(slot: Int32(i), token: storage[i].token)) }
        return out
    }
}
