/// A character the live view draws for what it means, and the one ASCII character shown instead on a terminal
/// without Unicode.
struct Glyph: Sendable, Hashable, CustomStringConvertible {
    let character: Character
    /// As wide as `character` (one column), so an ASCII frame is laid out cell for cell like a Unicode one.
    let ascii: Character
    /// What it stands for on screen, for the reader of the table (the legends say it to the user).
    let meaning: String

    init(_ character: Character, ascii: Character, _ meaning: String) {
        self.character = character; self.ascii = ascii; self.meaning = meaning
    }

    var description: String { String(character) }
}
