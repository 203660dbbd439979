import Yams

/// Small text helpers for messages and keys, kept in a namespace so they cannot clash with the module's other files.
enum ScenarioText {
    /// How a value appears in a message: the scalar as written, or what kind of thing stood there instead.
    static func shown(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            switch scalar.style {
            // Keep the quotes in sight: they are why `nodes: "20"` is text rather than a number.
            case .singleQuoted, .doubleQuoted: return "'\"\(scalar.string)\"'"
            default: return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
            }
        case .mapping:
            return "a mapping"
        case .sequence:
            return "a list"
        }
    }

    /// The tag YAML resolved for a node (int, float, null, str...).
    ///
    /// Yams keeps a tag's name internal, but a tag describes itself by that name.
    static func resolvedTag(_ node: Node) -> Tag.Name {
        Tag.Name(rawValue: node.tag.description)
    }

    /// An empty value or `~`/`null` written plainly; a quoted "null" is text.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return resolvedTag(node) == .null && (scalar.style == .plain || scalar.style == .any)
    }

    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0.isNewline }
        guard let start = text.firstIndex(where: { !isSpace($0) }),
              let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }

    /// The known key nearest to a mistyped one, if it is within two edits and the key is more than its typos.
    static func closestKey(to key: String, among known: [String]) -> (key: String, distance: Int)? {
        let typed = Array(key.lowercased())
        var best: (key: String, distance: Int)?
        for candidate in known {
            let distance = ScenarioText.editDistance(typed, Array(candidate))
            guard distance <= 2, distance < typed.count else { continue }
            if best == nil || distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        return best
    }

    /// Levenshtein distance: insertions, deletions and substitutions each cost one.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
