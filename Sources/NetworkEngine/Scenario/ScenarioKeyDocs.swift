/// The key table for people (the README's markdown table) and for programs (JSON, read by `Scripts/fuzz-scenarios`),
/// both printed by `netexplorer scenarios --keys`.
extension ScenarioKeyTable {
    /// One row per key: key, default, what it accepts, what it means. The README holds exactly this text.
    public static var markdown: String {
        var lines = ["| key | default | accepts | meaning |", "|---|---|---|---|"]
        for key in keys {
            lines.append("| `\(key.path)` | \(key.defaultText) | \(key.accepts) | \(key.doc) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every key with its kind, default, bounds and choices.
    public static var json: JSONValue {
        .array(keys.map { key in
            var (kind, range, choices): (String, ScenarioRange?, [String]?) = ("", nil, nil)
            switch key.kind {
            case .text: kind = "text"
            case .seed: kind = "seed"
            case .integer(let r): (kind, range) = ("integer", r)
            case .number(let r): (kind, range) = ("number", r)
            case .choice(let c): (kind, choices) = ("choice", c)
            case .node: (kind, choices) = ("node", ["server"])
            case .setting: (kind, choices) = ("setting", ScenarioParameter.allCases.map(\.rawValue))
            case .rates(let r): (kind, range) = ("rates", r)
            }
            let seedMax: JSONValue = key.kind == .seed ? .unsigned(UInt64.max) : .null
            return .object([
                ("key", .string(key.path)),
                ("kind", .string(kind)),
                ("required", .bool(key.isRequired)),
                ("default", key.defaultValue.map { .string($0.description) } ?? .null),
                ("min", range.map { .number($0.lower) } ?? (key.kind == .seed ? .int(0) : .null)),
                ("min_included", .bool(range?.lowerIncluded ?? true)),
                ("max", range?.upper.map { .number($0) } ?? seedMax),
                ("choices", choices.map { .array($0.map { .string($0) }) } ?? .null),
                ("doc", .string(key.doc)),
            ])
        })
    }
}

extension ScenarioKey {
    /// "required", the default as a file would spell it ("empty" for empty text), or "—" where there is none.
    var defaultText: String {
        if isRequired { return "required" }
        guard let value = defaultValue else { return "—" }
        return value == .text("") ? "empty" : value.description
    }

    /// "integer, 1 to 1000000", "flooding or dht": what the key accepts, in words.
    var accepts: String {
        switch kind {
        case .text: "text"
        case .seed: "integer, 0 to \(UInt64.max)"
        case .integer(let range): "integer, " + range.text(integer: true)
        case .number(let range): "number, " + range.text(integer: false)
        case .choice(let choices) where choices.count > 1:
            choices.dropLast().joined(separator: ", ") + " or " + choices[choices.count - 1]
        case .choice(let choices): choices.joined()
        case .node: "`server` or a node id"
        case .rates(let range):
            "number, " + range.text(integer: false) + "; or classes `[{ share: S, mbps: R }, …]`, shares adding up to 1"
        case .setting:
            "`{ KEY: VALUE }`, KEY one of " + ScenarioParameter.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                + ", VALUE as its key accepts"
        }
    }
}
