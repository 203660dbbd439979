import NetworkEngine
import TerminalCanvas

/// The lines that put the request figures in their architecture period: the period in force (`since t=0:` until the
/// first switch, then `peer-mesh since t=20.0 s:`) and, after a switch, the period before it (`before: client-server
/// t=0–20.0 s: …`), so a switch reads as a before/after comparison, as the headless `segments` do.
///
/// Each line is chosen among forms from the fullest to the shortest, the first that fits the width.
enum PhaseLines {
    // MARK: - The metrics pane's footer

    /// Up to `rows` lines for the footer: the period in force at the bottom and, when there are two rows and a
    /// switch has happened, the one before above it (the before-line is the first to go).
    ///
    /// The two lines give the same figures, so they read as a comparison: the p95 in both or in neither, failures
    /// in both once either period had any. Short of room the labels shorten first (`before: client-server t=0–70.4
    /// s:` to `before: client-server:` to `before:`), then the p95 gives way from the end (it has its own row).
    static func footer(_ snapshot: Snapshot, width: Int, rows: Int) -> [Line] {
        guard rows > 0 else { return [] }
        let now = snapshot.currentPhase
        guard let before = snapshot.previousPhase else { return [summary(snapshot, width: width)] }
        guard rows > 1 else { return [summary(snapshot, width: width)] }
        let failed = hasFailures(now) || hasFailures(before)
        let nowLabels = sinceLabels(now), beforeLabels = self.beforeLabels(before)
        for p95 in [true, false] {
            let nowLine = fitting(nowLabels.map { figures(now, label: $0, p95: p95, failed: failed) }, width: width)
            let beforeLine = fitting(beforeLabels.map { figures(before, label: $0, p95: p95, failed: failed) },
                                     width: width)
            if nowLine.width <= width && beforeLine.width <= width { return [beforeLine, nowLine] }
        }
        // Nothing fits whole: the shortest forms, cut by the ellipsis.
        return [figures(before, label: beforeLabels[beforeLabels.count - 1], p95: false, failed: failed),
                figures(now, label: nowLabels[nowLabels.count - 1], p95: false, failed: failed)]
    }

    /// The period in force alone: `since t=0: 3.0% rejected · 14.9% failed · p95 131.0 ms`, its refusals and
    /// failures (failed or timed out; shown once there are any), each a share of its requests that ended, and its
    /// tail latency. After a switch the label names the architecture and when it began (`peer-mesh since t=20.0
    /// s:`). When that does not fit in `width`, the p95 (which has its own row) gives way from the end, so the
    /// figures keep their order: `since t=0: 3.1% rejected · 14.9% failed`.
    static func summary(_ snapshot: Snapshot, width: Int = .max) -> Line {
        let phase = snapshot.currentPhase
        let failed = hasFailures(phase)
        guard snapshot.previousPhase != nil else {
            let label = "since t=0: "
            return fitting([figures(phase, label: label, p95: true, failed: failed),
                            figures(phase, label: label, p95: false, failed: failed)], width: width)
        }
        let labels = sinceLabels(phase)
        return fitting(labels.map { figures(phase, label: $0, p95: true, failed: failed) }
                       + labels.map { figures(phase, label: $0, p95: false, failed: failed) }, width: width)
    }

    /// `peer-mesh since t=20.0 s: `, then `since t=20.0 s: `.
    static func sinceLabels(_ phase: PhaseFigures) -> [String] {
        let since = "since t=" + Format.seconds(phase.from) + " s: "
        return [phase.architecture.rawValue + " " + since, since]
    }

    /// `before: client-server t=0–20.0 s: `, `before: client-server: `, `before: `.
    static func beforeLabels(_ phase: PhaseFigures) -> [String] {
        let name = phase.architecture.rawValue
        return ["before: " + name + " " + span(phase) + ": ", "before: " + name + ": ", "before: "]
    }

    /// `label` then the figures, in one order at every width, the most looked-for first: `3.0% rejected · 14.9%
    /// failed · N denied · p95 131.0 ms` (the failures when `failed`, the denied once any were, the p95 when asked:
    /// it has its own chart row, so it is the first to give way, from the end). The panels' lines use the same order.
    static func figures(_ phase: PhaseFigures, label: String, p95 withP95: Bool, failed withFailed: Bool) -> Line {
        let r = phase.requests
        let dot = Span(" \(Glyphs.dot) ")
        var spans = [Span(label, style: Theme.muted),
                     Span(share(r.rejected, r) + "% rejected", style: r.rejected > 0 ? Theme.warning : .plain)]
        if withFailed {
            let failedCount = r.failed + r.timedOut
            spans += [dot, Span(share(failedCount, r) + "% failed", style: failedCount > 0 ? Theme.warning : .plain)]
        }
        // Requests the security check refused are an outcome of their own: shown once there are any.
        if r.denied > 0 { spans += [dot, Span("\(r.denied) denied", style: Theme.warning)] }
        if withP95 { spans += [dot, Span("p95 " + milliseconds(r.completed > 0 ? phase.latency.p95 : nil))] }
        return Line(spans)
    }

    /// Whether any of the period's requests failed or timed out.
    static func hasFailures(_ phase: PhaseFigures) -> Bool { phase.requests.failed + phase.requests.timedOut > 0 }

    // MARK: - The panels' outcome lines

    /// The server's or the mesh's outcomes for the period in force: `rejected 3  timed out 0  failed 0` until the
    /// first switch; after it, shares to set beside the period before (`panelBefore`): `since t=20.0 s: 0.7%
    /// rejected · 0.0% failed`.
    static func outcomes(_ snapshot: Snapshot, width: Int) -> Line {
        let phase = snapshot.currentPhase
        let r = phase.requests
        guard let before = snapshot.previousPhase else {
            return Line("rejected \(r.rejected)  timed out \(r.timedOut)  failed \(r.failed)", style: Theme.muted)
        }
        let failed = hasFailures(phase) || hasFailures(before)
        let from = Format.seconds(phase.from)
        return fitting([
            panelFigures(phase, label: "since t=" + from + " s: ", failed: failed),
            panelFigures(phase, label: "since " + from + " s: ", failed: failed),
            panelFigures(phase, label: "since " + from + " s: ", failed: false),
        ], width: width)
    }

    /// The period before the switch in a panel's few columns, beside `outcomes`: `before: client-server · 17.9%
    /// rejected · 1.0% failed`; short of room the words shorten first (`17.9% rej · 1.0% fail`: the side column at
    /// 120×40 is 46 wide), so the architecture's name stays, then the name goes (under a mesh, before was the server,
    /// and the other way round), then the failures: `before: 17.9% rejected`.
    static func panelBefore(_ phase: PhaseFigures, current: PhaseFigures, width: Int) -> Line {
        let failed = hasFailures(phase) || hasFailures(current)
        let named = "before: " + phase.architecture.rawValue + " \(Glyphs.dot) "
        return fitting([
            panelFigures(phase, label: named, failed: failed),
            panelFigures(phase, label: named, failed: failed, short: true),
            panelFigures(phase, label: "before: ", failed: failed),
            panelFigures(phase, label: named, failed: false),
            panelFigures(phase, label: "before: ", failed: false),
        ], width: width)
    }

    /// `label` then `17.9% rejected · 1.0% failed` (the failures when `failed`); `short`, `17.9% rej · 1.0% fail`.
    static func panelFigures(_ phase: PhaseFigures, label: String, failed withFailed: Bool,
                             short: Bool = false) -> Line {
        let r = phase.requests
        var spans = [Span(label, style: Theme.muted),
                     Span(share(r.rejected, r) + (short ? "% rej" : "% rejected"),
                          style: r.rejected > 0 ? Theme.warning : .plain)]
        if withFailed {
            let failed = r.failed + r.timedOut
            spans += [Span(" \(Glyphs.dot) "),
                      Span(share(failed, r) + (short ? "% fail" : "% failed"), style: failed > 0 ? Theme.warning : .plain)]
        }
        return Line(spans)
    }

    // MARK: - The inspector's period

    /// The inspector's title: `inspector · peer 5 · since t=20.0 s` after a switch, shortened to fit `room`
    /// columns (`peer 5 · since t=20.0 s`); `base` unchanged before the first switch.
    static func inspectorTitle(_ base: String, node: String, snapshot: Snapshot, room: Int) -> String {
        guard snapshot.previousPhase != nil else { return base }
        let since = "since t=" + Format.seconds(snapshot.currentPhase.from) + " s"
        let dot = " \(Glyphs.dot) "
        let candidates = [base + dot + since, node + dot + since]
        return candidates.first { $0.displayWidth <= room } ?? candidates[candidates.count - 1]
    }

    // MARK: - Words and numbers

    /// `t=0–20.0 s`: when a closed period ran (to now for one still running).
    static func span(_ phase: PhaseFigures) -> String {
        let from = phase.from == 0 ? "0" : Format.seconds(phase.from)
        let to = phase.to.map { Format.seconds($0) + " s" } ?? "now"
        return "t=" + from + "\(Glyphs.enDash)" + to
    }

    /// `n` as a percentage of the period's ended requests, one decimal (0.0 when none ended).
    static func share(_ n: Int, _ r: RequestCounts) -> String {
        Format.fixed(r.ended > 0 ? Double(n) / Double(r.ended) * 100 : 0, decimals: 1)
    }

    /// `131.0 ms`, `2100 ms`, or `— ms` when nothing completed (never a misleading 0).
    static func milliseconds(_ value: Double?) -> String {
        guard let value else { return Glyphs.emDash.description + " ms" }
        return Format.fixed(value, decimals: value < 1000 ? 1 : 0) + " ms"
    }

    /// The first of `candidates` that fits `width`, else the last (the shortest).
    static func fitting(_ candidates: [Line], width: Int) -> Line {
        candidates.first { $0.width <= width } ?? candidates.last ?? Line([])
    }
}
