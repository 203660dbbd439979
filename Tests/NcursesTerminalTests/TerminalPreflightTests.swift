import NcursesTerminal
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@MainActor
@Suite("Checking the terminal before starting")
struct TerminalPreflightTests {
    @Test("output to a pipe is refused with a message that points to simulate")
    func pipeIsRefused() throws {
        let pipe = try #require(TestTerminals.pipe())
        defer { close(pipe.read); close(pipe.write) }
        let result = TerminalPreflight.check(
            environment: ["TERM": "xterm-256color"], input: pipe.read, output: pipe.write)
        #expect(result.failure?.message == "the live view needs a terminal; try 'netexplorer simulate'")
    }

    @Test("a terminal input with piped output is still refused")
    func pipedOutputIsRefused() throws {
        let pty = try #require(TestTerminals.pseudoTerminal())
        let pipe = try #require(TestTerminals.pipe())
        defer { close(pty.controller); close(pty.terminal); close(pipe.read); close(pipe.write) }
        let result = TerminalPreflight.check(
            environment: ["TERM": "xterm-256color"], input: pty.terminal, output: pipe.write)
        #expect(result.failure == .notATerminal)
    }

    @Test("TERM=dumb is refused, naming the TERM")
    func dumbIsRefused() throws {
        let pty = try #require(TestTerminals.pseudoTerminal())
        defer { close(pty.controller); close(pty.terminal) }
        let result = TerminalPreflight.check(environment: ["TERM": "dumb"], input: pty.terminal, output: pty.terminal)
        #expect(result.failure?.message
            == "the live view needs a terminal with cursor addressing (TERM='dumb'); try 'netexplorer simulate'")
    }

    @Test("an unset or unknown TERM is refused")
    func unsetOrUnknownTermIsRefused() throws {
        let pty = try #require(TestTerminals.pseudoTerminal())
        defer { close(pty.controller); close(pty.terminal) }
        let unset = TerminalPreflight.check(environment: [:], input: pty.terminal, output: pty.terminal)
        #expect(unset.failure?.message
            == "the live view needs a terminal with cursor addressing (TERM is not set); try 'netexplorer simulate'")
        let unknown = TerminalPreflight.check(
            environment: ["TERM": "no-such-terminal"], input: pty.terminal, output: pty.terminal)
        #expect(unknown.failure == .noCursorAddressing(term: "no-such-terminal"))
    }

    @Test("a pseudo-terminal with TERM=xterm-256color passes")
    func ptyWithXtermPasses() throws {
        let pty = try #require(TestTerminals.pseudoTerminal())
        defer { close(pty.controller); close(pty.terminal) }
        let result = TerminalPreflight.check(
            environment: ["TERM": "xterm-256color"], input: pty.terminal, output: pty.terminal)
        #expect(result.failure == nil)
    }

    @Test("open refuses, and stays refusable, when stdout is not a terminal",
          .enabled(if: isatty(STDOUT_FILENO) == 0, "stdout of this test run is a terminal"))
    func openRefusesWithoutTerminal() {
        for _ in 0..<2 {  // A second try must fail the same way: nothing was left installed by the first.
            #expect(throws: TerminalUnavailable.notATerminal) {
                _ = try NcursesTerminal.open(environment: ["TERM": "xterm-256color"])
            }
        }
    }
}

extension Result {
    /// The error, or nil on success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
