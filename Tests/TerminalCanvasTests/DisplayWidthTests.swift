import Testing
@testable import TerminalCanvas

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII, CJK, Hangul and fullwidth characters have their terminal widths",
          arguments: [
              ("a", 1), ("~", 1), ("中", 2), ("한", 2), ("Ａ", 2), ("ｱ", 1), ("〿", 1), ("…", 1), ("█", 1), ("─", 1),
          ] as [(Character, Int)])
    func characterWidths(_ c: Character, _ width: Int) {
        #expect(c.displayWidth == width)
    }

    @Test("emoji shown as emoji take two columns, text-style symbols one",
          arguments: [
              ("😀", 2), ("🚀", 2), ("🇫🇷", 2), ("👩‍💻", 2), ("❤️", 2), ("❤", 1), ("🧪", 2),
          ] as [(Character, Int)])
    func emojiWidths(_ c: Character, _ width: Int) {
        #expect(c.displayWidth == width)
    }

    @Test("controls and lone combining marks take no column; a combined letter takes one")
    func zeroWidth() {
        #expect(Character("\t").displayWidth == 0)
        #expect(Character("\u{301}").displayWidth == 0)
        #expect(Character("e\u{301}").displayWidth == 1)
        #expect(Character("\u{200B}").displayWidth == 0)
    }

    @Test("a string is as wide as the sum of its characters")
    func stringWidth() {
        #expect("日本語abc".displayWidth == 9)
        #expect("".displayWidth == 0)
        #expect("cafe\u{301}".displayWidth == 4)
    }

    @Test("truncation ends with the ellipsis of the mode and never splits a wide character")
    func truncation() {
        #expect("hello world".truncated(toWidth: 8) == "hello w…")
        #expect("hello world".truncated(toWidth: 5, ascii: true) == "hell.")
        #expect("hello".truncated(toWidth: 5) == "hello")
        #expect("日本語abc".truncated(toWidth: 6) == "日本…")
        #expect("日本語".truncated(toWidth: 4) == "日…")
        #expect("hello".truncated(toWidth: 0) == "")
        #expect("hello".truncated(toWidth: 2, ellipsis: "...") == "he")
    }

    @Test("padding places the text and fills exactly the width")
    func padding() {
        #expect("ab".padded(toWidth: 6, alignment: .center) == "  ab  ")
        #expect("ab".padded(toWidth: 5, alignment: .right) == "   ab")
        #expect("中".padded(toWidth: 4) == "中  ")
        #expect("abcdef".padded(toWidth: 4) == "abc…")
    }
}
