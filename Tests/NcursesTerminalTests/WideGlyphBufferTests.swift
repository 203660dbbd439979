import NcursesTerminal
import Testing

@Suite("Turning graphemes into wide-character cells")
struct WideGlyphBufferTests {
    func scalars(_ grapheme: Character, unicode: Bool = true) -> [Int32] {
        var buffer = WideGlyphBuffer()
        buffer.load(grapheme, unicode: unicode)
        return buffer.scalars
    }

    @Test("a plain character is one scalar")
    func plain() {
        #expect(scalars("a") == [0x61])
        #expect(scalars("█") == [0x2588])
    }

    @Test("combining marks stay with their base, up to ncurses' limit")
    func combining() {
        #expect(scalars("e\u{301}") == [0x65, 0x301])
        let many = Character("a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}")
        #expect(scalars(many).count == WideGlyphBuffer.maxScalars)
    }

    @Test("control characters become spaces and a lone mark gets a base")
    func sanitised() {
        #expect(scalars("\t") == [0x20])
        #expect(scalars("\u{1B}") == [0x20])
        #expect(scalars("\u{301}") == [0x20, 0x301])
    }

    @Test("outside a UTF-8 locale anything beyond ASCII is a question mark")
    func asciiLocale() {
        #expect(scalars("é", unicode: false) == [0x3F])
        #expect(scalars("e\u{301}", unicode: false) == [0x65])
        #expect(scalars("x", unicode: false) == [0x78])
    }

    @Test("reloading replaces the previous grapheme completely")
    func reuse() {
        var buffer = WideGlyphBuffer()
        buffer.load("e\u{301}\u{302}", unicode: true)
        buffer.load("z", unicode: true)
        #expect(buffer.scalars == [0x7A])
        let terminated = buffer.withUnsafePointer { pointer in [pointer[0], pointer[1]] }
        #expect(terminated == [0x7A, 0])
    }
}
