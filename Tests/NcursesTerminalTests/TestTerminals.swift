#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Descriptors the tests control, so results do not depend on how `swift test` was started.
enum TestTerminals {
    /// A pipe: a descriptor that is certainly not a terminal. Returns (read end, write end).
    static func pipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        guard systemPipe(&fds) == 0 else { return nil }
        return (fds[0], fds[1])
    }

    /// A fresh pseudo-terminal: (controller, terminal). Nil where ptys are unavailable (some sandboxes).
    ///
    /// The pty functions are looked up at run time: Swift's Glibc module is built without _XOPEN_SOURCE and does not
    /// declare them.
    static func pseudoTerminal() -> (controller: Int32, terminal: Int32)? {
        typealias OpenFunction = @convention(c) (Int32) -> Int32
        typealias FdFunction = @convention(c) (Int32) -> Int32
        typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
        guard let openSymbol = dlsym(nil, "posix_openpt"), let grantSymbol = dlsym(nil, "grantpt"),
              let unlockSymbol = dlsym(nil, "unlockpt"), let nameSymbol = dlsym(nil, "ptsname_r") else { return nil }
        let openController = unsafeBitCast(openSymbol, to: OpenFunction.self)
        let grant = unsafeBitCast(grantSymbol, to: FdFunction.self)
        let unlock = unsafeBitCast(unlockSymbol, to: FdFunction.self)
        let name = unsafeBitCast(nameSymbol, to: NameFunction.self)

        let controller = openController(O_RDWR | O_NOCTTY)
        guard controller >= 0 else { return nil }
        var path = [CChar](repeating: 0, count: 256)
        guard grant(controller) == 0, unlock(controller) == 0, name(controller, &path, path.count) == 0 else {
            close(controller)
            return nil
        }
        let terminal = open(path, O_RDWR | O_NOCTTY)
        guard terminal >= 0 else { close(controller); return nil }
        return (controller, terminal)
    }
}

/// `pipe(2)`, reachable from inside `TestTerminals.pipe()`, whose own name shadows it.
private func systemPipe(_ fds: UnsafeMutablePointer<Int32>) -> Int32 { pipe(fds) }
