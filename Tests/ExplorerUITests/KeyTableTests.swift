import Foundation
@testable import ExplorerUI
import TerminalCanvas
import Testing

/// The key table: each key bound once, every action a user can ask for reachable, the help bar's slots, and the
/// README's key table row for row.
@Suite("Key table")
struct KeyTableTests {
    @Test("each key is in one row only, and does that row's action")
    func keysBoundOnce() {
        let keys = KeyBindings.all.flatMap(\.keys)
        #expect(Set(keys).count == keys.count, "a key in two rows")
        for row in KeyBindings.all {
            #expect(row.keys.count == row.actions.count && !row.keys.isEmpty)
            for (key, action) in zip(row.keys, row.actions) { #expect(Action(key: key) == action, "\(key)") }
        }
    }

    @Test("every action a user can ask for has a key")
    func everyActionHasAKey() {
        let user: [Action] = [.quit, .togglePause, .stepOnce, .slower, .faster, .toggleArchitecture, .addNodes,
                              .removeNodes, .nextPane, .previousPane, .selectPrevious, .selectNext, .selectUp,
                              .selectDown, .toggleSelectedNode, .toggleAttack, .flashCrowd, .cycleEventFilter,
                              .restart, .toggleHelp, .closeHelp, .toggleEventDetail]
            + [.removeWorker, .addWorker, .openCommandLine, .openSearch]
        let bound = KeyBindings.all.flatMap(\.actions)
        for action in user { #expect(bound.contains(action), "\(action)") }
    }

    @Test("the help bar shows the slots in rank order, rows that share one together")
    func helpBarSlots() {
        let ranks = HelpBar.entries.map(\.slot.rank)
        #expect(ranks == ranks.sorted() && Set(ranks).count == ranks.count)
        let keys = HelpBar.entries.map { $0.keys.map { $0.helpName(unicode: true) }.joined() }
        #expect(keys == ["q", "?", "space", "<>", "t", "+-", "x", "f", "a", "tab", "e", "r"])
    }

    /// The key column of each row of the README's table under "| key | what it does |": the keys in backticks.
    static func readmeKeyRows() throws -> [[String]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex(of: "| key | what it does |"))
        return lines[(header + 2)...].prefix { $0.hasPrefix("|") }.map { line in
            let keyColumn = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            return keyColumn.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
    }

    @Test("the README's key table has the same rows, with the same keys, in the same order")
    func readmeMatches() throws {
        let table = KeyBindings.all.map { $0.keys.map { $0.helpName(unicode: true) } }
        let readme = try Self.readmeKeyRows()
        #expect(readme == table)
    }
}
