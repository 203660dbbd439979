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
        self.init(slots: count, area: area, rings: Self.rings(area: area, maxRings: maxRings, labelRoom: labelRoom))
    }

    /// `count` slots on `rings` (from `rings(area:maxRings:labelRoom:)` of the same `area`), nil when they do not fit.
    init?(slots count: Int, area: Rect, rings: [Ring]) {
        guard count >= 0, !rings.isEmpty, rings.reduce(0, { $0 + $1.count }) >= count else { return nil }
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
    ///
    /// Candidate points are checked on a grid of the area's cells rather than in a set: this runs once or twice a
    /// frame, and hashing every candidate of every ring cost more than the rest of the plan.
    static func rings(area: Rect, maxRings: Int, labelRoom: Int) -> [Ring] {
        guard area.width >= 12, area.height >= 5 else { return [] }
        let center = Position(x: area.x + area.width / 2, y: area.y + area.height / 2)
        let ry0 = (area.height - 1) / 2
        // Cells are about twice as tall as wide: rx ≈ 2·ry draws a circle; flatter than 3·ry looks like a line.
        let rx0 = min(area.width / 2 - 1 - labelRoom, 3 * ry0)
        guard ry0 >= 2, rx0 >= 4 else { return [] }
        var rings: [Ring] = []
        // -1: a slot of an accepted ring; t > 0: a candidate of try t (so no clearing between tries).
        var grid = [Int32](repeating: 0, count: area.width * area.height)
        var attempt: Int32 = 0
        var ry = ry0
        while ry >= 2, rings.count < maxRings {
            let rx = rx0 * ry / ry0
            guard rx >= 6 else { break }
            // At the top two slots need two columns (rx·dθ ≥ 2), at the sides a row (ry·dθ ≥ 1).
            var m = Int(2 * Double.pi / max(2 / Double(rx), 1 / Double(ry)))
            var accepted = 0
            while m >= 3 {
                attempt += 1
                if legible(m, ring: Ring(rx: rx, ry: ry, count: m), center: center, area: area, grid: &grid,
                           attempt: attempt) {
                    accepted = m
                    break
                }
                m -= max(1, m / 16)
            }
            guard accepted > 0 else { break }
            for p in points(accepted, ring: Ring(rx: rx, ry: ry, count: accepted), center: center) {
                grid[(p.y - area.y) * area.width + (p.x - area.x)] = -1
            }
            rings.append(Ring(rx: rx, ry: ry, count: accepted))
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

    /// No two of the ring's `n` points share a cell or touch on a row (with each other or an outer ring's), none
    /// sits on the server's box or its state word, and all are inside `area`. Marks them on `grid` as `attempt`.
    static func legible(_ n: Int, ring: Ring, center: Position, area: Rect, grid: inout [Int32],
                        attempt: Int32) -> Bool {
        for i in 0..<n {
            let theta = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(max(1, n))
            let x = center.x + Int((Double(ring.rx) * cos(theta)).rounded()) - area.x
            let y = center.y + Int((Double(ring.ry) * sin(theta)).rounded()) - area.y
            guard x >= 0, x < area.width, y >= 0, y < area.height else { return false }
            if abs(y + area.y - center.y) <= 1 && abs(x + area.x - center.x) <= 5 { return false }
            let row = y * area.width
            for dx in -1...1 where x + dx >= 0 && x + dx < area.width {
                let v = grid[row + x + dx]
                if v == -1 || v == attempt { return false }
            }
            grid[row + x] = attempt
        }
        return true
    }

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
