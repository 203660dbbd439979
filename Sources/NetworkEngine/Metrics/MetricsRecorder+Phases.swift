/// The latency summaries the live view shows for the current and previous periods, each recomputed at most once per
/// simulated second (or when a switch changes which segments they are): a summary walks a histogram, too much for
/// every frame. The previous period's is recomputed only while its latencies still change (requests it accepted
/// completing after the switch), so once it has drained a switch costs the frames nothing more.
struct PhaseLatencyCache: Sendable {
    var current = LatencySummary()
    var previous = LatencySummary()
    /// The (period number, seconds closed) the summaries were taken at; (-1, -1) for never.
    var segment = -1
    var second = -1
    /// The previous period's count of latencies when its summary was taken.
    var previousCount = -1
}

extension MetricsRecorder {
    /// The period in force and the one before it, from the segments `report()` prints: the counts and messages as
    /// they stand, the latency summaries as of the last simulated second closed or the last switch, whichever came
    /// later. O(1) per call apart from those summaries (three histogram percentiles, at most once per second).
    public mutating func phaseView() -> PhaseView {
        let last = segments.count - 1
        let sameSegment = phaseLatencies.segment == currentSegment
        if !sameSegment || phaseLatencies.second != secondsClosed {
            // Before the first switch the period is the whole run: its summary is the one the snapshot shows anyway.
            phaseLatencies.current = last == 0 ? latencyForDisplay() : segments[last].latency.summary
            if last > 0, !sameSegment || segments[last - 1].latency.count != phaseLatencies.previousCount {
                phaseLatencies.previous = segments[last - 1].latency.summary
                phaseLatencies.previousCount = segments[last - 1].latency.count
            }
            phaseLatencies.segment = currentSegment
            phaseLatencies.second = secondsClosed
        }
        var view = PhaseView(current: figures(ofSegment: last, latency: phaseLatencies.current),
                             switches: currentSegment)
        // The last `exactSegments` periods are kept one by one, so the one before the current is never merged.
        if last > 0 { view.previous = figures(ofSegment: last - 1, latency: phaseLatencies.previous) }
        return view
    }

    private func figures(ofSegment i: Int, latency: LatencySummary) -> PhaseFigures {
        let segment = segments[i]
        var figures = PhaseFigures(architecture: segment.architecture, from: segment.from, to: segment.to)
        figures.requests = segment.counts
        figures.latency = latency
        figures.messages = messages(inSegment: i)
        return figures
    }
}
