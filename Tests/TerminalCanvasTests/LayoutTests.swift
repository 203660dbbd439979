import Testing
@testable import TerminalCanvas

@Suite("Layout")
struct LayoutTests {
    let screen = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test("a vertical split gives fixed rows their length and the rest to fill")
    func verticalFill() {
        let parts = Layout.vertical([.length(3), .fill(1), .length(1)]).split(screen)
        #expect(parts == [
            Rect(x: 0, y: 0, width: 80, height: 3),
            Rect(x: 0, y: 3, width: 80, height: 20),
            Rect(x: 0, y: 23, width: 80, height: 1),
        ])
    }

    @Test("percentages round down and fills share the remainder by weight")
    func percentageAndWeights() {
        let parts = Layout.horizontal([.percentage(50), .fill(1), .fill(2)])
            .split(Rect(x: 0, y: 0, width: 81, height: 5))
        #expect(parts == [
            Rect(x: 0, y: 0, width: 40, height: 5),
            Rect(x: 40, y: 0, width: 13, height: 5),
            Rect(x: 53, y: 0, width: 28, height: 5),
        ])
    }

    @Test("spacing is left between parts and taken from the shared space")
    func spacing() {
        let parts = Layout.horizontal([.length(10), .fill(1)], spacing: 2).split(Rect(x: 5, y: 3, width: 30, height: 2))
        #expect(parts == [Rect(x: 5, y: 3, width: 10, height: 2), Rect(x: 17, y: 3, width: 18, height: 2)])
    }

    @Test("when the area is too small the last parts shrink first")
    func overSubscribed() {
        let parts = Layout.vertical([.length(5), .length(5), .min(3)]).split(Rect(x: 0, y: 0, width: 10, height: 8))
        #expect(parts.map(\.height) == [5, 3, 0])
        #expect(parts.map(\.y) == [0, 5, 8])
    }

    @Test("without a fill the leftover goes to the min parts equally")
    func minGrows() {
        let parts = Layout.vertical([.length(2), .min(3), .min(3)]).split(Rect(x: 0, y: 0, width: 10, height: 12))
        #expect(parts.map(\.height) == [2, 5, 5])
        #expect(parts.map(\.y) == [0, 2, 7])
    }

    @Test("without fill or min parts the leftover stays unused at the end")
    func leftoverUnused() {
        let parts = Layout.vertical([.length(2), .percentage(50)]).split(Rect(x: 0, y: 0, width: 10, height: 10))
        #expect(parts == [Rect(x: 0, y: 0, width: 10, height: 2), Rect(x: 0, y: 2, width: 10, height: 5)])
    }

    @Test("an odd remainder splits deterministically between equal fills")
    func oddRemainder() {
        let parts = Layout.horizontal([.fill(1), .fill(1), .fill(1)]).split(Rect(x: 0, y: 0, width: 10, height: 1))
        #expect(parts.map(\.width) == [3, 3, 4])
        #expect(parts.map(\.x) == [0, 3, 6])
    }
}
