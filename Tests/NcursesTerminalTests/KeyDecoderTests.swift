import CNcurses
import NcursesTerminal
import TerminalCanvas
import Testing

@Suite("Decoding raw ncurses input into keys")
struct KeyDecoderTests {
    @Test("printable characters, ASCII or not, become character keys")
    func printableCharacters() {
        #expect(KeyDecoder.decode(.character(UInt32(("q" as Unicode.Scalar).value))) == .key(.char("q")))
        #expect(KeyDecoder.decode(.character(0x20)) == .key(.char(" ")))
        #expect(KeyDecoder.decode(.character(0xE9)) == .key(.char("é")))
        #expect(KeyDecoder.decode(.character(0x2603)) == .key(.char("☃")))
    }

    @Test("control bytes map to tab, enter, escape, backspace and interrupt", arguments: [
        (UInt32(9), Key.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (3, .interrupt),
    ])
    func controlBytes(raw: UInt32, key: Key) {
        #expect(KeyDecoder.decode(.character(raw)) == .key(key))
    }

    @Test("other control bytes and invalid scalars are ignored", arguments: [UInt32(0), 1, 26, 28, 0x85, 0xD800, 0x110000])
    func ignoredCharacters(raw: UInt32) {
        #expect(KeyDecoder.decode(.character(raw)) == .ignored)
    }

    @Test("ncurses key codes map to navigation keys", arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right), (KEY_BTAB, .backTab),
        (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_HOME, .home), (KEY_END, .end),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
    ])
    func navigationKeys(code: Int32, key: Key) {
        #expect(KeyDecoder.decode(.keyCode(code)) == .key(key))
    }

    @Test("F1 to F12 become function keys, others are ignored")
    func functionKeys() {
        for n in 1...12 {
            #expect(KeyDecoder.decode(.keyCode(nc_KEY_F(Int32(n)))) == .key(.function(n)))
        }
        #expect(KeyDecoder.decode(.keyCode(nc_KEY_F(0))) == .ignored)
        #expect(KeyDecoder.decode(.keyCode(nc_KEY_F(13))) == .ignored)
    }

    @Test("KEY_RESIZE is a resize; mouse and unknown codes are ignored")
    func resizeAndUnknown() {
        #expect(KeyDecoder.decode(.keyCode(KEY_RESIZE)) == .resize)
        #expect(KeyDecoder.decode(.keyCode(KEY_MOUSE)) == .ignored)
        #expect(KeyDecoder.decode(.keyCode(KEY_DC)) == .ignored)
    }
}
