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
    static func footer(_ snapshot: Snapshot, width: Int, rows: Int) -> [Line] {
        guard rows > 0 else { return [] }
        let now = summary(snapshot, width: width)
        guard rows > 1, let before = snapshot.previousPhase else { return [now] }
        return [self.before(before, width: width), now]
    }

    /// The period in force: `since t=0: p95 131.0 ms · 3.0% rejected · 14.9% failed`, its tail latency, refusals
    /// and failures (failed or timed out; shown once there are any), each a share of its requests that ended.
    /// After a switch the label names the architecture and when it began (`peer-mesh since t=20.0 s:`). When that
    /// does not fit in `width`, failures come first and the p95 (which has its own row) gives way:
    /// `since t=0: 14.9% failed · 3.1% rejected`.
    static func summary(_ snapshot: Snapshot, width: Int = .max) -> Line {
        let phase = snapshot.currentPhase
        guard snapshot.previousPhase != nil else {
            let label = Span("since t=0: ", style: Theme.muted)
            return fitting(forms(phase, label: label, failedFirst: true), width: width)
        }
        let since = "since t=" + Format.seconds(phase.from) + " s: "
        let long = Span(phase.architecture.rawValue + " " + since, style: Theme.muted)
        let short = Span(since, style: Theme.muted)
        return fitting(forms(phase, label: long, failedFirst: true) + forms(phase, label: short, failedFirst: true),
                       width: width)
    }

    /// The period the last switch closed: `before: client-server t=0–20.0 s: p95 2100 ms · 17.9% rejected`, or
    /// shorter forms down to `before: 17.9% rejected`.
    static func before(_ phase: PhaseFigures, width: Int = .max) -> Line {
        let name = phase.architecture.rawValue
        let labels = ["before: " + name + " " + span(phase) + ": ", "before: " + name + ": ", "before: "]
        return fitting(labels.flatMap { forms(phase, label: Span($0, style: Theme.muted), failedFirst: false) },
                       width: width)
    }

    /// The figures after `label`: with the p95, then without it (failures first when `failedFirst`, as a reader
    /// short of room looks for them first).
    static func forms(_ phase: PhaseFigures, label: Span, failedFirst: Bool) -> [Line] {
        let r = phase.requests
        let dot = Span(" \(Glyphs.dot) ")
        let p95 = Span("p95 " + milliseconds(r.completed > 0 ? phase.latency.p95 : nil))
        let rejected = Span(share(r.rejected, r) + "% rejected", style: r.rejected > 0 ? Theme.warning : .plain)
        // Requests the security check refused are an outcome of their own: shown once there are any.
        let denied = r.denied > 0 ? [dot, Span("\(r.denied) denied", style: Theme.warning)] : []
        let failedCount = r.failed + r.timedOut
        guard failedCount > 0 else {
            return [Line([label, p95, dot, rejected] + denied), Line([label, rejected] + denied)]
        }
        let failed = Span(share(failedCount, r) + "% failed", style: Theme.warning)
        let short = failedFirst ? [failed, dot, rejected] : [rejected, dot, failed]
        return [Line([label, p95, dot, rejected, dot, failed] + denied), Line([label] + short + denied)]
    }

    // MARK: - The panels' outcome lines

    /// The server's or the mesh's outcome counts: `rejected 3  timed out 0  failed 0`, for the period in force; after
    /// a switch with the period's start (`since t=20.0 s: …`) when it fits.
    static func outcomes(_ snapshot: Snapshot, width: Int) -> Line {
        let r = snapshot.currentPhase.requests
        let counts = "rejected \(r.rejected)  timed out \(r.timedOut)  failed \(r.failed)"
        guard snapshot.previousPhase != nil else { return Line(counts, style: Theme.muted) }
        let from = Format.seconds(snapshot.currentPhase.from) + " s: "
        return fitting([
            Line("since t=" + from + counts, style: Theme.muted),
            Line("since " + from + counts, style: Theme.muted),
            Line("since " + from + "rejected \(r.rejected)  failed \(r.failed + r.timedOut)", style: Theme.muted),
            Line("since " + from + "rejected \(r.rejected) failed \(r.failed + r.timedOut)", style: Theme.muted),
            Line(counts, style: Theme.muted),
        ], width: width)
    }

    /// The period before the switch in a panel's few columns: `before: client-server t=0–20.0 s · 17.9% rejected`
    /// down to `before: 17.9% rejected`; failures (failed or timed out) added when there were any and room.
    static func panelBefore(_ phase: PhaseFigures, width: Int) -> Line {
        let r = phase.requests
        let name = phase.architecture.rawValue
        let dot = " \(Glyphs.dot) "
        let rejected = Span(share(r.rejected, r) + "% rejected", style: r.rejected > 0 ? Theme.warning : .plain)
        let failedCount = r.failed + r.timedOut
        let failed = failedCount > 0 ? [Span(dot), Span(share(failedCount, r) + "% failed", style: Theme.warning)] : []
        let labels = ["before: " + name + " " + span(phase) + dot, "before: " + name + dot, "before: "]
        var candidates: [Line] = []
        for label in labels {
            let start = Span(label, style: Theme.muted)
            if !failed.isEmpty { candidates.append(Line([start, rejected] + failed)) }
            candidates.append(Line([start, rejected]))
        }
        return fitting(candidates, width: width)
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
