/// A share of the nodes and the rate they have: `{ share: 0.5, mbps: 1 }` in a scenario's
/// `distribution.peer_upload_mbps` or `distribution.download_mbps`. A rate written as one number is one class of
/// share 1, so every node has it.
public struct RateClass: Sendable, Equatable {
    public var share: Double
    public var mbps: Double
    public init(share: Double, mbps: Double) { self.share = share; self.mbps = mbps }

    /// The most classes a rate may have: enough for any lesson, few enough to read in the key table.
    public static let maxClasses = 16

    /// How many of `nodes` nodes each class has: the classes take consecutive nodes in order, class k ending at node
    /// ⌊(share₁ + … + share_k) × nodes⌉ (the last at `nodes`), so the counts are as close to the shares as whole
    /// nodes allow and the assignment needs no random draw.
    public static func counts(_ classes: [RateClass], nodes: Int) -> [Int] {
        var out: [Int] = [], cumulative = 0.0, start = 0
        for (k, c) in classes.enumerated() {
            cumulative += c.share
            let end = k == classes.count - 1 ? max(0, nodes)
                : max(start, min(nodes, Int((cumulative * Double(nodes)).rounded())))
            out.append(end - start)
            start = end
        }
        return out
    }

    /// The slowest rate any of `nodes` nodes has (d_min), in Mbps: of the classes that have a node.
    public static func slowest(_ classes: [RateClass], nodes: Int) -> Double {
        zip(classes, counts(classes, nodes: max(1, nodes))).filter { $0.1 > 0 }.map(\.0.mbps).min() ?? 0
    }

    /// The rates of `nodes` nodes added up (Σu_i), in Mbps: each class's count times its rate (one rate u: N·u).
    public static func total(_ classes: [RateClass], nodes: Int) -> Double {
        zip(classes, counts(classes, nodes: nodes)).reduce(0) { $0 + Double($1.1) * $1.0.mbps }
    }

    /// `5` for one class, `[{ share: 0.5, mbps: 1 }, { share: 0.5, mbps: 10 }]` for several: as a file writes it.
    public static func spelled(_ classes: [RateClass]) -> String {
        if classes.count == 1, classes[0].share == 1 { return ScenarioRange.formatted(classes[0].mbps) }
        return "[" + classes.map {
            "{ share: \(ScenarioRange.formatted($0.share)), mbps: \(ScenarioRange.formatted($0.mbps)) }"
        }.joined(separator: ", ") + "]"
    }
}
