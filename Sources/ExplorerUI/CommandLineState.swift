import TerminalCanvas

/// What the bottom line is open for: a command after `:` (as in vim and k9s) or a log search after `/`.
public enum CommandLineMode: Sendable, Equatable {
    case command
    case search

    /// The character the line starts with.
    public var prompt: String { self == .command ? ":" : "/" }
}

/// The line being typed at the bottom of the screen: its text, the cursor, and where ↑/↓ stand in the history.
///
/// Editing is pure (`edit(_:history:)` takes a key and returns what the line wants done), so every key's behaviour
/// is tested without a terminal. While the line is open, keys come here instead of the key table.
public struct CommandLineState: Sendable, Equatable {
    public var mode: CommandLineMode
    /// The text typed, one element per character the user sees.
    public private(set) var characters: [Character] = []
    /// Where the next character goes: 0 before the first, `characters.count` at the end.
    public private(set) var cursor = 0
    /// The history entry shown while browsing with ↑/↓ (an index into the entries), nil when editing a fresh line.
    var historyIndex: Int?
    /// The fresh line as it was before ↑, given back by ↓ past the newest entry.
    var draft: [Character] = []
    /// What the last Tab could not decide between, shown after the text until the next key.
    public private(set) var candidates: [String] = []

    /// The longest line kept: a paste of a whole file must not grow the state without bound.
    public static let maxLength = 512

    public init(mode: CommandLineMode, text: String = "") {
        self.mode = mode
        characters = Array(text.prefix(Self.maxLength))
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// What a key asks of the line's owner.
    public enum Outcome: Sendable, Equatable {
        /// The line changed (or not); it stays open.
        case editing
        /// Enter: run this text; the line closes.
        case submit(String)
        /// Esc, or backspace on an empty line (as vim does): the line closes and nothing runs.
        case cancel
    }

    /// Applies one key: insert, backspace, ←/→, Home/End, Ctrl-U, ↑/↓ through `history`, Tab completion (commands
    /// only), Enter, Esc.
    public mutating func edit(_ key: Key, history: CommandHistory) -> Outcome {
        if key != .tab { candidates = [] }
        switch key {
        case .char(let c):
            guard characters.count < Self.maxLength else { return .editing }
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            if characters.isEmpty { return .cancel }
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .control("u"):
            // As in shells and readline: what is before the cursor goes, what is after stays.
            characters.removeFirst(cursor)
            cursor = 0
        case .up: browse(older: true, history)
        case .down: browse(older: false, history)
        case .tab:
            guard mode == .command else { return .editing }
            complete()
        case .enter: return .submit(text)
        case .escape: return .cancel
        default: break
        }
        return .editing
    }

    /// ↑ shows the previous (older) entry, ↓ the next; ↓ past the newest gives back the line being typed.
    private mutating func browse(older: Bool, _ history: CommandHistory) {
        let entries = history.entries
        guard !entries.isEmpty else { return }
        let next: Int?
        switch (historyIndex, older) {
        case (nil, true): draft = characters; next = entries.count - 1
        case (nil, false): return
        case (let i?, true): next = max(0, i - 1)
        case (let i?, false): next = i + 1 < entries.count ? i + 1 : nil
        }
        historyIndex = next
        characters = next.map { Array(entries[$0]) } ?? draft
        cursor = characters.count
    }

    /// Tab: the word before the cursor completed from the command table; several matches complete their common
    /// prefix and are listed after the text.
    private mutating func complete() {
        let before = String(characters[..<cursor])
        let completion = CommandLineCommands.complete(before)
        guard completion.text != before || !completion.candidates.isEmpty else { return }
        let after = characters[cursor...]
        characters = Array(completion.text) + after
        cursor = completion.text.count
        candidates = completion.candidates
    }
}

/// Lines entered before, oldest first, bounded: what ↑ and ↓ browse.
public struct CommandHistory: Sendable, Equatable {
    public private(set) var entries: [String] = []
    /// Kept entries; the oldest go first.
    public static let limit = 100

    public init() {}

    /// Remembers `line` unless it is blank or repeats the newest entry (as shells do with ignoredups).
    public mutating func add(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), entries.last != line else { return }
        entries.append(line)
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
    }
}
