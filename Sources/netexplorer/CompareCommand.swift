import ArgumentParser
import Foundation
import NetworkEngine

/// `netexplorer compare`: the same workload under both architectures, for each size, in one table.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run the same workload as client-server and as a peer mesh for each size, and compare them.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(help: "A built-in scenario name or a path to a .yaml file (default: classroom).")
    var scenario: String = "classroom"

    // `.unconditional` so that `--nodes -1` reaches the range check instead of reading as a flag.
    @Option(name: .long, parsing: .unconditional, help: "Comma-separated node counts, e.g. 10,100,1000.")
    var nodes = NodeCounts(counts: [10, 100, 1000])

    @Option(name: .long, parsing: .unconditional, help: "Simulated seconds per run (default: the scenario's).")
    var duration: Double?

    @Option(name: .long, parsing: .unconditional, help: "Seed of the random streams, 0 to \(UInt64.max).")
    var seed: UInt64?

    /// A comma-separated list of node counts, each an integer; `validate()` checks their range.
    struct NodeCounts: ExpressibleByArgument {
        var counts: [Int]

        init(counts: [Int]) { self.counts = counts }

        /// "10,100,1000"; an empty part ("1,,2") or a part that is not an integer makes the whole list invalid.
        init?(argument: String) {
            let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
            var counts: [Int] = []
            for part in parts {
                guard let n = Int(part.trimmingCharacters(in: .whitespaces)) else { return nil }
                counts.append(n)
            }
            self.counts = counts
        }

        var defaultValueDescription: String { counts.map(String.init).joined(separator: ",") }
    }

    @Option(name: .long, help: "table, json or csv.")
    var format: Format = .table

    /// One measured row: a size under one architecture.
    struct Row {
        var nodes: Int
        var architecture: Architecture
        var report: RunReport

        var messagesPerRequest: Double {
            report.requests.issued > 0 ? Double(report.messages) / Double(report.requests.issued) : 0
        }
        /// Under client-server one node (the server) does all the serving: its load over the mean is N + 1.
        var maxOverMeanLoad: Double {
            architecture == .peerMesh ? report.mesh?.maxOverMeanLoad ?? 0
                : (report.requests.completed > 0 ? Double(nodes + 1) : 0)
        }
        var availability: Double {
            architecture == .peerMesh ? report.mesh?.availability ?? 0 : report.serverAvailability
        }
        var rejectedShare: Double {
            report.requests.issued > 0 ? Double(report.requests.rejected) / Double(report.requests.issued) : 0
        }
        var failedShare: Double { share(report.requests.failed) }
        var timedOutShare: Double { share(report.requests.timedOut) }
        private func share(_ n: Int) -> Double {
            report.requests.issued > 0 ? Double(n) / Double(report.requests.issued) : 0
        }
        var firstBreach: String { report.security.firstBreach.map { RunReport.fixed($0.inSeconds, 1) } ?? "-" }
        var detected: String { report.security.detectedShare.map { RunReport.fixed($0, 4) } ?? "-" }
        var largestSingleView: String { report.security.largestSingleView.map { RunReport.fixed($0, 4) } ?? "-" }
        /// The stability figures, named as the JSON's `mesh` object: `-` (null, empty) under client-server.
        var lookupFigures: [String] {
            guard architecture == .peerMesh else { return ["-", "-", "-", "-"] }
            let l = report.lookups
            return [String(l.started), String(l.failed), String(l.timedOut),
                    l.failureShare.map { RunReport.fixed($0, 6) } ?? "-"]
        }
    }

    func validate() throws {
        for n in nodes.counts { try ScenarioOptions.validate(nodes: n, flag: "--nodes") }
        if let duration { try ScenarioOptions.validate(seconds: duration, flag: "--duration", allowingZero: false) }
    }

    func run() throws {
        var base = try ScenarioOptions.load(scenario, seed: seed)
        // Warned about as the file says: a shorter --duration on purpose leaves later actions out without a word.
        ScenarioOptions.printWarnings(base, source: scenario)
        if let duration { base.duration = duration }
        let sizes = nodes.counts
        // Each size is a run of its own: the largest must fit the budget too (both architectures are costed).
        if let largest = sizes.max() {
            var s = base
            s.nodes = largest
            try ScenarioOptions.checkBudget(s, source: scenario)
        }
        // Timeline actions (toggles, crashes) would blur the comparison: each run keeps one architecture.
        base.timeline = base.timeline.filter { if case .switchArchitecture = $0.kind { false } else { true } }
        var rows: [Row] = []
        for n in sizes {
            for architecture in Architecture.allCases {
                var s = base
                s.nodes = n
                s.architecture = architecture
                let engine = Engine(scenario: s)
                engine.run(until: .seconds(s.duration))
                rows.append(Row(nodes: n, architecture: architecture, report: engine.report()))
            }
        }
        if base.workload.kind == .distribution {
            return print(TerminalText.escaped(distributionOutput(rows, scenario: base), keepingNewlines: true),
                         terminator: "")
        }
        switch format {
        case .table: print(TerminalText.escaped(table(rows, scenario: base), keepingNewlines: true), terminator: "")
        case .json: print(json(rows, scenario: base).serialized(pretty: true))
        case .csv: print(csv(rows), terminator: "")
        }
    }

    static let columns = ["nodes", "architecture", "latency_mean_ms", "latency_p95_ms", "throughput_rps",
                          "rejected_share", "messages_per_request", "max_over_mean_load", "availability",
                          "mean_hops", "server_dollars", "breaches", "exposed_share", "first_breach_s",
                          "detected_share", "failed_share", "timed_out_share", "largest_single_view",
                          "guesses_checked", "refused_locked", "locked_out_users",
                          "admin_dollars", "bandwidth_dollars", "peer_donated_dollars", "total_dollars",
                          "dollars_per_1000_requests", "per_month_dollars",
                          "lookups", "lookups_failed", "lookups_timed_out", "lookup_failure_share"] + theoryColumns

    /// The theory columns, last: `theory_` and the `theory` object's JSON field (`TheoryView`).
    static let theoryColumns = ["theory_mean_latency_ms", "theory_saturation_nodes", "theory_mean_hops",
                                "theory_availability"]

    func values(_ r: Row) -> [String] {
        [String(r.nodes), r.architecture.rawValue, RunReport.fixed(r.report.latency.mean, 1),
         RunReport.fixed(r.report.latency.p95, 1), RunReport.fixed(r.report.throughputRPS, 1),
         RunReport.fixed(r.rejectedShare, 4), RunReport.fixed(r.messagesPerRequest, 2),
         RunReport.fixed(r.maxOverMeanLoad, 1), RunReport.fixed(r.availability, 4),
         r.architecture == .peerMesh && r.report.mesh?.discovery == .dht
            ? RunReport.fixed(r.report.mesh?.meanHops ?? 0, 2) : "-",
         RunReport.fixed(r.report.serverDollars, 2), String(r.report.security.breaches),
         RunReport.fixed(r.report.security.exposedShare, 4), r.firstBreach, r.detected,
         RunReport.fixed(r.failedShare, 4), RunReport.fixed(r.timedOutShare, 4), r.largestSingleView,
         String(r.report.security.guessesChecked), String(r.report.security.refusedLocked),
          String(r.report.security.lockedOutUsers)] + costValues(r.report.cost) + r.lookupFigures
            + theoryValues(r.report.theory)
    }

    /// The theory columns' cells: `-` (empty in CSV) where no formula covers the run.
    func theoryValues(_ t: TheoryView?) -> [String] {
        [t?.meanLatencyMs.map { RunReport.fixed($0, 1) } ?? "-", t?.saturationNodes.map { RunReport.fixed($0, 1) } ?? "-",
         t?.meanHops.map { RunReport.fixed($0, 2) } ?? "-", t?.availability.map { RunReport.fixed($0, 4) } ?? "-"]
    }

    /// The cost columns, after the others (scripts reading by position keep working): dollars to four decimals, so a
    /// short run's fraction of a cent is not a 0; `-` (empty in CSV) where nothing completed.
    func costValues(_ c: CostView) -> [String] {
        [RunReport.fixed(c.adminDollars, 4), RunReport.fixed(c.bandwidthDollars, 4),
         RunReport.fixed(c.peerDonatedDollars, 4), RunReport.fixed(c.totalDollars, 4),
         c.dollarsPer1000Requests.map { RunReport.fixed($0, 4) } ?? "-",
         c.perMonthDollars.map { RunReport.fixed($0, 4) } ?? "-"]
    }

    /// The bill of each row by who pays, as a third table: the owner's terms, the peers' donation, the whole.
    func costTable(_ rows: [Row], scenario: Scenario) -> String {
        let header = ["nodes", "architecture", "server", "admin", "bandwidth", "owner pays", "peers donate", "total",
                      "per 1,000 req", "per month"]
        let cells = rows.map { r -> [String] in
            let c = r.report.cost
            return [String(r.nodes), r.architecture.rawValue, Money.text(c.serverDollars), Money.text(c.adminDollars),
                    Money.text(c.bandwidthDollars), Money.text(c.ownerDollars), Money.text(c.peerDonatedDollars),
                    Money.text(c.totalDollars), c.dollarsPer1000Requests.map(Money.text) ?? "-",
                    c.perMonthDollars.map(Money.text) ?? "-"]
        }
        let p = scenario.cost
        let prices = "server \(Money.text(scenario.server.costPerHour))/h, admin \(Money.text(p.adminPerMonth))/month, "
            + "bandwidth \(Money.text(p.bandwidthPerGb))/GB, a peer's hour \(Money.text(p.peerPerHour)), "
            + "replies \(RunReport.fixed(scenario.workload.sizeKb, 0)) kB"
        return "cost: " + prices + "\n" + Self.aligned([header] + cells) + Self.costLegend
    }

    /// What the cost table's columns count.
    static let costLegend = """
        owner pays: server + admin + bandwidth out of the server; peers donate: their hours up and their uploads
        per month: the total at this run's rate for 730 hours

        """

    /// The security rows, as a second table: the first is wide enough already.
    func securityTable(_ rows: [Row], scenario: Scenario) -> String {
        let header = ["nodes", "architecture", "breaches", "exposed", "first breach", "best log", "any log", "checked",
                      "refused", "lockouts", "users out", "denied"]
        func percent(_ share: Double?) -> String { share.map { RunReport.fixed(100 * $0, 1) + "%" } ?? "-" }
        let cells = rows.map { r -> [String] in
            let s = r.report.security
            return [String(r.nodes), r.architecture.rawValue, String(s.breaches),
                    RunReport.fixed(100 * s.exposedShare, 1) + "%",
                    s.firstBreach.map { RunReport.fixed($0.inSeconds, 1) + " s" } ?? "-",
                    percent(s.largestSingleView), percent(s.detectedShare), String(s.guessesChecked),
                    String(s.refusedLocked), String(s.lockouts), String(s.lockedOutUsers),
                    String(r.report.requests.denied)]
        }
        let attack = scenario.security.attackers > 0
            ? "\(scenario.security.attackers) attacker(s) at \(scenario.security.attackRate) guesses/s"
            : "no attackers in this scenario (security.attackers: 0)"
        return "security: " + attack + "\n" + Self.aligned([header] + cells) + Self.securityLegend
    }

    /// What the security columns count: the short headers need their words.
    static let securityLegend = """
        exposed: accounts with a weak password (client-server), peers with an open or weak share (mesh)
        best log: attempts the single best-placed observer logged (the server; the busiest peer); any log: all logs
        checked: guesses tried against a password; refused: guesses refused unchecked, the account locked
        users out: legitimate clients whose login a lock refused

        """

    /// Rows of cells in columns: the first two left-aligned (labels), the rest right-aligned (figures).
    static func aligned(_ all: [[String]]) -> String {
        guard let header = all.first else { return "" }
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { v in
            v.enumerated().map { c, s in
                c < 2 ? s + String(repeating: " ", count: widths[c] - s.count)
                      : String(repeating: " ", count: widths[c] - s.count) + s
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    func table(_ rows: [Row], scenario: Scenario) -> String {
        let header = ["nodes", "architecture", "mean ms", "p95 ms", "req/s", "rejected", "msgs/req", "max/mean load",
                      "availability", "hops", "server cost", "failed", "timed out", "lookups lost"]
        let cells = rows.map { r -> [String] in
            var v = Array(values(r).prefix(header.count - 3))
            v[5] = RunReport.fixed(100 * r.rejectedShare, 1) + "%"
            v[8] = RunReport.fixed(100 * r.availability, 2) + "%"
            v[10] = Money.text(r.report.serverDollars)
            v.append(RunReport.fixed(100 * r.failedShare, 1) + "%")
            v.append(RunReport.fixed(100 * r.timedOutShare, 1) + "%")
            v.append(r.architecture == .peerMesh ? r.report.lookups.failureShare.map { RunReport.fixed(100 * $0, 2) + "%" }
                ?? "-" : "-")
            return v
        }
        let churn = scenario.mesh.churn.map { "churn: up \($0.meanUptime) s, down \($0.meanDowntime) s" } ?? "no churn"
        var out = "\(scenario.name): \(RunReport.fixed(scenario.duration, 0)) simulated s per run, seed \(scenario.seed), "
        out += "\(scenario.workload.rate) req/s per node, mesh \(scenario.mesh.discovery.rawValue), \(churn)\n"
        out += Self.aligned([header] + cells)
        out += "\n" + securityTable(rows, scenario: scenario)
        out += "\n" + costTable(rows, scenario: scenario)
        out += "\n" + theoryTable(rows)
        return out
    }

    /// Measured beside theory for the figures that have one, as a fourth table (`-`: no formula covers the run).
    func theoryTable(_ rows: [Row]) -> String {
        let header = ["nodes", "architecture", "mean ms", "theory ms", "saturation N*", "hops", "theory hops",
                      "availability", "theory"]
        let cells = rows.map { r -> [String] in
            let t = theoryValues(r.report.theory)
            return [String(r.nodes), r.architecture.rawValue, RunReport.fixed(r.report.latency.mean, 1), t[0], t[1],
                    r.architecture == .peerMesh && r.report.mesh?.discovery == .dht
                        ? RunReport.fixed(r.report.mesh?.meanHops ?? 0, 2) : "-", t[2],
                    RunReport.fixed(r.availability, 4), t[3]]
        }
        return "theory beside measurement (simulate --format table says why a model does not apply)\n"
            + Self.aligned([header] + cells)
    }

    func json(_ rows: [Row], scenario: Scenario) -> JSONValue {
        .object([
            ("schema_version", .int(RunReport.schemaVersion)),
            ("scenario", .string(scenario.reportName)),
            ("seed", .unsigned(scenario.seed)),
            ("simulated_seconds", .rounded(scenario.duration, 3)),
            ("rows", .array(rows.map { r in
                .object(rowFields(r) + lookupFields(r) + theoryFields(r))
            })),
        ])
    }

    /// The stability figures of a row, named as `simulate`'s `mesh` object; null under client-server.
    /// The theory columns' JSON fields, null where no formula covers the run.
    func theoryFields(_ r: Row) -> [(String, JSONValue)] {
        let t = r.report.theory
        return [
            ("theory_mean_latency_ms", t?.meanLatencyMs.map { .rounded($0, 3) } ?? .null),
            ("theory_saturation_nodes", t?.saturationNodes.map { .rounded($0, 2) } ?? .null),
            ("theory_mean_hops", t?.meanHops.map { .rounded($0, 3) } ?? .null),
            ("theory_availability", t?.availability.map { .rounded($0) } ?? .null),
        ]
    }

    func lookupFields(_ r: Row) -> [(String, JSONValue)] {
        let names = ["lookups", "lookups_failed", "lookups_timed_out", "lookup_failure_share"]
        return r.architecture == .peerMesh ? RunReport.json(r.report.lookups) : names.map { ($0, JSONValue.null) }
    }

    func rowFields(_ r: Row) -> [(String, JSONValue)] {
        [
            ("nodes", .int(r.nodes)), ("architecture", .string(r.architecture.rawValue)),
            ("latency_mean_ms", .rounded(r.report.latency.mean, 3)),
            ("latency_p95_ms", .rounded(r.report.latency.p95, 3)),
            ("throughput_rps", .rounded(r.report.throughputRPS)),
            ("rejected_share", .rounded(r.rejectedShare)),
            ("messages_per_request", .rounded(r.messagesPerRequest)),
            ("max_over_mean_load", .rounded(r.maxOverMeanLoad)),
            ("availability", .rounded(r.availability)),
            ("mean_hops", r.architecture == .peerMesh && r.report.mesh?.discovery == .dht
                ? .rounded(r.report.mesh?.meanHops ?? 0) : .null),
            ("server_dollars", .rounded(r.report.serverDollars)),
            ("breaches", .int(r.report.security.breaches)),
            ("exposed_share", .rounded(r.report.security.exposedShare)),
            ("first_breach_s", r.report.security.firstBreach.map { .rounded($0.inSeconds, 3) } ?? .null),
            ("detected_share", r.report.security.detectedShare.map { .rounded($0) } ?? .null),
            ("failed_share", .rounded(r.failedShare)),
            ("timed_out_share", .rounded(r.timedOutShare)),
            ("largest_single_view", r.report.security.largestSingleView.map { .rounded($0) } ?? .null),
            ("guesses_checked", .int(r.report.security.guessesChecked)),
            ("refused_locked", .int(r.report.security.refusedLocked)),
            ("locked_out_users", .int(r.report.security.lockedOutUsers)),
            ("admin_dollars", .rounded(r.report.cost.adminDollars)),
            ("bandwidth_dollars", .rounded(r.report.cost.bandwidthDollars)),
            ("peer_donated_dollars", .rounded(r.report.cost.peerDonatedDollars)),
            ("total_dollars", .rounded(r.report.cost.totalDollars)),
            ("dollars_per_1000_requests", r.report.cost.dollarsPer1000Requests.map { .rounded($0) } ?? .null),
            ("per_month_dollars", r.report.cost.perMonthDollars.map { .rounded($0) } ?? .null),
        ]
    }

    /// CSV leaves a number that does not exist empty: the table's `-`, and the latencies of a run in which nothing
    /// completed.
    func csv(_ rows: [Row]) -> String {
        let latencies = [Self.columns.firstIndex(of: "latency_mean_ms"), Self.columns.firstIndex(of: "latency_p95_ms")]
        return Self.columns.joined(separator: ",") + "\n" + rows.map { r in
            values(r).enumerated().map { c, v in
                v == "-" || (r.report.requests.completed == 0 && latencies.contains(c)) ? "" : v
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}
