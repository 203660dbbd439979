import NetworkEngine

/// Writes a headless run's output as it happens: each network event as a line of the `--events` file, each closed
/// second as a CSV row on standard output (only with `--format csv`). Memory stays flat however long the run.
final class StreamingOutput: RunOutputSink {
    let events: OutputFile?
    let csv: OutputFile?

    /// `scenario` picks the CSV header: a file distribution's has the `complete_share` column.
    init(events: OutputFile?, csv: OutputFile?, scenario: Scenario) {
        self.events = events; self.csv = csv
        csv?.write(RunReport.csvHeader(scenario))
    }

    func record(_ event: NetworkEvent) { events?.write(event.jsonLine + "\n") }
    func record(_ sample: SecondSample) { csv?.write(RunReport.csvRow(sample)) }

    /// True once a write failed: the run can stop early.
    var failed: Bool { events?.failure != nil || csv?.failure != nil }
}
