import TerminalCanvas

/// The `?` overlay: every row of the key table, then the glossary of the figures on screen, each with its one-line
/// meaning, in a box over the panes.
///
/// Wide screens (200×60) put the sections side by side (a glossary taller than the screen begins under the keys
/// and commands and goes on beside them); narrower ones stack them and scroll (↑ ↓, page up/down): at 80×24 the keys
/// fill the first screen and the glossary the next.
public enum HelpOverlay {
    /// One titled table of the overlay: a name column and a meaning column.
    struct Section {
        var title: String
        var rows: [(name: String, meaning: String)]
    }

    /// The overlay's sections in order: the keys, the `:` line's commands, the storage panel's figures, the glossary. The layout below takes any
    /// number.
    static func sections(unicode: Bool) -> [Section] {
        [
            Section(title: "keys", rows: KeyBindings.all.map { ($0.names(unicode: unicode), $0.meaning) }),
            Section(title: "commands (type : first)", rows: CommandLineCommands.all.map {
                ([$0.name, $0.arguments].filter { !$0.isEmpty }.joined(separator: " "), $0.help)
            }),
            Section(title: "storage figures", rows: Glossary.storageEntries.map { ($0.term, $0.meaning) }),
            Section(title: "figures on screen", rows: Glossary.entries.map { ($0.term, $0.meaning) }),
        ]
    }

    /// The sections as lines: a bold title, the rows with their names padded to one column, a blank line between.
    static func lines(_ sections: [Section]) -> [Line] {
        var lines: [Line] = []
        for section in sections {
            if !lines.isEmpty { lines.append(Line("")) }
            lines.append(Line(section.title, style: Style(bold: true, underline: true)))
            let width = section.rows.map(\.name.displayWidth).max() ?? 0
            for row in section.rows {
                lines.append(Line([Span(row.name.padded(toWidth: width), style: Theme.title), Span("  " + row.meaning)]))
            }
        }
        return lines
    }

    /// The layout for a body area `area`: the box, and the columns of lines drawn in it side by side.
    static func layout(area: Rect, unicode: Bool) -> (box: Rect, columns: [[Line]]) {
        let sections = sections(unicode: unicode)
        let stacked = lines(sections)
        // Side by side when the sections fit across the screen whole: the keys and the commands in one column, the
        // glossary in the other; no scrolling at all then.
        var apart = [lines(Array(sections.dropLast())), lines(Array(sections.suffix(1)))].filter { !$0.isEmpty }
        // A glossary taller than the screen starts under the commands and goes on in the second column.
        if apart.count == 2, apart[1].count + 2 > area.height, let glossary = sections.last {
            let room = area.height - 2 - apart[0].count - 2
            let first = Section(title: glossary.title, rows: Array(glossary.rows.prefix(max(0, room))))
            let rest = Section(title: glossary.title + " (continued)", rows: Array(glossary.rows.dropFirst(max(0, room))))
            apart = [lines(Array(sections.dropLast()) + (first.rows.isEmpty ? [] : [first])), lines([rest])]
        }
        let apartWidth = apart.reduce(0) { $0 + ($1.map(\.width).max() ?? 0) } + 3 * (apart.count - 1)
        let apartHeight = apart.map(\.count).max() ?? 0
        let columns = apartWidth + 4 <= area.width && apartHeight + 2 <= area.height ? apart : [stacked]
        let width = columns.count > 1 ? apartWidth : (stacked.map(\.width).max() ?? 0)
        let height = columns.map(\.count).max() ?? 0
        let box = area.centered(width: min(area.width, width + 4), height: min(area.height, height + 2))
        return (box, columns)
    }

    /// Rows the overlay can scroll on a screen of `size`: what the stacked sections lack of the box's height.
    static func maxScroll(screen size: Size, unicode: Bool) -> Int {
        let (box, columns) = layout(area: Screen.regions(for: size).body, unicode: unicode)
        let rows = columns.map(\.count).max() ?? 0
        return max(0, rows - max(0, box.height - 2))
    }

    /// Draws the overlay centred in `area` (the panes' area, between the status and help bars).
    public static func render(state: AppState, area: Rect, buffer: inout Buffer) {
        let (box, columns) = layout(area: area, unicode: state.unicode)
        let rows = columns.map(\.count).max() ?? 0
        let shownRows = max(0, box.height - 2)
        let scroll = min(state.helpScroll, max(0, rows - shownRows))
        let arrows = Key.up.helpName(unicode: state.unicode) + Key.down.helpName(unicode: state.unicode)
        // The bottom edge says whether more follows, so nobody takes the first screen for all of it.
        let hint = rows <= shownRows ? "" : "\(arrows) scroll \(Glyphs.dot) " + (scroll + shownRows < rows ? "more below" : "end")
        var inner = OverlayBox.render(title: "help \(Glyphs.dot) ? or Esc closes", hint: hint, box: box, state: state,
                                      buffer: &buffer)
        for column in columns {
            let width = column.map(\.width).max() ?? 0
            let area = Rect(x: inner.x, y: inner.y, width: min(width, inner.width), height: inner.height)
            Paragraph(column, scroll: scroll, symbols: state.symbols).render(in: area, buffer: &buffer)
            inner.x += width + 3
            inner.width -= width + 3
            guard inner.width > 0 else { break }
        }
    }
}
