import NetworkEngine

/// `compare` of a file distribution scenario (`workload.kind: distribution`): for each size, both architectures'
/// distribution times beside their Kurose–Ross bounds, so the linear client-server growth and the swarm's flattening
/// read side by side. The request columns say nothing in such a run, so these replace them.
extension CompareCommand {
    /// `20.0`, or classes as shares and rates: `50% 1.0 / 50% 10.0`.
    static func rates(_ classes: [RateClass]) -> String {
        if classes.count == 1 { return RunReport.fixed(classes[0].mbps, 1) }
        return classes.map { RunReport.fixed($0.share * 100, 0) + "% " + RunReport.fixed($0.mbps, 1) }
            .joined(separator: " / ")
    }

    static let distributionColumns = ["nodes", "architecture", "distribution_s", "theory_distribution_s",
                                      "mean_time_s", "completed", "server_bytes", "peer_bytes"]

    /// A row's cells, by `distributionColumns`: `-` for the time while some node still lacks the file.
    static func distributionValues(_ r: Row) -> [String] {
        guard let d = r.report.distribution else { return [String(r.nodes), r.architecture.rawValue] }
        let done = d.completed == d.nodes
        return [String(r.nodes), r.architecture.rawValue, done ? RunReport.fixed(d.timeSeconds, 1) : "-",
                RunReport.fixed(d.boundSeconds, 1), RunReport.fixed(d.meanTimeSeconds, 1), String(d.completed),
                String(d.serverBytes), String(d.peerBytes)]
    }

    func distributionOutput(_ rows: [Row], scenario: Scenario) -> String {
        switch format {
        case .table:
            let d = scenario.distribution
            var out = "\(scenario.name): a \(RunReport.fixed(d.fileMb, 0)) MB file in "
            out += "\(RunReport.fixed(d.chunkKb, 0)) kB chunks; server up \(RunReport.fixed(d.serverUploadMbps, 1)) Mbps, "
            out += "download \(Self.rates(d.download)) Mbps, peer up \(Self.rates(d.peerUpload)) Mbps\n"
            let header = ["nodes", "architecture", "time s", "bound s", "mean s", "have file"]
            out += Self.aligned([header] + rows.map { Array(Self.distributionValues($0).prefix(header.count)) })
            out += "bound: Kurose–Ross, max{N·F/u_s, F/d} (client-server), max{F/u_s, F/d, N·F/(u_s + N·u)} (peer-mesh); "
            out += "time: the last node's; - when not every node had the file by the end\n"
            return out
        case .csv:
            return ([Self.distributionColumns] + rows.map { Self.distributionValues($0) })
                .map { $0.map { $0 == "-" ? "" : $0 }.joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .json:
            return JSONValue.object([
                ("schema_version", .int(RunReport.schemaVersion)),
                ("scenario", .string(scenario.reportName)),
                ("seed", .unsigned(scenario.seed)),
                ("rows", .array(rows.map { r in
                    let d = r.report.distribution
                    return .object([
                        ("nodes", .int(r.nodes)), ("architecture", .string(r.architecture.rawValue)),
                        ("distribution_s", d.map { $0.completed == $0.nodes ? .rounded($0.timeSeconds, 3) : .null } ?? .null),
                        ("theory", .object([("distribution_s", d.map { .rounded($0.boundSeconds, 3) } ?? .null)])),
                        ("mean_time_s", d.map { .rounded($0.meanTimeSeconds, 3) } ?? .null),
                        ("completed", .int(d?.completed ?? 0)),
                        ("server_bytes", .int(Int(d?.serverBytes ?? 0))),
                        ("peer_bytes", .int(Int(d?.peerBytes ?? 0))),
                    ])
                })),
            ]).serialized(pretty: true) + "\n"
        }
    }
}
