import Testing
@testable import TerminalCanvas

@Suite("Sparkline")
struct SparklineTests {
    @Test("values map to the eight bar heights; exactly zero is blank")
    func levels() {
        let spark = Sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8], max: 8)
        #expect(rendered(spark, width: 9, height: 1).lines() == [" ▁▂▃▄▅▆▇█"])
    }

    @Test("the ASCII fallback uses eight rising glyphs")
    func ascii() {
        let spark = Sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8], max: 8, symbols: .ascii)
        #expect(rendered(spark, width: 9, height: 1).lines() == [" _.:-=+*#"])
    }

    @Test("a tiny positive value shows the lowest bar, unlike zero")
    func aLittleIsNotNothing() {
        #expect(rendered(Sparkline([0, 0.01, 0], max: 8), width: 3, height: 1).lines() == [" ▁ "])
    }

    @Test("values are right-aligned with the newest at the right edge")
    func rightAligned() {
        #expect(rendered(Sparkline([8, 4], max: 8), width: 5, height: 1).lines() == ["   █▄"])
        #expect(rendered(Sparkline([1, 2, 3, 4, 5, 6], max: 6), width: 3, height: 1).lines() == ["▅▇█"])
    }

    @Test("without a max the bars scale to the largest value shown; larger values are clamped")
    func scaling() {
        #expect(rendered(Sparkline([1, 2]), width: 2, height: 1).lines() == ["▄█"])
        #expect(rendered(Sparkline([100, 1], max: 2), width: 2, height: 1).lines() == ["█▄"])
    }

    @Test("several rows stack full blocks under the partial top")
    func multiRow() {
        let spark = Sparkline([0, 4, 8, 12, 16], max: 16)
        #expect(rendered(spark, width: 5, height: 2).lines() == [
            "   ▄█",
            " ▄███",
        ])
    }

    @Test("negative, NaN and all-zero series draw nothing")
    func degenerate() {
        #expect(rendered(Sparkline([-1, .nan, 0]), width: 3, height: 1).lines() == ["   "])
        #expect(rendered(Sparkline([0, 0], max: 0), width: 2, height: 1).lines() == ["  "])
    }
}
