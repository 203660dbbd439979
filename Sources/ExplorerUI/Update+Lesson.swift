import NetworkEngine

/// A key the open lesson takes.
public enum LessonInput: Sendable, Equatable {
    case type(Character)
    case erase
    /// Enter: answer the ask, or go on after a check.
    case submit
}

/// The lesson's part of `update`: the picker of lessons and the answer being typed. Carrying the steps out on the
/// model is `LiveApp`'s (it holds the model); this only decides what a key means.
func updateLesson(_ state: inout AppState, _ action: Action, context: UpdateContext) -> [Effect] {
    switch action {
    case .openLessons:
        state.showsHelp = false
        closeFindingOverlays(&state)
        return [.listLessons]
    case .lessonsListed(let choices):
        state.showsHelp = false
        state.showsDescription = false
        var picker = ScenarioPicker(choices: choices)
        picker.listsLessons = true
        state.picker = picker
        return []
    case .lesson(let input):
        guard var lesson = state.lesson else { return [] }
        defer { state.lesson = lesson }
        switch (input, lesson.phase) {
        case (.type(let c), .asking):
            lesson.input.append(c)
            lesson.refusal = nil
        case (.erase, .asking):
            if !lesson.input.isEmpty { lesson.input.removeLast() }
            lesson.refusal = nil
        case (.submit, .asking(let ask)):
            switch LessonAnswer.read(lesson.input, for: ask) {
            case .success(let answer):
                lesson.input = ""
                lesson.refusal = nil
                return [.answerLesson(answer)]
            case .failure(let why):
                lesson.refusal = why.message
            }
        case (.submit, .waiting):
            return [.continueLesson]
        default:
            break
        }
        return []
    default:
        return []
    }
}
