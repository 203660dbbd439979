import Testing
@testable import NetworkEngine

/// The headless table prints what the run had and nothing it did not: a mesh-only run has no server lines, an open
/// server that nobody attacked has no security block, and money reads the same as in the live view.
@Suite("The headless table for people")
struct ReportTableTests {
    static func run(_ configure: (inout Scenario) -> Void) -> String {
        var s = Scenario(name: "table")
        s.nodes = 10
        s.duration = 10
        configure(&s)
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(s.duration))
        return engine.report().table
    }

    @Test("a mesh-only run's table has no server lines")
    func meshOnlyHasNoServerLines() {
        let table = Self.run { $0.architecture = .peerMesh }
        for label in ["server utilization", "queue mean / max", "overloaded for", "server cost"] {
            #expect(!table.contains(label), "\(label) in a mesh-only table")
        }
        #expect(table.contains("hops per lookup"))
    }

    @Test("a client-server run keeps its server lines, costed the one way money is shown")
    func clientServerKeepsServerLines() {
        let table = Self.run { $0.server.costPerHour = 36 }
        #expect(table.contains("server utilization"))
        // 10 s at $36/h is $0.10.
        let cost = table.split(separator: "\n").first { $0.hasPrefix("server cost") }
        #expect(cost?.hasSuffix(" $0.10") == true, "\(cost ?? "no cost line")")
    }

    @Test("an open server nobody attacked has no security block; one with accounts keeps it")
    func openServerHasNoSecurityBlock() {
        let open = Self.run { $0.security.accounts = 0 }
        #expect(!open.contains("lockouts"))
        #expect(!open.contains("exposed"))
        let guarded = Self.run { $0.security.accounts = 20 }
        #expect(guarded.contains("lockouts"))
        #expect(guarded.contains("central: 20 accounts on the server"))
    }

    @Test("money: cents, and four decimals under a cent so a small cost never reads as free")
    func moneyText() {
        #expect(Money.text(0) == "$0.00")
        #expect(Money.text(12.345_6) == "$12.35")
        #expect(Money.text(0.01) == "$0.01")
        #expect(Money.text(0.003_33) == "$0.0033")
        #expect(Money.text(1_234.5) == "$1234.50")
    }
}
