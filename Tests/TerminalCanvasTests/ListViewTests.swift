import Testing
@testable import TerminalCanvas

@Suite("ListView")
struct ListViewTests {
    let items: [Line] = ["a", "b", "c", "d", "e", "f"]

    @Test("the list scrolls just enough to show the selection, with the highlight symbol")
    func selectionScrolling() {
        let list = ListView(items, selected: 4, highlightSymbol: "> ")
        let buffer = rendered(list, width: 4, height: 3)
        #expect(buffer.lines() == ["  c ", "  d ", "> e "])
        #expect(buffer[2, 2].style == Style(reverse: true))
        #expect(buffer[2, 1].style == .plain)
    }

    @Test("moving the selection up inside the view does not scroll")
    func stableOffset() {
        let area = Rect(x: 0, y: 0, width: 4, height: 3)
        #expect(ListView(items, selected: 3, offset: 3).visibleOffset(in: area) == 3)
        #expect(ListView(items, selected: 1, offset: 3).visibleOffset(in: area) == 1)
        #expect(ListView(items, selected: 5, offset: 0).visibleOffset(in: area) == 3)
        // An offset past the end is pulled back so the view is full.
        #expect(ListView(items, selected: nil, offset: 5).visibleOffset(in: area) == 3)
        #expect(ListView(items, selected: 2, offset: 0).visibleOffset(in: Rect.zero) == 0)
    }

    @Test("without a selection the list starts at the top and long items are truncated")
    func truncation() {
        let list = ListView(["a long item", "b"])
        #expect(rendered(list, width: 6, height: 3).lines() == ["a lon…", "b     ", "      "])
    }
}
