import Foundation
@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// The scenario's description (`i`): wrapped to the box, scrolled, closed by `i` or Esc.
@Suite("Description overlay")
struct DescriptionOverlayTests {
    /// The classroom's description with a paragraph added, long enough to scroll at 80×24 once repeated.
    static let text = """
        Twenty laptops share one server. At 40 s twenty more join: watch latency and the queue climb.
        At 80 s the server crashes and requests fail until it restarts at 95 s.

        Press t to switch the same laptops to a peer mesh.
        """

    static func context(_ size: Size) -> UpdateContext {
        var context = UpdateContext(wallNanos: 0, activeNodes: 20)
        context.screenSize = size
        return context
    }

    @Test("at 80×24 and 120×40 the description is wrapped inside its box, its paragraphs kept",
          arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func renders(size: Size) {
        let state = Fixtures.state { $0.showsDescription = true; $0.scenarioDescription = Self.text }
        let lines = Fixtures.lines(width: size.width, height: size.height) { _, b in
            Screen.render(snapshot: Fixtures.snapshot(), state: state, into: &b)
        }
        let title = lines.firstIndex { $0.contains("about · classroom") } ?? -1
        #expect(title > 0)
        let body = lines[(title + 1)...].prefix { !$0.contains("╚") }.map { line in
            line.split(separator: "║", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
        }
        let words = body.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(words == Self.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " "))
        // The first paragraph's file line breaks are folded; the blank line stays.
        #expect(body.contains { $0.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(body.first?.hasPrefix(" Twenty laptops share one server. At 40 s twenty more join:") == true)
        #expect(lines.contains { $0.contains("i or Esc closes") })
    }

    @Test("a description longer than the screen scrolls with ↓ and page down, and stops at its end")
    func scrolls() {
        let size = Size(width: 80, height: 24)
        let long = Array(repeating: Self.text, count: 6).enumerated().map { "Part \($0.offset + 1). " + $0.element }
            .joined(separator: "\n\n")
        var state = Fixtures.state { $0.scenarioDescription = long }
        let keys: (Key) -> Void = { key in _ = update(&state, Action(key: key, state: state), context: Self.context(size)) }
        keys(.char("I"))
        #expect(state.showsDescription, "caps lock does not change i")
        let render = { Fixtures.lines(width: 80, height: 24) { _, b in
            Screen.render(snapshot: Fixtures.snapshot(), state: state, into: &b) } }
        #expect(render().contains { $0.contains("Part 1.") })
        #expect(!render().contains { $0.contains("Part 6.") })
        keys(.down)
        #expect(state.descriptionScroll == 1)
        keys(.pageDown); keys(.pageDown); keys(.pageDown); keys(.pageDown); keys(.pageDown)
        let limit = DescriptionOverlay.maxScroll(description: long, screen: size)
        #expect(limit > 0 && state.descriptionScroll == limit)
        #expect(render().contains { $0.contains("Part 6.") })
        #expect(render().contains { $0.contains("scroll") })
        keys(.home)
        #expect(state.descriptionScroll == 0)
        keys(.escape)
        #expect(!state.showsDescription)
    }

    @Test("control characters in a description are spelled out; an empty one says there is none")
    func escapedAndEmpty() {
        var state = Fixtures.state { $0.showsDescription = true; $0.scenarioDescription = "Watch\u{1B}[2J this" }
        let lines = Fixtures.lines(width: 80, height: 24) { _, b in
            Screen.render(snapshot: Fixtures.snapshot(), state: state, into: &b)
        }
        #expect(lines.contains { $0.contains("Watch\\u{1B}[2J this") })
        state.scenarioDescription = "  \n "
        let empty = Fixtures.lines(width: 80, height: 24) { _, b in
            Screen.render(snapshot: Fixtures.snapshot(), state: state, into: &b)
        }
        #expect(empty.contains { $0.contains("This scenario has no description.") })
    }

    @Test("the live app shows the description it was given, from i")
    func liveApp() {
        let terminal = MemoryTerminal(size: Size(width: 120, height: 40))
        let clock = ManualClock(nanoseconds: 1_000_000_000)
        let app = LiveApp(model: FakeNetworkModel(), origin: RunOrigin(scenarioArgument: "x", scenarioName: "x", seed: 1),
                          backend: terminal, clock: clock, startPaused: true, description: Self.text)
        terminal.type("i")
        _ = LiveAppTests.frames(1, app, clock)
        #expect(terminal.screenLines().contains { $0.contains("Press t to switch the same laptops to a peer mesh.") })
    }
}

/// The `?` overlay's glossary: every figure the panes print has a line, and keys and glossary both fit.
@Suite("Help glossary")
struct HelpGlossaryTests {
    /// Words before a figure that name a thing rather than a figure (`node 1`, `peer 9`, `clients 1–85`).
    static let names: Set<String> = ["node", "nodes", "peer", "peers", "account", "client", "clients", "of"]

    /// The labels in one pane's inner text: a lower-case word or words (`util`, `load max/mean`, `p95`) at the start
    /// of the line, after two spaces or after a glyph and a space, followed by a figure (a digit, `-`, `—`, `$`) or
    /// a gauge or sparkline.
    static func labels(in lines: [String]) -> Set<String> {
        let pattern = #"(?:^|(?<=  )|(?<=[^\w\s] ))([a-z][a-z0-9/]*(?: [a-z][a-z/]+)*) +(?=[-—$0-9■□█░▁▂▃▄▅▆▇])"#
        let regex = try! NSRegularExpression(pattern: pattern)
        var found: Set<String> = []
        for line in lines {
            let range = NSRange(line.startIndex..., in: line)
            for match in regex.matches(in: line, range: range) {
                if let r = Range(match.range(at: 1), in: line) { found.insert(String(line[r])) }
            }
        }
        return found.subtracting(names)
    }

    /// The inner text of every pane but the event log (a log, not figures) in a frame.
    static func paneLabels(_ snapshot: Snapshot, size: Size = Size(width: 200, height: 60)) -> Set<String> {
        let lines = Fixtures.lines(width: size.width, height: size.height) { _, b in
            Screen.render(snapshot: snapshot, state: Fixtures.state(), into: &b)
        }
        let r = Screen.regions(for: size)
        var found: Set<String> = []
        for pane in [r.topology, r.server, r.security, r.inspector, r.metrics, r.cost] {
            let inner = lines[(pane.y + 1)..<(pane.bottom - 1)].map { line in
                String(Array(line)[(pane.x + 1)..<(pane.right - 1)])
            }
            found.formUnion(labels(in: inner))
        }
        return found
    }

    /// Frames of a real classroom under attack, client-server then after `t`, and the fixtures' hand-built ones.
    static func frames() throws -> [Snapshot] {
        var scenario = Scenario(name: "glossary class")
        scenario.nodes = 20
        scenario.security.attackers = 1
        let engine = Engine(scenario: scenario)
        _ = engine.apply(.toggleAttack)
        engine.advance(to: .seconds(30), maxEvents: .max)
        let clientServer = engine.snapshot(SnapshotRequest())
        _ = engine.apply(.toggleArchitecture)
        engine.advance(to: .seconds(60), maxEvents: .max)
        let mesh = engine.snapshot(SnapshotRequest())
        // The storage panel: the backup scenario before its server's disk fails, while restoring, as a mesh repairing.
        let storage = try [12.0, 18, 41, 52].map { try StoragePanelTests.snapshot(at: $0) }
        // A file distribution under way and done: its panel and completion chart.
        let distribution = try [300.0, 5000].map {
            try DistributionPaneTests.snapshot(at: $0, size: Size(width: 200, height: 60))
        }
        return storage + distribution + [clientServer, mesh, Fixtures.snapshot(), SecurityFixtures.snapshot(attack: true),
                SecurityFixtures.meshSnapshot(attack: true), MeshFixtures.snapshot(),
                MeshFixtures.snapshot(mesh: MeshFixtures.mesh(.flooding, links: MeshFixtures.floodLinks))]
    }

    @Test("every label the panes draw in client-server and mesh frames has a glossary line")
    func coversEveryLabel() throws {
        var labels: Set<String> = []
        for snapshot in try Self.frames() { labels.formUnion(Self.paneLabels(snapshot)) }
        // The check itself finds what it should: these are on those screens.
        for expected in ["util", "queue", "capacity", "exposed", "any log", "load max/mean", "hops/lookup", "p95",
                         "thruput", "lost", "available", "owner pays", "peers donate"] {
            #expect(labels.contains(expected), "\(expected) not collected from the frames")
        }
        let terms = Set(Glossary.allEntries.map(\.term))
        for label in labels.sorted() {
            // A label of several words is covered by its own line or by a line for each word ("shares open").
            // A term with a figure inside (`per 1k req`, read as `per` after a `-` figure) covers its first words.
            let covered = terms.contains(label) || label.split(separator: " ").allSatisfy { terms.contains(String($0)) }
                || terms.contains { $0.hasPrefix(label + " ") }
            #expect(covered, "no glossary line for '\(label)'")
        }
    }

    /// The overlay's text as drawn at `size` after scrolling `scroll` rows.
    static func help(_ size: Size, scroll: Int = 0) -> [String] {
        let state = Fixtures.state { $0.showsHelp = true; $0.helpScroll = scroll }
        return Fixtures.lines(width: size.width, height: size.height) { _, b in
            Screen.render(snapshot: Fixtures.snapshot(), state: state, into: &b)
        }
    }

    @Test("at 80×24 the help scrolls from the keys to the end of the glossary, nothing cut")
    func fitsSmall() {
        let size = Size(width: 80, height: 24)
        let limit = HelpOverlay.maxScroll(screen: size, unicode: true)
        #expect(limit > 0)
        var seen: [String] = []
        var scroll = 0
        while scroll <= limit {
            seen += Self.help(size, scroll: scroll)
            scroll += 10
        }
        seen += Self.help(size, scroll: limit)
        let text = seen.joined(separator: "\n")
        for row in KeyBindings.all { #expect(text.contains(row.meaning), "\(row.meaning)") }
        for entry in Glossary.allEntries { #expect(text.contains(entry.meaning), "\(entry.term)") }
        // The box fills the panes' area (rows 1–22); its bottom edge says whether more follows.
        #expect(Self.help(size)[22].contains("more below"))
        #expect(Self.help(size, scroll: limit)[22].contains("end"))
        // Scrolled to the end, the last glossary line is the last line in the box.
        #expect(Self.help(size, scroll: limit)[21].contains(Glossary.entries.last?.meaning ?? "?"))
        // ↓ through update stops at the limit too.
        var state = Fixtures.state { $0.showsHelp = true }
        var context = UpdateContext(wallNanos: 0, activeNodes: 8)
        context.screenSize = size
        for _ in 0..<10 { _ = update(&state, Action(key: .pageDown, state: state), context: context) }
        #expect(state.helpScroll == limit)
    }

    /// The keys, the commands and the glossary (storage's figures included) are about 130 lines: at 200×60 they
    /// flow into two columns side by side that scroll a few lines together (at most 14: 10 until the lesson and
    /// rewind keys and the theory marks' terms came, 12 until the confidence intervals' `±` and `≠` and `msgs`, 13
    /// until the flood's `reach`; a third
    /// column would not fit a glossary line of 72 columns);
    /// every key and every entry is on one of the two screens (top and bottom), whole.
    @Test("at 200×60 keys and glossary stand side by side in two columns, each entry whole within a few lines' scroll")
    func fitsLarge() {
        let size = Size(width: 200, height: 60)
        let limit = HelpOverlay.maxScroll(screen: size, unicode: true)
        #expect(limit <= 14, "two columns at 200×60 should hold nearly all of it, scroll \(limit)")
        let text = (Self.help(size) + Self.help(size, scroll: limit)).joined(separator: "\n")
        for row in KeyBindings.all { #expect(text.contains(row.meaning), "\(row.meaning)") }
        for entry in Glossary.allEntries { #expect(text.contains(entry.term + " ") && text.contains(entry.meaning)) }
        #expect(Self.help(size).contains { $0.contains("keys") && $0.contains("figures on screen") })
    }
}

/// Tab moves the focus in the order the screen reads; shift-tab goes back.
@Suite("Focus order")
struct FocusOrderTests {
    @Test("tab follows the panes top to bottom, then left to right, at every supported size",
          arguments: [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40),
                      Size(width: 200, height: 60)])
    func readingOrder(size: Size) {
        let r = Screen.regions(for: size)
        let rects: [Pane: Rect] = [.topology: r.topology, .server: r.server, .security: r.security,
                                   .inspector: r.inspector, .metrics: r.metrics, .events: r.events]
        // Reading order: a pane comes before another that starts below it within the same column, and a band's
        // left pane before its right; panes of the top band (which spans the side column) before the bottom band.
        let reading = Pane.allCases.sorted { a, b in
            let ra = rects[a]!, rb = rects[b]!
            let bandA = ra.y >= r.metrics.y ? 1 : 0, bandB = rb.y >= r.metrics.y ? 1 : 0
            if bandA != bandB { return bandA < bandB }
            if ra.x != rb.x { return ra.x < rb.x }
            return ra.y < rb.y
        }
        var state = Fixtures.state()
        var order: [Pane] = [state.focus]
        for _ in 1..<Pane.allCases.count {
            _ = update(&state, Action(key: .tab), context: UpdateContext(activeNodes: 8))
            order.append(state.focus)
        }
        #expect(order == reading)
        _ = update(&state, Action(key: .tab), context: UpdateContext(activeNodes: 8))
        #expect(state.focus == reading[0], "tab wraps around")
        var back: [Pane] = []
        for _ in Pane.allCases {
            _ = update(&state, Action(key: .backTab), context: UpdateContext(activeNodes: 8))
            back.append(state.focus)
        }
        #expect(back == Array(reading.reversed()))
    }
}

/// Caps lock never changes what a key does.
@Suite("Caps lock")
struct CapsLockTests {
    @Test("every letter bound in the key table does the same upper case, with or without an overlay open")
    func lettersIgnoreCase() {
        let letters = KeyBindings.all.flatMap(\.keys).compactMap { key -> Character? in
            if case .char(let c) = key, c.isLetter { return c } else { return nil }
        }
        #expect(letters.contains("o") && letters.contains("i") && letters.count >= 10)
        let description = Fixtures.state { $0.showsDescription = true }
        let help = Fixtures.state { $0.showsHelp = true }
        for c in letters {
            let upper = Character(c.uppercased())
            #expect(upper != c)
            #expect(Action(key: .char(upper)) == Action(key: .char(c)), "\(c)")
            for state in [Fixtures.state(), description, help] {
                #expect(Action(key: .char(upper), state: state) == Action(key: .char(c), state: state), "\(c)")
            }
        }
    }

    @Test("the picker's filter matches whatever the case typed")
    func pickerFilterIgnoresCase() {
        var lower = ScenarioPicker(choices: FakeScenarioLibrary.choices)
        var upper = lower
        for c in "bottle" { _ = lower.handle(.type(c), page: 5) }
        for c in "BOTTLE" { _ = upper.handle(.type(c), page: 5) }
        #expect(lower.matches == upper.matches && lower.matches.count == 1)
    }
}
