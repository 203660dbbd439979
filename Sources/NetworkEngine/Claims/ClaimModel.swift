/// What the measurements say of a claim, or of one aspect of it.
public enum Verdict: String, Sendable, Equatable, CaseIterable {
    /// The measurements bear the claim out.
    case holds = "true"
    /// The measurements contradict it.
    case fails = "false"
    /// It holds under some conditions and not under others (the finding names them).
    case depends = "depends"

    /// One verdict for several aspects: theirs when they agree, `depends` when they do not (the aspects' own
    /// findings then say which holds where).
    public static func combined(_ parts: [Verdict]) -> Verdict {
        guard let first = parts.first else { return .depends }
        return parts.allSatisfy { $0 == first } ? first : .depends
    }
}

/// One measured figure of the evidence, with its theory and its 95% interval where it has them.
public struct Evidence: Sendable, Equatable {
    /// What was measured and where: "mean latency, N = 80".
    public var label: String
    public var measured: Double
    /// "ms", "%", "s", "hops", "$", "" (a count).
    public var unit: String
    /// Decimals shown.
    public var places: Int
    public var theory: Double?
    /// The measurement's 95% batch-means interval (`ConfidenceView`), when the run had one.
    public var interval: ConfidenceInterval?

    public init(_ label: String, _ measured: Double, unit: String = "", places: Int = 2, theory: Double? = nil,
                interval: ConfidenceInterval? = nil) {
        self.label = label; self.measured = measured; self.unit = unit; self.places = places
        self.theory = theory; self.interval = interval
    }

    /// A share shown as a percentage: `measured` and `theory` are shares (0–1) and print as percent.
    public static func share(_ label: String, _ measured: Double, theory: Double? = nil, places: Int = 1,
                             interval: ConfidenceInterval? = nil) -> Evidence {
        Evidence(label, measured, unit: "%", places: places, theory: theory, interval: interval)
    }

    /// The figure as text, in its unit ("5012.3 ms", "12.5%", "$0.18", "3").
    func text(_ x: Double) -> String {
        switch unit {
        case "%": RunReport.fixed(100 * x, places) + "%"
        case "$": "$" + RunReport.fixed(x, places)
        case "": RunReport.fixed(x, places)
        default: RunReport.fixed(x, places) + " " + unit
        }
    }

    public var measuredText: String { text(measured) }
    public var theoryText: String { theory.map(text) ?? "-" }
    /// "4890.1–5130.2" in the figure's unit, or "-" with no interval.
    public var intervalText: String {
        guard let c = interval else { return "-" }
        let scale = unit == "%" ? 100.0 : 1.0
        return RunReport.fixed(scale * c.low, places) + "–" + RunReport.fixed(scale * c.high, places)
    }
}

/// One aspect of a claim: the evidence that tests it and what it says.
public struct ClaimPart: Sendable, Equatable {
    /// "as clients grow", "for file distribution", ...
    public var aspect: String
    public var verdict: Verdict
    /// The verdict's conditions and reasons, from the measurements: "beyond N* = 66.7 clients: ...".
    public var finding: String
    public var evidence: [Evidence]

    public init(aspect: String, verdict: Verdict, finding: String, evidence: [Evidence]) {
        self.aspect = aspect; self.verdict = verdict; self.finding = finding; self.evidence = evidence
    }
}

/// A claim of the comparison with its tested aspects and overall verdict.
public struct ClaimResult: Sendable, Equatable {
    public var id: String
    /// The claim as the comparison states it.
    public var statement: String
    /// How it was tested: the scenario, sizes, seed.
    public var method: String
    public var parts: [ClaimPart]

    /// The aspects' verdicts combined (`Verdict.combined`).
    public var verdict: Verdict { Verdict.combined(parts.map(\.verdict)) }

    public init(id: String, statement: String, method: String, parts: [ClaimPart]) {
        self.id = id; self.statement = statement; self.method = method; self.parts = parts
    }
}
