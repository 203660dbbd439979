import Testing
@testable import TerminalCanvas

@Suite("Paragraph")
struct ParagraphTests {
    @Test("word wrap breaks between words and drops the space at the break")
    func wordWrap() {
        let p = Paragraph(["the quick brown fox jumps"], overflow: .wrap)
        #expect(rendered(p, width: 10, height: 3).lines() == [
            "the quick ",
            "brown fox ",
            "jumps     ",
        ])
    }

    @Test("a word wider than a row is broken by characters")
    func longWord() {
        let p = Paragraph(["abcdefghijkl mn"], overflow: .wrap)
        #expect(p.rows(width: 5).map(\.plainText) == ["abcde", "fghij", "kl mn"])
    }

    @Test("wrapping keeps indentation, blank lines and span styles")
    func wrapKeepsStructure() {
        let red = Style(fg: .red)
        let p = Paragraph([Line([Span("  ab "), Span("cd ef", style: red)]), "", "x"], overflow: .wrap)
        let rows = p.rows(width: 6)
        #expect(rows.map(\.plainText) == ["  ab", "cd ef", "", "x"])
        #expect(rows[1].spans == [Span("cd ef", style: red)])
    }

    @Test("wide characters wrap by their display width")
    func wideWrap() {
        let p = Paragraph(["日本語 テキスト"], overflow: .wrap)
        #expect(p.rows(width: 8).map(\.plainText) == ["日本語", "テキスト"])
    }

    @Test("truncation ends a long line with the ellipsis")
    func truncate() {
        #expect(rendered(Paragraph(["hello world", "ok"]), width: 8, height: 2).lines() == ["hello w…", "ok      "])
        #expect(rendered(Paragraph(["hello world"], symbols: .ascii), width: 8, height: 1).lines() == ["hello w."])
    }

    @Test("lines are aligned left, centred or right; a line can override the paragraph")
    func alignment() {
        let centred = Paragraph(["ab", "abc"], alignment: .center)
        #expect(rendered(centred, width: 6, height: 2).lines() == ["  ab  ", " abc  "])
        let right = Paragraph(["ab", Line("L", alignment: .left)], alignment: .right)
        #expect(rendered(right, width: 6, height: 2).lines() == ["    ab", "L     "])
    }

    @Test("spans keep their styles when drawn")
    func styledSpans() {
        let bold = Style().bolded()
        let buffer = rendered(Paragraph([Line([Span("up "), Span("3", style: bold)])]), width: 5, height: 1)
        #expect(buffer.lines() == ["up 3 "])
        #expect(buffer[3, 0] == Cell("3", style: bold))
        #expect(buffer[2, 0] == Cell(" "))
    }

    @Test("scrolling skips rows at the top and extra rows are not drawn")
    func scroll() {
        let p = Paragraph(["one", "two", "three", "four"], scroll: 1)
        #expect(rendered(p, width: 5, height: 2).lines() == ["two  ", "three"])
        #expect(p.rowCount(width: 5) == 4)
    }

    @Test("a paragraph from text splits on newlines")
    func fromText() {
        #expect(rendered(Paragraph(text: "a\nbc"), width: 2, height: 2).lines() == ["a ", "bc"])
    }
}
