import Testing
@testable import TerminalCanvas

@Suite("Buffer")
struct BufferTests {
    @Test("a new buffer is blank and its lines are padded to the width")
    func blank() {
        let buffer = Buffer(size: Size(width: 3, height: 2))
        #expect(buffer.lines() == ["   ", "   "])
        #expect(buffer.cells.count == 6)
        #expect(buffer[2, 1] == .blank)
    }

    @Test("Buffer(lines:) pads short lines and equals the same text written by hand")
    func fromLines() {
        var buffer = Buffer(size: Size(width: 4, height: 2))
        buffer.set(string: "ab", at: Position(x: 0, y: 0))
        buffer.set(string: "wxyz", at: Position(x: 0, y: 1))
        #expect(buffer == Buffer(lines: ["ab", "wxyz"]))
        #expect(Buffer(lines: ["ab", "wxyz"]).lines() == ["ab  ", "wxyz"])
    }

    @Test("set writes styled text and returns the columns advanced")
    func setString() {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        let bold = Style().bolded()
        let n = buffer.set(string: "net", at: Position(x: 2, y: 0), style: bold)
        #expect(n == 3)
        #expect(buffer.lines() == ["  net   "])
        #expect(buffer[2, 0] == Cell("n", style: bold))
        #expect(buffer[5, 0] == .blank)
    }

    @Test("text is clipped to the clip rectangle and to the buffer")
    func clipping() {
        var buffer = Buffer(size: Size(width: 6, height: 2))
        let n = buffer.set(string: "abcdef", at: Position(x: 1, y: 0), clippedTo: Rect(x: 0, y: 0, width: 4, height: 1))
        #expect(n == 3)
        let m = buffer.set(string: "xyz", at: Position(x: 4, y: 1))
        #expect(m == 2)
        #expect(buffer.set(string: "zzz", at: Position(x: 0, y: 5)) == 0)
        #expect(buffer.lines() == [" abc  ", "    xy"])
    }

    @Test("text starting left of the clip shows only its visible part")
    func leftClip() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        buffer.set(string: "abcdef", at: Position(x: -2, y: 0))
        #expect(buffer.lines() == ["cdef "])
    }

    @Test("a wide character takes two cells, the second a continuation")
    func wideCharacters() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        let n = buffer.set(string: "a中😀", at: .origin)
        #expect(n == 5)
        #expect(buffer[1, 0].grapheme == "中")
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].grapheme == "😀")
        #expect(buffer[4, 0].isContinuation)
        #expect(!buffer[5, 0].isContinuation)
        #expect(buffer.lines() == ["a中😀 "])
        #expect(buffer == Buffer(lines: ["a中😀 "]))
    }

    @Test("a wide character straddling the right clip edge becomes a space")
    func wideAtRightEdge() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        buffer.fill(buffer.area, cell: Cell("."))
        let n = buffer.set(string: "ab中", at: .origin, clippedTo: Rect(x: 0, y: 0, width: 3, height: 1))
        #expect(n == 3)
        #expect(buffer.lines() == ["ab .."])
        #expect(!buffer.cells.contains { $0.isContinuation })
    }

    @Test("a wide character straddling the left clip edge becomes a space")
    func wideAtLeftEdge() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.fill(buffer.area, cell: Cell("."))
        buffer.set(string: "中xy", at: Position(x: 0, y: 0), clippedTo: Rect(x: 1, y: 0, width: 3, height: 1))
        #expect(buffer.lines() == [". xy"])
    }

    @Test("a wide character in the last column of the buffer becomes a space")
    func wideAtBufferEdge() {
        var buffer = Buffer(size: Size(width: 3, height: 1))
        buffer.set(string: "ab中", at: .origin)
        #expect(buffer.lines() == ["ab "])
    }

    @Test("overwriting half of a wide character blanks the other half")
    func brokenWideCharacter() {
        var buffer = Buffer(lines: ["中文"])
        buffer.set(string: "x", at: Position(x: 1, y: 0))
        #expect(buffer.lines() == [" x文"])
        #expect(!buffer[1, 0].isContinuation)
        buffer.set(string: "y", at: Position(x: 2, y: 0))
        #expect(buffer.lines() == [" xy "])
        #expect(!buffer.cells.contains { $0.isContinuation })
    }

    @Test("setting a cell through the subscript over a wide character blanks its other half")
    func subscriptKeepsWideCharactersWhole() {
        var buffer = Buffer(lines: ["中文"])
        buffer[2, 0] = Cell("z")
        #expect(buffer.lines() == ["中z "])
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test("control characters are skipped so they cannot move the terminal's cursor")
    func controls() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        let n = buffer.set(string: "a\tb\nc", at: .origin)
        #expect(n == 3)
        #expect(buffer.lines() == ["abc  "])
    }

    @Test("fill, setStyle and patchStyle touch only the given rectangle")
    func fillAndStyle() {
        var buffer = Buffer(size: Size(width: 4, height: 3))
        buffer.fill(Rect(x: 1, y: 1, width: 2, height: 5), cell: Cell("#"))
        #expect(buffer.lines() == ["    ", " ## ", " ## "])
        let red = Style(fg: .red)
        buffer.setStyle(Rect(x: 0, y: 1, width: 2, height: 1), style: red)
        #expect(buffer[0, 1] == Cell(" ", style: red))
        #expect(buffer[1, 1] == Cell("#", style: red))
        #expect(buffer[2, 1].style == .plain)
        buffer.patchStyle(Rect(x: 1, y: 1, width: 1, height: 1), style: Style().reversed())
        #expect(buffer[1, 1].style == Style(fg: .red, reverse: true))
    }

    @Test("reset blanks every cell and keeps the storage")
    func reset() {
        var buffer = Buffer(lines: ["abc", "def"])
        buffer.setStyle(buffer.area, style: Style().bolded())
        let capacity = buffer.cells.capacity
        buffer.reset()
        #expect(buffer == Buffer(size: Size(width: 3, height: 2)))
        #expect(buffer.cells.capacity == capacity)
    }

    @Test("resizing gives a blank buffer of the new size")
    func resize() {
        var buffer = Buffer(lines: ["abc", "def"])
        buffer.resize(to: Size(width: 2, height: 3))
        #expect(buffer == Buffer(size: Size(width: 2, height: 3)))
        buffer.set(string: "zz", at: .origin)
        buffer.resize(to: Size(width: 5, height: 2))
        #expect(buffer.lines() == ["     ", "     "])
    }

    @Test("a failed comparison prints the rows between bars")
    func description() {
        #expect(Buffer(lines: ["ab", "c"]).description == "|ab|\n|c |")
    }
}
