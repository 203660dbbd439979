#if canImport(Glibc)
import Glibc
import Testing
import TerminalCanvas
@testable import ExplorerUI

/// The C library's `wcwidth`, which Glibc's module leaves out (it needs _XOPEN_SOURCE).
@_silgen_name("wcwidth") func systemWcwidth(_ c: Int32) -> Int32

/// Every glyph the live view draws (its node, message, heat, worker and security marks, in both sets) is as wide in
/// the canvas as the C library's `wcwidth` says, which is where ncurses puts the cursor after it.
@Suite("App glyph widths against wcwidth")
struct GlyphWidthTests {
    /// Every scalar in a glyph set, found by reflection so a glyph added later is checked too.
    static func scalars(of value: Any) -> [Unicode.Scalar] {
        switch value {
        case let c as Character: return Array(String(c).unicodeScalars)
        case let s as String: return Array(s.unicodeScalars)
        default: return Mirror(reflecting: value).children.flatMap { scalars(of: $0.value) }
        }
    }

    @Test("each glyph of both sets has the width wcwidth gives it, and is one column")
    func glyphs() throws {
        let names: [String] = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]
        guard let locale = names.lazy.compactMap({ newlocale(LC_CTYPE_MASK, $0, nil) }).first
        else { return }  // no UTF-8 locale here: nothing to compare against
        let old = uselocale(locale)
        defer { uselocale(old) }
        let all = Self.scalars(of: Glyphs.unicode) + Self.scalars(of: Glyphs.ascii)
        #expect(all.count > 60)
        for scalar in all {
            #expect(scalar.displayWidth == Int(systemWcwidth(Int32(bitPattern: scalar.value))), "\(scalar)")
            #expect(scalar.displayWidth == 1, "\(scalar) is not one column wide")
        }
    }
}
#endif
