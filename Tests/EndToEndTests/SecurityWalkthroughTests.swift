import Foundation
import Testing

/// The security contrast tried as a new user would: start an attack on the classroom's server, watch the failures
/// and lockouts, then switch to the mesh and watch shares fall.
///
/// Set `NETEXPLORER_E2E_SCREENS=DIR` to keep the captured screens in DIR.
@Suite(
    "Security walkthrough in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(3))
)
struct SecurityWalkthroughTests {
    @Test("a starts an attack: failures and lockouts under client-server, breaches after t to the mesh")
    func attackThenToggle() async throws {
        let view = try await LiveViewSession(["classroom"], size: .large)
        defer { view.shutdown() }
        await #expect(try view.statusBar().line.contains("client-server"))

        try await view.sendKeys("a")
        // The event log filtered to security events: every line is one of them.
        try await view.sendKeys("e")
        let central = try await BottleneckWalkthroughTests.wait(
            on: view, speedingUp: true, for: "login failures and a lockout in the event log and the security panel"
        ) { screen in
            let events = BottleneckWalkthroughTests.events(screen)
            let panel = ScreenPane.inner(titled: "security", in: screen) ?? []
            return events.contains { Self.isLoginFailure($0) } && events.contains { $0.contains("locked") }
                && Self.figure("lockouts", in: panel).map { $0 >= 1 } == true
        }
        try BottleneckWalkthroughTests.keep(central, as: "security-central")
        let events = BottleneckWalkthroughTests.events(central)
        #expect(events.allSatisfy { line in
            line.allSatisfy { $0 == " " } || Self.securityWords.contains { line.contains($0) }
        }, "the security filter shows only security events: \(events)")
        #expect(!events.contains { Self.isShareBreach($0) }, "no peer's share can fall while there is a central server")

        try await view.sendKeys("t")
        _ = try await view.waitForStatus("the switch to the mesh", timeout: .seconds(10)) {
            $0.line.contains("peer-mesh")
        }
        let mesh = try await BottleneckWalkthroughTests.wait(
            on: view, speedingUp: true, for: "a peer's share breached, in the event log and the security panel"
        ) { screen in
            let panel = ScreenPane.inner(titled: "security", in: screen) ?? []
            return BottleneckWalkthroughTests.events(screen).contains { Self.isShareBreach($0) }
                && Self.figure("breaches", in: panel).map { $0 >= 1 } == true
        }
        try BottleneckWalkthroughTests.keep(mesh, as: "security-mesh")

        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
    }

    @Test("after t the security panel shows the mesh's best single log beside the client-server phase's summary",
          arguments: [TerminalSize(width: 100, height: 30), TerminalSize(width: 200, height: 60)])
    func phasesAfterToggle(size: TerminalSize) async throws {
        // password-attack attacks from the start; at 100×30 the panel has two lines (the compact pair), at 200×60
        // seven. Either way the client-server phase's summary must stay once the mesh takes over.
        let view = try await LiveViewSession(["password-attack"], size: size)
        defer { view.shutdown() }
        _ = try await BottleneckWalkthroughTests.wait(
            on: view, speedingUp: true, for: "the server's log and a broken account in the panel"
        ) { screen in
            let panel = ScreenPane.inner(titled: "security", in: screen) ?? []
            return panel.contains { $0.contains("log saw 100%") } && Self.figure("breaches", in: panel) ?? 0 >= 1
        }
        try await view.sendKeys("t")
        let before = size.height >= 40 ? "before switch: cs" : "before: cs"
        let best = size.height >= 40 ? "best single log saw" : "best log"
        let screen = try await BottleneckWalkthroughTests.wait(
            on: view, speedingUp: true, for: "a mesh peer's sliver of the attack beside the client-server summary"
        ) { screen in
            let panel = ScreenPane.inner(titled: "security", in: screen) ?? []
            // The summary keeps the client-server phase's breach(es) and its log's 100%; the mesh's best single
            // log holds under half of the attack once the attacker has moved past a few peers.
            let summary = panel.contains { $0.contains(before) && !$0.contains(" 0 breaches") && $0.contains("100%") }
            let share = panel.lazy.compactMap { Self.percent(after: best, in: $0) }.first
            return summary && share.map { $0 < 50 } == true
        }
        try BottleneckWalkthroughTests.keep(screen, as: "security-phases-\(size.width)x\(size.height)")
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
    }

    /// `best log 5.6%  any 94%` with `label` "best log" → 5.6.
    static func percent(after label: String, in row: String) -> Double? {
        guard let range = row.range(of: label) else { return nil }
        let rest = row[range.upperBound...].drop { $0 == " " }
        return Double(rest.prefix { $0.isNumber || $0 == "." })
    }

    /// The event log's words for security events (EventWords): wrong passwords, refused guesses and logins, locks,
    /// denials, break-ins, attacks; a row may also be a grouped line or the continuation of an expanded one.
    static let securityWords = ["password", "guess", "locked", "denied", "break-in", "share", "attack", "login"]

    static func isLoginFailure(_ row: String) -> Bool {
        row.contains("wrong password") || row.contains("guess refused") || row.contains("guesses refused")
            || row.contains("locked out")
    }

    static func isShareBreach(_ row: String) -> Bool {
        row.contains("share password guessed") || row.contains("open share read")
    }

    /// The first number after `label` on any row of a pane: `lockouts 3` → 3, `breaches 12 · first…` → 12.
    static func figure(_ label: String, in pane: [String]) -> Int? {
        for row in pane {
            guard let range = row.range(of: label) else { continue }
            let rest = row[range.upperBound...].drop { !$0.isNumber }
            if let n = Int(rest.prefix { $0.isNumber }) { return n }
        }
        return nil
    }
}
