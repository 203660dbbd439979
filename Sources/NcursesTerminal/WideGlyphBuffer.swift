/// One cell's grapheme as the NUL-terminated `wchar_t` string `setcchar` wants, in storage reused for every cell.
///
/// Drawing a full screen converts thousands of graphemes a frame; reusing one small buffer keeps that free of
/// allocations. Sanitising happens here too, so a stray control character or lone combining mark in the app's
/// buffer can never move the cursor or merge into a neighbouring cell.
public struct WideGlyphBuffer: Sendable {
    /// ncurses' `CCHARW_MAX`: one spacing character and up to four combining ones.
    public static let maxScalars = 5

    private var storage: [Int32]

    public init() { storage = Array(repeating: 0, count: Self.maxScalars + 1) }

    /// The scalars loaded, without the terminating NUL.
    public var scalars: [Int32] { Array(storage.prefix { $0 != 0 }) }

    /// Loads `grapheme`; with `unicode` false (a locale that is not UTF-8) anything beyond ASCII becomes `?`.
    public mutating func load(_ grapheme: Character, unicode: Bool) {
        var count = 0
        storage.withUnsafeMutableBufferPointer { slots in
            for scalar in grapheme.unicodeScalars {
                let value = scalar.value
                if count == 0 {
                    if Self.isControl(value) {
                        slots[0] = 0x20  // A control character would move the cursor or print as ^X (two cells).
                    } else if !unicode && value > 0x7E {
                        slots[0] = 0x3F  // '?': the locale cannot encode it, and ncurses would print garbage.
                        count = 1
                        break
                    } else if value >= 0x300 && Self.isCombining(scalar) {
                        // A lone combining mark would attach to the previous cell; give it a base of its own.
                        slots[0] = 0x20
                        slots[1] = Int32(value)
                        count = 2
                        continue
                    } else {
                        slots[0] = Int32(value)
                    }
                    count = 1
                } else {
                    guard unicode, count < Self.maxScalars else { break }
                    if Self.isControl(value) { continue }
                    slots[count] = Int32(value)
                    count += 1
                }
            }
            if count == 0 { slots[0] = 0x20; count = 1 }  // An empty Character cannot exist, but stay total.
            slots[count] = 0
        }
    }

    /// Calls `body` with the NUL-terminated string.
    public func withUnsafePointer<R>(_ body: (UnsafePointer<Int32>) -> R) -> R {
        storage.withUnsafeBufferPointer { buffer in
            // The buffer is never empty (maxScalars + 1 slots), so baseAddress is always present.
            guard let base = buffer.baseAddress else { return body([Int32(0x20), 0]) }
            return body(base)
        }
    }

    static func isControl(_ value: UInt32) -> Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
