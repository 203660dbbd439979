import Testing
@testable import NetworkEngine

/// The Zipf picker's guide table must give exactly what a binary search over the cumulative probabilities gives
/// (every seeded run depends on it), at the awkward draws too: bucket edges, the cumulative values themselves and the
/// doubles either side of them.
@Suite("Resource picker")
struct ResourcePickerTests {
    /// The smallest k with cumulative(k) ≥ u, by binary search over Zipf's cumulative probabilities.
    static func reference(_ u: Double, resources m: Int) -> Int {
        let c = cumulative(resources: m)
        var low = 0, high = m - 1
        while low < high {
            let mid = (low + high) / 2
            if c[mid] < u { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func cumulative(resources m: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m)
        var sum = 0.0
        for k in 0..<m { sum += 1 / Double(k + 1); c[k] = sum }
        return c.map { $0 / sum }
    }

    @Test("the guide table agrees with a binary search", arguments: [1, 2, 7, 100, 1_000])
    func agreesWithBinarySearch(resources m: Int) {
        let picker = ResourcePicker(resources: m, popularity: .zipf)
        var draws: [Double] = []
        for j in 1..<m { let edge = Double(j) / Double(m); draws += [edge, edge.nextUp, edge.nextDown] }
        for c in Self.cumulative(resources: m) { draws += [c, c.nextUp, c.nextDown] }
        var rng = SeededRandom(seed: 5, stream: .workload)
        for _ in 0..<5_000 { draws.append(rng.unit()) }
        var mismatches = 0
        for u in draws where u > 0 && u < 1 {
            if picker.index(forUnit: u) != Self.reference(u, resources: m) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}
