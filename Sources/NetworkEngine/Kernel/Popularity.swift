/// Draws which resource a request asks for: uniformly, or by Zipf's law (exponent 1), as file popularity follows.
public struct ResourcePicker: Sendable {
    /// Cumulative probabilities for Zipf; empty for uniform.
    private let cumulative: [Double]
    public let resources: Int

    public init(resources: Int, popularity: Scenario.Popularity) {
        self.resources = max(1, resources)
        switch popularity {
        case .uniform:
            cumulative = []
        case .zipf:
            var c = [Double](repeating: 0, count: self.resources)
            var sum = 0.0
            for k in 0..<self.resources {
                sum += 1 / Double(k + 1)
                c[k] = sum
            }
            for k in 0..<self.resources { c[k] /= sum }
            cumulative = c
        }
    }

    /// A resource number in `0..<resources`; 0 is the most popular under Zipf.
    public func pick(_ rng: inout SeededRandom) -> Int {
        guard !cumulative.isEmpty else { return rng.below(resources) }
        let u = rng.unit()
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < u { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The probability of resource `k` (for tests and load predictions).
    public func probability(of k: Int) -> Double {
        guard !cumulative.isEmpty else { return 1 / Double(resources) }
        return k == 0 ? cumulative[0] : cumulative[k] - cumulative[k - 1]
    }
}
