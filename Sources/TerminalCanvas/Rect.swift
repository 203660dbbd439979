/// A cell position on the screen: column `x`, row `y`, both counted from the top-left corner.
public struct Position: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }

    /// The top-left corner.
    public static let origin = Position(x: 0, y: 0)
}

/// A rectangle of cells: the area a widget may draw in.
///
/// Width and height are never negative, so every computation that shrinks a rectangle (insets, splits,
/// intersections) ends at an empty rectangle instead of an inverted one that would draw out of bounds.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// A rectangle; a negative width or height is clamped to 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }

    /// The rectangle of the given size at the origin: a whole screen.
    public init(size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }

    /// The empty rectangle at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    // MARK: - Edges and measures

    /// The first column.
    public var left: Int { x }
    /// One past the last column.
    public var right: Int { x + width }
    /// The first row.
    public var top: Int { y }
    /// One past the last row.
    public var bottom: Int { y + height }
    /// The top-left corner.
    public var position: Position { Position(x: x, y: y) }
    /// Width and height.
    public var size: Size { Size(width: width, height: height) }
    /// True when the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The number of cells.
    public var area: Int { width * height }

    /// The row numbers (`y` values) inside the rectangle, top to bottom.
    public var rows: Range<Int> { y..<(y + height) }
    /// The column numbers (`x` values) inside the rectangle, left to right.
    public var columns: Range<Int> { x..<(x + width) }

    /// True when the cell at `x`, `y` lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < right && py >= y && py < bottom
    }

    /// True when `position` lies inside.
    public func contains(_ position: Position) -> Bool { contains(x: position.x, y: position.y) }

    // MARK: - Derived rectangles

    /// The one-row rectangle at row `index` counted from the top (empty when out of range).
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y + max(0, min(index, height)), width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// The one-column rectangle at column `index` counted from the left (empty when out of range).
    public func column(_ index: Int) -> Rect {
        guard index >= 0, index < width else { return Rect(x: x + max(0, min(index, width)), y: y, width: 0, height: height) }
        return Rect(x: x + index, y: y, width: 1, height: height)
    }

    /// The rectangle shrunk by `margin` cells on every side (empty, never inverted, when too small).
    public func inset(by margin: Int) -> Rect { inset(horizontal: margin, vertical: margin) }

    /// The rectangle shrunk by `horizontal` cells left and right and `vertical` cells top and bottom.
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        let w = max(0, width - 2 * horizontal), h = max(0, height - 2 * vertical)
        // An over-large inset collapses to the middle rather than walking past the far edge.
        let dx = min(horizontal, width / 2), dy = min(vertical, height / 2)
        return Rect(x: x + dx, y: y + dy, width: w, height: h)
    }

    /// The cells both rectangles share; an empty rectangle when they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let l = max(left, other.left), t = max(top, other.top)
        let r = min(right, other.right), b = min(bottom, other.bottom)
        return Rect(x: l, y: t, width: r - l, height: b - t)
    }

    /// True when the rectangles share at least one cell.
    public func intersects(_ other: Rect) -> Bool { !intersection(other).isEmpty }

    /// A rectangle of at most `width` × `height` centred inside this one: where an overlay (help, dialog) goes.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width), ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}

// MARK: - Layout

/// How much of a split one part asks for.
public enum Constraint: Hashable, Sendable {
    /// Exactly `n` cells (less only when the area is too small).
    case length(Int)
    /// `p` percent of the space to share (the area minus the spacing), rounded down.
    case percentage(Int)
    /// At least `n` cells; grows with the leftover space when no `.fill` part takes it.
    case min(Int)
    /// A share of the leftover space, in proportion to `weight` among all `.fill` parts.
    case fill(Int)
}

/// Splits a rectangle into rows or columns by constraints, like ratatui's `Layout`, but with a simple and
/// deterministic rule instead of a constraint solver.
///
/// The rule: parts are sized in order — `.length(n)` takes `n`, `.percentage(p)` takes `p`% of the space to share,
/// `.min(n)` takes `n`, `.fill` takes nothing yet — each clamped to what is still free, so when the area is too small
/// the last parts shrink first. The leftover then goes to the `.fill` parts by weight; when there are none, to the
/// `.min` parts equally; when there are none either, it stays unused after the last part.
public struct Layout: Hashable, Sendable {
    /// Which way the parts are stacked.
    public enum Direction: Hashable, Sendable {
        /// Parts side by side, left to right (columns).
        case horizontal
        /// Parts stacked top to bottom (rows).
        case vertical
    }

    public var direction: Direction
    public var constraints: [Constraint]
    /// Cells left empty between neighbouring parts.
    public var spacing: Int

    public init(direction: Direction, constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction; self.constraints = constraints; self.spacing = max(0, spacing)
    }

    /// Rows, top to bottom.
    public static func vertical(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(direction: .vertical, constraints: constraints, spacing: spacing)
    }

    /// Columns, left to right.
    public static func horizontal(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(direction: .horizontal, constraints: constraints, spacing: spacing)
    }

    /// The parts of `area`, one per constraint, in order.
    public func split(_ area: Rect) -> [Rect] {
        let extent = direction == .vertical ? area.height : area.width
        let lengths = Layout.lengths(for: constraints, extent: extent, spacing: spacing)
        var rects: [Rect] = []
        rects.reserveCapacity(lengths.count)
        var offset = 0
        for (i, length) in lengths.enumerated() {
            // Spacing never pushes a part past the far edge: it is clamped like everything else.
            let start = min(offset, extent)
            let len = min(length, extent - start)
            switch direction {
            case .vertical: rects.append(Rect(x: area.x, y: area.y + start, width: area.width, height: len))
            case .horizontal: rects.append(Rect(x: area.x + start, y: area.y, width: len, height: area.height))
            }
            offset = start + len + (i < lengths.count - 1 ? spacing : 0)
        }
        return rects
    }

    /// The length of each part along the split direction.
    static func lengths(for constraints: [Constraint], extent: Int, spacing: Int) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let total = max(0, extent - spacing * (constraints.count - 1))
        var lengths = [Int](repeating: 0, count: constraints.count)
        var free = total
        for (i, c) in constraints.enumerated() {
            let want: Int
            switch c {
            case .length(let n): want = max(0, n)
            case .percentage(let p): want = total * Swift.min(100, Swift.max(0, p)) / 100
            case .min(let n): want = max(0, n)
            case .fill: want = 0
            }
            lengths[i] = Swift.min(want, free)
            free -= lengths[i]
        }
        guard free > 0 else { return lengths }

        var weights = constraints.map { c -> Int in
            if case .fill(let w) = c { return Swift.max(0, w) }
            return 0
        }
        let hasFill = constraints.contains { if case .fill = $0 { return true } else { return false } }
        if hasFill, weights.allSatisfy({ $0 == 0 }) {
            // `.fill(0)` everywhere still means "take the rest": share it equally.
            weights = constraints.map { if case .fill = $0 { return 1 } else { return 0 } }
        }
        if !hasFill {
            weights = constraints.map { if case .min = $0 { return 1 } else { return 0 } }
        }
        let weightSum = weights.reduce(0, +)
        guard weightSum > 0 else { return lengths }
        // Cumulative rounding: each part gets floor(free·W≤i/ΣW) − floor(free·W<i/ΣW), so the shares always add up
        // to exactly `free` and the result does not depend on floating point.
        var cumulative = 0, given = 0
        for i in lengths.indices where weights[i] > 0 {
            cumulative += weights[i]
            let upTo = free * cumulative / weightSum
            lengths[i] += upTo - given
            given = upTo
        }
        return lengths
    }
}
