import TerminalCanvas

/// The keys an open overlay takes before the key table sees them.
///
/// The picker takes printable characters for its filter (so `q` types a q there, as in any filter box) and the
/// arrows, Enter, backspace and paging; the help and the description take only the arrows and paging to scroll.
/// Every other key keeps its meaning (F10 and Ctrl-C still quit, space still pauses under the help). Letters that
/// close an overlay (`i`, `?`) are read through the key table, so caps lock changes nothing there either.
enum OverlayKeys {
    static func action(for key: Key, state: AppState) -> Action? {
        if state.picker != nil {
            switch key {
            case .char(let c): return .picker(.type(c))
            case .backspace: return .picker(.erase)
            case .up: return .picker(.move(-1))
            case .down: return .picker(.move(1))
            case .pageUp: return .picker(.page(-1))
            case .pageDown: return .picker(.page(1))
            case .home: return .picker(.first)
            case .end: return .picker(.last)
            case .enter: return .picker(.choose)
            // Moving the panes' focus or selection under an open picker would change what is hidden.
            case .tab, .backTab, .left, .right: return Action.none
            default: return nil
            }
        }
        if let lesson = state.lesson, !state.showsHelp, !state.showsDescription, !state.showsMessages {
            // An ask takes what is typed (its answer may be a letter that is also a key) and Enter; after a check,
            // Enter goes on. Everything else keeps its meaning: space pauses a run, F10 and Ctrl-C quit.
            switch (lesson.phase, key) {
            case (.asking, .char(let c)): return .lesson(.type(c))
            case (.asking, .backspace): return .lesson(.erase)
            case (.asking, .enter), (.waiting, .enter): return .lesson(.submit)
            default: break
            }
        }
        guard state.showsHelp || state.showsDescription else { return nil }
        switch key {
        case .up: return .scrollOverlay(.rows(-1))
        case .down: return .scrollOverlay(.rows(1))
        case .pageUp: return .scrollOverlay(.pages(-1))
        case .pageDown: return .scrollOverlay(.pages(1))
        case .home: return .scrollOverlay(.top)
        case .end: return .scrollOverlay(.bottom)
        default: return nil
        }
    }
}

extension Action {
    /// The action `key` stands for as things stand: an open overlay's own keys first, then the key table.
    public init(key: Key, state: AppState) {
        self = OverlayKeys.action(for: key, state: state) ?? Action(key: key)
    }
}
