import NetworkEngine
import TerminalCanvas

/// The bill of the run so far, split by who pays: what it comes to a month and per thousand requests, what the
/// server's owner pays (the server, its administrator, the bandwidth out of it) and what the peers donate (their
/// hours up in the mesh and their uploads). A mesh that looks free reads here as paid by someone else.
///
/// It sits above the event log when the bottom band is tall enough (`Screen.regions`, from 120×40 up); below that
/// it folds into one line on the log's bottom border, so 80×24 still shows the month and the price of a thousand
/// requests.
public enum CostPanel {
    /// Rows the framed panel takes: its four lines and the border.
    static let height = 6

    /// Draws the cost panel in `area`: framed when it has room for it, else the one folded line of `area`'s row.
    public static func render(snapshot: Snapshot, state: AppState, area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        if area.height < height {
            folded(snapshot.cost, area: area, buffer: &buffer)
            return
        }
        let block = Block(title: "cost \(Glyphs.dot) who pays", titleStyle: Theme.title, borderType: .plain,
                          borderStyle: Theme.border, symbols: state.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        guard !inner.isEmpty else { return }
        guard let cost = snapshot.cost else {
            buffer.set(string: "no bill from this model", at: inner.position, style: Theme.muted, clippedTo: inner)
            return
        }
        for (i, line) in lines(cost, width: inner.width).prefix(inner.height).enumerated() {
            buffer.set(line: line, in: inner.row(i), ellipsis: state.symbols.ellipsis)
        }
    }

    /// The four lines for an inner width: the headline, the owner's total and rate, the owner's terms, the peers'.
    static func lines(_ c: CostView, width: Int) -> [Line] {
        let month = c.perMonthDollars.map(Money.text) ?? "-"
        let thousand = c.dollarsPer1000Requests.map(Money.text) ?? "-"
        let rate = Money.text(c.ownerRatePerHour) + "/h now"
        return [
            SecurityPanel.fitting([
                Line([Span(month, style: Theme.label), Span(" a month \(Glyphs.dot) "),
                      Span(thousand, style: Theme.label), Span(" per 1k req")]),
                Line([Span(month, style: Theme.label), Span("/mo \(Glyphs.dot) "), Span(thousand, style: Theme.label),
                      Span("/1k req")]),
            ], width: width),
            SecurityPanel.fitting([
                Line("owner pays " + Money.text(c.ownerDollars) + " \(Glyphs.dot) " + rate),
                Line("owner pays " + Money.text(c.ownerDollars)),
            ], width: width),
            SecurityPanel.fitting([
                Line("  server " + Money.text(c.serverDollars) + "  admin " + Money.text(c.adminDollars)
                     + "  bandwidth " + Money.text(c.bandwidthDollars)),
                Line("  server " + Money.text(c.serverDollars) + "  admin " + Money.text(c.adminDollars)
                     + "  bw " + Money.text(c.bandwidthDollars)),
            ], width: width),
            SecurityPanel.fitting([
                Line("peers donate " + Money.text(c.peerDonatedDollars) + " \(Glyphs.dot) "
                     + Format.fixed(c.peerHours, decimals: 2) + " peer-h, " + gigabytes(c.peerBytes) + " up"),
                Line("peers donate " + Money.text(c.peerDonatedDollars) + " \(Glyphs.dot) "
                     + Format.fixed(c.peerHours, decimals: 1) + " peer-h"),
                Line("peers donate " + Money.text(c.peerDonatedDollars)),
            ], width: width),
        ]
    }

    /// ` $876.00/mo · $0.0111/1k req · peers $0.00 `, as much of it as fits, on the one row of `area`.
    static func folded(_ cost: CostView?, area: Rect, buffer: inout Buffer) {
        guard let c = cost else { return }
        let month = (c.perMonthDollars.map(Money.text) ?? "-") + "/mo"
        let thousand = (c.dollarsPer1000Requests.map(Money.text) ?? "-") + "/1k req"
        let peers = "peers " + Money.text(c.peerDonatedDollars)
        let candidates = [" \(month) \(Glyphs.dot) \(thousand) \(Glyphs.dot) \(peers) ",
                          " \(month) \(Glyphs.dot) \(thousand) ", " \(month) "]
        guard let text = candidates.first(where: { $0.count <= area.width }) else { return }
        buffer.set(string: text, at: Position(x: area.right - text.count, y: area.y), style: Theme.label,
                   clippedTo: area)
    }

    /// Decimal gigabytes (1 GB = 10⁹ bytes): two decimals.
    static func gigabytes(_ bytes: Double) -> String { Format.fixed(bytes / 1e9, decimals: 2) + " GB" }
}
