import NetworkEngine

/// Writes a headless run's output as it happens: each network event as a line of the `--events` file, each closed
/// second as a CSV row on standard output (only with `--format csv`). Memory stays flat however long the run.
final class StreamingOutput: RunOutputSink {
    let events: OutputFile?
    let csv: OutputFile?

    init(events: OutputFile?, csv: OutputFile?) {
        self.events = events; self.csv = csv
        csv?.write(RunReport.csvHeader)
    }

    func record(_ event: NetworkEvent) { events?.write(event.jsonLine + "\n") }
    func record(_ sample: SecondSample) { csv?.write(RunReport.csvRow(sample)) }

    /// True once a write failed: the run can stop early.
    var failed: Bool { events?.failure != nil || csv?.failure != nil }
}
