import Testing
@testable import TerminalCanvas

@Suite("Rect")
struct RectTests {
    @Test("an inset shrinks every side and never inverts")
    func inset() {
        let r = Rect(x: 2, y: 1, width: 10, height: 5)
        #expect(r.inset(by: 1) == Rect(x: 3, y: 2, width: 8, height: 3))
        #expect(r.inset(horizontal: 2, vertical: 0) == Rect(x: 4, y: 1, width: 6, height: 5))
        let tiny = r.inset(by: 4)
        #expect(tiny.isEmpty)
        #expect(tiny.width == 2 && tiny.height == 0)
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).width == 0)
    }

    @Test("intersection keeps the shared cells and is empty when apart")
    func intersection() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        let b = Rect(x: 5, y: 7, width: 10, height: 10)
        #expect(a.intersection(b) == Rect(x: 5, y: 7, width: 5, height: 3))
        #expect(a.intersection(Rect(x: 20, y: 0, width: 3, height: 3)).isEmpty)
        #expect(a.intersects(b))
        #expect(!a.intersects(Rect(x: 10, y: 0, width: 1, height: 1)))
    }

    @Test("measures, rows, columns and containment")
    func measures() {
        let r = Rect(x: 3, y: 2, width: 4, height: 2)
        #expect(r.area == 8)
        #expect(r.right == 7 && r.bottom == 4)
        #expect(Array(r.rows) == [2, 3])
        #expect(Array(r.columns) == [3, 4, 5, 6])
        #expect(r.row(1) == Rect(x: 3, y: 3, width: 4, height: 1))
        #expect(r.row(2).isEmpty)
        #expect(r.column(0) == Rect(x: 3, y: 2, width: 1, height: 2))
        #expect(r.contains(x: 6, y: 3))
        #expect(!r.contains(x: 7, y: 3))
        #expect(!Rect.zero.contains(.origin))
    }

    @Test("a centred rectangle sits in the middle and never exceeds its parent")
    func centered() {
        let screen = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(screen.centered(width: 40, height: 10) == Rect(x: 20, y: 7, width: 40, height: 10))
        #expect(screen.centered(width: 100, height: 30) == screen)
    }
}
