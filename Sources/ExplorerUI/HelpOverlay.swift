import TerminalCanvas

/// The `?` overlay: every row of the key table, then the glossary of the figures on screen, each with its one-line
/// meaning, in a box over the panes.
///
/// Wide screens (200×60) pour the sections into two columns side by side; narrower ones stack them and scroll (↑ ↓,
/// page up/down): at 80×24 the keys fill the first screen and the glossary the next.
public enum HelpOverlay {
    /// One titled table of the overlay: a name column and a meaning column.
    struct Section {
        var title: String
        var rows: [(name: String, meaning: String)]
    }

    /// The overlay's sections in order: the keys, the `:` line's commands, the storage panel's figures, the glossary.
    /// The layout below takes any number.
    static func sections(unicode: Bool) -> [Section] {
        [
            Section(title: "keys", rows: KeyBindings.all.map { ($0.names(unicode: unicode), $0.meaning) }),
            Section(title: "commands (type : first)", rows: CommandLineCommands.all.map {
                ([$0.name, $0.arguments].filter { !$0.isEmpty }.joined(separator: " "), $0.help)
            }),
            Section(title: "storage figures", rows: Glossary.storageEntries.map { ($0.term, $0.meaning) }),
            Section(title: "distribution figures", rows: Glossary.distributionEntries.map { ($0.term, $0.meaning) }),
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
    ///
    /// Two columns when two fit across the screen: the sections flow down the first and on into the second (a
    /// section split between them goes on under its title with "(continued)"), as evenly as the screen's height
    /// allows; when even two columns are taller than the screen, both scroll together. Otherwise one stacked column
    /// that scrolls.
    static func layout(area: Rect, unicode: Bool) -> (box: Rect, columns: [[Line]]) {
        let sections = sections(unicode: unicode)
        let stacked = lines(sections)
        let room = max(1, area.height - 2)
        // The shortest column height from the screen's up that flows everything into two columns.
        var height = max(room, (stacked.count + 1) / 2)
        var apart = flow(sections, height: height)
        while apart.count > 2 { height += 1; apart = flow(sections, height: height) }
        let apartWidth = apart.reduce(0) { $0 + ($1.map(\.width).max() ?? 0) } + 3 * (apart.count - 1)
        let columns = apart.count == 2 && apartWidth + 4 <= area.width ? apart : [stacked]
        let width = columns.count > 1 ? apartWidth : (stacked.map(\.width).max() ?? 0)
        let rows = columns.map(\.count).max() ?? 0
        let box = area.centered(width: min(area.width, width + 4), height: min(area.height, rows + 2))
        return (box, columns)
    }

    /// The sections poured into columns of at most `height` lines: a section that does not fit goes on at the top of
    /// the next column under its title and "(continued)"; a title is never left alone at a column's foot.
    static func flow(_ sections: [Section], height: Int) -> [[Line]] {
        var columns: [[Line]] = [], column: [Line] = []
        for section in sections {
            var rows = section.rows[...], title = section.title
            while true {
                let gap = column.isEmpty ? 0 : 1
                let fits = height - column.count - gap - 1
                if fits < min(1, rows.count) || (fits < rows.count && fits < 2 && !column.isEmpty) {
                    if column.isEmpty { return [lines(sections)] }
                    columns.append(column); column = []
                    continue
                }
                let taken = Section(title: title, rows: Array(rows.prefix(fits)))
                if gap == 1 { column.append(Line("")) }
                column += lines([taken])
                rows = rows.dropFirst(taken.rows.count)
                if rows.isEmpty { break }
                columns.append(column); column = []
                title = section.title + " (continued)"
            }
        }
        if !column.isEmpty { columns.append(column) }
        return columns
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
