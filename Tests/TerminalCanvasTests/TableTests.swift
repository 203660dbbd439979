import Testing
@testable import TerminalCanvas

@Suite("Table")
struct TableTests {
    let header = Row(strings: ["Node", "Queue", "State"])
    let rows = [Row(strings: ["server", "12", "up"]), Row(strings: ["client-1234567", "0", "down"])]
    let widths: [Constraint] = [.length(8), .length(5), .fill(1)]

    @Test("a table lays out columns by constraints and truncates long cells")
    func layoutAndTruncation() {
        let table = Table(header: header, rows: rows, widths: widths)
        #expect(rendered(table, width: 20, height: 3).lines() == [
            "Node     Queue State",
            "server   12    up   ",
            "client-… 0     down ",
        ])
    }

    @Test("in ASCII mode truncation uses the ASCII ellipsis")
    func asciiEllipsis() {
        let table = Table(rows: rows, widths: widths, symbols: .ascii)
        #expect(rendered(table, width: 20, height: 2).lines()[1] == "client-. 0     down ")
    }

    @Test("the header is bold and the selected row is highlighted across its width")
    func styles() {
        let table = Table(header: header, rows: rows, widths: widths, selected: 1)
        let buffer = rendered(table, width: 20, height: 3)
        #expect(buffer[0, 0].style == Style(bold: true))
        #expect(buffer[19, 0].style == Style(bold: true))
        #expect(buffer[0, 1].style == .plain)
        #expect((0..<20).allSatisfy { buffer[$0, 2].style == Style(reverse: true) })
    }

    @Test("cells keep their own colours under a row style and a right-aligned line sits right")
    func cellStyles() {
        let red = Style(fg: .red)
        let row = Row([Line("a"), Line("7", style: red, alignment: .right)], style: Style(bg: .blue))
        let buffer = rendered(Table(rows: [row], widths: [.length(2), .length(3)]), width: 6, height: 1)
        #expect(buffer.lines() == ["a    7"])
        #expect(buffer[5, 0].style == Style(fg: .red, bg: .blue))
        #expect(buffer[1, 0].style == Style(bg: .blue))
    }

    @Test("the view scrolls so the selected row stays visible below the header")
    func scrolling() {
        let many = (0..<5).map { Row(strings: ["r\($0)"]) }
        let table = Table(header: Row(strings: ["H"]), rows: many, widths: [.fill(1)], selected: 4)
        let area = Rect(x: 0, y: 0, width: 3, height: 3)
        #expect(table.visibleOffset(in: area) == 3)
        #expect(rendered(table, width: 3, height: 3).lines() == ["H  ", "r3 ", "r4 "])
    }
}
