import CNcurses
@testable import NcursesTerminal
import TerminalCanvas
import Testing

@Suite("Decoding mouse reports")
struct MouseDecoderTests {
    /// Bits ncurses has no accessor for in the shim (macros): with NCURSES_MOUSE_VERSION 2 each button has five
    /// bits, released 1, pressed 2, clicked 4, double-clicked 010, triple-clicked 020; motion is button 6's 010.
    static let clicked = nc_BUTTON1_PRESSED() << 1
    static let doubleClicked = nc_BUTTON1_PRESSED() << 2
    static let motion: mmask_t = 0o10 << 25

    static func mouse(_ kind: MouseEvent.Kind, _ x: Int, _ y: Int) -> DecodedInput {
        .mouse(MouseEvent(kind, x: x, y: y))
    }

    @Test("ncurses' button bits become presses, releases and wheel notches at the reported cell", arguments: [
        (nc_BUTTON1_PRESSED(), MouseEvent.Kind.press(.left)), (nc_BUTTON1_RELEASED(), .release(.left)),
        (nc_BUTTON2_PRESSED(), .press(.middle)), (nc_BUTTON2_RELEASED(), .release(.middle)),
        (nc_BUTTON3_PRESSED(), .press(.right)), (nc_BUTTON3_RELEASED(), .release(.right)),
        (nc_BUTTON4_PRESSED(), .wheelUp), (nc_BUTTON5_PRESSED(), .wheelDown),
    ])
    func ncursesBits(bits: mmask_t, kind: MouseEvent.Kind) {
        #expect(KeyDecoder.decode(.mouse(x: 36, y: 2, buttons: bits)) == Self.mouse(kind, 36, 2))
    }

    @Test("clicks ncurses would synthesise, motion and off-screen cells are ignored")
    func ncursesIgnored() {
        #expect(nc_BUTTON1_PRESSED() == 2 && nc_BUTTON2_PRESSED() == 2 << 5, "the bit layout assumed above")
        #expect(KeyDecoder.decode(.mouse(x: 3, y: 3, buttons: 0)) == .ignored)
        #expect(KeyDecoder.decode(.mouse(x: 3, y: 3, buttons: Self.clicked)) == .ignored)
        #expect(KeyDecoder.decode(.mouse(x: 3, y: 3, buttons: Self.doubleClicked)) == .ignored)
        #expect(KeyDecoder.decode(.mouse(x: -1, y: 3, buttons: nc_BUTTON1_PRESSED())) == .ignored)
        #expect(KeyDecoder.decode(.mouse(x: 3, y: 50_000, buttons: nc_BUTTON1_PRESSED())) == .ignored)
    }

    @Test("SGR reports: M presses, m releases, coordinates from 1 become cells from 0", arguments: [
        ("0;12;5M", MouseEvent.Kind.press(.left), 11, 4), ("0;12;5m", .release(.left), 11, 4),
        ("1;1;1M", .press(.middle), 0, 0), ("2;80;24M", .press(.right), 79, 23), ("2;80;24m", .release(.right), 79, 23),
        // Past column 223, where the X10 encoding's one byte per coordinate runs out.
        ("0;300;60M", .press(.left), 299, 59),
        ("64;240;40M", .wheelUp, 239, 39), ("65;7;9M", .wheelDown, 6, 8),
        // Shift (+4), Meta (+8) and Ctrl (+16) do not change what a click means.
        ("4;12;5M", .press(.left), 11, 4), ("16;12;5M", .press(.left), 11, 4), ("80;3;3M", .wheelUp, 2, 2),
    ])
    func sgr(report: String, kind: MouseEvent.Kind, x: Int, y: Int) {
        #expect(KeyDecoder.decode(.sgrMouse(report)) == Self.mouse(kind, x, y))
    }

    @Test("SGR motion, horizontal wheel, extra buttons and malformed reports are ignored", arguments: [
        "32;12;5M", "35;12;5M", "66;12;5M", "67;12;5M", "64;12;5m", "128;12;5M", "3;12;5M",
        "0;12M", "0;12;5", "0;12;5X", "a;12;5M", "0;;5M", "0;0;5M", "0;12;0M", "-1;12;5M", "0;12;5;1M",
        "0;99999;5M", "M", "",
    ])
    func sgrIgnored(report: String) {
        #expect(KeyDecoder.decode(.sgrMouse(report)) == .ignored)
    }

    @Test("the events the terminal is asked for are exactly the ones the decoder understands")
    func wantedEvents() {
        let wanted = MouseReporting.wantedEvents
        for bit in KeyDecoder.mouseBits { #expect(wanted & bit.mask != 0) }
        #expect(wanted & Self.motion == 0, "motion reports would flood the loop")
        #expect(wanted & Self.clicked == 0)
    }
}
