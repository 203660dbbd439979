import NcursesTerminal
import TerminalCanvas
import Testing

@Suite("Allocating colour pairs")
struct ColorPairTableTests {
    /// Records the `init_pair` calls a table makes.
    final class Recorder {
        var calls: [[Int]] = []
        func initialize(_ pair: Int, _ fg: Int, _ bg: Int) -> Bool { calls.append([pair, fg, bg]); return true }
    }

    @Test("pairs are made once per combination, numbered from 1, with -1 for the default colour")
    func lazyAllocation() {
        var table = ColorPairTable(colorPairs: 65536, support: .palette256, defaultColorsAvailable: true)
        let recorder = Recorder()
        let red = table.pair(for: Style(fg: .red), initialize: recorder.initialize)
        let redAgain = table.pair(for: Style(fg: .red, bold: true), initialize: recorder.initialize)
        let greenOnBlue = table.pair(for: Style(fg: .green, bg: .blue), initialize: recorder.initialize)
        let orange = table.pair(for: Style(fg: .indexed(208)), initialize: recorder.initialize)
        #expect([red, redAgain, greenOnBlue, orange] == [1, 1, 2, 3])
        #expect(recorder.calls == [[1, 1, -1], [2, 2, 4], [3, 208, -1]])
        #expect(table.count == 3)
    }

    @Test("the default colours use pair 0 and make no pair")
    func defaultsArePairZero() {
        var table = ColorPairTable(colorPairs: 256, support: .basic8, defaultColorsAvailable: true)
        let recorder = Recorder()
        let plain = table.pair(for: .plain, initialize: recorder.initialize)
        let reversed = table.pair(for: Style(reverse: true), initialize: recorder.initialize)
        #expect([plain, reversed] == [0, 0])
        #expect(recorder.calls.isEmpty)
    }

    @Test("palette colours fold to the basic eight on an 8-colour terminal")
    func paletteFoldsOnBasic8() {
        var table = ColorPairTable(colorPairs: 64, support: .basic8, defaultColorsAvailable: true)
        let recorder = Recorder()
        _ = table.pair(for: Style(fg: .indexed(196), bg: .indexed(21)), initialize: recorder.initialize)
        #expect(recorder.calls == [[1, 1, 4]])
        #expect(table.colorNumber(.indexed(250), isForeground: true) == 7)
    }

    @Test("without default-colour support the default is white on black")
    func noDefaultColors() {
        var table = ColorPairTable(colorPairs: 64, support: .basic8, defaultColorsAvailable: false)
        let recorder = Recorder()
        let plain = table.pair(for: .plain, initialize: recorder.initialize)
        let whiteOnBlack = table.pair(for: Style(fg: .white, bg: .black), initialize: recorder.initialize)
        #expect([plain, whiteOnBlack] == [0, 0])
        _ = table.pair(for: Style(fg: .red), initialize: recorder.initialize)
        #expect(recorder.calls == [[1, 1, 0]])
    }

    @Test("with no colour every style draws with pair 0")
    func noColor() {
        var table = ColorPairTable(colorPairs: 256, support: .none, defaultColorsAvailable: true)
        let recorder = Recorder()
        let pair = table.pair(for: Style(fg: .red, bg: .blue), initialize: recorder.initialize)
        #expect(pair == 0)
        #expect(recorder.calls.isEmpty)
    }

    @Test("a full table or a refused init_pair falls back to pair 0, without retrying")
    func exhaustionAndFailure() {
        var table = ColorPairTable(colorPairs: 3, support: .basic8, defaultColorsAvailable: true)
        let recorder = Recorder()
        #expect(table.capacity == 2)
        let red = table.pair(for: Style(fg: .red), initialize: recorder.initialize)
        let green = table.pair(for: Style(fg: .green), initialize: recorder.initialize)
        let blue = table.pair(for: Style(fg: .blue), initialize: recorder.initialize)
        #expect([red, green, blue] == [1, 2, 0])

        var refusing = ColorPairTable(colorPairs: 64, support: .basic8, defaultColorsAvailable: true)
        var attempts = 0
        for _ in 0..<3 {
            let pair = refusing.pair(for: Style(fg: .cyan)) { _, _, _ in attempts += 1; return false }
            #expect(pair == 0)
        }
        #expect(attempts == 1)
    }

    @Test("pair numbers stay within what init_pair's short can take")
    func capacityIsClamped() {
        let table = ColorPairTable(colorPairs: 65536, support: .palette256, defaultColorsAvailable: true)
        #expect(table.capacity == 32767)
    }
}
