/// How deeply a YAML text nests its lists and mappings, measured before the text reaches the parser.
///
/// Yams builds its node tree recursively, so a file of a few thousand nested brackets overflows the stack: a crash
/// no `catch` can stop. This scan is linear and never recurses. It over-counts rather than under-counts (every
/// indentation step, `- ` or `? ` marker and open bracket is a level), which is harmless: a scenario needs about four
/// levels and `ScenarioLimits.maxNesting` allows many more.
enum ScenarioNesting {
    /// The first line whose nesting exceeds `limit`, with the depth reached there; nil when the text stays within it.
    static func firstLine(deeperThan limit: Int, in yaml: String) -> (line: Int, depth: Int)? {
        // Quotes and comments are deliberately not parsed: a bracket inside either is counted too. Parsing them here
        // would be a second YAML reader whose mistakes (a `#` inside quotes read as a comment) could hide brackets
        // from the count; counting them only ever errs towards refusing absurd text.
        var indents: [Int] = []          // the indentation of each open block level
        var flowDepth = 0                // open [ and { minus closed ones (they may span lines)
        var lineNumber = 1
        var indent = 0                   // spaces so far at the start of this line
        var atLineStart = true           // only spaces and tabs seen on this line yet
        var markers = 0                  // "- " and "? " markers after the indentation
        var pendingMarker = false        // a '-' or '?' that counts if a space follows
        var base = 0                     // block levels of this line, once its first character is seen
        var previousWasCR = false
        for scalar in yaml.unicodeScalars {
            // libyaml breaks lines at LF, CR, CR LF, NEL, LS and PS: so must the count of indentation.
            switch scalar {
            case "\n" where previousWasCR:
                previousWasCR = false
                continue
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                previousWasCR = scalar == "\r"
                lineNumber += 1
                indent = 0
                atLineStart = true
                markers = 0
                pendingMarker = false
                continue
            default:
                previousWasCR = false
            }
            if atLineStart {
                if scalar == " " || scalar == "\t" { indent += 1; continue }
                if scalar == "#" { atLineStart = false; base = indents.count; continue }
                atLineStart = false
                while let last = indents.last, last > indent { indents.removeLast() }
                if indents.last.map({ $0 < indent }) ?? true { indents.append(indent) }
                base = indents.count
                pendingMarker = scalar == "-" || scalar == "?"
            } else if pendingMarker {
                // Compact nested sequences ("- - - x") and explicit keys ("? ") open a level each on one line.
                pendingMarker = false
                if scalar == " " { markers += 1 }
            } else if (scalar == "-" || scalar == "?") && markers > 0 {
                pendingMarker = true
            }
            if scalar == "[" || scalar == "{" {
                flowDepth += 1
            } else if scalar == "]" || scalar == "}" {
                flowDepth = max(0, flowDepth - 1)
            }
            let depth = base + markers + flowDepth
            if depth > limit { return (lineNumber, depth) }
        }
        return nil
    }
}
