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
    case .toggleSelectedNode:
        return [.command(.toggleNode(state.selectedNode))]
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
            state.eventScroll = max(0, state.eventScroll - 1)
        } else {
            state.selectedNode = max(0, state.selectedNode - jump(nodes: context.activeNodes))
        }
        return []
    case .selectDown:
        if state.focus == .events {
            let shown = state.eventFilter.newestFirst(context.recentEvents).count
            state.eventScroll = min(max(0, shown - 1), state.eventScroll + 1)
        } else {
            state.selectedNode = min(context.activeNodes, state.selectedNode + jump(nodes: context.activeNodes))
        }
        return []
    case .cycleEventFilter:
        state.eventFilter = state.eventFilter.next
        state.eventScroll = 0
        return []
    case .restart:
        state.selectedNode = 0
        state.eventScroll = 0
        state.actualSpeed = nil
        state.switchFlash = nil
        state.chartCursor = nil
        state.status = StatusMessage(text: "scenario restarted from t=0",
                                     expiresAtNanos: context.wallNanos &+ AppState.statusLifetimeNanos)
        return [.restartScenario]
    case .toggleHelp:
        state.showsHelp.toggle()
        return []
    case .closeHelp:
        // Esc closes what is open: the help first, then the chart readout.
        if !state.showsHelp { state.chartCursor = nil }
        state.showsHelp = false
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
    }
}

/// `id` wrapped into 0...nodes, so ← on the server reaches the last client.
private func wrapped(_ id: Int, nodes: Int) -> Int {
    let count = max(0, nodes) + 1
    return ((id % count) + count) % count
}

/// How far ↑ and ↓ move the selection: a tenth of the clients, so ten presses cross any population.
private func jump(nodes: Int) -> Int { max(1, nodes / 10) }
