import NetworkEngine
import TerminalCanvas

/// The lesson pane: while a lesson is open it takes the event log's place (and the cost panel's above it), showing
/// the lesson's transcript, newest at the bottom, and what it waits for: the answer being typed, Enter, or a run.
public enum LessonPane {
    /// The pane's area on a screen laid out as `r`: the log's, with the cost panel's rows above it when they are
    /// separate (a transcript needs the height more than the bill does while a lesson runs).
    static func area(_ r: Screen.Regions) -> Rect {
        guard r.cost.bottom <= r.events.y, r.cost.x == r.events.x else { return r.events }
        return Rect(x: r.events.x, y: r.cost.y, width: r.events.width, height: r.events.bottom - r.cost.y)
    }

    public static func render(lesson: LessonPaneState, state: AppState, area: Rect, buffer: inout Buffer) {
        let block = Block(title: "lesson \(Glyphs.dot) " + OverlayBox.printable(lesson.title),
                          titleStyle: Theme.focusedBorder, borderType: .thick, borderStyle: Theme.focusedBorder,
                          symbols: state.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        guard inner.height >= 2, inner.width >= 4 else { return }
        let prompt = promptLines(lesson, state: state)
        let textHeight = max(0, inner.height - prompt.count)
        let lines = lesson.transcript.map { Line(OverlayBox.printable($0.text), style: style($0.kind)) }
        let rows = Paragraph(lines, overflow: .wrap, symbols: state.symbols).rows(width: inner.width)
        let shown = Array(rows.suffix(textHeight))
        Paragraph(shown, symbols: state.symbols)
            .render(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: textHeight), buffer: &buffer)
        for (i, line) in prompt.prefix(inner.height).enumerated() {
            let y = inner.y + textHeight + i
            buffer.put(line.spans, x: inner.x, y: y, clip: Rect(x: inner.x, y: y, width: inner.width, height: 1))
        }
    }

    /// The bottom rows: the answer being typed and how to give it, or what the lesson waits for.
    static func promptLines(_ lesson: LessonPaneState, state: AppState) -> [Line] {
        switch lesson.phase {
        case .asking(let ask):
            let how: String
            switch ask.answer {
            case .number(_, let unit): how = "type a number" + (unit.isEmpty ? "" : " (\(unit))") + ", Enter answers"
            case .choice(let options, _): how = "type " + options.map(\.key).joined(separator: ", ") + ", Enter answers"
            }
            var lines = [Line([Span("your answer ", style: Theme.muted),
                               Span(OverlayBox.printable(lesson.input), style: Theme.title), Span(" ", style: Theme.key)])]
            lines.append(Line(lesson.refusal.map(OverlayBox.printable) ?? how,
                              style: lesson.refusal == nil ? Theme.muted : Theme.warning))
            return lines
        case .running:
            return [Line("running \(Glyphs.dot) space pauses", style: Theme.muted)]
        case .waiting:
            return [Line([Span("Enter", style: Theme.key), Span(" next step", style: Theme.muted)])]
        case .finished:
            return [Line("lesson done \(Glyphs.dot) l opens another", style: Theme.muted)]
        }
    }

    static func style(_ kind: LessonLine.Kind) -> Style {
        switch kind {
        case .text: .plain
        case .note, .explanation: Theme.muted
        case .answer: Theme.title
        case .figure: Theme.title
        case .inRange: Theme.reply
        case .outOfRange: Theme.warning
        }
    }
}
