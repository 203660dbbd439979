import ArgumentParser
import ExplorerUI
import Foundation
import NcursesTerminal
import NetworkEngine
import TerminalCanvas

/// `netexplorer [run]`: the live view on a scenario (the built-in classroom by default).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Open the live view on a scenario (default: classroom).")

    @OptionGroup var options: ScenarioOptions

    @Option(name: .long, parsing: .unconditional,
            help: "Simulated seconds per wall second, 0.1 to 1000 (default: the config file's, else 1).")
    var speed: Double?

    @Option(name: .long, help: "default, projector (high contrast) or colorblind (default: the config file's).")
    var theme: ThemeName?

    @Flag(name: .long, help: "Start paused (space resumes).")
    var paused = false

    @Flag(name: .long, help: "No colour at all (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .long, help: "Draw with ASCII only (chosen automatically when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .long, help: "Leave the mouse to the terminal: no clicks or wheel, dragging selects text as usual.")
    var noMouse = false

    @Option(name: .long, help: "When the session ends, write its lab record (manifest, metrics, events, report) into DIR.")
    var export: String?

    @Flag(name: .long, help: "With --export, write into a directory that is not empty (:export! does it live).")
    var force = false

    @Option(name: .long, help: "Open this lesson (netexplorer lessons lists them), as netexplorer lesson NAME does.")
    var lesson: String?

    @Option(name: .long, help: "With --lesson: save the answers and results to this new JSON file when the view closes.")
    var answers: String?

    /// `netexplorer lesson` with no name: the view opens on the lessons' picker (`l`).
    @Flag(name: .long, help: .hidden)
    var pickLesson = false

    @Option(name: .long, help: "Play a lab record (a directory written by --export or :export, or its manifest.json) back: pause with space, scrub with b, n, g.")
    var replay: String?

    @Option(name: .long, help: "Record what the terminal shows as an asciicast v2 file (asciinema play FILE.cast).")
    var record: String?

    func validate() throws {
        if answers != nil, lesson == nil { throw ValidationError("--answers goes with --lesson") }
        if let speed, !(speed >= 0.1 && speed <= 1000) {
            throw ValidationError("--speed must be between 0.1 and 1000, got \(speed)")
        }
    }

    func run() throws {
        let lessons = LiveLessonLibrary()
        // A lesson that cannot be opened is refused before the screen opens, in the lesson file's words.
        if let lesson, case .failure(let why) = lessons.open(lesson) { throw CLIError(message: why.message) }
        if let answers, FileManager.default.fileExists(atPath: answers) {
            throw CLIError(message: "'\(answers)' exists already; answers are never written over another file")
        }
        if replay != nil, lesson != nil || pickLesson {
            throw CLIError(message: "--replay plays a record back; a lesson drives a run of its own: give one of them")
        }
        let played = try replaySource()
        if let warning = played?.warning { printError(warning) }
        let scenario = try played?.scenario ?? options.load()
        if let export, !force, let contents = try? FileManager.default.contentsOfDirectory(atPath: export),
           !contents.isEmpty {
            throw CLIError(message: "--export \(export): the directory exists and is not empty (--force writes into it)")
        }
        // Opened before the screen is taken, so a path that cannot be written is one line on a normal terminal.
        let castFile = try record.map { path throws(CLIError) in
            try OutputFile.open(path: path, describedAs: "the recording")
        }
        // Flags override the config file, which overrides the built-in defaults.
        let config = try ConfigFile.load(path: ConfigFile.path(environment: ProcessInfo.processInfo.environment))
        let speed = self.speed ?? config.speed ?? 1
        let theme = self.theme ?? config.theme ?? .default
        // `--no-mouse` wins; without it the file's `mouse: false` leaves the mouse to the terminal too.
        let mouse = !noMouse && (config.mouse ?? true)
        // Every ncurses call stays on the main thread; argument-parser runs us there synchronously.
        let status: Int32 = try MainActor.assumeIsolated {
            if case .failure(let why) = TerminalPreflight.check(environment: ProcessInfo.processInfo.environment) {
                throw CLIError(message: why.message)
            }
            let terminal: NcursesTerminal
            do {
                terminal = try NcursesTerminal.open(colorMode: noColor ? .none : .auto, asciiOnly: ascii ? true : nil,
                                                   mouse: mouse)
            } catch let why as TerminalUnavailable {
                throw CLIError(message: why.message)
            }
            let origin = RunOrigin(scenarioArgument: replay ?? options.scenario, scenarioName: scenario.name, seed: scenario.seed,
                                   architecture: options.architecture?.rawValue, nodes: options.nodes)
            let recorder = played == nil ? LabRecorder() : nil  // a record played back is not recorded again
            let recording = castFile.map { CastRecording.wrap(terminal, file: $0, scenarioName: scenario.name) }
            let screen: TerminalBackend = recording ?? terminal
            let app = LiveApp(model: Engine(scenario: scenario), origin: origin, backend: screen, startSpeed: speed,
                              startPaused: paused, scenarios: LiveScenarioLibrary(), description: scenario.description,
                              theme: theme, recorder: recorder, lessons: lessons)
            if let played { Self.play(played, in: app) }
            // A recording that fails (a full disk) stops with one line among the status messages; the session goes on.
            recording?.stopped = { [weak app] message in
                _ = app?.dispatch(.commandOutcome(CommandOutcome(accepted: false, message: message)))
            }
            if let lesson { app.openLesson(lesson) } else if pickLesson { _ = app.dispatch(.openLessons) }
            let exit = app.run()
            recording?.finish()
            let signal = terminal.quitSignal
            terminal.close()
            // What the learner answered and what the checks measured, for the teacher to collect.
            if let answers, let run = app.lessonRun { try LessonCommand.save(run, lesson: run.lesson, to: answers) }
            if let export, let recorder {
                let outcome = recorder.export(app.liveModel, log: app.commandLog, to: export, force: force)
                if !outcome.accepted { throw CLIError(message: outcome.message) }
            }
            // A signal-driven stop is still a clean one; the status says which signal, as shells expect.
            if exit == .signal, let signal { return 128 + signal }
            return 0
        }
        if status != 0 { throw ExitCode(status) }
    }
}
