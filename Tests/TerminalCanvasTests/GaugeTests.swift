import Testing
@testable import TerminalCanvas

@Suite("Gauge")
struct GaugeTests {
    @Test("a gauge fills its ratio with the label centred over it")
    func label() {
        let gauge = Gauge(ratio: 42.0 / 64.0, label: "42/64")
        #expect(rendered(gauge, width: 20, height: 1).lines() == ["███████42/64█░░░░░░░"])
    }

    @Test("a marker shows the capacity line with its own glyph, in unicode and ASCII")
    func marker() {
        let gauge = Gauge(ratio: 42.0 / 64.0, label: "42/64", marker: 0.8)
        #expect(rendered(gauge, width: 20, height: 1).lines() == ["███████42/64█░░░┃░░░"])
        var ascii = gauge
        ascii.symbols = .ascii
        #expect(rendered(ascii, width: 20, height: 1).lines() == ["#######42/64#---|---"])
    }

    @Test("label characters over the filled part are reversed so they stay readable")
    func labelStyle() {
        let green = Style(fg: .green)
        let gauge = Gauge(ratio: 0.5, label: "ab", filledStyle: green)
        let buffer = rendered(gauge, width: 6, height: 1)
        #expect(buffer.lines() == ["██ab░░"])
        #expect(buffer[2, 0].style == Style(fg: .green, reverse: true))
        #expect(buffer[3, 0].style == .plain)
        #expect(buffer[0, 0].style == green)
    }

    @Test("empty, almost empty, almost full and full all look different")
    func extremes() {
        #expect(Gauge(ratio: 0).filledCells(width: 10) == 0)
        #expect(Gauge(ratio: 0.01).filledCells(width: 10) == 1)
        #expect(Gauge(ratio: 0.99).filledCells(width: 10) == 9)
        #expect(Gauge(ratio: 1).filledCells(width: 10) == 10)
        #expect(Gauge(ratio: 3).filledCells(width: 10) == 10)
        #expect(Gauge(ratio: .nan).filledCells(width: 10) == 0)
        #expect(Gauge(ratio: 1, marker: 1).markerColumn(width: 10) == 9)
    }

    @Test("a taller gauge puts the label on the middle row; a long label is truncated")
    func tall() {
        let gauge = Gauge(ratio: 0, label: "queue full", symbols: .ascii)
        #expect(rendered(gauge, width: 6, height: 3).lines() == ["------", "queue.", "------"])
    }
}
