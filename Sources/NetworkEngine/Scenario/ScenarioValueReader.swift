import Yams

/// Reading one value as its key's kind says, or reporting why not: every message names the key by its full path.
extension ScenarioReader {
    /// The value of `node` for `key`, or nil after reporting what is wrong with it.
    mutating func value(_ node: Node, of key: ScenarioKey) -> ScenarioValue? {
        let path = key.path
        switch key.kind {
        case .text:
            return text(node, key)
        case .seed:
            return seed(node, path).map(ScenarioValue.seed)
        case .integer(let range):
            return integer(node, path, range).map(ScenarioValue.integer)
        case .number(let range):
            return number(node, path, range).map(ScenarioValue.number)
        case .choice(let choices):
            if case .scalar(let scalar) = node, choices.contains(scalar.string) { return .choice(scalar.string) }
            report(node, "'\(path)' must be one of \(choices.joined(separator: ", ")), got \(shown(node))")
            return nil
        case .node:
            return nodeTarget(node, path).map(ScenarioValue.node)
        case .setting:
            return setting(node, path)
        case .rates(let range):
            return rates(node, path, range)
        }
    }

    /// A rate in range, or a list of classes `{ share, mbps }` (shares above 0 adding up to 1, each rate in range);
    /// every problem is reported at its own line.
    private mutating func rates(_ node: Node, _ path: String, _ range: ScenarioRange) -> ScenarioValue? {
        guard case .sequence(let items) = node else {
            return number(node, path, range).map { .rates([RateClass(share: 1, mbps: $0)]) }
        }
        let form = "a list of classes such as '{ share: 0.5, mbps: 1 }'"
        guard !items.isEmpty, items.count <= RateClass.maxClasses else {
            report(node, "'\(path)' must be a number or \(form), 1 to \(RateClass.maxClasses) of them, got \(shown(node))")
            return nil
        }
        var classes: [RateClass] = [], ok = true
        for item in items {
            guard case .mapping(let mapping) = item, mapping.count == 2,
                  let shareNode = mapping.first(where: { $0.key.scalar?.string == "share" })?.value,
                  let mbpsNode = mapping.first(where: { $0.key.scalar?.string == "mbps" })?.value else {
                report(item, "'\(path)' must be \(form): each class gives share and mbps only, got \(shown(item))")
                ok = false
                continue
            }
            let share = number(shareNode, path + " share", .above(0, atMost: 1))
            let mbps = number(mbpsNode, path + " mbps", range)
            guard let share, let mbps else { ok = false; continue }
            classes.append(RateClass(share: share, mbps: mbps))
        }
        guard ok else { return nil }
        let sum = classes.reduce(0) { $0 + $1.share }
        guard abs(sum - 1) < 1e-9 else {
            report(node, "'\(path)' classes' shares must add up to 1, got \(ScenarioRange.formatted(sum))")
            return nil
        }
        return .rates(classes)
    }

    /// `{ rate: 2 }`: one parameter and a value its own key's row accepts, so a set in the timeline is refused in
    /// the words the key's own line would get.
    private mutating func setting(_ node: Node, _ path: String) -> ScenarioValue? {
        let names = ScenarioParameter.allCases.map(\.rawValue)
        guard case .mapping(let mapping) = node, mapping.count == 1, let (keyNode, valueNode) = mapping.first,
              case .scalar(let scalar) = keyNode else {
            report(node, "'\(path)' must be a mapping of one key to its value such as '{ rate: 2 }', got \(shown(node))")
            return nil
        }
        let name = scalar.string
        guard let parameter = ScenarioParameter(rawValue: name), let key = parameter.key else {
            if let refused = ScenarioParameter.refused.first(where: { $0.name == name }) {
                report(keyNode, "'\(path)' cannot change \(name): \(refused.reason)")
            } else {
                let hint = ScenarioText.closestKey(to: name, among: names).map { "did you mean '\($0.key)'?" }
                report(keyNode, "unknown key '\(name)' under \(path); "
                    + (hint ?? "known keys are: " + names.joined(separator: ", ")))
            }
            return nil
        }
        switch value(valueNode, of: key) {
        case .integer(let n)?: return .setting(parameter, Double(n))
        case .number(let x)?: return .setting(parameter, x)
        case .choice(let c)? where parameter == .cache: return .setting(parameter, c == "true" ? 1 : 0)
        default: return nil
        }
    }

    /// Any scalar reads as text, so `name: 2024` is a fine name; null and collections are not text. A required text
    /// must say something; an optional one left empty (`description:`) is harmless and reads as empty.
    private mutating func text(_ node: Node, _ key: ScenarioKey) -> ScenarioValue? {
        let isNull = ScenarioText.isNull(node)
        if key.isRequired {
            let text = isNull ? "" : ScenarioText.trimmed(node.scalar?.string ?? "")
            if !text.isEmpty { return .text(text) }
            report(node, "'\(key.path)' must be a non-empty string, got \(shown(node))")
            return nil
        }
        if isNull { return .text("") }
        if case .scalar(let scalar) = node { return .text(ScenarioText.trimmed(scalar.string)) }
        report(node, "'\(key.path)' must be text, got \(shown(node))")
        return nil
    }

    /// An integer in range, or nil after reporting why not.
    private mutating func integer(_ node: Node, _ path: String, _ range: ScenarioRange) -> Int? {
        switch number(node) {
        case .integer(let n):
            if let violation = range.violation(Double(n)) {
                report(node, "'\(path)' \(violation), got \(shown(node))")
                return nil
            }
            return n
        case .tooLarge(let x):
            let violation = range.violation(x) ?? "is too large"
            report(node, "'\(path)' \(violation), got \(shown(node))")
        case .real:
            report(node, "'\(path)' must be an integer (a whole number), got \(shown(node))")
        case nil:
            report(node, "'\(path)' must be an integer, got \(shown(node))")
        }
        return nil
    }

    /// A number in range; integers are welcome where a fraction would do.
    private mutating func number(_ node: Node, _ path: String, _ range: ScenarioRange) -> Double? {
        let x: Double
        switch number(node) {
        case .integer(let n): x = Double(n)
        case .real(let r): x = r
        case .tooLarge(let big): x = big
        case nil:
            report(node, "'\(path)' must be a number, got \(shown(node))")
            return nil
        }
        guard x.isFinite else {
            report(node, "'\(path)' must be a finite number, got \(shown(node))")
            return nil
        }
        if let violation = range.violation(x) {
            report(node, "'\(path)' \(violation), got \(shown(node))")
            return nil
        }
        return x
    }

    /// Seeds span all of UInt64, past Int's range, so they get their own reading.
    private mutating func seed(_ node: Node, _ path: String) -> UInt64? {
        let range = "between 0 and \(UInt64.max)"
        switch number(node) {
        case .integer(let n) where n >= 0:
            return UInt64(n)
        case .integer:
            report(node, "'\(path)' must be \(range), got \(shown(node))")
        case .tooLarge:
            let digits = node.scalar?.string.filter { $0 != "_" } ?? ""
            if let big = UInt64(digits.hasPrefix("+") ? String(digits.dropFirst()) : digits) { return big }
            report(node, "'\(path)' must be \(range), got \(shown(node))")
        case .real:
            report(node, "'\(path)' must be an integer (a whole number), got \(shown(node))")
        case nil:
            report(node, "'\(path)' must be an integer, got \(shown(node))")
        }
        return nil
    }

    /// `server`, or a node id: crashing a particular client or peer is as useful in a lesson as crashing the server.
    private mutating func nodeTarget(_ node: Node, _ path: String) -> Scenario.NodeTarget? {
        if case .scalar(let scalar) = node, scalar.string == "server" { return .server }
        if case .integer(let id)? = number(node), id >= 0 { return .node(id) }
        report(node, "'\(path)' must be 'server' or a node id (an integer of at least 0), got \(shown(node))")
        return nil
    }

    // MARK: Numbers

    /// A number as the file spelled it: YAML's int and float forms, with decimal digits read as decimal
    /// (YAML 1.1 would read `010` as octal 8, which nobody writing `nodes: 010` means).
    private enum Number {
        case integer(Int)
        case real(Double)
        /// An integer too big for Int; kept as a Double so a range check can still say what is wrong.
        case tooLarge(Double)
    }

    private func number(_ node: Node) -> Number? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return nil }
        let digits = scalar.string.filter { $0 != "_" }
        let unsigned = digits.first == "+" || digits.first == "-" ? digits.dropFirst() : Substring(digits)
        if !unsigned.isEmpty, unsigned.allSatisfy(\.isASCII), unsigned.allSatisfy(\.isNumber) {
            if let value = Int(digits.first == "+" ? String(unsigned) : digits) { return .integer(value) }
            return .tooLarge(Double(digits) ?? .infinity)
        }
        switch ScenarioText.resolvedTag(node) {
        case .int:
            return Int.construct(from: scalar).map(Number.integer)
        case .float:
            return Double.construct(from: scalar).map(Number.real)
        default:
            return nil
        }
    }
}
