import NetworkEngine

/// Number and time formatting for the panes, without Foundation: the same text on every machine and locale.
enum Format {
    /// `value` with exactly `decimals` decimals (0…3), rounded half away from zero; "–" for NaN or infinity.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        let d = max(0, min(3, decimals))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return value < 0 ? "-huge" : "huge" }
        let n = Int64(scaled)
        let whole = n / Int64(scale)
        let frac = n % Int64(scale)
        var s = (value < 0 && n != 0 ? "-" : "") + String(whole)
        if d > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: d - f.count) + f
        }
        return s
    }

    /// `text` right-aligned in `width` columns (never cut).
    static func right(_ text: String, _ width: Int) -> String {
        let gap = width - text.count
        return gap > 0 ? String(repeating: " ", count: gap) + text : text
    }

    /// `text` left-aligned in `width` columns (never cut).
    static func left(_ text: String, _ width: Int) -> String {
        let gap = width - text.count
        return gap > 0 ? text + String(repeating: " ", count: gap) : text
    }

    /// Simulated time as h:mm:ss.s (tenths truncated, so the clock never shows a tenth that has not yet passed).
    static func clock(_ t: SimTime) -> String {
        let tenths = max(0, t) / 100_000_000
        let h = tenths / 36_000
        let m = (tenths / 600) % 60
        let s = (tenths / 10) % 60
        let d = tenths % 10
        return "\(h):\(two(m)):\(two(s)).\(d)"
    }

    /// Simulated time as seconds with one decimal: "12.5".
    static func seconds(_ t: SimTime) -> String {
        let tenths = max(0, t) / 100_000_000
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// A speed factor as typed on the ladder: "0.25", "1", "1000"; "3.2" for a measured one.
    static func speed(_ s: Double) -> String {
        if s >= 10 { return fixed(s, decimals: 0) }
        if s == s.rounded() { return fixed(s, decimals: 0) }
        if (s * 10) == (s * 10).rounded() { return fixed(s, decimals: 1) }
        return fixed(s, decimals: 2)
    }

    /// A percentage of a 0…1 share, whole: "75%".
    static func percent(_ share: Double) -> String { fixed(max(0, share) * 100, decimals: 0) + "%" }

    /// Dollars with cents: "$0.02".
    static func dollars(_ d: Double) -> String { Money.text(d) }

    private static func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
