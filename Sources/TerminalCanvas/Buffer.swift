/// A grid of cells that widgets draw into; one frame of the screen, never the terminal itself.
///
/// Cells are stored row-major in one array, so a whole-buffer operation (reset, diff) is a single tight loop. The app
/// keeps two buffers, renders the new frame into one and sends `diff(previous:)` to the terminal.
public struct Buffer: Equatable, Sendable {
    /// The whole buffer: origin (0, 0) and its size.
    public private(set) var area: Rect
    /// All cells, row by row: the cell at (x, y) is `cells[y * area.width + x]`.
    public private(set) var cells: [Cell]

    // MARK: - Creating

    /// A blank buffer of `size` cells.
    public init(size: Size) {
        area = Rect(size: size)
        cells = [Cell](repeating: .blank, count: area.area)
    }

    /// A buffer holding `lines` in plain style, as wide as the widest line: the expected value of a widget test.
    ///
    /// Shorter lines are padded with blanks; wide characters take two cells, as when rendered.
    public init(lines: [String]) {
        let width = lines.map(\.displayWidth).max() ?? 0
        self.init(size: Size(width: width, height: lines.count))
        for (y, line) in lines.enumerated() {
            set(string: line, at: Position(x: 0, y: y))
        }
    }

    /// Width and height.
    public var size: Size { area.size }

    /// Makes the buffer `size` cells, all blank; keeps the storage when the cell count does not grow.
    public mutating func resize(to size: Size) {
        let newArea = Rect(size: size)
        if newArea.area == cells.count {
            area = newArea
            reset()
            return
        }
        area = newArea
        cells.removeAll(keepingCapacity: true)
        cells.append(contentsOf: repeatElement(Cell.blank, count: newArea.area))
    }

    /// Makes every cell blank without allocating: the start of each frame.
    public mutating func reset() {
        cells.withUnsafeMutableBufferPointer { $0.update(repeating: .blank) }
    }

    // MARK: - Cells

    /// The index in `cells` of the cell at `x`, `y`.
    @inline(__always)
    public func index(x: Int, y: Int) -> Int { y * area.width + x }

    /// The cell at column `x`, row `y`; both must be inside `area`.
    ///
    /// Setting a cell over half of a wide character blanks the other half, as `set(string:)` does.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            precondition(area.contains(x: x, y: y), "cell (\(x), \(y)) outside \(area)")
            return cells[index(x: x, y: y)]
        }
        set {
            precondition(area.contains(x: x, y: y), "cell (\(x), \(y)) outside \(area)")
            write(newValue, x: x, y: y)
        }
    }

    /// The cell at `position`; it must be inside `area`.
    public subscript(position: Position) -> Cell {
        get { self[position.x, position.y] }
        set { self[position.x, position.y] = newValue }
    }

    // MARK: - Writing text

    /// Writes `string` on one row starting at `position`, clipped to `clip` (and always to the buffer).
    ///
    /// Wide characters take two cells, the second marked `isContinuation`; one that would straddle an edge of the
    /// clip is replaced by a space, so no half of a wide character is ever drawn. Zero-width characters (controls,
    /// a combining mark with nothing to combine with) are skipped: a stray tab or newline must not move the
    /// terminal's cursor behind our back.
    ///
    /// - Returns: how many columns the text advanced from `position.x`, stopping at the right edge of the clip, so
    ///   that spans can be written one after the other.
    @discardableResult
    public mutating func set(string: some StringProtocol, at position: Position, style: Style = .plain,
                             clippedTo clip: Rect? = nil) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        guard position.y >= bounds.top, position.y < bounds.bottom, position.x < bounds.right else { return 0 }
        var x = position.x
        for c in string {
            if x >= bounds.right { break }
            let w = c.displayWidth
            if w == 0 { continue }
            put(c, width: w, x: x, y: position.y, style: style, bounds: bounds)
            x += w
        }
        return min(x, bounds.right) - position.x
    }

    /// Writes one character of width `width` (1 or 2) at `x`, `y`, handling clip edges and broken wide characters.
    @inline(__always)
    mutating func put(_ c: Character, width: Int, x: Int, y: Int, style: Style, bounds: Rect) {
        if width == 1 {
            guard x >= bounds.left else { return }
            write(Cell(c, style: style), x: x, y: y)
            return
        }
        let leftIn = x >= bounds.left && x < bounds.right
        let rightIn = x + 1 >= bounds.left && x + 1 < bounds.right
        if leftIn && rightIn {
            write(Cell(c, style: style), x: x, y: y)
            write(Cell(" ", style: style, isContinuation: true), x: x + 1, y: y)
        } else if leftIn {
            write(Cell(" ", style: style), x: x, y: y)
        } else if rightIn {
            write(Cell(" ", style: style), x: x + 1, y: y)
        }
    }

    /// Stores `cell` at `x`, `y`, first blanking whatever is left of a wide character it cuts in half.
    ///
    /// Without this, overwriting one half of a wide character leaves an orphan half: a continuation cell with no
    /// character, or a wide character whose right half now belongs to something else.
    @inline(__always)
    mutating func write(_ cell: Cell, x: Int, y: Int) {
        let i = index(x: x, y: y)
        let old = cells[i]
        if old.isContinuation && !cell.isContinuation && x > 0 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        }
        if !old.isContinuation && x + 1 < area.width && cells[i + 1].isContinuation {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    // MARK: - Filling and styling

    /// Sets every cell of `rect` (clipped to the buffer) to `cell`; a wide `cell` is not allowed (use `set`).
    public mutating func fill(_ rect: Rect, cell: Cell) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.rows {
            for x in r.columns { write(cell, x: x, y: y) }
        }
    }

    /// Replaces the style of every cell of `rect` (clipped to the buffer), keeping the text.
    public mutating func setStyle(_ rect: Rect, style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.rows {
            let row = y * area.width
            for x in r.columns { cells[row + x].style = style }
        }
    }

    /// Lays `style` over every cell of `rect`: its non-default colours and its attributes are added, the rest kept.
    ///
    /// This is how a highlight works: a reversed selection keeps each column's own colours.
    public mutating func patchStyle(_ rect: Rect, style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.rows {
            let row = y * area.width
            for x in r.columns { cells[row + x].style = cells[row + x].style.patched(with: style) }
        }
    }

    // MARK: - Reading

    /// The text of each row, continuation cells skipped: what a golden test compares.
    public func lines() -> [String] {
        var result: [String] = []
        result.reserveCapacity(area.height)
        for y in 0..<area.height {
            var line = ""
            let row = y * area.width
            for x in 0..<area.width where !cells[row + x].isContinuation {
                line.append(cells[row + x].grapheme)
            }
            result.append(line)
        }
        return result
    }

    // MARK: - Diff

    /// The cells that differ from `previous`: every cell when the sizes differ.
    ///
    /// Continuation cells are never reported: the terminal draws a wide character over both of its cells.
    public func diff(previous: Buffer) -> [CellChange] {
        var changes: [CellChange] = []
        diff(previous: previous, into: &changes)
        return changes
    }

    /// Writes the cells that differ from `previous` into `changes`, reusing its storage.
    ///
    /// Keeping one `changes` array across frames means a frame allocates nothing once the array has grown to the
    /// largest diff seen.
    public func diff(previous: Buffer, into changes: inout [CellChange]) {
        changes.removeAll(keepingCapacity: true)
        let width = area.width
        guard width > 0 else { return }
        if previous.area != area {
            for i in cells.indices where !cells[i].isContinuation {
                changes.append(CellChange(x: i % width, y: i / width, cell: cells[i]))
            }
            return
        }
        cells.withUnsafeBufferPointer { new in
            previous.cells.withUnsafeBufferPointer { old in
                let newBytes = UnsafeRawBufferPointer(new), oldBytes = UnsafeRawBufferPointer(old)
                for i in 0..<new.count {
                    // Fast path: identical bits mean an identical cell (equal grapheme storage, style and flag).
                    // Nearly every cell of a frame takes it, without calling String's out-of-line comparison.
                    if Buffer.sameBits(newBytes, oldBytes, at: i &* Buffer.cellStride) { continue }
                    // Different bits can still be equal cells (the same grapheme stored twice, or in another
                    // normalisation form), so the real comparison decides.
                    let n = new[i]
                    if n.isContinuation || n == old[i] { continue }
                    changes.append(CellChange(x: i % width, y: i / width, cell: n))
                }
            }
        }
    }
}

// MARK: - Bitwise comparison

extension Buffer {
    static let cellSize = MemoryLayout<Cell>.size
    static let cellStride = MemoryLayout<Cell>.stride

    /// True when the cells at byte `offset` of both buffers have the same bits, padding excluded.
    ///
    /// Only `size` bytes are compared (the stored fields), never the padding after them, whose content is not
    /// defined. A false answer proves nothing: the caller falls back to `==`.
    @inline(__always)
    static func sameBits(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        var k = 0
        while k &+ 8 <= cellSize {
            if a.load(fromByteOffset: offset &+ k, as: UInt64.self) != b.load(fromByteOffset: offset &+ k, as: UInt64.self) {
                return false
            }
            k &+= 8
        }
        while k < cellSize {
            if a[offset &+ k] != b[offset &+ k] { return false }
            k &+= 1
        }
        return true
    }
}

extension Buffer: CustomStringConvertible {
    /// The rows as text between bars, so a failed comparison shows where the difference is.
    public var description: String {
        lines().map { "|\($0)|" }.joined(separator: "\n")
    }
}
