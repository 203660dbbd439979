/// Draws which resource a request asks for: uniformly, or by Zipf's law (exponent 1), as file popularity follows.
public struct ResourcePicker: Sendable {
    /// Cumulative probabilities for Zipf; empty for uniform.
    private let cumulative: [Double]
    /// Guide table: `guide[j]` is the first resource whose cumulative probability reaches j / resources, so a draw
    /// starts its search next to its answer (the same answer a binary search gives, in O(1) expected steps).
    private let guide: [Int32]
    public let resources: Int

    public init(resources: Int, popularity: Scenario.Popularity) {
        self.resources = max(1, resources)
        switch popularity {
        case .uniform:
            cumulative = []
            guide = []
        case .zipf:
            var c = [Double](repeating: 0, count: self.resources)
            var sum = 0.0
            for k in 0..<self.resources {
                sum += 1 / Double(k + 1)
                c[k] = sum
            }
            for k in 0..<self.resources { c[k] /= sum }
            cumulative = c
            let m = self.resources
            var g = [Int32](repeating: 0, count: m)
            var k = 0
            for j in 0..<m {
                let threshold = Double(j) / Double(m)
                while k < m - 1 && c[k] < threshold { k += 1 }
                g[j] = Int32(k)
            }
            guide = g
        }
    }

    /// A resource number in `0..<resources`; 0 is the most popular under Zipf.
    public func pick(_ rng: inout SeededRandom) -> Int {
        guard !cumulative.isEmpty else { return rng.below(resources) }
        return index(forUnit: rng.unit())
    }

    /// The Zipf resource for a uniform draw `u` in (0, 1).
    func index(forUnit u: Double) -> Int {
        let last = cumulative.count - 1
        var k = Int(guide[min(last, Int(u * Double(cumulative.count)))])
        // The smallest k with cumulative[k] ≥ u, exactly as a binary search finds it: back off if rounding in
        // u × n overshot the bucket, then walk forward.
        while k > 0 && cumulative[k - 1] >= u { k -= 1 }
        while k < last && cumulative[k] < u { k += 1 }
        return k
    }
}
