import Testing
@testable import TerminalCanvas

@Suite("Style")
struct StyleTests {
    @Test("without colour support colours are dropped but bold and reverse stay")
    func noColor() {
        let style = Style(fg: .red, bg: .indexed(200), bold: true, reverse: true)
        #expect(style.adapted(to: .none) == Style(bold: true, reverse: true))
        #expect(style.adapted(to: .palette256) == style)
    }

    @Test("on 8 colours palette colours fold to the nearest basic colour")
    func basic8() {
        #expect(Style(fg: .indexed(196)).adapted(to: .basic8).fg == .red)
        #expect(Style(fg: .indexed(9)).adapted(to: .basic8).fg == .red)
        #expect(Style(fg: .indexed(240)).adapted(to: .basic8).fg == .black)
        #expect(Style(fg: .indexed(250), bg: .green).adapted(to: .basic8) == Style(fg: .white, bg: .green))
    }

    @Test("patching adds attributes and replaces only non-default colours")
    func patched() {
        let base = Style(fg: .green, bg: .black, bold: true)
        #expect(base.patched(with: Style().reversed()) == Style(fg: .green, bg: .black, bold: true, reverse: true))
        #expect(base.patched(with: Style(fg: .red)) == Style(fg: .red, bg: .black, bold: true))
    }
}

@Suite("Symbols")
struct SymbolsTests {
    @Test("every glyph is one column wide in both sets, so layouts match in either mode",
          arguments: [Symbols.unicode, Symbols.ascii])
    func singleWidth(_ symbols: Symbols) {
        #expect(symbols.glyphs.count == 4 * 6 + 8 + 3 + 1 + 6)
        #expect(symbols.glyphs.allSatisfy { $0.displayWidth == 1 })
        #expect(symbols.ellipsis.displayWidth == 1)
        #expect(Set(symbols.sparkline).count == 8)
    }

    @Test("the ASCII set uses only ASCII characters")
    func asciiOnly() {
        #expect(Symbols.ascii.glyphs.allSatisfy { $0.isASCII })
        #expect(Symbols.forUnicode(false) == .ascii)
        #expect(Symbols.forUnicode(true) == .unicode)
    }

    @Test("a glyph used twice has one ASCII stand-in, so a frame can be turned to ASCII cell by cell")
    func oneStandInPerGlyph() {
        var standIn: [Character: Character] = [:]
        for (glyph, ascii) in Symbols.asciiFallbacks {
            #expect(standIn[glyph, default: ascii] == ascii, "\(glyph) stands as \(standIn[glyph]!) and \(ascii)")
            standIn[glyph] = ascii
        }
        #expect(standIn.count >= 30)
    }
}
