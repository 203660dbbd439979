import Foundation

/// The live view's status bar (screen row 1), read back from a tmux capture:
/// ` Classroom network │ client-server │ t=0:00:02.9 │ 1× │ ▶ running │ 20 clients │ press ? for every key`.
struct StatusBar: Equatable, CustomStringConvertible {
    var scenario: String
    /// The simulated time as shown, e.g. `0:00:02.9`.
    var time: String
    var seconds: Double
    /// Clients (or peers in the mesh).
    var clients: Int
    var isPaused: Bool
    var isRunning: Bool
    var line: String

    var description: String { line }

    /// Parses the first row of a screen; nil when it is not (yet) the status bar.
    init?(screen: [String]) {
        guard let first = screen.first else { return nil }
        self.init(line: first)
    }

    init?(line: String) {
        let fields = line.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count >= 6 else { return nil }
        guard let timeField = fields.first(where: { $0.hasPrefix("t=") }),
              let seconds = Self.seconds(String(timeField.dropFirst(2)))
        else { return nil }
        // The count field is "N clients" ("N peers" in the mesh); a later message such as "+5 clients: 35 now"
        // must not be taken.
        guard let countField = fields.first(where: { $0.hasSuffix(" clients") || $0.hasSuffix(" peers") }),
              let number = countField.split(separator: " ").first, number.allSatisfy(\.isNumber),
              let clients = Int(number)
        else { return nil }
        scenario = fields[0]
        time = String(timeField.dropFirst(2))
        self.seconds = seconds
        self.clients = clients
        isPaused = fields.contains { $0.contains("PAUSED") }
        isRunning = fields.contains { $0.hasSuffix("running") }
        self.line = line
    }

    /// `h:mm:ss.s` (or `mm:ss.s`, `ss.s`) → seconds.
    static func seconds(_ text: String) -> Double? {
        var total = 0.0
        for part in text.split(separator: ":", omittingEmptySubsequences: false) {
            guard let value = Double(part) else { return nil }
            total = total * 60 + value
        }
        return total
    }
}
