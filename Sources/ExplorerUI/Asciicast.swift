/// The asciicast v2 format (asciinema's recordings): newline-delimited JSON, a header object on the first line, then
/// one `[time, "o", data]` array a line, `time` in seconds since the recording began and `data` the bytes the
/// terminal was sent. `asciinema play FILE.cast` plays it back in a terminal.
public enum Asciicast {
    /// What the first line says about the recording.
    public struct Header: Sendable, Equatable {
        public var width: Int
        public var height: Int
        /// Unix time (seconds) the recording began.
        public var timestamp: Int
        /// `TERM` and `SHELL` as the session saw them (absent ones left out).
        public var environment: [String: String]
        public var title: String

        public init(width: Int, height: Int, timestamp: Int, environment: [String: String], title: String) {
            self.width = width; self.height = height; self.timestamp = timestamp
            self.environment = environment; self.title = title
        }

        /// The header line, newline included.
        public var line: String {
            let env = environment.keys.sorted().map { "\(quoted($0)): \(quoted(environment[$0]!))" }
                .joined(separator: ", ")
            return "{\"version\": 2, \"width\": \(width), \"height\": \(height), \"timestamp\": \(timestamp), "
                + "\"env\": {\(env)}, \"title\": \(quoted(title))}\n"
        }
    }

    /// One output event's line, newline included: `[1.234567, "o", "..."]`, the time to the microsecond.
    public static func outputLine(microseconds: UInt64, data: String) -> String {
        let fraction = String(microseconds % 1_000_000)
        let padded = String(repeating: "0", count: 6 - fraction.count) + fraction
        return "[\(microseconds / 1_000_000).\(padded), \"o\", \(quoted(data))]\n"
    }

    /// `text` as a JSON string: quotes, backslashes and control characters (ESC among them) escaped, the rest as is
    /// (JSON text is UTF-8).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
