import Testing
@testable import TerminalCanvas

@Suite("MemoryTerminal")
struct MemoryTerminalTests {
    @Test("drawing a diff puts the frame on screen and counts the cells written")
    func appliesDiffs() {
        let terminal = MemoryTerminal(size: Size(width: 6, height: 2))
        var previous = Buffer(size: terminal.size)
        var frame = previous
        frame.set(string: "hello", at: .origin)
        terminal.draw(frame.diff(previous: previous))
        #expect(terminal.screenLines() == ["hello ", "      "])
        #expect(terminal.drawCalls == 1)
        #expect(terminal.cellsWritten == 5)

        previous = frame
        frame.set(string: "J", at: .origin)
        terminal.draw(frame.diff(previous: previous))
        #expect(terminal.screenLines() == ["Jello ", "      "])
        #expect(terminal.drawCalls == 2)
        #expect(terminal.cellsWritten == 6)
        #expect(terminal.screen == frame)
        #expect(terminal.outOfBoundsWrites == 0)
    }

    @Test("a wide character drawn as one change covers two cells on screen")
    func wideCharacter() {
        let terminal = MemoryTerminal(size: Size(width: 4, height: 1))
        var frame = Buffer(size: terminal.size)
        frame.set(string: "中x", at: Position(x: 1, y: 0))
        let changes = frame.diff(previous: Buffer(size: terminal.size))
        #expect(changes.count == 2)
        terminal.draw(changes)
        #expect(terminal.screen == frame)
        #expect(terminal.screenLines() == [" 中x"])
    }

    @Test("input is read in order and nil comes at once when the queue is empty")
    func input() {
        let terminal = MemoryTerminal(size: Size(width: 2, height: 2), input: [.key(.char("q"))])
        terminal.enqueue(.key(.tab), .quitRequested)
        terminal.type("t+")
        #expect(terminal.readInput(timeoutMs: 1000) == .key(.char("q")))
        #expect(terminal.readInput(timeoutMs: 1000) == .key(.tab))
        #expect(terminal.readInput(timeoutMs: 1000) == .quitRequested)
        #expect(terminal.readInput(timeoutMs: 1000) == .key(.char("t")))
        #expect(terminal.readInput(timeoutMs: 1000) == .key(.char("+")))
        #expect(terminal.readInput(timeoutMs: 1000) == nil)
    }

    @Test("resizing changes the size, blanks the screen and queues a resize event")
    func resize() {
        let terminal = MemoryTerminal(size: Size(width: 2, height: 1))
        terminal.draw([CellChange(x: 0, y: 0, cell: Cell("a"))])
        terminal.resize(to: Size(width: 3, height: 2))
        #expect(terminal.size == Size(width: 3, height: 2))
        #expect(terminal.screenLines() == ["   ", "   "])
        #expect(terminal.readInput(timeoutMs: 0) == .resize(Size(width: 3, height: 2)))
    }

    @Test("without colour support the screen keeps attributes but no colours")
    func monochrome() {
        let terminal = MemoryTerminal(size: Size(width: 1, height: 1), colorSupport: .none, supportsUnicode: false)
        terminal.draw([CellChange(x: 0, y: 0, cell: Cell("!", style: Style(fg: .red, bold: true)))])
        #expect(terminal.screen[0, 0] == Cell("!", style: Style(bold: true)))
        #expect(!terminal.supportsUnicode)
    }

    @Test("clear blanks the screen and writes outside it are counted, not applied")
    func clearAndBounds() {
        let terminal = MemoryTerminal(size: Size(width: 2, height: 1))
        terminal.draw([CellChange(x: 0, y: 0, cell: Cell("a")), CellChange(x: 5, y: 0, cell: Cell("b"))])
        #expect(terminal.outOfBoundsWrites == 1)
        #expect(terminal.screenLines() == ["a "])
        terminal.clear()
        #expect(terminal.clearCalls == 1)
        #expect(terminal.screenLines() == ["  "])
    }

    @Test("a frame loop over two buffers writes only what changed between frames")
    func frameLoop() {
        let terminal = MemoryTerminal(size: Size(width: 12, height: 4))
        var previous = Buffer(size: terminal.size)
        var current = previous
        var changes: [CellChange] = []
        func frame(_ count: Int) {
            current.reset()
            let block = Block(title: "Q")
            current.render(block, in: current.area)
            current.render(Gauge(ratio: Double(count) / 10, label: "\(count)/10"), in: block.inner(current.area))
            current.diff(previous: previous, into: &changes)
            terminal.draw(changes)
            swap(&previous, &current)
        }
        frame(5)
        #expect(terminal.screenLines() == [
            "┌ Q ───────┐",
            "│█████░░░░░│",
            "│███5/10░░░│",
            "└──────────┘",
        ])
        let afterFirst = terminal.cellsWritten
        frame(5)
        #expect(terminal.cellsWritten == afterFirst)
        frame(6)
        #expect(terminal.screenLines()[1] == "│██████░░░░│")
        #expect(terminal.screenLines()[2] == "│███6/10░░░│")
        // One more bar cell, the changed digit, and the '1' that is now over the filled part (reversed).
        #expect(terminal.cellsWritten - afterFirst == 3)
    }
}
