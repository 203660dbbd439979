import NetworkEngine
import TerminalCanvas

/// What the user (or the run loop) asked for; `update` turns it into a state change and effects.
public enum Action: Sendable, Equatable {
    case quit
    case togglePause
    /// Run one engine event (pausing first when running).
    case stepOnce
    case slower
    case faster
    case toggleArchitecture
    case addNodes
    case removeNodes
    case nextPane
    case previousPane
    /// ← : the node before the selected one.
    case selectPrevious
    /// → : the node after the selected one.
    case selectNext
    /// ↑ : a jump back through the nodes, or a scroll towards newer events when the event log has the focus.
    case selectUp
    /// ↓ : a jump forward through the nodes, or a scroll towards older events when the event log has the focus.
    case selectDown
    /// Crash the selected node if it is up, revive it if it is down (0 = the server).
    case toggleSelectedNode
    /// Fail the selected node's disk (the server's when the server, or nothing, is selected).
    case failSelectedDisk
    case toggleAttack
    case flashCrowd
    /// `k`: crash a share of the members up at once (`crashShareOfKey`).
    case crashShare
    case cycleEventFilter
    case restart
    case toggleHelp
    /// Esc: close the help overlay; with it closed, fold the unfolded event-log line, then drop the log's selection.
    case closeHelp
    /// Enter: unfold the selected event-log line to its full text, or fold it again.
    case toggleEventDetail
    /// What one step (`.`) ran, as the model said it, at the time it ran; nil when nothing was left to run.
    case stepped(StepLogEntry?)
    case resize(Size)
    /// A click or a wheel notch at a cell: `update` finds the pane, node or chart column under it.
    case mouse(MouseEvent)
    /// What the engine answered to a command, for the status line.
    case commandOutcome(CommandOutcome)
    /// The run loop's once-a-frame news: the wall time and how fast the engine really ran.
    case frame(FrameInfo)
    /// `:` opens the command line, `/` the log search: keys then go to the line (`editLine`), not to the key table.
    case openCommandLine
    case openSearch
    /// A key typed while the command line or search is open.
    case editLine(Key)
    /// `[` and `]`: one server worker fewer or more (as `:set workers` does).
    case removeWorker
    case addWorker
    /// The run loop stopped the clock at an event `:pause-on` waits for; the text says which.
    case pauseTriggered(String)
    case none

    // MARK: Finding your way (the scenario picker, the description, scrolling the overlays)
    /// `o`: list the scenarios and open the picker.
    case openPicker
    /// The library's list, for the picker to show.
    case scenariosListed([ScenarioChoice])
    /// A key the open picker takes (filter, move, choose).
    case picker(PickerInput)
    /// The library opened a scenario and the app now runs it.
    case scenarioOpened(ScenarioOpenedNews)
    /// `i`: show or hide the scenario's description.
    case toggleDescription
    /// ↑ ↓ page up/down home end while the help or the description is open.
    case scrollOverlay(OverlayScroll)

    // MARK: Lessons
    /// `l`: list the lessons and open the picker on them.
    case openLessons
    /// The lesson library's list, for the picker.
    case lessonsListed([ScenarioChoice])
    /// A key the open lesson takes: the answer being typed, Enter.
    case lesson(LessonInput)
    // MARK: Rewind and scrub
    /// `b`: back a tenth of the charts' span; `n`: forward again while rewound; `g`: back to the live end.
    case rewindBack
    case rewindForward
    case rewindToLive
    /// Where a time travel left the view (its status while rewound, nil at the live end) and what to say.
    case travelled(RewindStatus?, CommandOutcome?)

    /// The action a key stands for (a row of `KeyBindings.all`); `.none` for keys with no meaning.
    public init(key: Key) {
        self = KeyBindings.action(for: key)
    }
}

/// The run loop's per-frame report to `update`.
public struct FrameInfo: Sendable, Equatable {
    /// The run loop's clock, nanoseconds.
    public var wallNanos: UInt64
    /// The speed the engine reached when it fell behind; nil when it kept up.
    public var actualSpeed: Double?

    public init(wallNanos: UInt64, actualSpeed: Double? = nil) {
        self.wallNanos = wallNanos; self.actualSpeed = actualSpeed
    }
}
