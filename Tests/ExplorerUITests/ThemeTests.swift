@testable import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// `--theme`: the projector theme dims nothing and does not tell idle from busy by fill alone; the colour-blind
/// theme draws only Okabe–Ito colours; the default leaves every cell as the panes drew it.
@Suite("Themes")
struct ThemeTests {
    static func frame(_ theme: ThemeName, snapshot: Snapshot = SecurityFixtures.snapshot()) -> Buffer {
        Fixtures.buffer(width: 120, height: 40) { _, b in
            Screen.render(snapshot: snapshot, state: Fixtures.state { $0.theme = theme; $0.showsHelp = false }, into: &b)
        }
    }

    @Test("projector: no cell is dim, and every busy node (and its legend) is reversed while idle ones are not")
    func projector() {
        let plain = Self.frame(.default)
        #expect(plain.cells.contains { $0.style.dim }, "the default frame has dim cells to brighten")
        let buffer = Self.frame(.projector)
        #expect(!buffer.cells.contains { $0.style.dim })
        let busy = buffer.cells.filter { $0.grapheme == Glyphs.busy.character }
        let idle = buffer.cells.filter { $0.grapheme == Glyphs.idle.character }
        #expect(!busy.isEmpty && !idle.isEmpty)
        #expect(busy.allSatisfy { $0.style.reverse })
        #expect(idle.allSatisfy { !$0.style.reverse && !$0.style.bold })
        // The text is the same: a theme changes looks, never words.
        #expect(buffer.lines() == plain.lines())
    }

    @Test("colorblind: every palette colour drawn is one of Okabe–Ito's, none of the default palette's")
    func colorblind() {
        let defaults: Set<Color> = [Theme.blue, Theme.orange, Theme.red, Theme.green, Theme.magenta, .yellow, .cyan]
        let plain = Self.frame(.default)
        #expect(plain.cells.contains { defaults.contains($0.style.fg) })
        let buffer = Self.frame(.colorblind)
        let okabe = Set(Theme.okabeIto.values)
        for cell in buffer.cells where cell.style.fg != .default {
            #expect(okabe.contains(cell.style.fg), "\(cell.grapheme) drawn in \(cell.style.fg)")
        }
        #expect(buffer.lines() == plain.lines())
    }

    @Test("the default theme leaves the frame exactly as the panes drew it")
    func defaultUnchanged() {
        var drawn = Buffer(size: Size(width: 120, height: 40))
        Screen.render(snapshot: SecurityFixtures.snapshot(), state: Fixtures.state(), into: &drawn)
        var themed = drawn
        Theme.apply(.default, to: &themed)
        #expect(themed == drawn)
    }
}
