import Testing
@testable import TerminalCanvas

@Suite("Block")
struct BlockTests {
    @Test("a titled block draws a unicode border with the title on the top edge")
    func unicode() {
        let buffer = rendered(Block(title: "Net"), width: 10, height: 3)
        #expect(buffer == Buffer(lines: [
            "┌ Net ───┐",
            "│        │",
            "└────────┘",
        ]))
    }

    @Test("in ASCII mode the border is drawn with + - |")
    func ascii() {
        let buffer = rendered(Block(title: "Net", symbols: .ascii), width: 10, height: 3)
        #expect(buffer.lines() == [
            "+ Net ---+",
            "|        |",
            "+--------+",
        ])
    }

    @Test("a long title is truncated with the ellipsis of the mode")
    func titleTruncation() {
        #expect(rendered(Block(title: "Metrics pane"), width: 10, height: 2).lines() == [
            "┌ Metri… ┐",
            "└────────┘",
        ])
        #expect(rendered(Block(title: "Metrics pane", symbols: .ascii), width: 10, height: 2).lines()[0] == "+ Metri. +")
    }

    @Test("a title that cannot fit with its padding is left out")
    func noRoomForTitle() {
        #expect(rendered(Block(title: "Net"), width: 4, height: 2).lines() == ["┌──┐", "└──┘"])
    }

    @Test("thick and double borders use their glyphs; the title can be centred and styled")
    func borderTypes() {
        let bold = Style().bolded()
        let thick = rendered(Block(title: "Hi", titleStyle: bold, titleAlignment: .center, borderType: .thick),
                             width: 10, height: 3)
        #expect(thick.lines() == [
            "┏━━ Hi ━━┓",
            "┃        ┃",
            "┗━━━━━━━━┛",
        ])
        #expect(thick[4, 0] == Cell("H", style: bold))
        #expect(thick[0, 0].style == .plain)
        let double = rendered(Block(borderType: .double), width: 3, height: 3)
        #expect(double.lines() == ["╔═╗", "║ ║", "╚═╝"])
    }

    @Test("the inner area excludes the border")
    func inner() {
        let area = Rect(x: 2, y: 1, width: 10, height: 5)
        #expect(Block().inner(area) == Rect(x: 3, y: 2, width: 8, height: 3))
        #expect(Block(borders: .none).inner(area) == area)
        #expect(Block(title: "t", borders: .none).inner(area) == Rect(x: 2, y: 2, width: 10, height: 4))
        #expect(Block(borders: [.top, .bottom]).inner(area) == Rect(x: 2, y: 2, width: 10, height: 3))
        #expect(Block().inner(Rect(x: 0, y: 0, width: 1, height: 1)).isEmpty)
    }

    @Test("a block drawn in part of a buffer leaves the rest alone")
    func partialArea() {
        var buffer = Buffer(lines: ["......", "......", "......"])
        buffer.render(Block(symbols: .ascii), in: Rect(x: 1, y: 0, width: 3, height: 2))
        #expect(buffer.lines() == [".+-+..", ".+-+..", "......"])
    }
}

@Suite("Clear")
struct ClearTests {
    @Test("clear blanks only its area, in its style")
    func clear() {
        var buffer = Buffer(lines: ["abcd", "efgh"])
        buffer.render(Clear(style: Style(bg: .blue)), in: Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(buffer.lines() == ["a  d", "efgh"])
        #expect(buffer[1, 0] == Cell(" ", style: Style(bg: .blue)))
    }
}
