import CNcurses
@testable import NcursesTerminal
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The table of signals the live view handles, the handlers it installs from it, and the crash screen's memory.
@Suite("Handled signals", .serialized)
struct HandledSignalsTests {
    #if os(Linux)
    /// signal(7): every standard signal whose default action is Term or Core (SIGKILL aside: it cannot be caught).
    static let endTheProcess: [Int32] = [
        SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM,
        SIGTERM, SIGSTKFLT, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSYS,
    ]
    /// signal(7): the standard signals whose default is to stop, continue or be ignored: left to ncurses and the kernel.
    static let leftAlone: [Int32] = [SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH, SIGKILL]

    @Test("every signal whose default action ends the process is handled, real-time ones included")
    func coversEveryFatalSignal() {
        let handled = Set(HandledSignals.all.map(\.number))
        for signal in Self.endTheProcess {
            #expect(handled.contains(signal), "signal \(signal) is not handled")
        }
        for signal in nc_sigrtmin()...nc_sigrtmax() {
            #expect(handled.contains(signal), "real-time signal \(signal) is not handled")
        }
        for signal in Self.leftAlone {
            #expect(!handled.contains(signal), "signal \(signal) should be left to ncurses and the kernel")
        }
        #expect(HandledSignals.all.count == Set(HandledSignals.all.map(\.number)).count, "a signal is listed twice")
    }
    #endif

    @Test("faults are crashes; requests to stop, SIGQUIT and SIGPIPE included, are stops")
    func dispositions() {
        let crashes = Set(HandledSignals.all.filter { $0.disposition == .crash }.map(\.number))
        #expect(crashes.isSuperset(of: [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGSYS]))
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM] {
            #expect(HandledSignals.entry(for: signal)?.disposition == .stop, "signal \(signal)")
        }
        #expect(HandledSignals.entry(for: SIGSEGV)?.name == "SIGSEGV")
        #expect(HandledSignals.entry(for: SIGQUIT)?.name == "SIGQUIT")
    }

    @Test("the handler's first lines are prepared per signal")
    func headers() {
        CrashScreenMemory.prepare()
        #expect(CrashScreenMemory.header(for: SIGSEGV) == "netexplorer: crashed (signal SIGSEGV)\n")
        #expect(CrashScreenMemory.header(for: SIGILL) == "netexplorer: crashed (signal SIGILL)\n")
        #expect(CrashScreenMemory.header(for: SIGTERM)?.hasPrefix("netexplorer: stopped by SIGTERM: ") == true)
        #expect(CrashScreenMemory.header(for: SIGWINCH) == nil)
    }

    @Test("the crash screen kept is what the handler writes: header, then the latest text")
    func crashScreenRoundTrip() throws {
        let pipe = try #require(TestTerminals.pipe())
        defer { close(pipe.read); close(pipe.write) }
        CrashScreenMemory.store("first\n")
        CrashScreenMemory.store("scenario: x, seed 7\n  t=1.000000000s  t  switch architecture")
        #expect(CrashScreenMemory.current == "scenario: x, seed 7\n  t=1.000000000s  t  switch architecture\n")
        CrashScreenMemory.write(signal: SIGSEGV, to: pipe.write)
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(pipe.read, &buffer, buffer.count)
        #expect(String(decoding: buffer[..<max(0, count)], as: UTF8.self) == """
            netexplorer: crashed (signal SIGSEGV)
            scenario: x, seed 7
              t=1.000000000s  t  switch architecture

            """)
        CrashScreenMemory.clear()
        #expect(CrashScreenMemory.current == nil)
    }

    @Test("a text longer than the buffer is cut at a character boundary")
    func longTextIsCut() throws {
        CrashScreenMemory.store(String(repeating: "é", count: CrashScreenMemory.capacity))
        let kept = try #require(CrashScreenMemory.current)
        #expect(kept.utf8.count <= CrashScreenMemory.capacity)
        #expect(kept.hasSuffix("é\n"))
        #expect(kept.dropLast().allSatisfy { $0 == "é" })
        CrashScreenMemory.clear()
    }

    @Test("install replaces the handler of every signal in the table; restore puts the previous ones back")
    func installAndRestore() throws {
        let before = UnsafeMutablePointer<sigaction>.allocate(capacity: CrashScreenMemory.signalLimit)
        before.initialize(repeating: sigaction(), count: CrashScreenMemory.signalLimit)
        defer { before.deallocate() }
        for signal in HandledSignals.all { _ = nc_current_handler(signal.number, before + Int(signal.number)) }
        let signalGuard = try #require(SignalGuard.install())
        let installed = Set(signalGuard.handledSignals)
        for signal in HandledSignals.all where nc_handler_is_ignore(before + Int(signal.number)) == 0 {
            #expect(installed.contains(signal.number), "\(signal.name) was not installed")
        }
        signalGuard.restore()
        for signal in HandledSignals.all {
            let after = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
            after.initialize(to: sigaction())
            defer { after.deallocate() }
            _ = nc_current_handler(signal.number, after)
            // glibc adds SA_RESTORER (0x04000000) to any action it installs, so a saved default comes back with it.
            let restorer: Int32 = 0x0400_0000
            #expect(after.pointee.sa_flags & ~restorer == before[Int(signal.number)].sa_flags & ~restorer,
                    "\(signal.name) not restored")
            #expect(nc_handler_is_ignore(after) == nc_handler_is_ignore(before + Int(signal.number)))
        }
    }
}
