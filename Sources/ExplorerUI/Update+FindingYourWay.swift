import NetworkEngine
import TerminalCanvas

/// What the app tells `update` after the library opened a scenario: the status line and `i` need it.
public struct ScenarioOpenedNews: Sendable, Equatable {
    /// The choice's name as the picker showed it (a built-in's name, a file's name).
    public var title: String
    /// The scenario's own name, for the status bar.
    public var name: String
    public var description: String
    /// The seed kept from the run that was replaced.
    public var seed: UInt64
    /// The command-line overrides (`--nodes`, `--architecture`) the old run had and the new one does not take.
    public var droppedOverrides: [String]

    public init(title: String, name: String, description: String, seed: UInt64, droppedOverrides: [String] = []) {
        self.title = title; self.name = name; self.description = description; self.seed = seed
        self.droppedOverrides = droppedOverrides
    }
}

/// How far a key scrolls the open help or description overlay.
public enum OverlayScroll: Sendable, Equatable {
    /// ↑ (-1) or ↓ (+1).
    case rows(Int)
    /// Page up (-1) or page down (+1).
    case pages(Int)
    case top, bottom
}

/// Closes the picker and the description (opening one overlay closes the others: they share the middle of the screen).
func closeFindingOverlays(_ state: inout AppState) {
    state.picker = nil
    state.showsDescription = false
    state.showsMessages = false
}

/// The picker, the description and the overlays' scrolling: the part of `update` that helps people find their way.
func updateFindingYourWay(_ state: inout AppState, _ action: Action, context: UpdateContext) -> [Effect] {
    switch action {
    case .openPicker:
        state.showsHelp = false
        closeFindingOverlays(&state)
        return [.listScenarios]
    case .scenariosListed(let choices):
        state.showsHelp = false
        state.showsDescription = false
        state.picker = ScenarioPicker(choices: choices)
        return []
    case .picker(let input):
        guard var picker = state.picker else { return [] }
        let page = context.screenSize.map { ScenarioPickerOverlay.listHeight(body: Screen.regions(for: $0).body) } ?? 1
        let chosen = picker.handle(input, page: page)
        state.picker = picker
        guard input == .choose else { return [] }
        guard let chosen else {
            warn(&state, "no scenario matches: backspace erases the filter", context: context)
            return []
        }
        guard chosen.opens else {
            warn(&state, "cannot open " + chosen.title + ": " + chosen.summary, context: context)
            return []
        }
        state.picker = nil
        return [.openScenario(chosen)]
    case .scenarioOpened(let news):
        state.scenarioName = news.name
        state.scenarioDescription = news.description
        state.selectedNode = 0
        state.eventScroll = 0
        state.actualSpeed = nil
        state.switchFlash = nil
        state.descriptionScroll = 0
        // The seed is kept so that two scenarios compare on the same random streams; saying so lets a teacher
        // reproduce the run (`netexplorer run NAME --seed N`).
        var text = "opened " + news.title + " with seed \(news.seed), kept from the last run"
        if !news.droppedOverrides.isEmpty {
            let verb = news.droppedOverrides.count == 1 ? " applies" : " apply"
            text += "; its own " + news.droppedOverrides.joined(separator: " and ") + verb
        }
        state.status = StatusMessage(text: text, expiresAtNanos: context.wallNanos &+ 2 * AppState.statusLifetimeNanos)
        return []
    case .toggleDescription:
        let show = !state.showsDescription
        state.showsHelp = false
        closeFindingOverlays(&state)
        state.showsDescription = show
        state.descriptionScroll = 0
        return []
    case .scrollOverlay(let scroll):
        guard let size = context.screenSize else { return [] }
        let body = Screen.regions(for: size).body
        if state.showsDescription {
            let limit = DescriptionOverlay.maxScroll(description: state.scenarioDescription, screen: size)
            state.descriptionScroll = scrolled(state.descriptionScroll, by: scroll, page: body.height - 3, limit: limit)
        } else if state.showsHelp {
            let limit = HelpOverlay.maxScroll(screen: size, unicode: state.unicode)
            state.helpScroll = scrolled(state.helpScroll, by: scroll, page: body.height - 3, limit: limit)
        }
        return []
    default:
        return []
    }
}

/// A status message that stands out: something the user asked for could not be done.
private func warn(_ state: inout AppState, _ text: String, context: UpdateContext) {
    state.status = StatusMessage(text: text, isWarning: true,
                                 expiresAtNanos: context.wallNanos &+ AppState.statusLifetimeNanos)
}

/// `offset` moved by `scroll`, kept within 0...`limit`.
private func scrolled(_ offset: Int, by scroll: OverlayScroll, page: Int, limit: Int) -> Int {
    let moved = switch scroll {
    case .rows(let n): offset + n
    case .pages(let n): offset + n * max(1, page)
    case .top: 0
    case .bottom: limit
    }
    return max(0, min(limit, moved))
}
