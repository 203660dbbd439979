/// The scenario picker's state (`o`): every scenario the library listed, the filter typed so far and the selection.
///
/// Typing filters (a classroom that knows it wants "crowd" types it rather than scrolling); the selection is an index
/// into the matches, so it always points at a row on screen.
public struct ScenarioPicker: Sendable, Equatable {
    /// Everything the library listed when the picker opened, built-ins first.
    public var choices: [ScenarioChoice]
    /// The text typed so far; every word of it must appear in a choice's name or summary (any case).
    public var filter = ""
    /// The selected row among `matches`.
    public var selected = 0
    /// Whether the picker lists lessons (`l`) rather than scenarios (`o`): the same list, another title.
    public var listsLessons = false

    public init(choices: [ScenarioChoice]) { self.choices = choices }

    /// The choices the filter lets through, in the library's order.
    public var matches: [ScenarioChoice] {
        let words = filter.lowercased().split(separator: " ")
        guard !words.isEmpty else { return choices }
        return choices.filter { choice in
            let text = (choice.title + " " + choice.summary).lowercased()
            return words.allSatisfy { text.contains($0) }
        }
    }

    /// The selected choice, nil when nothing matches.
    public var current: ScenarioChoice? {
        let matches = matches
        return matches.indices.contains(selected) ? matches[selected] : nil
    }

    /// Applies one key of the picker's own; returns the choice to open when `input` chose one that opens.
    mutating func handle(_ input: PickerInput, page: Int) -> ScenarioChoice? {
        let count = matches.count
        switch input {
        case .type(let c):
            filter.append(c)
            selected = 0
        case .erase:
            if !filter.isEmpty { filter.removeLast() }
            selected = 0
        case .move(let rows):
            selected = max(0, min(count - 1, selected + rows))
        case .page(let pages):
            selected = max(0, min(count - 1, selected + pages * max(1, page)))
        case .first:
            selected = 0
        case .last:
            selected = max(0, count - 1)
        case .choose:
            return current
        }
        return nil
    }
}

/// A key while the picker is open: the picker takes printable characters for its filter, so `q` types a q.
public enum PickerInput: Sendable, Equatable {
    /// A character for the filter.
    case type(Character)
    /// Backspace: the filter's last character goes.
    case erase
    /// ↑ (-1) or ↓ (+1).
    case move(Int)
    /// Page up (-1) or page down (+1): a screenful of rows.
    case page(Int)
    case first, last
    /// Enter: open the selected scenario.
    case choose
}
