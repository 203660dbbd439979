#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TerminalCanvas

/// Slots on concentric ellipses around a centre: where the topology pane draws clients (or bins of clients) around
/// the server, and peers (or arcs of the ring) in a mesh.
///
/// A pure function of the area, the number of slots wanted and the ring count: rendering and hit testing both build
/// it from the same inputs, so a click lands on what was drawn. Rings are two rows apart (the empty row between them
/// is where requests are seen moving) and filled from the outside in, so a few clients make one ellipse, as a star.
struct RingLayout: Equatable {
    let area: Rect
    let center: Position
    /// Slot cells, the outermost ring first, each ring clockwise from the top.
    let slots: [Position]

    /// The most slots `area` holds legibly with at most `maxRings` rings.
    static func capacity(area: Rect, maxRings: Int = .max, labelRoom: Int) -> Int {
        rings(area: area, maxRings: maxRings, labelRoom: labelRoom).reduce(0) { $0 + $1.count }
    }

    /// `count` slots in `area` (nil when they do not all fit legibly, or the area is too small for a picture).
    init?(slots count: Int, area: Rect, maxRings: Int = .max, labelRoom: Int) {
        guard count >= 0 else { return nil }
        let rings = Self.rings(area: area, maxRings: maxRings, labelRoom: labelRoom)
        guard !rings.isEmpty, rings.reduce(0, { $0 + $1.count }) >= count else { return nil }
        self.area = area
        center = Position(x: area.x + area.width / 2, y: area.y + area.height / 2)
        var slots: [Position] = []
        slots.reserveCapacity(count)
        var left = count
        for ring in rings where left > 0 {
            // A ring not filled to its capacity spreads its slots evenly rather than bunching them.
            let take = min(left, ring.count)
            slots += Self.points(take, ring: ring, center: center)
            left -= take
        }
        self.slots = slots
    }

    /// One ellipse: radii and how many slots fit on it.
    struct Ring: Equatable { var rx: Int; var ry: Int; var count: Int }

    /// The rings that fit `area`, outermost first, each with its legible slot count.
    static func rings(area: Rect, maxRings: Int, labelRoom: Int) -> [Ring] {
        guard area.width >= 12, area.height >= 5 else { return [] }
        let center = Position(x: area.x + area.width / 2, y: area.y + area.height / 2)
        let ry0 = (area.height - 1) / 2
        // Cells are about twice as tall as wide: rx ≈ 2·ry draws a circle; flatter than 3·ry looks like a line.
        let rx0 = min(area.width / 2 - 1 - labelRoom, 3 * ry0)
        guard ry0 >= 2, rx0 >= 4 else { return [] }
        var rings: [Ring] = []
        var ry = ry0
        var taken = Set<Int>()
        while ry >= 2, rings.count < maxRings {
            let rx = rx0 * ry / ry0
            guard rx >= 6 else { break }
            // At the top two slots need two columns (rx·dθ ≥ 2), at the sides a row (ry·dθ ≥ 1).
            var m = Int(2 * Double.pi / max(2 / Double(rx), 1 / Double(ry)))
            var accepted: [Position] = []
            while m >= 3 {
                let p = points(m, ring: Ring(rx: rx, ry: ry, count: m), center: center)
                if legible(p, center: center, taken: taken) { accepted = p; break }
                m -= max(1, m / 16)
            }
            guard !accepted.isEmpty else { break }
            for q in accepted { taken.insert(key(q)) }
            rings.append(Ring(rx: rx, ry: ry, count: accepted.count))
            ry -= 2
        }
        return rings
    }

    /// `n` points evenly spaced on the ring, clockwise from the top.
    static func points(_ n: Int, ring: Ring, center: Position) -> [Position] {
        var out: [Position] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            let theta = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(max(1, n))
            out.append(Position(x: center.x + Int((Double(ring.rx) * cos(theta)).rounded()),
                                y: center.y + Int((Double(ring.ry) * sin(theta)).rounded())))
        }
        return out
    }

    /// No two points share a cell or touch on a row (with each other or an outer ring's), and none sits on the
    /// server's box or its state word.
    static func legible(_ points: [Position], center: Position, taken: Set<Int>) -> Bool {
        var mine = Set<Int>()
        for p in points {
            if abs(p.y - center.y) <= 1 && abs(p.x - center.x) <= 5 { return false }
            for dx in -1...1 where taken.contains(key(Position(x: p.x + dx, y: p.y))) { return false }
            for dx in -1...1 where mine.contains(key(Position(x: p.x + dx, y: p.y))) { return false }
            mine.insert(key(p))
        }
        return true
    }

    static func key(_ p: Position) -> Int { p.y &* 65_536 &+ p.x }

    /// True for the cells of the server's box and its state word.
    func isServerCell(x: Int, y: Int) -> Bool {
        (y == center.y && abs(x - center.x) <= 1) || (y == center.y + 1 && abs(x - center.x) <= 4)
    }

    /// The cell `progress` (0...1) of the way from `a` to `b`.
    static func along(_ a: Position, _ b: Position, _ progress: Double) -> Position {
        let p = max(0, min(1, progress))
        return Position(x: a.x + Int((Double(b.x - a.x) * p).rounded()), y: a.y + Int((Double(b.y - a.y) * p).rounded()))
    }
}
