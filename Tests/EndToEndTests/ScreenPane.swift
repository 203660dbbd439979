/// Reads one bordered pane (`┏ topology · 20 clients ━━┓` … `┗━━┛`, light or heavy lines) out of a captured
/// screen, by its title, so a test can look inside the events pane or the topology only.
enum ScreenPane {
    private static let topLeft: Set<Character> = ["┏", "┌", "╭", "+"]
    private static let topRight: Set<Character> = ["┓", "┐", "╮", "+"]
    private static let vertical: Set<Character> = ["┃", "│", "|"]

    /// The inner rows of the first pane whose top border contains `title`, or nil.
    static func inner(titled title: String, in screen: [String]) -> [String]? {
        for (row, line) in screen.enumerated() {
            let cells = Array(line)
            guard let titleAt = cells.startIndex(ofText: title), titleAt > 0,
                  let left = cells[..<titleAt].lastIndex(where: { topLeft.contains($0) }),
                  let right = cells[titleAt...].firstIndex(where: { topRight.contains($0) })
            else { continue }
            var rows: [String] = []
            for below in screen.dropFirst(row + 1) {
                let cells = Array(below)
                guard cells.count > left, vertical.contains(cells[left]) else { break }
                rows.append(String(cells[(left + 1)..<min(right, cells.count)]))
            }
            return rows
        }
        return nil
    }
}

private extension Array where Element == Character {
    /// The index where `text` starts in this row of cells.
    func startIndex(ofText text: String) -> Int? {
        let needle = Array(text)
        guard !needle.isEmpty, needle.count <= count else { return nil }
        for start in 0...(count - needle.count) where self[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
