import NetworkEngine

/// The open lesson, carried out on the live model: `LessonRun` does the steps' bookkeeping (answers, run windows,
/// checks) on `model`, which a `load` step replaces; this turns each step into what the pane shows and decides when
/// the lesson waits (an ask, a run, Enter after a check).
extension LiveApp {
    /// Opens the lesson named `name` (a built-in name or a path) through the lesson library and carries out its
    /// first steps, up to the first one that waits for the learner.
    public func openLesson(_ name: String) {
        guard let library = lessons else { return }
        switch library.open(name) {
        case .failure(let why):
            _ = update(&state, .commandOutcome(CommandOutcome(accepted: false, message: why.message)), context: context())
        case .success(let lesson):
            lessonRun = LessonRun(lesson: lesson) { library.model(for: $0) }
            var pane = LessonPaneState(title: lesson.title, claim: lesson.claim)
            pane.transcript.append(LessonLine(.note, "claim: " + lesson.claim))
            state.lesson = pane
            state.picker = nil
            state.paused = true
            continueLesson()
        }
    }

    /// Closes the open lesson, if any, when the network it drives is replaced (`r`, `o`): its next steps would act on
    /// a network that is no longer shown.
    func closeLesson(because why: String) {
        guard let lesson = state.lesson else { return }
        lessonRun = nil
        state.lesson = nil
        _ = update(&state, .commandOutcome(CommandOutcome(accepted: true, message: "lesson \(lesson.title) closed: "
            + why + " (l opens it again)")), context: context())
    }

    /// The end of the lesson's run under way, if one is.
    var lessonRunEnd: SimTime? {
        if case .running(let until)? = state.lesson?.phase { return until }
        return nil
    }

    /// Carries out steps until one waits for the learner: an ask, a run (until its end), a check (until Enter).
    func continueLesson() {
        guard var run = lessonRun, state.lesson != nil else { return }
        defer { lessonRun = run }
        while let step = run.current {
            switch step.kind {
            case .say(let text):
                run.perform(runs: false)
                show(.text, text)
            case .load(let load):
                run.perform(runs: false)
                if let fresh = run.model { adopt(fresh, load: load) }
                show(.note, "loaded \(load.scenario.name): \(load.scenario.architecture.rawValue), "
                    + "\(load.scenario.nodes) nodes")
            case .act:
                let result = run.perform(runs: false)
                snapshotIsStale = true
                show(.note, result?.text ?? "")
            case .run(let seconds, let speed):
                run.perform(runs: false)
                if let speed { state.speed = SpeedLadder.clamped(speed) }
                state.paused = false
                state.actualSpeed = nil
                meter.reset()
                state.lesson?.phase = .running(until: model.now + .seconds(seconds))
                show(.note, "running \(Format.fixed(seconds, decimals: 0)) simulated seconds at "
                    + Format.speed(state.speed) + "×")
                return
            case .ask(let ask):
                state.paused = true
                state.lesson?.phase = .asking(ask)
                state.lesson?.input = ""
                show(.text, ask.question)
                if case .choice(let options, _) = ask.answer {
                    for o in options { show(.text, "  \(o.key)) \(o.text)") }
                }
                return
            case .check(let check):
                guard let result = run.perform(runs: false) else { return }
                showCheck(check, result, lesson: run.lesson)
                state.paused = true
                state.lesson?.phase = .waiting
                return
            }
        }
        let checks = run.results.filter { $0.inRange != nil }
        let inRange = checks.filter { $0.inRange == true }.count
        show(.note, "lesson done: \(inRange) of \(checks.count) checks in range")
        state.lesson?.phase = .finished
        state.paused = true
    }

    /// The learner's answer to the ask waiting: recorded, its verdict and explanation shown, then the lesson goes on.
    func answerLesson(_ answer: LessonAnswer) {
        guard var run = lessonRun, case .ask? = run.current?.kind else { return }
        run.answer(answer)
        let result = run.perform(runs: false)
        lessonRun = run
        show(.answer, "your answer: \(answer)" + (result?.verdict.map { " · " + $0 } ?? ""))
        if let explain = result?.explain, !explain.isEmpty { show(.explanation, explain) }
        continueLesson()
    }

    /// The run step's end was reached: stop there and go on.
    func lessonRunFinished() {
        state.paused = true
        state.lesson?.phase = .waiting
        continueLesson()
    }

    // MARK: - Showing

    private func show(_ kind: LessonLine.Kind, _ text: String) {
        state.lesson?.transcript.append(LessonLine(kind, text))
    }

    /// A check: its label, then prediction · measured · theory, the range's verdict, the learner's, the explanation.
    private func showCheck(_ check: LessonCheck, _ r: LessonStepResult, lesson: Lesson) {
        show(.text, check.label)
        var figures: [String] = []
        if check.prediction != nil { figures.append("prediction " + (r.answer ?? "—")) }
        figures.append("measured " + (r.measured.map(LessonRun.shown) ?? "—"))
        if check.theory != nil { figures.append("theory " + (r.theory.map(LessonRun.shown) ?? "— (model does not apply)")) }
        show(.figure, figures.joined(separator: " · "))
        let inRange = r.inRange == true
        show(inRange ? .inRange : .outOfRange, "expect \(check.expectText): " + (inRange ? "in range" : "OUT OF RANGE"))
        if let verdict = r.verdict { show(.answer, "you: " + verdict) }
        if !check.explain.isEmpty { show(.explanation, check.explain) }
    }

    /// A `load` step's fresh model replaces the running one, as opening a scenario does.
    private func adopt(_ fresh: any NetworkModel, load: LessonLoad) {
        model = fresh
        recorder?.started(model)
        origin = RunOrigin(scenarioArgument: load.source, scenarioName: load.scenario.name, seed: load.scenario.seed)
        meter.reset()
        snapshotIsStale = true
        commandLog = CommandLog(capacity: commandLog.capacity)
        backend.prepareCrashScreen(CrashScreen.text(origin: origin, log: commandLog))
        state.scenarioName = load.scenario.name
        state.scenarioDescription = load.scenario.description
        state.selectedNode = 0
        state.switchFlash = nil
    }
}
