/// What the live view drives: a network that takes commands, moves through simulated time and shows itself.
///
/// This is the one seam between the UI and whatever computes the network. `Engine` conforms (see
/// `Engine+NetworkModel.swift`); tests conform with small fakes, and another model (a different engine, a driver over
/// real sockets) would conform the same way. The UI holds `any NetworkModel` and never names a concrete type.
///
/// Commands in, snapshots out: a model changes only through `apply(_:)` and the clock (`advance(to:maxEvents:)`,
/// `step()`), and is read only through `snapshot(_:)` and `report()`. A model is a reference type because the UI keeps
/// one and moves it forward frame after frame; it is not `Sendable` and is used from one thread.
public protocol NetworkModel: AnyObject {
    /// The current simulated time.
    var now: SimTime { get }

    /// Carries out one command (add or remove nodes, crash, switch architecture, ...) at the current time.
    ///
    /// - Returns: whether the command took effect and a sentence the status line can show.
    func apply(_ command: EngineCommand) -> CommandOutcome

    /// Runs events up to `time`, at most `maxEvents` of them, so a frame's work stays bounded.
    ///
    /// - Returns: true when `time` was reached (the clock then stands at `time`); false when the budget ran out first
    ///   (the clock stands at the last event run) and the caller may call again.
    @discardableResult
    func advance(to time: SimTime, maxEvents: Int) -> Bool

    /// Runs the single next event, whenever it is due, and says in words what it was (the live view's `.`).
    ///
    /// - Returns: nil when nothing is pending.
    func stepDescribed() -> String?

    /// A picture of the network now: always every aggregate, plus the per-node views `request` asks for.
    ///
    /// The cost should be bounded by what the request asks for (the window and the series length), not by the
    /// population, so a screen that shows 200 nodes of a million pays for 200. See `SnapshotRequest` for what is
    /// windowed and what is not.
    func snapshot(_ request: SnapshotRequest) -> Snapshot

    /// The figures of the whole run so far, as the headless commands print them.
    ///
    /// `RunReport` has no public initialiser yet, so only a model inside `NetworkEngine` (the `Engine`) can answer
    /// this; a model in another module (the tests' fake) cannot until it has one. The live view does not ask for it.
    func report() -> RunReport

    /// A fresh model for the same run, from time 0: what the live view's `r` key starts again with.
    ///
    /// The model makes its own fresh copy (rather than the UI holding a factory) because the model knows what "the
    /// same run" is: its scenario and seed, and whatever else it was built with. The UI then cannot restart with a
    /// model different from the one it was given, and its initialiser takes a single model. The receiver is left as
    /// it was; the caller drops it.
    func restarted() -> any NetworkModel

    /// Overloads, breaches, crashes, failed and lost requests since the start: read after every event while the live
    /// view waits for one (`:pause-on`), so it must cost far less than a snapshot.
    var tally: EventTally { get }

    /// Runs the single next event, whenever it is due, without describing it; false when nothing is pending.
    @discardableResult
    func step() -> Bool

    /// Events run since time 0: with `now`, the exact point of the run a command was applied at (the session log's).
    var eventsProcessed: Int { get }

    /// `command` as it would act now (`Engine.resolved(_:)`): a toggle becomes the crash, restart or switch it would
    /// make, so a session log can be replayed.
    func resolved(_ command: EngineCommand) -> EngineCommand

    /// What a lesson's check reads now (the report, the theory of the network as it stands, the values in force),
    /// given the report as the lesson's last `run` started; nil for a model that cannot say.
    func lessonReading(runStart: JSONValue?, runSeconds: Double) -> LessonReading?

    /// The report's figures now, kept as a lesson's `run` starts (its `run.` figures are changes from it); nil for a
    /// model that cannot say.
    func lessonRunStart() -> JSONValue?
    /// A copy of the whole run as it stands, which goes on independently (`Engine.checkpoint()`): what the live
    /// view's rewind resumes from. nil for a model that cannot be copied (it then cannot be rewound).
    func checkpointCopy() -> (any NetworkModel)?
}

extension NetworkModel {
    /// The tally of a snapshot of no nodes: right for any model, cheap enough for a fake.
    public var tally: EventTally { snapshot(SnapshotRequest(seriesLimit: 0, nodes: 0..<0)).tally }

    /// One event through `stepDescribed()`, for models with no cheaper way.
    @discardableResult
    public func step() -> Bool { stepDescribed() != nil }

    /// The command as given, for models with no toggles to resolve.
    public func resolved(_ command: EngineCommand) -> EngineCommand { command }
    public func lessonReading(runStart: JSONValue?, runSeconds: Double) -> LessonReading? { nil }
    public func lessonRunStart() -> JSONValue? { nil }

    /// No copy, for models that cannot make one: the live view then says it cannot rewind.
    public func checkpointCopy() -> (any NetworkModel)? { nil }
}

/// What a snapshot should contain: how much history, and which nodes' own views.
///
/// A snapshot always carries the aggregates, whatever the window: the scenario name, architecture and time, the request
/// counts and latency, `activeNodeCount` (the whole population, not the window's), the server's view and the server's
/// own node (id 0, while it is shown), the mesh view, the security view, the switch times, the recent events and the
/// last `seriesLimit` samples of `secondsPerColumn` seconds each. Only two lists follow the window:
///
/// - `nodes`: the clients (or peers) whose ids are in `nodes`, in id order;
/// - `flights`: the messages with at least one end (`from` or `to`) in `nodes`.
///
/// With `nodes == nil` both lists are complete, as the live view asks today.
public struct SnapshotRequest: Sendable, Equatable {
    /// How many samples (`Snapshot.series`, one per chart column) to include, newest last; must not be negative.
    public var seriesLimit: Int
    /// Seconds each sample covers: 1 gives the last closed seconds one by one; more gives the last complete columns of that many seconds, folded exactly from the
    /// run's history (`SampleHistory`: counts summed, levels averaged, p95 the columns' worst second's). Values
    /// below 1 count as 1.
    public var secondsPerColumn: Int
    /// The ids of the clients or peers whose `NodeView`s are wanted, counted 1...N like `NodeView.id`; ids outside
    /// 1...`activeNodeCount` are ignored. nil asks for every node.
    public var nodes: Range<Int>?

    /// Every `stride`-th node of `nodes` from its first (1: all of them), for a picture that shows a sample of a large
    /// population: the snapshot then costs O(nodes ÷ stride). With a stride above 1, `flights` are instead the
    /// message in flight of each sampled node's newest request (found directly, not by scanning every request).
    public var stride: Int = 1
    /// The node the picture centres on (the selection): a mesh snapshot gives its DHT fingers (`MeshPicture`).
    public var focus: Int? = nil
    /// Points of a file distribution's completion curve over its span (`DistributionSnapshot.curve`): one per
    /// column of the chart that draws it.
    public var curvePoints: Int = 120

    /// A request for the last `seriesLimit` columns of `secondsPerColumn` seconds and the nodes in `nodes` (every
    /// node when nil).
    public init(seriesLimit: Int = 120, secondsPerColumn: Int = 1, nodes: Range<Int>? = nil) {
        self.seriesLimit = seriesLimit
        self.secondsPerColumn = secondsPerColumn
        self.nodes = nodes
    }
}
