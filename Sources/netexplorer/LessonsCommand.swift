import ArgumentParser
import NetExplorerAssets
import NetworkEngine

/// `netexplorer lessons`: the built-in lessons, one line each: name, minutes at the projector, the claim it tests.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons", abstract: "List the built-in lessons (predict, run, check): name, minutes, claim.")

    func run() throws {
        let all = LessonCatalog.builtins()
        let width = all.map(\.name.count).max() ?? 0
        for (name, lesson) in all {
            let pad = String(repeating: " ", count: width - name.count)
            switch lesson {
            case .success(let l):
                print(TerminalText.escaped("\(name)\(pad)  \(RunReport.fixed(l.minutes, 0)) min  \(l.claim)"))
            case .failure(let e):
                // A broken built-in is a bug of ours: say so rather than hide it.
                print(TerminalText.escaped("\(name)\(pad)  (cannot be loaded: \(e.problems.first?.description ?? ""))"))
            }
        }
    }
}
