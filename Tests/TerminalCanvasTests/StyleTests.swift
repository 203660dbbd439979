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
        var glyphs: [Character] = symbols.sparkline + [
            symbols.gaugeFilled, symbols.gaugeEmpty, symbols.marker, symbols.bullet, symbols.selection,
            symbols.arrowUp, symbols.arrowDown, symbols.arrowLeft, symbols.arrowRight,
        ]
        for type in [BorderType.plain, .rounded, .thick, .double] {
            let b = symbols.border(type)
            glyphs += [b.topLeft, b.topRight, b.bottomLeft, b.bottomRight, b.horizontal, b.vertical]
        }
        #expect(glyphs.allSatisfy { $0.displayWidth == 1 })
        #expect(symbols.ellipsis.displayWidth == 1)
        #expect(Set(symbols.sparkline).count == 8)
    }

    @Test("the ASCII set uses only ASCII characters")
    func asciiOnly() {
        let s = Symbols.ascii
        let all = String(s.sparkline) + String([s.gaugeFilled, s.gaugeEmpty, s.marker, s.bullet, s.selection])
            + s.ellipsis + String([s.arrowUp, s.arrowDown, s.arrowLeft, s.arrowRight])
        #expect(all.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(Symbols.forUnicode(false) == .ascii)
        #expect(Symbols.forUnicode(true) == .unicode)
    }
}
