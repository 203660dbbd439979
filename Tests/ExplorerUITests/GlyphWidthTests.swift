#if canImport(Glibc)
import Glibc
import Testing
import TerminalCanvas
@testable import ExplorerUI

/// The C library's `wcwidth`, which Glibc's module leaves out (it needs _XOPEN_SOURCE).
@_silgen_name("wcwidth") func systemWcwidth(_ c: Int32) -> Int32

/// Every character the live view draws (the app's `Glyphs`, the canvas's `Symbols`, the key names, and whatever the
/// glyph table's test screens show) and every ASCII stand-in is as wide in the canvas as the C library's `wcwidth`
/// says, which is where ncurses puts the cursor after it.
@Suite("App glyph widths against wcwidth")
struct GlyphWidthTests {
    @Test("each glyph drawn and its stand-in have the width wcwidth gives them, one column")
    func glyphs() throws {
        let names: [String] = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]
        guard let locale = names.lazy.compactMap({ newlocale(LC_CTYPE_MASK, $0, nil) }).first
        else { return }  // no UTF-8 locale here: nothing to compare against
        let old = uselocale(locale)
        defer { uselocale(old) }
        let keyNames = KeyBindings.all.flatMap(\.keys)
            .flatMap { [$0.helpName(unicode: true), $0.helpName(unicode: false)] }
        let drawn = Glyphs.all.flatMap { [$0.character, $0.ascii] } + AsciiFallback.table.flatMap { [$0.key, $0.value] }
            + Array(keyNames.joined()) + GlyphTableTests.drawn
        let all = drawn.flatMap { String($0).unicodeScalars }
        #expect(all.count > 100)
        for scalar in all {
            #expect(scalar.displayWidth == Int(systemWcwidth(Int32(bitPattern: scalar.value))), "\(scalar)")
            #expect(scalar.displayWidth == 1, "\(scalar) is not one column wide")
        }
    }
}
#endif
