import ExplorerUI
import Foundation
import NetworkEngine
import TerminalCanvas
import Testing

/// `--record FILE.cast`: the live view drawn through a `RecordingTerminal` into memory, the lines parsed as the
/// asciicast v2 format defines them (a header object, then `[time, "o", data]` arrays with non-decreasing times).
@Suite("Recording the terminal (asciicast v2)")
struct RecordingTerminalTests {
    /// Keeps every line written; after `failAfter` lines every write fails as a full disk does.
    final class MemoryCast: CastOutput {
        var text = ""
        var writes = 0
        var failAfter = Int.max
        func writeThrough(_ text: String) -> String? {
            writes += 1
            if writes > failAfter { return "no space left on device" }
            self.text += text
            return nil
        }
        var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    static func make(_ output: MemoryCast, size: Size = Size(width: 100, height: 30))
        -> (LiveApp, MemoryTerminal, RecordingTerminal, ManualClock) {
        let terminal = MemoryTerminal(size: size)
        let clock = ManualClock(nanoseconds: 5_000_000_000)
        let recording = RecordingTerminal(terminal, output: output, name: "the recording to 'x.cast'", clock: clock,
                                          timestamp: 1_765_000_000,
                                          environment: ["TERM": "xterm-256color", "SHELL": "/bin/sh"],
                                          title: "netexplorer: \(LiveAppTests.scenario.name)")
        let scenario = LiveAppTests.scenario
        let app = LiveApp(model: Engine(scenario: scenario), origin: RunOrigin(scenario: scenario),
                          backend: recording, clock: clock, startSpeed: 4)
        recording.stopped = { [weak app] message in
            _ = app?.dispatch(.commandOutcome(CommandOutcome(accepted: false, message: message)))
        }
        return (app, terminal, recording, clock)
    }

    /// The screen an xterm-like terminal shows after `events`' data: cursor moves (`H`), clears (`2J`) and text;
    /// styles (`m`) and modes (`?25l`) move nothing. A second, independent reading of the bytes, so the recording is
    /// checked against what the live view's terminal showed, not against the code that wrote it.
    static func replay(_ events: [String], size: Size) -> [String] {
        var grid = Array(repeating: Array(repeating: " " as Character?, count: size.width), count: size.height)
        var x = 0, y = 0
        for data in events {
            var characters = data.makeIterator()
            while let c = characters.next() {
                guard c == "\u{1B}" else {
                    if y < size.height, x < size.width {
                        grid[y][x] = c
                        if c.displayWidth == 2, x + 1 < size.width { grid[y][x + 1] = nil }
                    }
                    x += max(1, c.displayWidth)
                    continue
                }
                #expect(characters.next() == "[", "every escape is a CSI")
                var parameters = ""
                var final: Character = " "
                while let p = characters.next() {
                    if let ascii = p.asciiValue, ascii >= 0x40, ascii <= 0x7E { final = p; break }
                    parameters.append(p)
                }
                switch final {
                case "H":
                    let numbers = parameters.split(separator: ";").compactMap { Int($0) }
                    y = (numbers.first ?? 1) - 1
                    x = (numbers.count > 1 ? numbers[1] : 1) - 1
                case "J":
                    #expect(parameters == "2")
                    grid = Array(repeating: Array(repeating: " " as Character?, count: size.width), count: size.height)
                case "m", "l", "h": break
                default: Issue.record("unexpected sequence ESC[\(parameters)\(final)")
                }
            }
        }
        return grid.map { String($0.compactMap { $0 }) }
    }

    @Test("the .cast file is a v2 header and one [time, \"o\", data] event a frame, times non-decreasing, that repaint the screen")
    func castFileFollowsTheFormat() throws {
        let output = MemoryCast()
        let (app, terminal, recording, clock) = Self.make(output)
        app.renderFrame()
        for frame in 0..<40 {
            clock.advance(millis: frame % 7 == 0 ? 0 : 45)
            if frame == 10 { terminal.type("?") }
            if frame == 20 { terminal.type("?+") }
            if frame == 30 { terminal.resize(to: Size(width: 90, height: 28)) }
            #expect(app.tick() == nil)
        }
        recording.finish()
        let lines = output.lines
        #expect(lines.count == recording.events + 1 && recording.events >= 20, "a header and one line per frame")

        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 100 && header["height"] as? Int == 30)
        #expect(header["timestamp"] as? Int == 1_765_000_000)
        #expect(header["env"] as? [String: String] == ["TERM": "xterm-256color", "SHELL": "/bin/sh"])
        #expect((header["title"] as? String)?.contains(LiveAppTests.scenario.name) == true)

        var last = -1.0
        var data: [String] = []
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], "\(line)")
            #expect(event.count == 3)
            let time = try #require(event[0] as? Double)
            #expect(time >= last, "times never go back: \(time) after \(last)")
            last = time
            #expect(event[1] as? String == "o")
            data.append(try #require(event[2] as? String))
        }
        // Frames 45 ms apart, about 34 of them: the recording's clock is the wall clock since the first frame.
        #expect(last > 1.0 && last < 2.0, "last event at \(last) s")
        // Played back, the bytes leave on screen exactly what the live view's terminal shows; the player's terminal
        // then gets its own screen and cursor back.
        #expect(Self.replay(data, size: terminal.size) == terminal.screenLines())
        #expect(data.first?.hasPrefix("\u{1B}[?1049h\u{1B}[?25l") == true && data.last == AnsiText.leave)
    }

    @Test("a write that fails stops the recording with one status line; the session and its screen go on")
    func fullDiskStopsOnlyTheRecording() throws {
        let output = MemoryCast()
        output.failAfter = 5
        let (app, terminal, recording, clock) = Self.make(output)
        var told: [String] = []
        recording.stopped = { [weak app] message in
            told.append(message)
            _ = app?.dispatch(.commandOutcome(CommandOutcome(accepted: false, message: message)))
        }
        app.renderFrame()
        let before = app.model.now
        for _ in 0..<30 {
            clock.advance(millis: 40)
            #expect(app.tick() == nil)
        }
        #expect(recording.failure == "no space left on device")
        #expect(output.writes == 6, "nothing is written after the first failure")
        #expect(recording.events == 4, "the header and four events went out")
        let said = "the recording to 'x.cast' stopped: no space left on device; the session goes on"
        #expect(told == [said], "said once")
        #expect(app.state.messages.entries.contains { $0.text == said && $0.isWarning }, "among the status messages")
        #expect(app.model.now > before, "the session went on")
        #expect(terminal.screenLines().contains { $0.contains(said.prefix(40)) }, "the status bar shows it")
    }
}
