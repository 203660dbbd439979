import NetworkEngine
import TerminalCanvas

/// `update` for the command line (`:`), the log search (`/`) and `:pause-on` firing: kept apart from the key
/// table's actions because while the line is open every key is text.
func updateCommandLine(_ state: inout AppState, _ action: Action, context: UpdateContext) -> [Effect] {
    switch action {
    case .openCommandLine:
        state.commandLine = CommandLineState(mode: .command)
        return []
    case .openSearch:
        state.commandLine = CommandLineState(mode: .search)
        return []
    case .editLine(let key):
        guard var line = state.commandLine else { return [] }
        let history = line.mode == .command ? state.commandHistory : state.searchHistory
        switch line.edit(key, history: history) {
        case .editing:
            state.commandLine = line
            return []
        case .cancel:
            state.commandLine = nil
            // Esc on the search prompt clears the search, as the brief for `/` says: nothing is filtered then.
            if line.mode == .search { state.logSearch = nil }
            return []
        case .submit(let text):
            state.commandLine = nil
            if line.mode == .search {
                state.searchHistory.add(text)
                state.logSearch = text.isEmpty ? nil : text
                return []
            }
            state.commandHistory.add(text)
            return run(text, &state, context: context)
        }
    case .pauseTriggered(let reason):
        state.paused = true
        state.status = StatusMessage(text: reason, isWarning: true,
                                     expiresAtNanos: context.wallNanos &+ 2 * AppState.statusLifetimeNanos)
        return []
    default:
        return []
    }
}

/// Runs a line typed after `:`: a command for the engine, a change of the view, or one line saying what is wrong.
private func run(_ text: String, _ state: inout AppState, context: UpdateContext) -> [Effect] {
    func say(_ message: String, warning: Bool) {
        state.status = StatusMessage(text: message, isWarning: warning,
                                     expiresAtNanos: context.wallNanos &+ AppState.statusLifetimeNanos)
    }
    switch CommandLineCommands.parse(text) {
    case .failure(let error):
        say(error.message, warning: true)
        return []
    case .success(.set(let parameter, let value)):
        return [.command(.set(parameter, value))]
    case .success(.pauseOn(let trigger)):
        state.pauseOn = trigger
        say(trigger.map { "the clock stops when \($0.meaning)" } ?? "pause-on off", warning: false)
        return []
    case .success(.crashShare(let share)):
        return [.command(.crashShare(share))]
    case .success(.messages):
        state.showsHelp = false
        closeFindingOverlays(&state)
        state.showsMessages = true
        return []
    case .success(.export(let directory, let force)):
        return [.export(directory: directory, force: force)]
    case .success(.screenshot):
        return [.screenshot]
    case .success(.quit):
        return [.quit]
    }
}
