import NetworkEngine
import TerminalCanvas

/// The words of an event-log line: the short line the log lists, the full text Enter unfolds, the text `/` searches.
enum EventLogText {
    /// A step's marker and words: cyan like the requests it moves, and marked `▸ step` for a screen without colour.
    static let stepStyle = Style(fg: .cyan, bold: true)
    static let countStyle = Style(bold: true)

    /// `12.5s`: the simulated time of a line.
    static func time(_ t: SimTime) -> String { Format.seconds(t) + "s" }

    /// The line as the log lists it: `30.0s ▲ server overloaded: queue full`, `31.0s ▲ peer overloads ×312 within
    /// 1 s`, `31.2s ▸ step: arrival · client 4: …`. Only the glyph is coloured: its shape already tells the kind.
    static func line(_ line: EventLogLine) -> Line {
        var spans = [Span(time(line.time) + " ", style: Theme.muted)]
        switch line.newest {
        case .step(let step):
            // Steps are often a few microseconds apart: their time to the millisecond, as the status line says it.
            spans[0] = Span(Format.fixed(step.time.inSeconds, decimals: 3) + "s ", style: Theme.muted)
            spans.append(Span(String(EventWords.stepGlyph.character) + " step:", style: stepStyle))
            spans.append(Span(" " + step.text))
        case .event(let event):
            let wording = EventWords.wording(event.kind)
            spans.append(Span(String(wording.glyph.character), style: Theme.style(for: event.kind)))
            if line.count > 1 {
                spans.append(Span(" " + EventWords.groupName(event.kind, line.nodeClass, outcome: event.outcome)))
                spans.append(Span(" " + String(Glyphs.times.character) + "\(line.count) ", style: countStyle))
                spans.append(Span(span(of: line)))
            } else {
                spans.append(Span(" " + EventWords.summary(event, architecture: line.architecture)))
            }
        }
        return Line(spans)
    }

    /// The line with everything it stands for, for Enter: the engine's own sentence, and for repeats their time span,
    /// their nodes and the newest one in full.
    static func full(_ line: EventLogLine) -> Line {
        var out = Self.line(line)
        guard case .event(let event) = line.newest else { return out }
        let wording = EventWords.wording(event.kind)
        let dash = " " + String(Glyphs.emDash.character) + " "
        if line.count > 1 {
            var rest = dash + "from " + time(line.oldestTime) + " to " + time(line.time)
            if line.nodeClass != .server {
                let range = line.lowestNode == line.highestNode ? "\(line.lowestNode)"
                    : "\(line.lowestNode)\(Glyphs.enDash.character)\(line.highestNode)"
                rest += " at " + (line.lowestNode == line.highestNode ? line.nodeClass.rawValue : line.nodeClass.plural)
                    + " " + range
            }
            rest += "; newest: " + EventWords.summary(event, architecture: line.architecture)
            if !wording.sentenceIsLine { rest += dash + event.detail }
            out.spans.append(Span(rest, style: Theme.muted))
        } else if !wording.sentenceIsLine {
            out.spans.append(Span(dash + event.detail, style: Theme.muted))
        }
        return out
    }

    /// What `/` looks in for one event or step: its line's words and the engine's sentence.
    static func searchText(_ subject: EventLogLine.Subject, architecture: Architecture) -> String {
        switch subject {
        case .step(let step): return "step: " + step.text
        case .event(let event):
            let summary = EventWords.summary(event, architecture: architecture)
            return EventWords.wording(event.kind).sentenceIsLine ? summary : summary + " " + event.detail
        }
    }

    /// How long a group of repeats lasted: `within 1 s`, `over 12 s`.
    static func span(of line: EventLogLine) -> String {
        let seconds = (line.time - line.oldestTime).inSeconds
        return seconds <= 1 ? "within 1 s" : "over " + Format.fixed(seconds, decimals: 0) + " s"
    }
}
