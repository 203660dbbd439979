#if canImport(Glibc)
import Glibc
import Testing
@testable import TerminalCanvas

/// The C library's `wcwidth`, which Glibc's module leaves out (it needs _XOPEN_SOURCE).
@_silgen_name("wcwidth") func systemWcwidth(_ c: Int32) -> Int32

/// The widths the canvas counts agree with the C library's `wcwidth`, which ncurses uses to place the cursor: where
/// they disagree, every cell after the character on that row is drawn one column off.
@Suite("Display width against wcwidth")
struct WcwidthAgreementTests {
    /// A UTF-8 locale for `wcwidth`, or nil when the machine has none (the comparison is then meaningless).
    static var utf8Locale: locale_t? {
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if let locale = newlocale(LC_CTYPE_MASK, name, nil) { return locale }
        }
        return nil
    }

    /// `wcwidth(v)` in that locale.
    static func wcwidthUTF8(_ v: UInt32, _ locale: locale_t) -> Int {
        let old = uselocale(locale)
        defer { uselocale(old) }
        return Int(systemWcwidth(Int32(bitPattern: v)))
    }

    @Test("every character of the emoji blocks has the width wcwidth gives it",
          .enabled(if: utf8Locale != nil, "no UTF-8 locale on this machine"))
    func emojiBlocks() throws {
        let locale = try #require(Self.utf8Locale)
        var disagreements: [String] = []
        for v in Array(0x1F300...0x1F64F) + Array(0x1F900...0x1F9FF) {
            guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
            let expected = Self.wcwidthUTF8(UInt32(v), locale)
            guard expected >= 0 else { continue }  // unassigned in the C library's tables
            if scalar.displayWidth != expected { disagreements.append("U+\(String(v, radix: 16, uppercase: true))") }
        }
        #expect(disagreements.count == 0, "\(disagreements.count) disagree, e.g. \(disagreements.prefix(10))")
    }

    @Test("every glyph of the canvas's symbol sets has the width wcwidth gives it",
          .enabled(if: utf8Locale != nil, "no UTF-8 locale on this machine"))
    func symbols() throws {
        let locale = try #require(Self.utf8Locale)
        for set in [Symbols.unicode, Symbols.ascii] {
            for c in set.glyphs {
                for scalar in String(c).unicodeScalars {
                    #expect(scalar.displayWidth == Self.wcwidthUTF8(scalar.value, locale), "\(c)")
                }
            }
        }
    }
}
#endif
