import ExplorerUI
import NetExplorerAssets
import NetworkEngine
import TerminalCanvas
import Testing

/// The built-in lessons on real engines, as the program's library gives them.
final class TestLessonLibrary: LessonLibrary {
    func choices() -> [ScenarioChoice] {
        LessonCatalog.builtinNames.map { ScenarioChoice(id: $0, title: $0, summary: "a lesson", source: .lesson) }
    }

    func open(_ name: String) -> Result<Lesson, ScenarioOpenFailure> {
        do { return .success(try LessonCatalog.load(name)) } catch {
            return .failure(ScenarioOpenFailure(message: "cannot open lesson \(name)"))
        }
    }

    func model(for load: LessonLoad) -> any NetworkModel { Engine(scenario: load.scenario) }
}

/// The lesson pane in the live view, rendered into the in-memory terminal: it asks before it shows, takes the typed
/// answer, runs, and shows prediction / measured / theory, the same figures as the headless run.
@Suite("The lesson pane")
struct LessonPaneTests {
    static func make() throws -> (LiveApp, MemoryTerminal, ManualClock) {
        let terminal = MemoryTerminal(size: Size(width: 120, height: 40))
        let clock = ManualClock(nanoseconds: 1_000_000_000)
        let start = try ScenarioCatalog.load("classroom")
        let app = LiveApp(model: Engine(scenario: start), origin: RunOrigin(scenario: start), backend: terminal,
                          clock: clock, startPaused: true, lessons: TestLessonLibrary())
        return (app, terminal, clock)
    }

    /// Runs frames of one wall second until the lesson waits for the learner again (at most `limit`).
    static func untilWaiting(_ app: LiveApp, _ clock: ManualClock, limit: Int = 100) {
        for _ in 0..<limit {
            if case .running? = app.state.lesson?.phase {
                clock.advance(millis: 1000)
                _ = app.tick()
            } else {
                return
            }
        }
    }

    /// The saturation lesson headless with the same answer: what the pane must show.
    static func headless(_ answer: Double) throws -> [LessonStepResult] {
        var run = LessonRun(lesson: try LessonCatalog.load("saturation"))
        while let step = run.current {
            if case .ask = step.kind { run.answer(.number(answer)) }
            run.perform()
        }
        return run.results.filter { $0.inRange != nil }
    }

    @Test("saturation: asks first, refuses a non-number, runs, and shows prediction / measured / theory")
    func saturation() throws {
        let (app, terminal, clock) = try Self.make()
        app.openLesson("saturation")
        app.renderFrame()
        var screen = terminal.screenLines().joined(separator: "\n")
        #expect(screen.contains("lesson · Saturation"))
        #expect(screen.contains("How many clients can this server keep up"))
        #expect(screen.contains("your answer"))
        #expect(!screen.contains("measured"), "nothing is measured before the learner commits")
        #expect(app.state.paused, "the network waits for the answer")

        terminal.type("x")
        terminal.enqueue(.key(.enter))
        _ = LiveAppTests.frames(1, app, clock)
        #expect(terminal.screenLines().joined().contains("'n_star' wants a number, got 'x'"))

        terminal.enqueue(.key(.backspace))
        terminal.type("70")
        terminal.enqueue(.key(.enter))
        _ = LiveAppTests.frames(1, app, clock)
        #expect(terminal.screenLines().joined().contains("your answer: 70"))
        Self.untilWaiting(app, clock)
        let expected = try Self.headless(70)
        screen = terminal.screenLines().joined(separator: "\n")
        let first = "measured \(LessonRun.shown(expected[0].measured ?? .nan)) · theory "
            + LessonRun.shown(expected[0].theory ?? .nan)
        #expect(screen.contains(first), "the live run measures what the headless one does:\n\(screen)")
        #expect(screen.contains("Enter next step"))

        terminal.enqueue(.key(.enter))
        _ = LiveAppTests.frames(1, app, clock)
        Self.untilWaiting(app, clock)
        screen = terminal.screenLines().joined(separator: "\n")
        let second = "prediction 70 · measured \(LessonRun.shown(expected[1].measured ?? .nan)) · theory "
            + LessonRun.shown(expected[1].theory ?? .nan)
        #expect(screen.contains(second), "\(screen)")
        #expect(screen.contains("in range"))
    }

    @Test("l lists the lessons in the picker; choosing one opens its pane")
    func picker() throws {
        let (app, terminal, clock) = try Self.make()
        app.renderFrame()
        terminal.type("l")
        _ = LiveAppTests.frames(1, app, clock)
        #expect(terminal.screenLines().joined().contains("open a lesson"))
        terminal.type("spof")
        terminal.enqueue(.key(.enter))
        _ = LiveAppTests.frames(1, app, clock)
        let screen = terminal.screenLines().joined(separator: "\n")
        #expect(screen.contains("lesson · Single point of failure"))
        #expect(screen.contains("a) almost all of them"), "a choice lists its options")
        #expect(app.state.scenarioName == "One server against many peers", "the lesson loaded its scenario")
    }

    @Test("While an ask waits, its answer's letters are typed, not taken as keys")
    func lettersAreTyped() throws {
        let (app, terminal, clock) = try Self.make()
        app.openLesson("spof")
        app.renderFrame()
        terminal.type("a")
        _ = LiveAppTests.frames(1, app, clock)
        #expect(app.state.lesson?.input == "a")
        #expect(app.state.status?.text.contains("attack") != true, "a is the answer, not the attack key")
    }

    @Test("r replaces the network the lesson drives, so it closes the lesson and says so")
    func restartCloses() throws {
        let (app, terminal, clock) = try Self.make()
        app.openLesson("saturation")
        app.renderFrame()
        _ = app.dispatch(.restart)
        _ = LiveAppTests.frames(1, app, clock)
        #expect(app.state.lesson == nil && app.lessonRun == nil)
        #expect(terminal.screenLines().joined().contains("lesson Saturation closed: r restarted the scenario"))
    }

    @Test("b, n and g are refused while a lesson runs: its checks read the run the lesson made")
    func noRewindInALesson() throws {
        let (app, _, clock) = try Self.make()
        app.openLesson("saturation")
        app.renderFrame()
        _ = app.dispatch(.rewindBack)
        _ = LiveAppTests.frames(1, app, clock)
        #expect(app.state.rewind == nil)
        #expect(app.state.status?.text.contains("off while a lesson runs") == true)
    }
}
