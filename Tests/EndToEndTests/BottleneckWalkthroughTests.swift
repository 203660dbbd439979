import Foundation
import Testing

/// The bottleneck scenario tried as a new user would: add clients until the server saturates, then remove
/// them and watch it recover.
///
/// Set `NETEXPLORER_E2E_SCREENS=DIR` to keep the captured screens (overload, recovered) in DIR.
@Suite(
    "Bottleneck walkthrough in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(3))
)
struct BottleneckWalkthroughTests {
    @Test("Adding clients past capacity shows OVERLOAD and an overload event; removing them recovers")
    func overloadAndRecovery() async throws {
        let view = try await LiveViewSession(["bottleneck"], size: .large)
        defer { view.shutdown() }
        let start = try await view.statusBar()
        #expect(start.scenario == "Server bottleneck")

        // + until at least 90 clients: 90 × 1.5 req/s = 135 req/s offered against 100 req/s of capacity.
        let crowded = try await Self.press("+", on: view, until: { $0 >= 90 })
        #expect(crowded.clients >= 90)
        let serverPane = try await #require(ScreenPane.inner(titled: "server", in: try view.capture()))
        let offered = try #require(Self.figure("offered", in: serverPane))
        let capacity = try #require(Self.figure("capacity", in: serverPane))
        #expect(offered > capacity, "offered \(offered) req/s is not above capacity \(capacity) req/s")

        // Saturation: OVERLOAD on screen and an `overload` event in the log (speed up if it takes long).
        let overloaded = try await Self.wait(on: view, speedingUp: true, for: "OVERLOAD and an overload event") {
            screen in
            screen.contains { $0.contains("OVERLOAD") } && Self.events(screen).contains { $0.contains(" overload") }
        }
        try Self.keep(overloaded, as: "bottleneck-overload")
        // While it rejects, the queue gauge is full: `queue ███…┃ 64/64`.
        try await view.waitFor("a full queue in the server pane", timeout: .seconds(10)) { screen in
            guard let server = ScreenPane.inner(titled: "server", in: screen),
                  let queue = Self.queueFill(server) else { return false }
            return queue.used == queue.capacity
        }

        // - until at most 40 clients (60 req/s): the queue drains, OVERLOAD goes, a `recovered` event shows.
        let relieved = try await Self.press("-", on: view, until: { $0 <= 40 })
        #expect(relieved.clients <= 40)
        let recovered = try await Self.wait(on: view, speedingUp: false, for: "OVERLOAD gone and a recovered event") {
            screen in
            !screen.contains { $0.contains("OVERLOAD") } && Self.events(screen).contains { $0.contains(" recovered") }
        }
        try Self.keep(recovered, as: "bottleneck-recovered")

        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
    }

    /// Presses `key` one at a time, each time waiting for the count to change, until `done(count)`.
    static func press(_ key: String, on view: LiveViewSession, until done: (Int) -> Bool) async throws -> StatusBar {
        var status = try await view.statusBar()
        for _ in 0..<40 where !done(status.clients) {
            let before = status.clients
            try await view.sendKeys(key)
            status = try await view.waitForStatus("the client count to change from \(before) after \(key)",
                                                  timeout: .seconds(5)) { $0.clients != before }
        }
        return status
    }

    /// Waits up to 60 s for `predicate`; with `speedingUp`, presses `>` (faster) every 6 s without it, 3 times
    /// at most.
    static func wait(
        on view: LiveViewSession, speedingUp: Bool, for what: String, _ predicate: @escaping ([String]) -> Bool
    ) async throws -> [String] {
        for attempt in 0..<10 {
            if let screen = try? await view.waitFor(what, timeout: .seconds(6), predicate) { return screen }
            if speedingUp && attempt < 3 { try await view.sendKeys(">") }
        }
        return try await view.waitFor(what, timeout: .seconds(1), predicate)
    }

    /// The inner rows of the events pane (empty when it is not on screen).
    static func events(_ screen: [String]) -> [String] {
        ScreenPane.inner(titled: "events", in: screen) ?? []
    }

    /// `offered  135.0 req/s ⚠ > capacity` → 135.0.
    static func figure(_ label: String, in pane: [String]) -> Double? {
        guard let row = pane.first(where: { $0.hasPrefix(label) }) else { return nil }
        return row.dropFirst(label.count).split(separator: " ").first.flatMap { Double($0) }
    }

    /// `queue ███░░░┃ 12/64` → (12, 64).
    static func queueFill(_ pane: [String]) -> (used: Int, capacity: Int)? {
        guard let row = pane.first(where: { $0.hasPrefix("queue") }),
              let fraction = row.split(separator: " ").last(where: { $0.contains("/") })
        else { return nil }
        let parts = fraction.split(separator: "/").map { Int($0.filter(\.isNumber)) }
        guard parts.count == 2, let used = parts[0], let capacity = parts[1] else { return nil }
        return (used, capacity)
    }

    static func keep(_ screen: [String], as name: String) throws {
        guard let directory = ProcessInfo.processInfo.environment["NETEXPLORER_E2E_SCREENS"] else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try (screen.joined(separator: "\n") + "\n").write(
            toFile: "\(directory)/\(name).txt", atomically: true, encoding: .utf8)
    }
}
