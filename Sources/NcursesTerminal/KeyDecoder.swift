import CNcurses
import TerminalCanvas

/// What `wget_wch` handed back, before it means anything.
public enum RawInput: Hashable, Sendable {
    /// `OK`: a character, as a Unicode scalar value (control bytes included).
    case character(UInt32)
    /// `KEY_CODE_YES`: an ncurses key code such as `KEY_UP` or `KEY_RESIZE`.
    case keyCode(Int32)
}

/// What a raw input means to the app.
public enum DecodedInput: Hashable, Sendable {
    case key(Key)
    /// `KEY_RESIZE`: the terminal changed size; the backend attaches the new size.
    case resize
    /// Something the app has no use for (a stray control byte, an unmapped key, a mouse report).
    case ignored
}

/// Turns raw ncurses input into keys. Pure, so it is tested without a terminal.
public enum KeyDecoder {
    /// Decodes one raw input.
    public static func decode(_ raw: RawInput) -> DecodedInput {
        switch raw {
        case .character(let value): return decodeCharacter(value)
        case .keyCode(let code): return decodeKeyCode(code)
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
        case 21: return .key(.control("u"))  // Ctrl-U: the command line erases what is before the cursor, as shells do.
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
}
