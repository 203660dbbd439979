import Testing
@testable import TerminalCanvas

@Suite("Buffer diff")
struct DiffTests {
    @Test("identical buffers produce no change")
    func identical() {
        let a = Buffer(lines: ["hello", "world"])
        #expect(a.diff(previous: a).isEmpty)
    }

    @Test("only the changed cells are emitted, in row order")
    func changedCells() {
        let previous = Buffer(lines: ["abcd", "efgh"])
        var next = previous
        next.set(string: "X", at: Position(x: 1, y: 0))
        next.setStyle(Rect(x: 3, y: 1, width: 1, height: 1), style: Style().bolded())
        #expect(next.diff(previous: previous) == [
            CellChange(x: 1, y: 0, cell: Cell("X")),
            CellChange(x: 3, y: 1, cell: Cell("h", style: Style().bolded())),
        ])
    }

    @Test("a new wide character is one change, not two")
    func wideCharacterOneChange() {
        let previous = Buffer(size: Size(width: 4, height: 1))
        var next = previous
        next.set(string: "中", at: Position(x: 1, y: 0))
        #expect(next.diff(previous: previous) == [CellChange(x: 1, y: 0, cell: Cell("中"))])
    }

    @Test("replacing a wide character by narrow ones emits both cells")
    func wideToNarrow() {
        let previous = Buffer(lines: ["中 "])
        let next = Buffer(lines: ["ab "])
        #expect(next.diff(previous: previous) == [
            CellChange(x: 0, y: 0, cell: Cell("a")),
            CellChange(x: 1, y: 0, cell: Cell("b")),
        ])
    }

    @Test("after a size change every cell of the new buffer is emitted except continuations")
    func sizeChange() {
        let previous = Buffer(size: Size(width: 4, height: 2))
        let next = Buffer(lines: ["a中", "xyz"])
        let changes = next.diff(previous: previous)
        #expect(changes.map { [$0.x, $0.y] } == [[0, 0], [1, 0], [0, 1], [1, 1], [2, 1]])
        #expect(changes[1].cell.grapheme == "中")
    }

    @Test("diffing into a warm array gives the same changes and keeps its storage")
    func intoReusesStorage() {
        let previous = Buffer(lines: ["abcd", "efgh"])
        let next = Buffer(lines: ["abXd", "eYgh"])
        var changes: [CellChange] = []
        changes.reserveCapacity(64)
        let capacity = changes.capacity
        next.diff(previous: previous, into: &changes)
        #expect(changes == next.diff(previous: previous))
        #expect(changes.count == 2)
        next.diff(previous: next, into: &changes)
        #expect(changes.isEmpty)
        #expect(changes.capacity == capacity)
    }

    @Test("equal cells stored differently are not changes: canonical forms and separately built graphemes")
    func equalButNotIdentical() {
        var previous = Buffer(size: Size(width: 6, height: 1))
        var next = previous
        previous.set(string: "\u{E9}", at: .origin)
        next.set(string: "e\u{301}", at: .origin)
        // A grapheme too long to be stored inline; each `joined()` builds its own copy.
        let family = ["\u{1F468}", "\u{200D}\u{1F469}", "\u{200D}\u{1F467}", "\u{200D}\u{1F466}"]
        previous.set(string: family.joined(), at: Position(x: 2, y: 0))
        next.set(string: family.joined(), at: Position(x: 2, y: 0))
        #expect(next.diff(previous: previous).isEmpty)
        next.set(string: "x", at: Position(x: 5, y: 0))
        #expect(next.diff(previous: previous) == [CellChange(x: 5, y: 0, cell: Cell("x"))])
    }

    @Test("a full-screen diff of unchanged 200×60 frames reports nothing")
    func largeUnchanged() {
        var a = Buffer(size: Size(width: 200, height: 60))
        for y in 0..<60 { a.set(string: String(repeating: "x─中", count: 50), at: Position(x: 0, y: y)) }
        var b = a
        var changes: [CellChange] = []
        b.diff(previous: a, into: &changes)
        #expect(changes.isEmpty)
        // Overwriting the right half of the last 中 blanks its left half: both cells change.
        b.set(string: "!", at: Position(x: 199, y: 59))
        b.diff(previous: a, into: &changes)
        #expect(changes == [CellChange(x: 198, y: 59, cell: Cell(" ")), CellChange(x: 199, y: 59, cell: Cell("!"))])
    }
}
