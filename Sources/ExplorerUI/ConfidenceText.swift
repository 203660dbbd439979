import NetworkEngine
import TerminalCanvas

/// How a pane writes a measured mean beside its theory with its 95% confidence interval (`Snapshot.confidence`):
/// `mean 4982 ms ±312 · since t=0` in the server's inspector, `hops/lookup 3.39±0.04 (th 3.40)` in the mesh panel.
///
/// The interval is of the mean since the configuration last changed (the engine restarts its batches at every
/// command), so the figure beside `±` is that window's mean, not the run's. Until the interval rests on enough
/// batches and is narrow (`ConfidenceInterval.isNarrow`: a half-width within 10% of the mean) the pane says "not
/// enough data yet", or `±?` where a line has no room for the words: a noisy mean next to its theory would otherwise
/// read as agreement or as a miss. When theory lies outside a narrow interval the run and the model disagree: the
/// figure is drawn as a warning and `≠` stands before the theory, and nothing louder (no event, no banner): a
/// model's approximation can miss by a little for good, as the DHT's hops with replicas or under churn do.
enum ConfidenceText {
    /// What a pane says while an interval is missing or too wide.
    static let notEnough = "not enough data yet"

    /// `±?`: "not enough data yet" where a line has no room for the words.
    static var notYetMark: String { "\(Glyphs.plusMinus)?" }

    /// True when `theory` lies outside `interval` (which is narrow: only a shown interval is compared).
    /// With `accuracy`, the model's own relative error (`TheoryView.meanHopsAccuracy`), a miss is one beyond both.
    static func misses(_ interval: ConfidenceInterval, theory: Double?, accuracy: Double = 0) -> Bool {
        guard let theory else { return false }
        let slack = accuracy * theory
        return theory < interval.low - slack || theory > interval.high + slack
    }

    /// `since t=0`, `since t=120.5 s`: where the interval's window starts.
    static func window(_ since: SimTime) -> String {
        since == 0 ? "since t=0" : "since t=" + Format.seconds(since) + " s"
    }

    /// `4982±312` (`decimals` for both, so they read against each other).
    static func plusMinus(_ interval: ConfidenceInterval, decimals: Int) -> String {
        Format.fixed(interval.mean, decimals: decimals) + "\(Glyphs.plusMinus)"
            + Format.fixed(interval.halfWidth, decimals: decimals)
    }

    /// The server inspector's line under `theory W …`: the mean latency since the last change with its interval,
    /// `mean 4982 ms ±312 · since t=0` (`mean 4982 ms ±312 ≠ W · since t=0` when theory is not in it), or `mean
    /// since t=0: not enough data yet`; the window gives way first where the line is short. Nil when the latency
    /// has no theory now (the line above says why) or the model keeps no intervals.
    static func latencyLine(_ snapshot: Snapshot, width: Int) -> Line? {
        guard let theory = snapshot.theory?.meanLatencyMs, let confidence = snapshot.confidence else { return nil }
        let since = window(confidence.since)
        guard let c = LiveConfidence.shown(confidence.meanLatencyMs) else {
            return SecurityPanel.fitting([Line("mean " + since + ": " + notEnough, style: Theme.muted),
                                          Line("mean: " + notEnough, style: Theme.muted),
                                          Line("mean " + notYetMark, style: Theme.muted)], width: width)
        }
        let decimals = c.mean < 100 ? 1 : 0
        let figure = "mean " + Format.fixed(c.mean, decimals: decimals) + " ms \(Glyphs.plusMinus)"
            + Format.fixed(c.halfWidth, decimals: decimals)
        let miss = misses(c, theory: theory)
        let style = miss ? Theme.warning : Style.plain
        let outside = miss ? [Span(" \(Glyphs.notEqual) W", style: Theme.warning)] : []
        let measured = [Span(figure, style: style)] + outside
        return SecurityPanel.fitting([Line(measured + [Span(" \(Glyphs.dot) " + since, style: Theme.muted)]),
                                      Line(measured)], width: width)
    }

    /// A mesh panel figure and its theory, the DHT's hops for one: `3.39±0.04 (th 3.40)` once the interval is narrow (the mean
    /// since the last change), `3.41 ±? (th 3.40)` before (the run's mean, as without intervals), `3.41 (th 3.40)`
    /// from a model that keeps none; `3.39±0.04 ≠ th 3.60` when theory misses a narrow interval (as wide).
    /// The flood's reach reads the same with one decimal (`decimals`).
    static func figureSpans(measured: String, theory: Double?, accuracy: Double? = nil, interval: ConfidenceInterval?,
                            keepsIntervals: Bool, decimals: Int = 2) -> [Span] {
        guard let theory else { return [Span(measured)] }
        let th = Format.fixed(theory, decimals: decimals)
        guard keepsIntervals else { return [Span(measured + " (th " + th + ")")] }
        guard let c = LiveConfidence.shown(interval) else { return [Span(measured + " " + notYetMark + " (th " + th + ")")] }
        guard misses(c, theory: theory, accuracy: accuracy ?? 0) else {
            return [Span(plusMinus(c, decimals: decimals) + " (th " + th + ")")]
        }
        return [Span(plusMinus(c, decimals: decimals) + " \(Glyphs.notEqual) th " + th, style: Theme.warning)]
    }
}
