import CNcurses
import NcursesTerminal
import Testing

/// The shim and the linked ncursesw, exercised without starting a screen.
@MainActor
@Suite("The linked ncurses library")
struct LinkedLibraryTests {
    @Test("curses_version names ncurses")
    func versionNamesNcurses() throws {
        let version = try #require(curses_version())
        #expect(String(cString: version).hasPrefix("ncurses"))
    }

    @Test("terminfo knows xterm-256color and finds cursor addressing, even on a pipe")
    func xtermHasCursorAddressing() throws {
        let pipe = try #require(TestTerminals.pipe())
        defer { close(pipe.read); close(pipe.write) }
        #expect(TerminalPreflight.hasCursorAddressing(term: "xterm-256color", output: pipe.write))
        #expect(TerminalPreflight.hasCursorAddressing(term: "tmux-256color", output: pipe.write))
    }

    @Test("an unknown or dumb TERM is reported, not fatal")
    func unknownTermIsReported() throws {
        let pipe = try #require(TestTerminals.pipe())
        defer { close(pipe.read); close(pipe.write) }
        #expect(!TerminalPreflight.hasCursorAddressing(term: "dumb", output: pipe.write))
        #expect(!TerminalPreflight.hasCursorAddressing(term: "no-such-terminal-netexplorer", output: pipe.write))
    }

    @Test("the accessors expose the macros Swift cannot import")
    func accessorsExposeMacros() {
        #expect(nc_KEY_F(1) == KEY_F0 + 1)
        #expect(nc_KEY_F(12) == KEY_F0 + 12)
        #expect(nc_A_NORMAL() == 0)
        let attributes = [nc_A_BOLD(), nc_A_DIM(), nc_A_REVERSE(), nc_A_UNDERLINE()]
        #expect(attributes.allSatisfy { $0 != 0 })
        #expect(Set(attributes).count == 4)
    }
}
