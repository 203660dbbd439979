import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// Key sequences on `AppState`, no terminal: the state and the effects they give.
@Suite("Update")
struct UpdateTests {
    /// Feeds `keys` through the key map and `update`, returning every effect in order.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout AppState, nodes: Int = 20, events: [NetworkEvent] = [],
                      wall: UInt64 = 0) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            effects += update(&state, Action(key: key), context: UpdateContext(wallNanos: wall, activeNodes: nodes,
                                                                                 recentEvents: events))
        }
        return effects
    }

    static func chars(_ s: String) -> [Key] { s.map { .char($0) } }

    @Test("space pauses and space again resumes; p does the same")
    func pause() {
        var state = AppState(scenarioName: "c")
        Self.press(Self.chars(" "), &state)
        #expect(state.paused)
        Self.press(Self.chars(" "), &state)
        #expect(!state.paused)
        Self.press(Self.chars("p"), &state)
        #expect(state.paused)
    }

    @Test("> > > from 1× gives 10×; < steps back down the ladder; the ends hold")
    func speedLadder() {
        var state = AppState(scenarioName: "c")
        Self.press(Self.chars(">>>"), &state)
        #expect(state.speed == 10)
        Self.press(Self.chars("<,"), &state)
        #expect(state.speed == 2)
        Self.press(Array(repeating: .char("<"), count: 20), &state)
        #expect(state.speed == 0.1)
        Self.press(Array(repeating: .char(">"), count: 20), &state)
        #expect(state.speed == 1000)
    }

    @Test("a speed key at either end of the ladder says so in the status line instead of doing nothing silently")
    func speedLimitsSaySo() {
        var state = AppState(scenarioName: "c", speed: 1000)
        Self.press(Self.chars(">"), &state)
        #expect(state.speed == 1000)
        #expect(state.status?.text.hasPrefix("already the fastest speed") == true && state.status?.isWarning == true)
        state = AppState(scenarioName: "c", speed: 0.1)
        Self.press(Self.chars("<"), &state)
        #expect(state.status?.text.hasPrefix("already the slowest speed") == true)
        state = AppState(scenarioName: "c", speed: 1)
        state.status = nil
        Self.press(Self.chars(">"), &state)
        #expect(state.speed == 2 && state.status == nil)
    }

    @Test("a start speed between rungs steps to the neighbouring rungs")
    func offLadderSpeed() {
        #expect(SpeedLadder.faster(than: 3) == 5)
        #expect(SpeedLadder.slower(than: 3) == 2)
        #expect(AppState(scenarioName: "c", speed: 5000).speed == 1000)
        #expect(AppState(scenarioName: "c", speed: -1).speed == 1)
    }

    @Test("+ with 20 clients adds 5; the step is a tenth rounded to 5, at least 5")
    func addNodes() {
        var state = AppState(scenarioName: "c")
        #expect(Self.press(Self.chars("+"), &state) == [.command(.addNodes(5))])
        #expect(Self.press(Self.chars("="), &state, nodes: 200) == [.command(.addNodes(20))])
        #expect(Self.press(Self.chars("-"), &state, nodes: 1000) == [.command(.removeNodes(100))])
        #expect(Self.press(Self.chars("_"), &state, nodes: 73) == [.command(.removeNodes(5))])
        #expect(nodeStep(forActiveNodes: 175) == 20)
        #expect(nodeStep(forActiveNodes: 0) == 5)
    }

    @Test("x with node 3 selected crashes or revives node 3; with nothing moved it targets the server")
    func toggleSelected() {
        var state = AppState(scenarioName: "c")
        #expect(Self.press(Self.chars("x"), &state) == [.command(.toggleNode(0))])
        Self.press([.right, .right, .right], &state)
        #expect(state.selectedNode == 3)
        #expect(Self.press(Self.chars("x"), &state) == [.command(.toggleNode(3))])
    }

    @Test("← on the server wraps to the last client and → on the last client wraps to the server")
    func selectionWraps() {
        var state = AppState(scenarioName: "c")
        Self.press([.left], &state, nodes: 8)
        #expect(state.selectedNode == 8)
        Self.press([.right], &state, nodes: 8)
        #expect(state.selectedNode == 0)
    }

    @Test("↑ and ↓ jump a tenth of the clients, clamped to the ends")
    func selectionJumps() {
        var state = AppState(scenarioName: "c")
        Self.press([.down, .down], &state, nodes: 100)
        #expect(state.selectedNode == 20)
        Self.press(Array(repeating: .down, count: 20), &state, nodes: 100)
        #expect(state.selectedNode == 100)
        Self.press(Array(repeating: .up, count: 20), &state, nodes: 100)
        #expect(state.selectedNode == 0)
    }

    @Test("with the event log focused, ↓ and ↑ move a selection that stays on its line as new events arrive")
    func eventSelection() {
        var state = AppState(scenarioName: "c")
        Self.press([.tab, .tab, .tab, .tab], &state)
        #expect(state.focus == .events)
        // Newest first: 70.0 back up, 60.1 wrong password, 55.0 recovered, 41.2 down, 30.0 overload, 12.5 joined.
        Self.press([.down, .down, .down, .down], &state, events: Fixtures.events)
        #expect(state.eventSelection == EventLogAnchor(time: .seconds(30), kind: .overload))
        #expect(state.selectedNode == 0 && state.eventScroll == 0)
        Self.press(Array(repeating: .down, count: 10), &state, events: Fixtures.events)
        #expect(state.eventSelection == EventLogAnchor(time: .seconds(12.5), kind: .nodesAdded))
        Self.press([.up], &state, events: Fixtures.events)
        #expect(state.eventSelection == EventLogAnchor(time: .seconds(30), kind: .overload))
        // Two newer events push every line down: ↑ still moves from the overload to the line just above it.
        let later = Fixtures.events + [
            NetworkEvent(time: .seconds(80), kind: .nodeDown, node: 2, detail: "client 2 crashed"),
            NetworkEvent(time: .seconds(81), kind: .nodeUp, node: 2, detail: "client 2 is back"),
        ]
        Self.press([.up], &state, events: later)
        #expect(state.eventSelection == EventLogAnchor(time: .seconds(41.2), kind: .nodeDown))
        // Back on the newest line, the log follows new events again.
        Self.press(Array(repeating: .up, count: 10), &state, events: later)
        #expect(state.eventSelection == nil)
        Self.press([.down], &state, events: later)
        Self.press(Self.chars("e"), &state)
        #expect(state.eventSelection == nil && state.eventScroll == 0)
    }

    @Test("Enter unfolds the selected log line and folds it; Esc folds, then unselects; the help's Esc comes first")
    func eventUnfolding() {
        var state = AppState(scenarioName: "c")
        Self.press([.enter], &state, events: Fixtures.events)
        #expect(!state.eventExpanded && state.status?.isWarning == true, "Enter outside the log says where to go")
        state.focus = .events
        Self.press([.enter], &state, events: Fixtures.events)
        #expect(state.eventExpanded && state.eventSelection == EventLogAnchor(time: .seconds(70), kind: .nodeUp))
        Self.press([.enter], &state, events: Fixtures.events)
        #expect(!state.eventExpanded && state.eventSelection != nil)
        Self.press([.down, .enter, .char("?")], &state, events: Fixtures.events)
        #expect(state.eventExpanded && state.showsHelp)
        Self.press([.escape], &state, events: Fixtures.events)
        #expect(!state.showsHelp && state.eventExpanded)
        Self.press([.escape], &state, events: Fixtures.events)
        #expect(!state.eventExpanded && state.eventSelection == EventLogAnchor(time: .seconds(60.1), kind: .loginFailure))
        Self.press([.escape], &state, events: Fixtures.events)
        #expect(state.eventSelection == nil)
    }

    @Test("a step is kept for the log (the last 64) and told in the status line; nothing to run is a warning")
    func steppedIsLogged() {
        var state = AppState(scenarioName: "c")
        let context = UpdateContext(wallNanos: 0, activeNodes: 5)
        for i in 0..<70 {
            _ = update(&state, .stepped(StepLogEntry(time: .millis(Double(i)), text: "tick: step \(i)")), context: context)
        }
        #expect(state.stepLog.count == AppState.stepLogLimit && state.stepLog.first?.text == "tick: step 6")
        #expect(state.status?.text == "t=0.069s: tick: step 69" && state.status?.isWarning == false)
        _ = update(&state, .stepped(nil), context: context)
        #expect(state.status?.text == "nothing left to run" && state.status?.isWarning == true)
        Self.press(Self.chars("r"), &state)
        #expect(state.stepLog.isEmpty)
    }

    @Test("f sends a flash crowd of three requests a client, at least 50")
    func flashCrowd() {
        var state = AppState(scenarioName: "c")
        #expect(Self.press(Self.chars("f"), &state, nodes: 20) == [.command(.flashCrowd(requests: 60))])
        #expect(Self.press(Self.chars("f"), &state, nodes: 10) == [.command(.flashCrowd(requests: 50))])
    }

    @Test("e cycles the filter all, security, overload, failures, all")
    func filterCycle() {
        var state = AppState(scenarioName: "c")
        var seen = [state.eventFilter]
        for _ in 0..<4 {
            Self.press(Self.chars("e"), &state)
            seen.append(state.eventFilter)
        }
        #expect(seen == [.all, .security, .overload, .failures, .all])
    }

    @Test("? opens the help, Esc closes it; F1 toggles it too")
    func help() {
        var state = AppState(scenarioName: "c")
        Self.press(Self.chars("?"), &state)
        #expect(state.showsHelp)
        Self.press([.escape], &state)
        #expect(!state.showsHelp)
        Self.press([.escape], &state)
        #expect(!state.showsHelp)
        Self.press([.function(1)], &state)
        #expect(state.showsHelp)
    }

    @Test("q, F10 and Ctrl-C quit")
    func quit() {
        var state = AppState(scenarioName: "c")
        #expect(Self.press(Self.chars("q"), &state) == [.quit])
        #expect(Self.press([.function(10)], &state) == [.quit])
        #expect(Self.press([.interrupt], &state) == [.quit])
        #expect(Self.press(Self.chars("Q"), &state) == [.quit])
    }

    @Test("t and a are sent to the engine and the engine's answer goes to the status line")
    func engineAnswers() {
        var state = AppState(scenarioName: "c")
        #expect(Self.press(Self.chars("t"), &state) == [.command(.toggleArchitecture)])
        #expect(Self.press(Self.chars("a"), &state) == [.command(.toggleAttack)])
        #expect(state.status == nil)
        let outcome = CommandOutcome(accepted: false, message: "whatever the engine says")
        _ = update(&state, .commandOutcome(outcome), context: UpdateContext(wallNanos: 1_000, activeNodes: 20))
        #expect(state.status == StatusMessage(text: "whatever the engine says", isWarning: true,
                                              expiresAtNanos: 1_000 + AppState.statusLifetimeNanos))
    }

    @Test("a status message disappears at its expiry, not before")
    func statusExpiry() {
        var state = AppState(scenarioName: "c")
        state.status = StatusMessage(text: "hello", expiresAtNanos: 5_000)
        _ = update(&state, .frame(FrameInfo(wallNanos: 4_999)), context: UpdateContext(activeNodes: 20))
        #expect(state.status?.text == "hello")
        _ = update(&state, .frame(FrameInfo(wallNanos: 5_000)), context: UpdateContext(activeNodes: 20))
        #expect(state.status == nil)
    }

    @Test(". pauses a running simulation and asks for one step")
    func stepOnce() {
        var state = AppState(scenarioName: "c")
        #expect(Self.press(Self.chars("."), &state) == [.stepOnce])
        #expect(state.paused)
        #expect(Self.press(Self.chars("."), &state) == [.stepOnce])
        #expect(state.paused)
    }

    @Test("r restarts the scenario and resets the selection and scrolling")
    func restart() {
        var state = AppState(scenarioName: "c")
        Self.press([.right, .right], &state)
        #expect(Self.press(Self.chars("r"), &state, wall: 10) == [.restartScenario])
        #expect(state.selectedNode == 0)
        #expect(state.status?.text == "scenario restarted from t=0")
    }

    @Test("tab and shift-tab move the focus through every pane and around")
    func focus() {
        var state = AppState(scenarioName: "c")
        var order: [Pane] = []
        for _ in 0..<6 {
            Self.press([.tab], &state)
            order.append(state.focus)
        }
        #expect(order == [.server, .security, .metrics, .events, .inspector, .topology])
        Self.press([.backTab], &state)
        #expect(state.focus == .inspector)
    }

    @Test("a frame after clients left moves the selection to the last client still there")
    func selectionFollowsRemoval() {
        var state = AppState(scenarioName: "c")
        state.selectedNode = 18
        _ = update(&state, .frame(FrameInfo(wallNanos: 0)), context: UpdateContext(activeNodes: 15))
        #expect(state.selectedNode == 15)
    }

    @Test("a frame records the measured speed; a speed change forgets it")
    func actualSpeed() {
        var state = AppState(scenarioName: "c", speed: 100)
        _ = update(&state, .frame(FrameInfo(wallNanos: 0, actualSpeed: 42)), context: UpdateContext(activeNodes: 1))
        #expect(state.actualSpeed == 42)
        Self.press(Self.chars("<"), &state)
        #expect(state.actualSpeed == nil && state.speed == 50)
    }

    @Test("every key of the README's key table maps to its action; others do nothing")
    func keyMap() {
        let table: [(Key, Action)] = [
            (.char("q"), .quit), (.char("?"), .toggleHelp), (.char(" "), .togglePause), (.char("p"), .togglePause),
            (.char("."), .stepOnce), (.char("<"), .slower), (.char(","), .slower), (.char(">"), .faster),
            (.char("t"), .toggleArchitecture), (.char("+"), .addNodes), (.char("="), .addNodes),
            (.char("-"), .removeNodes), (.char("_"), .removeNodes), (.tab, .nextPane), (.backTab, .previousPane),
            (.left, .selectPrevious), (.right, .selectNext), (.up, .selectUp), (.down, .selectDown),
            (.char("x"), .toggleSelectedNode), (.char("a"), .toggleAttack), (.char("f"), .flashCrowd),
            (.char("e"), .cycleEventFilter), (.char("r"), .restart), (.function(1), .toggleHelp),
            (.function(10), .quit), (.escape, .closeHelp), (.char("z"), .none), (.enter, .toggleEventDetail),
            (.function(5), .none),
        ]
        for (key, action) in table {
            #expect(Action(key: key) == action, "\(key)")
        }
    }
}
