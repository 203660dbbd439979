import NetworkEngine

// MARK: - Sizing rules

/// How many clients `+` adds and `-` removes with `nodes` active: a tenth of them rounded to 5, at least 5.
///
/// A fixed step would be tedious at 1,000 clients and brutal at 10; a tenth keeps each press visible.
public func nodeStep(forActiveNodes nodes: Int) -> Int {
    let tenth = Double(max(0, nodes)) / 10
    let roundedToFive = Int((tenth / 5).rounded()) * 5
    return max(5, roundedToFive)
}

/// How many requests `f` sends at once with `nodes` active: three per client, at least 50.
public func flashCrowdSize(forActiveNodes nodes: Int) -> Int { max(50, 3 * max(0, nodes)) }

/// The share of the members up that `k` crashes: enough to see (replicas lost, lookups failing) and, with three
/// replicas, few resources lost (1 − 0.3³ ≈ 97% keep a copy); `:crash-share` takes another.
public let crashShareOfKey = 0.3

// MARK: - Update

/// Applies `action` to `state` and returns the effects the run loop must carry out: the one place state changes.
public func update(_ state: inout AppState, _ action: Action, context: UpdateContext) -> [Effect] {
    switch action {
    case .none, .resize:
        return []
    case .quit:
        return [.quit]
    case .togglePause:
        state.paused.toggle()
        return []
    case .stepOnce:
        // A step only makes sense on a still picture: stepping while running would be lost in the next frame.
        state.paused = true
        return [.stepOnce]
    case .slower, .faster:
        let slower = action == .slower
        let next = slower ? SpeedLadder.slower(than: state.speed) : SpeedLadder.faster(than: state.speed)
        // At either end of the ladder the key says so instead of doing nothing in silence.
        if next == state.speed {
            let limit = slower ? "slowest" : "fastest"
            state.status = StatusMessage(text: "already the \(limit) speed: " + Format.speed(next), isWarning: true,
                                         expiresAtNanos: context.wallNanos &+ AppState.statusLifetimeNanos)
            return []
        }
        state.speed = next
        state.actualSpeed = nil
        return []
    case .toggleArchitecture:
        return [.command(.toggleArchitecture)]
    case .toggleAttack:
        return [.command(.toggleAttack)]
    case .addNodes:
        return [.command(.addNodes(nodeStep(forActiveNodes: context.activeNodes)))]
    case .removeNodes:
        return [.command(.removeNodes(nodeStep(forActiveNodes: context.activeNodes)))]
    case .flashCrowd:
        return [.command(.flashCrowd(requests: flashCrowdSize(forActiveNodes: context.activeNodes)))]
    case .crashShare:
        return [.command(.crashShare(crashShareOfKey))]
    case .toggleSelectedNode:
        return [.command(.toggleNode(state.selectedNode))]
    case .failSelectedDisk:
        return [.command(.failDisk(state.selectedNode == 0 ? .server : .node(state.selectedNode)))]
    case .nextPane:
        state.focus = state.focus.next
        return []
    case .previousPane:
        state.focus = state.focus.previous
        return []
    case .selectPrevious:
        state.selectedNode = wrapped(state.selectedNode - 1, nodes: context.activeNodes)
        return []
    case .selectNext:
        state.selectedNode = wrapped(state.selectedNode + 1, nodes: context.activeNodes)
        return []
    case .selectUp:
        if state.focus == .events {
            moveEventSelection(&state, by: -1, context: context)
        } else {
            state.selectedNode = max(0, state.selectedNode - jump(nodes: context.activeNodes))
        }
        return []
    case .selectDown:
        if state.focus == .events {
            moveEventSelection(&state, by: 1, context: context)
        } else {
            state.selectedNode = min(context.activeNodes, state.selectedNode + jump(nodes: context.activeNodes))
        }
        return []
    case .cycleEventFilter:
        state.eventFilter = state.eventFilter.next
        state.eventScroll = 0
        state.eventSelection = nil
        state.eventExpanded = false
        return []
    case .restart:
        state.selectedNode = 0
        state.eventScroll = 0
        state.eventSelection = nil
        state.eventExpanded = false
        state.stepLog = []
        state.actualSpeed = nil
        state.switchFlash = nil
        state.chartCursor = nil
        state.status = StatusMessage(text: "scenario restarted from t=0",
                                     expiresAtNanos: context.wallNanos &+ AppState.statusLifetimeNanos)
        return [.restartScenario]
    case .toggleHelp:
        state.showsHelp.toggle()
        state.helpScroll = 0
        closeFindingOverlays(&state)
        return []
    case .closeHelp:
        // Esc backs out of one thing at a time: an overlay (help, picker, description), the chart readout, an
        // unfolded log line, the log's selection.
        if state.showsHelp || state.picker != nil || state.showsDescription || state.showsMessages {
            state.showsHelp = false
            closeFindingOverlays(&state)
        } else if state.chartCursor != nil {
            state.chartCursor = nil
        } else if state.eventExpanded {
            state.eventExpanded = false
        } else {
            state.eventSelection = nil
        }
        return []
    case .toggleEventDetail:
        return toggleEventDetail(&state, context: context)
    case .stepped(let step):
        guard let step else {
            state.status = StatusMessage(text: "nothing left to run", isWarning: true,
                                         expiresAtNanos: context.wallNanos &+ AppState.statusLifetimeNanos)
            return []
        }
        state.stepLog.append(step)
        if state.stepLog.count > AppState.stepLogLimit {
            state.stepLog.removeFirst(state.stepLog.count - AppState.stepLogLimit)
        }
        state.status = StatusMessage(text: "t=" + Format.fixed(step.time.inSeconds, decimals: 3) + "s: " + step.text,
                                     expiresAtNanos: context.wallNanos &+ AppState.statusLifetimeNanos)
        return []
    case .mouse(let event):
        return updateForMouse(&state, event, context: context)
    case .commandOutcome(let outcome):
        state.status = StatusMessage(text: outcome.message, isWarning: !outcome.accepted,
                                     expiresAtNanos: context.wallNanos &+ AppState.statusLifetimeNanos)
        return []
    case .frame(let info):
        state.actualSpeed = info.actualSpeed
        if let status = state.status, info.wallNanos >= status.expiresAtNanos { state.status = nil }
        if let flash = state.switchFlash, info.wallNanos >= flash.expiresAtNanos { state.switchFlash = nil }
        if let switches = context.switches {
            // A switch from `t`, the timeline or a script alike: the frame that first shows it starts the flash.
            // Fewer switches than seen means a restarted scenario: nothing to flash.
            if switches > state.seenSwitches {
                state.switchFlash = SwitchFlash(text: context.architecture.rawValue,
                                                expiresAtNanos: info.wallNanos &+ AppState.switchFlashNanos)
            }
            state.seenSwitches = switches
        }
        // Clients removed with `-` may include the selected one: fall back to the last one still there.
        if state.selectedNode > context.activeNodes { state.selectedNode = context.activeNodes }
        let shown = state.eventFilter.newestFirst(context.recentEvents).count
        if state.eventScroll > max(0, shown - 1) { state.eventScroll = max(0, shown - 1) }
        expireChartCursor(&state, context: context)
        return []
    case .openCommandLine, .openSearch, .editLine, .pauseTriggered:
        return updateCommandLine(&state, action, context: context)
    case .removeWorker, .addWorker:
        guard let workers = context.serverWorkers else {
            state.status = StatusMessage(text: "no server in the peer mesh: :set workers sizes it for a switch back",
                                         isWarning: true, expiresAtNanos: context.wallNanos &+ AppState.statusLifetimeNanos)
            return []
        }
        // Below one worker the engine refuses in the scenario file's words, as `:set workers 0` would be.
        return [.command(.set(.workers, Double(workers + (action == .addWorker ? 1 : -1))))]
    case .openPicker, .scenariosListed, .picker, .scenarioOpened, .toggleDescription, .scrollOverlay:
        return updateFindingYourWay(&state, action, context: context)
    case .openLessons, .lessonsListed, .lesson:
        return updateLesson(&state, action, context: context)
    case .rewindBack, .rewindForward, .rewindToLive, .travelled:
        return updateRewind(&state, action, context: context)
    }
}

/// `id` wrapped into 0...nodes, so ← on the server reaches the last client.
private func wrapped(_ id: Int, nodes: Int) -> Int {
    let count = max(0, nodes) + 1
    return ((id % count) + count) % count
}

/// How far ↑ and ↓ move the selection: a tenth of the clients, so ten presses cross any population.
private func jump(nodes: Int) -> Int { max(1, nodes / 10) }

// MARK: - The event log's selection

/// Moves the event log's selection `step` lines (positive is older) from the selected line, or from the top line
/// shown when none is selected. Back on the newest line with nothing unfolded, the selection is dropped, so the log
/// follows new events again.
private func moveEventSelection(_ state: inout AppState, by step: Int, context: UpdateContext) {
    let source = EventLogSource(context: context, state: state)
    let lines = state.eventSelection == nil
        ? EventLogLines.build(source, limit: max(0, state.eventScroll) + max(0, step) + 1).lines
        : EventLogLines.build(source).lines
    guard !lines.isEmpty else { return }
    let current = state.eventSelection.map { lines.index(of: $0) } ?? min(max(0, state.eventScroll), lines.count - 1)
    let target = max(0, min(lines.count - 1, current + step))
    state.eventSelection = target == 0 && !state.eventExpanded ? nil : lines[target].anchor
    state.eventScroll = 0
}

/// Enter: unfolds the selected line (the top line shown when none is selected, which it then selects, so newer
/// events cannot slide another line under the reader), or folds it. Outside the log it says where to go.
private func toggleEventDetail(_ state: inout AppState, context: UpdateContext) -> [Effect] {
    guard state.focus == .events else {
        state.status = StatusMessage(text: "Enter unfolds a line of the event log: tab to it first", isWarning: true,
                                     expiresAtNanos: context.wallNanos &+ AppState.statusLifetimeNanos)
        return []
    }
    if state.eventExpanded {
        state.eventExpanded = false
        return []
    }
    if state.eventSelection == nil {
        let top = max(0, state.eventScroll)
        let lines = EventLogLines.build(EventLogSource(context: context, state: state), limit: top + 1).lines
        guard !lines.isEmpty else { return [] }
        state.eventSelection = lines[min(top, lines.count - 1)].anchor
        state.eventScroll = 0
    }
    state.eventExpanded = true
    return []
}
