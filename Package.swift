// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "NetExplorer",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "netexplorer", targets: ["netexplorer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        // ncurses, wide-character build; see docs/TERMINAL.md for why not pkgConfig.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // A cache prefetch hint for the engine's event loop (Swift has no such intrinsic).
        .target(name: "CPrefetch"),
        // The deterministic engine: pure Swift, no I/O, no wall clock, nothing of ours imported but a C prefetch hint.
        .target(
            name: "NetworkEngine",
            dependencies: [
                "CPrefetch",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            // Release builds skip the dynamic exclusivity checks (a large share of the event loop's time:
            // docs/PERFORMANCE.md, 'Design measurements'); debug builds, which run the tests, keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // Built-in scenarios shipped as resources so they work from any directory.
        .target(
            name: "NetExplorerAssets",
            dependencies: ["NetworkEngine"],
            path: "Assets",
            exclude: ["README.md"],
            resources: [.copy("Scenarios"), .copy("Lessons")]
        ),
        // Pure-Swift cell buffer, diff and widgets; no ncurses.
        .target(name: "TerminalCanvas"),
        // The live app: state, actions, update, panes, run loop against TerminalBackend.
        .target(name: "ExplorerUI", dependencies: ["NetworkEngine", "TerminalCanvas"]),
        // The only module that imports ncurses.
        .target(name: "NcursesTerminal", dependencies: ["CNcurses", "TerminalCanvas"]),
        .executableTarget(
            name: "netexplorer",
            dependencies: [
                "NetworkEngine", "NetExplorerAssets", "ExplorerUI", "NcursesTerminal", "TerminalCanvas",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The config file (`netexplorer config`) is YAML, read as scenarios are.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Crashers: scenario files that once crashed or exhausted the program, kept so they never do again.
        .testTarget(name: "NetworkEngineTests", dependencies: ["NetworkEngine", "NetExplorerAssets"],
                    resources: [.copy("Crashers"), .copy("LessonScripts")]),
        .testTarget(name: "TerminalCanvasTests", dependencies: ["TerminalCanvas"]),
        .testTarget(name: "ExplorerUITests", dependencies: ["ExplorerUI", "NetworkEngine", "TerminalCanvas", "NetExplorerAssets"]),
        // Drives the real binary in tmux; depending on the executable makes the build order explicit.
        .testTarget(name: "EndToEndTests", dependencies: ["netexplorer"]),
        .testTarget(name: "NcursesTerminalTests", dependencies: ["NcursesTerminal", "CNcurses"]),
    ]
)
