import Foundation
import Testing

/// The metrics charts at 1000× in a real terminal: the title states a span of at least 20 wall seconds at that speed
/// (20,000 simulated seconds), and the columns fill from the engine's history.
@Suite(
    "Chart time scale in tmux", .ownThreads,
    .enabled(if: TmuxHarness.isUsable, "tmux cannot run here (see the tmux suite): the live-view end-to-end tests are SKIPPED"),
    .timeLimit(.minutes(2)),
    // One live view at 1000× keeps a core busy (a debug engine runs flat out at that speed): one at a time, so the
    // rest of the suite is not starved on a two-core machine.
    .serialized
)
struct ChartTimeScaleEndToEndTests {
    static let sizes = [TerminalSize(width: 100, height: 30), TerminalSize.large, TerminalSize(width: 200, height: 60)]

    /// `5 h 33 min`, `40 min`, `96 s`, `2 d 7 h` in seconds; nil when it is none of these.
    static func seconds(ofSpan text: Substring) -> Int? {
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count % 2 == 0 else { return nil }
        var total = 0
        for i in stride(from: 0, to: words.count, by: 2) {
            guard let n = Int(words[i]) else { return nil }
            switch words[i + 1] {
            case "d": total += n * 86_400
            case "h": total += n * 3_600
            case "min": total += n * 60
            case "s": total += n
            default: return nil
            }
        }
        return total
    }

    /// The span and seconds per column the metrics title states: `metrics · last 6 h 40 min · 500 s/col`.
    static func title(in screen: [String]) -> (span: Int, perColumn: Int)? {
        guard let line = screen.first(where: { $0.contains("metrics · last ") }),
              let start = line.range(of: "metrics · last ")?.upperBound,
              let dot = line[start...].range(of: " · ")?.lowerBound,
              let span = seconds(ofSpan: line[start..<dot]),
              let unit = line[dot...].range(of: " s/col")?.lowerBound
        else { return nil }
        let digits = line[line.index(dot, offsetBy: 3)..<unit]
        guard let perColumn = Int(digits) else { return nil }
        return (span, perColumn)
    }

    @Test("at 1000× the metrics title states a span of at least 20 wall seconds, and the columns fill",
          arguments: sizes)
    func thousandTimes(size: TerminalSize) async throws {
        let view = try await LiveViewSession(["--speed", "1000"], size: size)
        defer { view.shutdown() }
        let screen = try await view.waitFor("the metrics title to state its span") { Self.title(in: $0) != nil }
        let stated = try #require(Self.title(in: screen))
        #expect(stated.span >= 20 * 1000, "title states \(stated.span) s")
        let inner = try #require(ScreenPane.inner(titled: "metrics · last", in: screen))
        let columns = min(120, (inner.first?.count ?? 0) - 22)
        #expect(stated.perColumn * columns >= 20_000)
        #expect(stated.perColumn * columns - stated.span < 3_600, "the title rounds the span down by under an hour")
        // A column closes every `perColumn` simulated seconds: about a wall second at 1000× (more on a loaded
        // machine, whose debug engine may not keep up). Its bar appears in the throughput chart. Watched at one
        // size only: the columns come from the same history at every size, and each wait costs a busy core.
        guard size.width == TerminalSize.large.width, size.height == TerminalSize.large.height else { return }
        try await view.waitFor("a throughput column", timeout: .seconds(60)) { screen in
            // The chart's rows: from `thruput` down to the next chart (its top row may be the capacity line).
            guard let rows = ScreenPane.inner(titled: "metrics · last", in: screen),
                  let first = rows.firstIndex(where: { $0.hasPrefix("thruput") }),
                  let next = rows.firstIndex(where: { $0.hasPrefix("latency") })
            else { return false }
            return rows[first..<next].contains { row in
                row.dropFirst(8).prefix(columns).contains { "▁▂▃▄▅▆▇█".contains($0) }
            }
        }
    }
}
