import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The cost panel: the bill by who pays above the event log at 120×40, folded onto the log's border at 80×24, and
/// following the live view's `]` and `t` through the run loop on a `MemoryTerminal`.
@Suite("Cost panel")
struct CostPanelTests {
    /// A bill worked out by hand: the owner pays $0.04 + $0.01 + $0.02 = $0.07, the peers donate $0.50 + $0.25 =
    /// $0.75, $0.82 in all; over 1,000 completed requests that is $0.82 per thousand, and over one simulated hour
    /// $0.82 × 730 = $598.60 a month.
    static var bill: CostView {
        var c = CostView()
        c.serverDollars = 0.04; c.adminDollars = 0.01; c.bandwidthDollars = 0.02
        c.peerTimeDollars = 0.50; c.peerBandwidthDollars = 0.25
        c.peerHours = 2.5; c.peerBytes = 5e9
        c.completed = 1000; c.simulatedSeconds = 3600
        c.ownerRatePerHour = 1.20
        return c
    }

    /// The text inside `rect` of a rendered screen, each row without its trailing spaces.
    static func inner(_ lines: [String], _ rect: Rect) -> [String] {
        lines[(rect.y + 1)..<(rect.bottom - 1)].map { line in
            let row = String(Array(line)[(rect.x + 1)..<(rect.right - 1)])
            return String(row.reversed().drop { $0 == " " }.reversed())
        }
    }

    static func screen(_ size: Size, cost: CostView?) -> [String] {
        var snapshot = Fixtures.snapshot()
        snapshot.cost = cost
        return Fixtures.lines(width: size.width, height: size.height) { _, b in
            Screen.render(snapshot: snapshot, state: Fixtures.state(), into: &b)
        }
    }

    @Test("at 120×40 the panel above the log gives the month, a thousand requests, the owner's share and the peers'")
    func framedAt120x40() {
        let size = Size(width: 120, height: 40)
        let r = Screen.regions(for: size)
        #expect(r.cost.height == 6 && r.cost.bottom == r.events.y && r.cost.x == r.events.x)
        let lines = Self.screen(size, cost: Self.bill)
        #expect(String(lines[r.cost.y].dropFirst(r.cost.x)).hasPrefix("┌ cost · who pays"))
        #expect(Self.inner(lines, r.cost) == [
            "$598.60 a month · $0.82 per 1k req",
            "owner pays $0.07 · $1.20/h now",
            "  server $0.04  admin $0.01  bandwidth $0.02",
            "peers donate $0.75 · 2.50 peer-h, 5.00 GB up",
        ])
    }

    @Test("at 80×24 and 100×30 the bill folds into one line on the event log's bottom border")
    func foldedWhenSmall() {
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30)] {
            let r = Screen.regions(for: size)
            #expect(r.cost.height == 1 && r.cost.y == r.events.bottom - 1, "\(size)")
            let row = Self.screen(size, cost: Self.bill)[r.cost.y]
            #expect(row.contains(" $598.60/mo · $0.82/1k req "), "\(size): \(row)")
            // The log's corners stay: the line sits inside them.
            #expect(row.hasSuffix("┘"), "\(size): \(row)")
        }
        // Nothing completed: no price per thousand, said as a dash rather than a made-up $0.
        var idle = Self.bill
        idle.completed = 0
        let r = Screen.regions(for: Size(width: 80, height: 24))
        #expect(Self.screen(Size(width: 80, height: 24), cost: idle)[r.cost.y].contains("$598.60/mo · -/1k req"))
    }

    /// Through the run loop: `]` takes the server from 4 to 5 workers, so its $1.20/h becomes $1.20 × 5/4 = $1.50/h
    /// and the server panel's cost line says so too; after `t` the owner pays nothing an hour and the peers' hours
    /// are counted.
    @Test("live, ] scales the owner's hourly rate and t hands the bill to the peers")
    func followsTheRunLoop() throws {
        let (app, terminal, clock) = LiveAppTests.make(size: Size(width: 120, height: 40), speed: 5)
        app.renderFrame()
        _ = LiveAppTests.frames(10, of: 100, app, clock)
        let r = Screen.regions(for: terminal.size)
        #expect(Self.inner(terminal.screenLines(), r.cost)[1].hasSuffix("$1.20/h now"))
        terminal.type("]")
        _ = LiveAppTests.frames(10, of: 100, app, clock)
        var cost = Self.inner(terminal.screenLines(), r.cost)
        #expect(cost[1].hasSuffix("$1.50/h now"), "\(cost)")
        #expect(terminal.screenLines().contains { $0.contains("at $1.50/h") })
        terminal.type("t")
        _ = LiveAppTests.frames(20, of: 100, app, clock)
        cost = Self.inner(terminal.screenLines(), r.cost)
        #expect(cost[1].hasSuffix("$0.00/h now"), "\(cost)")
        let bill = try #require(app.snapshot.cost)
        #expect(bill.peerHours > 0 && bill.serverDollars > 0)
        #expect(terminal.outOfBoundsWrites == 0)
    }
}
