import ExplorerUI
import Foundation
import TerminalCanvas

/// `--record FILE.cast` writes through an `OutputFile`, opened as `--events` opens its file (through a symlink, into
/// a FIFO or a device, truncating a regular file in place; never replacing one), and flushed after every line.
extension OutputFile: CastOutput {
    func writeThrough(_ text: String) -> String? {
        write(text)
        flush()
        return failure.map(Self.reason)
    }
}

/// The recording `run --record FILE.cast` makes of the live view.
enum CastRecording {
    /// Wraps `terminal` so that every frame drawn on it is recorded into `file` (opened with `OutputFile.open`
    /// before the screen was taken, so a path that cannot be written is refused in one line first).
    static func wrap(_ terminal: TerminalBackend, file: OutputFile, scenarioName: String) -> RecordingTerminal {
        let environment = ProcessInfo.processInfo.environment
        return RecordingTerminal(
            terminal, output: file, name: file.name, timestamp: Int(Date().timeIntervalSince1970),
            environment: environment.filter { $0.key == "TERM" || $0.key == "SHELL" },
            title: "netexplorer: \(scenarioName)")
    }
}
