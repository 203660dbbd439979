import ExplorerUI
import NetworkEngine

extension RunCommand {
    /// The lab record `--replay` names, read and checked by replaying it headless first (so a log that refers to
    /// nodes that do not exist is one line before the terminal opens, never a surprise mid-playback); nil without
    /// `--replay`.
    func replaySource() throws(CLIError) -> LabRecordSource? {
        guard let replay else { return nil }
        // The record carries its own scenario and seed: anything else given would be silently ignored.
        if options.scenario != "classroom" || options.nodes != nil || options.architecture != nil || options.seed != nil {
            throw CLIError(message: "--replay \(replay): the record gives the scenario and seed; give no scenario, "
                + "--nodes, --architecture or --seed with it")
        }
        if export != nil {
            throw CLIError(message: "--replay \(replay): --export is for a new session; the record is one already")
        }
        let source = try LabRecordSource.load(replay)
        _ = try source.replay()
        return source
    }

    /// Starts `app` (built on the record's scenario at t=0) playing the record.
    static func play(_ source: LabRecordSource, in app: LiveApp) {
        app.playRecord(source.manifest.commands,
                       end: Playback.Point(time: source.manifest.endTime, events: source.manifest.endEvents))
    }
}
