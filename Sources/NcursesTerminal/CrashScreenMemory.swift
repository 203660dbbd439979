import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The crash screen, held in raw memory so a signal handler can print it with write(2) alone.
///
/// The app hands over a new text after every command; it is copied into whichever of two buffers the handler is not
/// reading, and then the active index flips with a release store. A handler (on any thread) loads the index with an
/// acquire load and writes that buffer out: it never sees a half-written text, never allocates, never takes a lock.
/// Once a handler has claimed the process's ending, later texts are dropped rather than written over a buffer it may
/// still be reading.
///
/// The per-signal first lines ("netexplorer: crashed (signal SIGSEGV)") are prepared here too, once, from
/// `HandledSignals`.
enum CrashScreenMemory {
    /// Bytes per buffer: a screen of text is ~4 KB; a longer one is cut at a character boundary.
    static let capacity = 16 * 1024
    /// Signal numbers are below 65 on Linux and Darwin; the header table is indexed by number.
    static let signalLimit = 65
    static let headerCapacity = 160

    nonisolated(unsafe) private static let buffers: UnsafeMutablePointer<UInt8> = {
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * capacity)
        memory.initialize(repeating: 0, count: 2 * capacity)
        return memory
    }()
    nonisolated(unsafe) private static let lengths: UnsafeMutablePointer<Int> = {
        let memory = UnsafeMutablePointer<Int>.allocate(capacity: 2)
        memory.initialize(repeating: 0, count: 2)
        return memory
    }()
    nonisolated(unsafe) private static let headers: UnsafeMutablePointer<UInt8> = {
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: signalLimit * headerCapacity)
        memory.initialize(repeating: 0, count: signalLimit * headerCapacity)
        for signal in HandledSignals.all where signal.number > 0 && Int(signal.number) < signalLimit {
            let bytes = Array((HandledSignals.header(for: signal) + "\n").utf8.prefix(headerCapacity - 1))
            let slot = memory + Int(signal.number) * headerCapacity
            slot[0] = UInt8(bytes.count)
            (slot + 1).update(from: bytes, count: bytes.count)
        }
        return memory
    }()

    /// Runs the lazy initialisers now, outside any handler.
    static func prepare() {
        _ = buffers
        _ = lengths
        _ = headers
    }

    /// Keeps `text` as the crash screen; called on the main thread after each change.
    static func store(_ text: String) {
        prepare()
        let activeSlot = SignalState.slots + SignalState.crashScreenSlot
        // A handler is already ending the process and may be reading either buffer.
        guard nc_load_acquire(SignalState.slots + SignalState.endingSlot) == 0 else { return }
        let active = nc_load_acquire(activeSlot)
        let target = active == 0 ? 1 : 0
        var utf8 = Array(text.utf8)
        if utf8.last != UInt8(ascii: "\n") { utf8.append(UInt8(ascii: "\n")) }
        if utf8.count > capacity {
            var cut = capacity - 1
            // Back up to the start of a character (continuation bytes are 10xxxxxx).
            while cut > 0 && utf8[cut] & 0xC0 == 0x80 { cut -= 1 }
            utf8 = Array(utf8[..<cut]) + [UInt8(ascii: "\n")]
        }
        (buffers + target * capacity).update(from: utf8, count: utf8.count)
        lengths[target] = utf8.count
        nc_store_release(activeSlot, sig_atomic_t(target))
    }

    /// Forgets the text (the screen is closed: a later crash has nothing of the live view's to report).
    static func clear() {
        prepare()
        nc_store_release(SignalState.slots + SignalState.crashScreenSlot, -1)
    }

    /// The text now kept, for tests.
    static var current: String? {
        let active = nc_load_acquire(SignalState.slots + SignalState.crashScreenSlot)
        guard active == 0 || active == 1 else { return nil }
        let start = buffers + Int(active) * capacity
        return String(decoding: UnsafeBufferPointer(start: start, count: lengths[Int(active)]), as: UTF8.self)
    }

    /// The prepared first line for `signal`, for tests.
    static func header(for signal: Int32) -> String? {
        guard signal > 0, Int(signal) < signalLimit else { return nil }
        let slot = headers + Int(signal) * headerCapacity
        guard slot[0] > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: slot + 1, count: Int(slot[0])), as: UTF8.self)
    }

    /// Writes the header for `signal` and the kept text to `fd`. Async-signal-safe: loads and write(2) only.
    static func write(signal: Int32, to fd: Int32) {
        if signal > 0 && Int(signal) < signalLimit {
            let slot = headers + Int(signal) * headerCapacity
            if slot[0] > 0 { nc_write_all(fd, slot + 1, Int(slot[0])) }
        }
        let active = nc_load_acquire(SignalState.slots + SignalState.crashScreenSlot)
        guard active == 0 || active == 1 else { return }
        let length = lengths[Int(active)]
        if length > 0 { nc_write_all(fd, buffers + Int(active) * capacity, length) }
    }
}
