/// A mapping of a scenario file and the keys it accepts, as the table's paths give them.
struct ScenarioSection {
    /// "workload", "mesh.churn"; nil at the top level.
    var path: String?
    var keys: [String]

    /// The top level: `name`, ..., `workload`, ..., `timeline`.
    static let topLevel = sections[0]
    /// Every mapping below the top level, in the order of the table: workload, network, server, mesh, mesh.churn,
    /// security, timeline (each entry of the list).
    static let nested = Array(sections.dropFirst())

    /// The mapping at `path`; nil when the path is a key's (or nothing).
    static func at(_ path: String) -> ScenarioSection? { nested.first { $0.path == path } }

    /// The top level, then every proper prefix of a row's path, each with the names that follow it in order.
    private static let sections: [ScenarioSection] = {
        var sections = [ScenarioSection(path: nil, keys: [])]
        for key in ScenarioKeyTable.keys {
            let parts = key.path.split(separator: ".").map(String.init)
            for depth in 0..<parts.count {
                let path = depth == 0 ? nil : parts[..<depth].joined(separator: ".")
                if let i = sections.firstIndex(where: { $0.path == path }) {
                    if !sections[i].keys.contains(parts[depth]) { sections[i].keys.append(parts[depth]) }
                } else {
                    sections.append(ScenarioSection(path: path, keys: [parts[depth]]))
                }
            }
        }
        return sections
    }()

    /// How the decoder reads the mapping: the role of its keys says.
    enum Shape { case mapping, churn, timeline }

    var shape: Shape {
        switch rows.first?.role {
        case .churn?: .churn
        case .actionTime?, .action?: .timeline
        default: .mapping
        }
    }

    /// The keys of the table directly in this mapping (not its nested mappings).
    var rows: [ScenarioKey] { keys.compactMap { ScenarioKeyTable.key(path(of: $0)) } }

    /// The mapping's own key in its parent: "churn" for mesh.churn.
    var name: String { path.map { $0.split(separator: ".").last.map(String.init) ?? $0 } ?? "" }

    /// "at top level" or "under workload".
    var place: String { path.map { "under \($0)" } ?? "at top level" }

    /// The dotted path of one of this section's keys, as messages name it: "workload.rate".
    func path(of key: String) -> String { path.map { "\($0).\(key)" } ?? key }
}
