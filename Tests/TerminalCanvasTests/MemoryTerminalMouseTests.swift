import TerminalCanvas
import Testing

@Suite("Memory terminal mouse input")
struct MemoryTerminalMouseTests {
    @Test("a click queues a left press then its release at the cell; the wheel one event a notch, in order")
    func queued() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        terminal.click(x: 12, y: 5)
        terminal.wheel(2, x: 40, y: 20)
        terminal.wheel(-1, x: 41, y: 21)
        terminal.type("q")
        var read: [InputEvent] = []
        while let event = terminal.readInput(timeoutMs: 0) { read.append(event) }
        #expect(read == [
            .mouse(MouseEvent(.press(.left), x: 12, y: 5)), .mouse(MouseEvent(.release(.left), x: 12, y: 5)),
            .mouse(MouseEvent(.wheelUp, x: 40, y: 20)), .mouse(MouseEvent(.wheelUp, x: 40, y: 20)),
            .mouse(MouseEvent(.wheelDown, x: 41, y: 21)), .key(.char("q")),
        ])
    }
}
