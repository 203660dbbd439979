import Foundation

/// Where the built `netexplorer` is. The end-to-end tests run the real binary; when it cannot be found they
/// fail (never pass vacuously).
///
/// In order: `NETEXPLORER_BIN` if set (it must then exist); the directory of the running test bundle (SwiftPM
/// puts `netexplorer` beside `<Package>PackageTests.xctest`); then `.build/debug/netexplorer` under the package
/// root found by walking up from this source file.
enum NetExplorerBinary {
    static func path(filePath: String = #filePath) throws -> String {
        let fileManager = FileManager.default
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["NETEXPLORER_BIN"], !override.isEmpty {
            guard fileManager.isExecutableFile(atPath: override) else {
                throw MissingBinary(description: "NETEXPLORER_BIN=\(override) is not an executable file")
            }
            return override
        }
        var tried: [String] = []
        // Beside the test bundle: .build/<triple>/debug/<Package>PackageTests.xctest → .build/<triple>/debug/.
        let running = (try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        let besideBundle = URL(fileURLWithPath: running).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("netexplorer").path
        tried.append(besideBundle)
        if fileManager.isExecutableFile(atPath: besideBundle) { return besideBundle }
        // Walk up from this file to the package root (the directory holding Package.swift).
        var root = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while root.path != "/" {
            if fileManager.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
                let candidate = root.appendingPathComponent(".build/debug/netexplorer").path
                tried.append(candidate)
                if fileManager.isExecutableFile(atPath: candidate) { return candidate }
                break
            }
            root = root.deletingLastPathComponent()
        }
        throw MissingBinary(description: """
            the netexplorer binary was not found; build it first ('swift build') or set NETEXPLORER_BIN. \
            Tried: \(tried.joined(separator: ", "))
            """)
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var description: String
    }
}
