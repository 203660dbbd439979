import CNcurses
import TerminalCanvas

/// What `wget_wch` handed back, before it means anything.
public enum RawInput: Hashable, Sendable {
    /// `OK`: a character, as a Unicode scalar value (control bytes included).
    case character(UInt32)
    /// `KEY_CODE_YES`: an ncurses key code such as `KEY_UP` or `KEY_RESIZE`.
    case keyCode(Int32)
    /// `KEY_MOUSE` and what `getmouse` then reported: the cell (from 0) and the button state bits.
    case mouse(x: Int32, y: Int32, buttons: mmask_t)
    /// An SGR (mode 1006) mouse report the live view reads itself: what followed `ESC [ <`, e.g. `0;12;5M`.
    case sgrMouse(String)
}

/// What a raw input means to the app.
public enum DecodedInput: Hashable, Sendable {
    case key(Key)
    /// A click, a release or a wheel notch.
    case mouse(MouseEvent)
    /// `KEY_RESIZE`: the terminal changed size; the backend attaches the new size.
    case resize
    /// Something the app has no use for (a stray control byte, an unmapped key, a drag or a double click).
    case ignored
}

/// Turns raw ncurses input into keys. Pure, so it is tested without a terminal.
public enum KeyDecoder {
    /// Decodes one raw input.
    public static func decode(_ raw: RawInput) -> DecodedInput {
        switch raw {
        case .character(let value): return decodeCharacter(value)
        case .keyCode(let code): return decodeKeyCode(code)
        case .mouse(let x, let y, let buttons): return decodeMouse(x: x, y: y, buttons: buttons)
        case .sgrMouse(let report): return decodeSGR(report)
        }
    }

    // MARK: - Characters

    static func decodeCharacter(_ value: UInt32) -> DecodedInput {
        switch value {
        case 3: return .key(.interrupt)  // Ctrl-C arrives as a byte only in raw mode; in cbreak it is SIGINT.
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)  // 13 under nonl(), 10 from terminals that send LF.
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)  // ^H or DEL, depending on the terminal's erase setting.
        case 0..<32, 0x7F...0x9F: return .ignored  // Other C0/C1 controls have no meaning here.
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored }  // A lone surrogate or out of range.
            return .key(.char(Character(scalar)))
        }
    }

    // MARK: - Key codes

    /// ncurses numbers F1…F12 as `KEY_F0 + n`.
    static let functionKeys: ClosedRange<Int32> = (KEY_F0 + 1)...(KEY_F0 + 12)

    static func decodeKeyCode(_ code: Int32) -> DecodedInput {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_RESIZE: return .resize
        case functionKeys: return .key(.function(Int(code - KEY_F0)))
        default: return .ignored
        }
    }

    // MARK: - Mouse

    /// ncurses' button bits and what each means: presses and releases of buttons 1–3, and the wheel's notches,
    /// which ncurses reports as presses of buttons 4 (up) and 5 (down).
    static let mouseBits: [(mask: mmask_t, kind: MouseEvent.Kind)] = [
        (nc_BUTTON1_PRESSED(), .press(.left)), (nc_BUTTON1_RELEASED(), .release(.left)),
        (nc_BUTTON2_PRESSED(), .press(.middle)), (nc_BUTTON2_RELEASED(), .release(.middle)),
        (nc_BUTTON3_PRESSED(), .press(.right)), (nc_BUTTON3_RELEASED(), .release(.right)),
        (nc_BUTTON4_PRESSED(), .wheelUp), (nc_BUTTON5_PRESSED(), .wheelDown),
    ]

    /// The largest coordinate taken seriously: a report beyond any real screen is noise, not a click.
    static let coordinateLimit = 10_000

    /// Decodes what `getmouse` reported. Anything but one of `mouseBits` (a click ncurses synthesised, a motion
    /// report) is ignored: the app acts on presses and wheel notches only.
    static func decodeMouse(x: Int32, y: Int32, buttons: mmask_t) -> DecodedInput {
        guard x >= 0, y >= 0, x < coordinateLimit, y < coordinateLimit else { return .ignored }
        for bit in mouseBits where buttons & bit.mask != 0 {
            return .mouse(MouseEvent(bit.kind, x: Int(x), y: Int(y)))
        }
        return .ignored
    }

    /// Decodes an SGR report's tail, `Cb;Cx;CyM` (press) or `Cb;Cx;Cym` (release), coordinates from 1.
    ///
    /// `Cb`'s low two bits are the button (0 left, 1 middle, 2 right), +4/+8/+16 the Shift/Meta/Ctrl modifiers
    /// (ignored), +32 a motion report (ignored: no drags), +64 the wheel (64 up, 65 down; 66 and 67 are a
    /// horizontal wheel, ignored); 128 and up are extra buttons (ignored). Defined in xterm's ctlseqs, "Mouse
    /// Tracking".
    static func decodeSGR(_ report: String) -> DecodedInput {
        guard let final = report.last, final == "M" || final == "m" else { return .ignored }
        let fields = report.dropLast().split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, let code = Int(fields[0]), let column = Int(fields[1]), let row = Int(fields[2]),
              code >= 0, code < 128, column >= 1, row >= 1, column <= coordinateLimit, row <= coordinateLimit
        else { return .ignored }
        let x = column - 1, y = row - 1
        guard code & 32 == 0 else { return .ignored }
        if code & 64 != 0 {
            guard final == "M" else { return .ignored }
            switch code & 3 {
            case 0: return .mouse(MouseEvent(.wheelUp, x: x, y: y))
            case 1: return .mouse(MouseEvent(.wheelDown, x: x, y: y))
            default: return .ignored
            }
        }
        let button: MouseEvent.Button
        switch code & 3 {
        case 0: button = .left
        case 1: button = .middle
        case 2: button = .right
        default: return .ignored
        }
        return .mouse(MouseEvent(final == "M" ? .press(button) : .release(button), x: x, y: y))
    }
}
