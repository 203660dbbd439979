import Foundation
import Testing

/// The mouse in the real binary under tmux: a click selects a client, a click reaches every column, `--no-mouse`
/// leaves the mouse to the terminal, and reporting is off once the program has ended.
@Suite(
    "Live view mouse in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(2))
)
struct LiveViewMouseTests {
    /// The cell (column, row, from 0) of the first idle client glyph `○` in the topology (left of the side column),
    /// below the pane's top border; nil when none is on screen.
    static func clientCell(on screen: [String]) -> (x: Int, y: Int)? {
        for (y, row) in screen.enumerated() where y >= 2 {
            let cells = Array(row)
            // The topology pane's inside runs from its left border to the next border glyph.
            guard cells.first == "┃" || cells.first == "│" else { continue }
            for x in 1..<cells.count {
                if cells[x] == "┃" || cells[x] == "│" { break }
                if cells[x] == "○" { return (x, y) }
            }
        }
        return nil
    }

    /// The raw SGR (mode 1006) report of a left press and release at a cell: what a terminal sends for a click.
    static func sgrClick(x: Int, y: Int) -> String {
        "\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m"
    }

    /// The node the inspector's title names: `inspector · client 7` (or `peer 7`) gives 7, `inspector · server` 0.
    static func inspected(_ screen: [String]) -> Int? {
        for row in screen {
            guard let range = row.range(of: "inspector · ") else { continue }
            let rest = row[range.upperBound...]
            if rest.hasPrefix("server") { return 0 }
            for word in ["client ", "peer "] where rest.hasPrefix(word) {
                return Int(rest.dropFirst(word.count).prefix { $0.isNumber })
            }
        }
        return nil
    }

    @Test("clicking a client selects it: the inspector shows it and its label appears beside the glyph clicked",
          arguments: TerminalSize.both)
    func clickSelectsClient(size: TerminalSize) async throws {
        let view = try await LiveViewSession(["run", "classroom", "--paused"], size: size)
        defer { view.shutdown() }
        let mouse = try await view.mouseModes()
        #expect(mouse.reporting && mouse.sgr, "the view did not ask for SGR mouse reports: \(mouse)")
        let screen = try await view.capture()
        #expect(Self.inspected(screen) == 0, "the server is selected at start")
        let cell = try #require(Self.clientCell(on: screen), "no client on screen:\n\(TmuxHarness.framed(screen))")

        try await view.tmux.command(["send-keys", "-t", "t", "-l", Self.sgrClick(x: cell.x, y: cell.y)])
        let after = try await view.waitFor("the inspector to show a client") { (Self.inspected($0) ?? 0) > 0 }
        let id = try #require(Self.inspected(after))
        // The selected client carries its id beside its glyph, on the row clicked.
        #expect(after[cell.y].contains(" \(id) ○") || after[cell.y].contains("○ \(id)"),
                "client \(id)'s label is not beside the cell clicked:\n\(TmuxHarness.framed(after))")
        #expect(after.contains { $0.contains("client \(id) ") }, "\(TmuxHarness.framed(after))")

        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
        try await view.expectTerminalRestored()
    }

    @Test("a terminal without SGR: an X10 press and release read together still select the client clicked")
    func x10Click() async throws {
        let view = try await LiveViewSession(["run", "classroom", "--paused"], size: .large)
        defer { view.shutdown() }
        let screen = try await view.capture()
        let cell = try #require(Self.clientCell(on: screen), "no client on screen:\n\(TmuxHarness.framed(screen))")
        // ESC [ M, then 32 + button (3: released), 33 + column, 33 + row; one write, as a busy loop would read it.
        func report(_ button: Int) -> String {
            "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + cell.x)))
                + String(UnicodeScalar(UInt8(33 + cell.y)))
        }
        try await view.tmux.command(["send-keys", "-t", "t", "-l", report(0) + report(3)])
        let after = try await view.waitFor("the inspector to show a client") { (Self.inspected($0) ?? 0) > 0 }
        let id = try #require(Self.inspected(after))
        #expect(after[cell.y].contains(" \(id) ○") || after[cell.y].contains("○ \(id)"), "\(TmuxHarness.framed(after))")
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
    }

    @Test("with --no-mouse the terminal is never asked for mouse reports and keeps the mouse for selecting text")
    func noMouse() async throws {
        let view = try await LiveViewSession(["run", "classroom", "--paused", "--no-mouse"], size: .large)
        defer { view.shutdown() }
        let mouse = try await view.mouseModes()
        #expect(!mouse.reporting && !mouse.sgr, "--no-mouse still asked for mouse reports: \(mouse)")
        try await view.sendKeys("q")
        #expect(try await view.waitForExit() == 0)
        try await view.expectTerminalRestored()
    }

    /// A tmux client attached to the view's tmux server, running in a pane of a second, outer server: text sent to
    /// the outer pane is what a terminal sends the client, and the inner tmux turns a mouse report into whatever
    /// the view asked for (or drops it when the view asked for none), as it does for a user's real mouse.
    static func attachClient(to view: LiveViewSession, width: Int, height: Int) async throws -> TmuxHarness {
        let tmux = try #require(TmuxHarness.tmuxPath)
        // No status line in the view's session, so the client's rows are the view's rows.
        try await view.tmux.command(["set-option", "-t", "t", "status", "off"])
        let outer = try TmuxHarness()
        try await outer.start(command: "TERM=tmux-256color exec \(tmux) -S \(view.tmux.socket) attach -t t",
                        width: width, height: height)
        return outer
    }

    @Test("through a tmux client, a click past column 223 reaches the view; with --no-mouse the same click does not",
          arguments: [false, true])
    func clickPastColumn223(noMouse: Bool) async throws {
        // 300 columns: the side column starts past 250. tmux clamps an X10 report's column to 222 (one byte each),
        // which lands in the topology; only SGR reports say where the click really was.
        let size = TerminalSize(width: 300, height: 50)
        let view = try await LiveViewSession(["run", "classroom", "--paused"] + (noMouse ? ["--no-mouse"] : []),
                                             size: size)
        defer { view.shutdown() }
        let outer = try await Self.attachClient(to: view, width: size.width, height: size.height)
        defer { outer.shutdown() }
        try await LiveViewSignalTests.waitUntil("the client to attach") {
            ((try? await view.tmux.display(format: "#{session_attached}")) ?? "0") != "0"
        }
        let before = try await view.capture()
        let title = try #require(before.firstIndex { $0.contains("┌ inspector") },
                                 "the inspector should not have the focus yet:\n\(TmuxHarness.framed(before))")
        let column = try #require(Array(before[title]).firstIndex(of: "┌"))
        #expect(column > 223, "the inspector starts at column \(column)")
        // Two rows into the inspector, ten columns in.
        let (x, y) = (column + 10 + 1, title + 2 + 1)
        try await outer.command(["send-keys", "-t", "t", "-l", "\u{1B}[<0;\(x);\(y)M"])
        try await outer.command(["send-keys", "-t", "t", "-l", "\u{1B}[<0;\(x);\(y)m"])
        if noMouse {
            // A key typed after the click: once its effect is on screen, the click would have been too.
            try await outer.command(["send-keys", "-t", "t", "+"])
            try await view.waitForStatus("25 clients") { $0.clients == 25 }
            let after = try await view.capture()
            #expect(!after.contains { $0.contains("┏ inspector") }, "a click reached the view despite --no-mouse")
        } else {
            try await view.waitFor("the inspector to take the focus") { $0.contains { $0.contains("┏ inspector") } }
        }
        try await outer.command(["send-keys", "-t", "t", "q"])
        #expect(try await view.waitForExit() == 0)
        try await view.expectTerminalRestored()
    }
}
