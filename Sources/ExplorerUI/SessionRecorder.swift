import NetworkEngine

/// What records a live session as a lab record: the program gives one to `LiveApp` (the UI writes no lab record itself).
///
/// It hears of every new run (the start, `r`, a scenario opened with `o`), so it can stream the run's per-second
/// series and events somewhere bounded in memory, and writes the record when `:export` or the end of the session asks.
public protocol SessionRecorder: AnyObject {
    /// A new run began on `model` at t=0 (its history replaces the one before).
    func started(_ model: any NetworkModel)

    /// Writes the lab record of the run on `model` as it stands, whose commands are `log`, into `directory` (nil: the
    /// default name); `force` writes into a directory that is not empty. Says in one line what it wrote or why not.
    func export(_ model: any NetworkModel, log: CommandLog, to directory: String?, force: Bool) -> CommandOutcome
}
