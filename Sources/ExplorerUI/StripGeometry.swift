import TerminalCanvas

/// How a heat strip of `nodes` nodes fits an area: id labels on the left, as many cells a row as fit, and as many
/// nodes a cell as it takes to fit them all (used by the client strip and the peer strip alike).
struct StripGeometry {
    let labelWidth: Int
    let columns: Int
    let rows: Int
    let perCell: Int
    let cellCount: Int

    /// `area`'s first row holds a summary and its last two the counts and legend, so the strip gets the rest.
    init(nodes n: Int, area: Rect) {
        labelWidth = String(max(1, n)).count + 1
        columns = max(1, area.width - labelWidth)
        rows = max(1, area.height - 3)
        perCell = max(1, (n + columns * rows - 1) / (columns * rows))
        cellCount = (n + perCell - 1) / perCell
    }
}
