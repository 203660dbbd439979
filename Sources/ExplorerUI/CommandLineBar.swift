import TerminalCanvas

/// The bottom row while the `:` or `/` line is open (it takes the help bar's place, as in vim and k9s): the prompt,
/// the text with the cursor drawn reversed, then Tab's candidates or a hint of the keys.
///
/// A line longer than the row scrolls so the cursor stays in view. The cursor is a reversed cell, not colour, so it
/// shows in monochrome and under `NO_COLOR`.
public enum CommandLineBar {
    /// Draws `line` on the first row of `area`.
    public static func render(_ line: CommandLineState, state: AppState, area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, cell: Cell(" "))
        let prompt = line.mode.prompt
        // Room for the prompt, the text and the cursor cell after it.
        let room = max(1, row.width - prompt.displayWidth - 1)
        let characters = line.characters
        var start = 0
        var width = characters[..<line.cursor].reduce(0) { $0 + $1.displayWidth }
        while width >= room, start < line.cursor {
            width -= characters[start].displayWidth
            start += 1
        }
        var x = buffer.put([Span(prompt, style: Theme.key)], x: row.x, y: row.y, clip: row)
        for i in start..<characters.count {
            let style = i == line.cursor ? Style.plain.reversed() : Style.plain
            x = buffer.put([Span(String(characters[i]), style: style)], x: x, y: row.y, clip: row)
            if x >= row.right { break }
        }
        if line.cursor == characters.count, x < row.right {
            x = buffer.put([Span(" ", style: Style.plain.reversed())], x: x, y: row.y, clip: row)
        }
        let hint = line.candidates.isEmpty ? hintText(line) : line.candidates.joined(separator: "  ")
        if x + 2 + hint.displayWidth <= row.right {
            buffer.put([Span("  " + hint, style: Theme.muted)], x: x, y: row.y, clip: row)
        }
    }

    /// What to type, while the line says nothing yet.
    static func hintText(_ line: CommandLineState) -> String {
        guard line.characters.isEmpty else { return "" }
        switch line.mode {
        case .command: return "tab completes, enter runs, esc cancels: "
            + CommandLineCommands.all.map(\.name).joined(separator: ", ")
        case .search: return "search the event log; enter sets, esc or empty clears"
        }
    }
}
